// The most connected foreign partners: how many provinces deal with each, and the meetings, commitments
// and documents where they did. Ranked by provinces then documents; meetings and commitments are counted
// (per document, through the Meeting.doc / Commitment.doc indexes) for the returned rows only.
// @param limit int = 10   at most this many rows
MATCH (pr:Province)-[d:DEALS_WITH]->(x)
UNWIND d.docs AS doc
WITH x, count(DISTINCT pr) AS provinces, collect(DISTINCT doc) AS docs
WITH x, provinces, docs, size(docs) AS documents
ORDER BY provinces DESC, documents DESC, x.name
LIMIT $limit
CALL { WITH docs UNWIND docs AS doc MATCH (m:Meeting {doc: doc}) RETURN count(m) AS meetings }
CALL { WITH docs UNWIND docs AS doc MATCH (c:Commitment {doc: doc}) RETURN count(c) AS commitments }
RETURN x.name AS name, labels(x)[0] AS kind, provinces, meetings, commitments, documents
ORDER BY provinces DESC, documents DESC, name
