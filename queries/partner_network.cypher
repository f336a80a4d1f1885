// A province's foreign partners: for each, the meetings and commitments reported in the documents where
// they dealt with each other, the number of those documents, the first and last dates and the evidence
// references (doc#start-end).
// @param province key   the Vietnamese province (folded name, e.g. quang tri)
// @param since date = null   only dealings seen on or after this date
// @param until date = null   only dealings seen on or before this date
// @param limit int = 100   at most this many rows
MATCH (pr:Province)-[d:DEALS_WITH]->(x)
WHERE pr.key = $province
  AND ($since IS NULL OR d.last_date >= $since)
  AND ($until IS NULL OR d.first_date <= $until)
RETURN pr.name AS province, x.name AS partner, labels(x)[0] AS kind,
       COUNT { MATCH (m:Meeting) WHERE m.doc IN d.docs } AS meetings,
       COUNT { MATCH (c:Commitment) WHERE c.doc IN d.docs } AS commitments,
       size(d.docs) AS documents, d.first_date AS first_date, d.last_date AS last_date, d.evidence AS evidence
ORDER BY documents DESC, meetings DESC, partner
LIMIT $limit
