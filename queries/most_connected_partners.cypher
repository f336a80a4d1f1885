// The most connected foreign partners: how many provinces deal with each, and the meetings, commitments
// and documents where they did.
// @param limit int = 10   at most this many rows
MATCH (pr:Province)-[d:DEALS_WITH]->(x)
WITH x, count(DISTINCT pr) AS provinces, collect(d.docs) AS doc_lists
WITH x, provinces, reduce(s = [], l IN doc_lists | s + [z IN l WHERE NOT z IN s]) AS docs
RETURN x.name AS name, labels(x)[0] AS kind, provinces,
       COUNT { MATCH (m:Meeting) WHERE m.doc IN docs } AS meetings,
       COUNT { MATCH (c:Commitment) WHERE c.doc IN docs } AS commitments,
       size(docs) AS documents
ORDER BY provinces DESC, documents DESC, meetings DESC, name
LIMIT $limit
