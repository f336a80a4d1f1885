// A timeline of meetings for a person, a province or a foreign partner (a country also covers its
// localities and their bodies), oldest first; with no filter at all, every meeting. Null filters are ignored.
// The person, province or partner is the starting point (found through the key indexes), so only a call
// without any of them reads every meeting.
// @param person name = null   a person who attended (folded; a unique part of the name also works)
// @param province key = null   a Vietnamese province involved or where it was held
// @param partner key = null   a foreign partner involved or where it was held
// @param since date = null   on or after this date
// @param until date = null   on or before this date
// @param limit int = 500   at most this many rows
OPTIONAL MATCH (pr:Province {key: $province})
OPTIONAL MATCH (t1:Country {key: $partner})
OPTIONAL MATCH (t2:ForeignLocality {key: $partner})
OPTIONAL MATCH (t3:InternationalOrganization {key: $partner})
OPTIONAL MATCH (t4:DiplomaticMission {key: $partner})
OPTIONAL MATCH (t5:NGO {key: $partner})
OPTIONAL MATCH (t6:Company {key: $partner})
OPTIONAL MATCH (t7:ForeignBody {key: $partner})
WITH pr, [t IN [t1, t2, t3, t4, t5, t6, t7] WHERE t IS NOT NULL] AS pts
CALL {
  WITH pr, pts
  MATCH (m:Meeting) WHERE $person IS NULL AND $province IS NULL AND $partner IS NULL RETURN m
  UNION
  WITH pr, pts
  MATCH (pp:Person)-[:ATTENDED]->(m:Meeting)
  WHERE pp.key = $person OR (NOT EXISTS { MATCH (px:Person) WHERE px.key = $person } AND pp.key CONTAINS $person)
  RETURN m
  UNION
  WITH pr, pts
  MATCH (pr)<-[:INVOLVES|HELD_IN]-(m:Meeting) WHERE $person IS NULL RETURN m
  UNION
  WITH pr, pts
  UNWIND pts AS pt
  MATCH (pt)<-[:LOCATED_IN*0..2]-(pl)<-[:INVOLVES|HELD_IN]-(m:Meeting) WHERE $person IS NULL AND $province IS NULL
  RETURN m
}
// The branches above already hold the first condition given (person, else province, else partner);
// the others are checked per candidate, and the meetings are sorted and cut before reading who attended.
WITH DISTINCT m
WHERE ($since IS NULL OR m.date >= $since)
  AND ($until IS NULL OR m.date <= $until)
  AND ($province IS NULL OR $person IS NULL
       OR EXISTS { MATCH (m)-[:INVOLVES|HELD_IN]->(pr:Province) WHERE pr.key = $province })
  AND ($partner IS NULL OR ($person IS NULL AND $province IS NULL)
       OR EXISTS { MATCH (m)-[:INVOLVES|HELD_IN]->(pl)-[:LOCATED_IN*0..2]->(pt) WHERE pt.key = $partner })
WITH m ORDER BY m.date, m.doc, m.name LIMIT $limit
OPTIONAL MATCH (m)<-[at:ATTENDED]-(p:Person)
WITH m, collect(DISTINCT p.name) AS people, head(collect(at.quote)) AS quote
RETURN m.date AS date, m.date_basis AS date_basis, m.location AS place, m.name AS meeting, people,
       [(m)-[:INVOLVES]->(iv) | iv.name] AS parties, m.doc AS doc, quote
ORDER BY date, doc, meeting
