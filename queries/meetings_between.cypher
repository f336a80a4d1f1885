// Meetings between two people or two sides: each side is a person, a Vietnamese province or a foreign partner
// (a country also covers its localities), with date, place, who attended and the source quote.
// @param a key   one person, province or partner (folded name)
// @param b key   the other person, province or partner (folded name)
// @param limit int = 100   at most this many rows
MATCH (m:Meeting)
WHERE (EXISTS { MATCH (m)<-[:ATTENDED]-(pa:Person) WHERE pa.key = $a }
       OR EXISTS { MATCH (m)-[:INVOLVES|HELD_IN]->(ya)-[:LOCATED_IN*0..1]->(xa) WHERE xa.key = $a })
  AND (EXISTS { MATCH (m)<-[:ATTENDED]-(pb:Person) WHERE pb.key = $b }
       OR EXISTS { MATCH (m)-[:INVOLVES|HELD_IN]->(yb)-[:LOCATED_IN*0..1]->(xb) WHERE xb.key = $b })
MATCH (m)<-[at:ATTENDED]-(p:Person)
WITH m, collect(DISTINCT p.name) AS people, head(collect(at.quote)) AS quote
RETURN m.date AS date, m.location AS place, people, m.doc AS doc, quote, m.id AS meeting
ORDER BY date, doc, meeting
LIMIT $limit
