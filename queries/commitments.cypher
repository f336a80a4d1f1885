// Commitments (support, requests, MoUs signed, cooperation, promotion, donations), filtered by maker,
// recipient, kind, province, partner and date range; every filter left null is ignored.
// A province or partner filter is the starting point (found through the key indexes, then walked to the
// commitments of its bodies and people), so only an unfiltered call reads every commitment.
// @param maker key = null   part of the maker's folded name (person, organization, province or partner)
// @param recipient key = null   part of the recipient's folded name
// @param kind str = null   support, request, sign, cooperate, promote, donate or other
// @param province key = null   a Vietnamese province on either end (directly, or through a person's or body's province)
// @param partner key = null   a foreign partner on either end (a country also covers its localities and its people)
// @param since date = null   on or after this date
// @param until date = null   on or before this date
// @param limit int = 200   at most this many rows
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
  MATCH (c:Commitment) WHERE $province IS NULL AND $partner IS NULL RETURN c
  UNION
  WITH pr, pts
  MATCH (pr)<-[:HOLDS|POST_IN|IN_PROVINCE*0..3]-(e)<-[:MADE_BY|MADE_TO]-(c:Commitment) RETURN c
  UNION
  WITH pr, pts
  MATCH (e:Person {province: pr.name})<-[:MADE_BY|MADE_TO]-(c:Commitment) RETURN c
  UNION
  WITH pr, pts
  UNWIND pts AS pt
  MATCH (pt)<-[:LOCATED_IN*0..2]-(e)<-[:MADE_BY|MADE_TO]-(c:Commitment) WHERE pr IS NULL RETURN c
  UNION
  WITH pr, pts
  UNWIND pts AS pt
  MATCH (e:Person {country: pt.name})<-[:MADE_BY|MADE_TO]-(c:Commitment) WHERE pr IS NULL RETURN c
}
// The branches above already hold the province condition, and the partner one unless a province was
// given too; what is left is checked per candidate, and the rows are sorted and cut before the lists
// of makers, recipients and evidence are read.
WITH DISTINCT c, pts
WHERE ($kind IS NULL OR c.kind = toLower($kind))
  AND ($since IS NULL OR c.date >= $since)
  AND ($until IS NULL OR c.date <= $until)
  AND ($maker IS NULL OR EXISTS { MATCH (c)-[:MADE_BY]->(mk) WHERE mk.key CONTAINS $maker })
  AND ($recipient IS NULL OR EXISTS { MATCH (c)-[:MADE_TO]->(rc) WHERE rc.key CONTAINS $recipient })
  AND ($partner IS NULL OR $province IS NULL OR EXISTS {
        MATCH (c)-[:MADE_BY|MADE_TO]->(e2)
        WHERE any(pt IN pts WHERE e2 = pt OR e2.country = pt.name OR EXISTS { MATCH (e2)-[:LOCATED_IN*1..2]->(pt) }) })
WITH c ORDER BY c.date, c.doc, c.text LIMIT $limit
RETURN c.date AS date, c.kind AS kind, c.text AS text, c.amount AS amount,
       [(c)-[:MADE_BY]->(w1) | w1.name] AS makers, [(c)-[:MADE_TO]->(w2) | w2.name] AS recipients,
       c.by_text AS by_text, c.to_text AS to_text, c.doc AS doc,
       [(c)-[ev:EVIDENCED_BY]->() | ev.evidence][0] AS evidence
ORDER BY date, doc, text
