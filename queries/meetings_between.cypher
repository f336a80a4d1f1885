// Meetings between two people or two sides: each side is a person, a Vietnamese province or a foreign partner
// (a country also covers its localities), with date, place, who attended and the source quote.
// Each side's meetings are found from its node (through the key indexes) and the two sets intersected:
// no meeting is read that neither side took part in.
// @param a key   one person, province or partner (folded name)
// @param b key   the other person, province or partner (folded name)
// @param limit int = 100   at most this many rows
CALL {
  MATCH (x:Person {key: $a}) RETURN x
  UNION MATCH (x:Province {key: $a}) RETURN x
  UNION MATCH (x:Country {key: $a}) RETURN x
  UNION MATCH (x:ForeignLocality {key: $a}) RETURN x
  UNION MATCH (x:ForeignBody {key: $a}) RETURN x
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
  MATCH (x)<-[:LOCATED_IN*0..2]-(y)<-[:INVOLVES|HELD_IN]-(m:Meeting) RETURN m
}
WITH collect(DISTINCT m) AS ma
CALL {
  MATCH (z:Person {key: $b}) RETURN z
  UNION MATCH (z:Province {key: $b}) RETURN z
  UNION MATCH (z:Country {key: $b}) RETURN z
  UNION MATCH (z:ForeignLocality {key: $b}) RETURN z
  UNION MATCH (z:ForeignBody {key: $b}) RETURN z
  UNION MATCH (z:InternationalOrganization {key: $b}) RETURN z
  UNION MATCH (z:DiplomaticMission {key: $b}) RETURN z
  UNION MATCH (z:NGO {key: $b}) RETURN z
  UNION MATCH (z:Company {key: $b}) RETURN z
}
CALL {
  WITH z
  MATCH (z)-[:ATTENDED]->(m:Meeting) RETURN m
  UNION
  WITH z
  MATCH (z)<-[:LOCATED_IN*0..2]-(y)<-[:INVOLVES|HELD_IN]-(m:Meeting) RETURN m
}
WITH ma, collect(DISTINCT m) AS mb
UNWIND [m IN ma WHERE m IN mb] AS m
MATCH (m)<-[at:ATTENDED]-(p:Person)
WITH m, collect(DISTINCT p.name) AS people, head(collect(at.quote)) AS quote
RETURN m.date AS date, m.location AS place, people, m.doc AS doc, quote, m.id AS meeting
ORDER BY date, doc, meeting
LIMIT $limit
