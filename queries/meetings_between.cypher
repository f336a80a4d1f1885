// Meetings between two people or two sides: each side is a person, a Vietnamese province or a foreign partner
// (a country also covers its localities), with date, place, who attended and the source quote.
// The candidates are the meetings of side a (found through the key indexes); side b then filters them.
// @param a key   one person, province or partner (folded name)
// @param b key   the other person, province or partner (folded name)
// @param limit int = 100   at most this many rows
CALL {
  MATCH (x:Person {key: $a}) RETURN x
  UNION MATCH (x:Province {key: $a}) RETURN x
  UNION MATCH (x:Country {key: $a}) RETURN x
  UNION MATCH (x:ForeignLocality {key: $a}) RETURN x
  UNION MATCH (x:InternationalOrganization {key: $a}) RETURN x
  UNION MATCH (x:DiplomaticMission {key: $a}) RETURN x
  UNION MATCH (x:NGO {key: $a}) RETURN x
  UNION MATCH (x:Company {key: $a}) RETURN x
}
CALL {
  WITH x
  MATCH (x)-[:ATTENDED]->(m:Meeting) RETURN m
  UNION
  WITH x
  MATCH (x)<-[:LOCATED_IN*0..1]-(y)<-[:INVOLVES|HELD_IN]-(m:Meeting) RETURN m
}
WITH DISTINCT m
WHERE (EXISTS { MATCH (m)<-[:ATTENDED]-(pa:Person) WHERE pa.key = $a }
       OR EXISTS { MATCH (m)-[:INVOLVES|HELD_IN]->(ya)-[:LOCATED_IN*0..1]->(xa) WHERE xa.key = $a })
  AND (EXISTS { MATCH (m)<-[:ATTENDED]-(pb:Person) WHERE pb.key = $b }
       OR EXISTS { MATCH (m)-[:INVOLVES|HELD_IN]->(yb)-[:LOCATED_IN*0..1]->(xb) WHERE xb.key = $b })
MATCH (m)<-[at:ATTENDED]-(p:Person)
WITH m, collect(DISTINCT p.name) AS people, head(collect(at.quote)) AS quote
RETURN m.date AS date, m.location AS place, people, m.doc AS doc, quote, m.id AS meeting
ORDER BY date, doc, meeting
LIMIT $limit
