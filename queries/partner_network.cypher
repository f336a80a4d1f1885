// A province's foreign partners: for each, the meetings and commitments reported in the documents where
// they dealt with each other, the number of those documents, the first and last dates and the evidence
// references (doc#start-end; the first 20 seen).
// Meetings and commitments are looked up per document through the Meeting.doc / Commitment.doc indexes,
// never by scanning every meeting: the cost grows with this province's documents, not the store's.
// @param province key   the Vietnamese province (folded name, e.g. quang tri)
// @param since date = null   only dealings seen on or after this date
// @param until date = null   only dealings seen on or before this date
// @param limit int = 100   at most this many rows
MATCH (pr:Province {key: $province})-[d:DEALS_WITH]->(x)
WHERE ($since IS NULL OR d.last_date >= $since)
  AND ($until IS NULL OR d.first_date <= $until)
CALL { WITH d UNWIND d.docs AS doc MATCH (m:Meeting {doc: doc}) RETURN count(m) AS meetings }
CALL { WITH d UNWIND d.docs AS doc MATCH (c:Commitment {doc: doc}) RETURN count(c) AS commitments }
RETURN pr.name AS province, x.name AS partner, labels(x)[0] AS kind, meetings, commitments,
       size(d.docs) AS documents, d.first_date AS first_date, d.last_date AS last_date, d.evidence AS evidence
ORDER BY documents DESC, meetings DESC, partner
LIMIT $limit
