// A timeline of meetings for a person, a province or a foreign partner (a country also covers its
// localities), oldest first; with no filter at all, every meeting. Null filters are ignored.
// @param person name = null   a person who attended (folded; a unique part of the name also works)
// @param province key = null   a Vietnamese province involved or where it was held
// @param partner key = null   a foreign partner involved or where it was held
// @param since date = null   on or after this date
// @param until date = null   on or before this date
// @param limit int = 500   at most this many rows
MATCH (m:Meeting)
WHERE ($since IS NULL OR m.date >= $since)
  AND ($until IS NULL OR m.date <= $until)
  AND ($person IS NULL OR EXISTS {
        MATCH (m)<-[:ATTENDED]-(pp:Person)
        WHERE pp.key = $person
           OR (NOT EXISTS { MATCH (px:Person) WHERE px.key = $person } AND pp.key CONTAINS $person) })
  AND ($province IS NULL OR EXISTS { MATCH (m)-[:INVOLVES|HELD_IN]->(pr:Province) WHERE pr.key = $province })
  AND ($partner IS NULL OR EXISTS {
        MATCH (m)-[:INVOLVES|HELD_IN]->(pl)-[:LOCATED_IN*0..1]->(pt) WHERE pt.key = $partner })
OPTIONAL MATCH (m)<-[at:ATTENDED]-(p:Person)
WITH m, collect(DISTINCT p.name) AS people, head(collect(at.quote)) AS quote
RETURN m.date AS date, m.location AS place, m.name AS meeting, people,
       [(m)-[:INVOLVES]->(iv) | iv.name] AS parties, m.doc AS doc, quote
ORDER BY date, doc, meeting
LIMIT $limit
