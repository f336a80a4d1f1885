// The reverse of partner_network: which Vietnamese provinces deal with a foreign partner (a country also
// covers its localities and missions), with the documents, meetings and commitments where they dealt,
// the first and last dates and the evidence references.
// @param partner key   the foreign partner (folded name, e.g. lao, han quoc, savannakhet)
// @param since date = null   only dealings seen on or after this date
// @param until date = null   only dealings seen on or before this date
// @param limit int = 100   at most this many rows
MATCH (pr:Province)-[d:DEALS_WITH]->(x)
WHERE (x.key = $partner OR EXISTS { MATCH (x)-[:LOCATED_IN]->(c) WHERE c.key = $partner })
  AND ($since IS NULL OR d.last_date >= $since)
  AND ($until IS NULL OR d.first_date <= $until)
WITH pr, collect(DISTINCT x.name) AS via, min(d.first_date) AS first_date, max(d.last_date) AS last_date,
     collect(d.docs) AS doc_lists, collect(d.evidence) AS ev_lists
WITH pr, via, first_date, last_date,
     reduce(s = [], l IN doc_lists | s + [z IN l WHERE NOT z IN s]) AS docs,
     reduce(s = [], l IN ev_lists | s + [z IN l WHERE NOT z IN s]) AS evidence
RETURN pr.name AS province, via AS partners,
       COUNT { MATCH (m:Meeting) WHERE m.doc IN docs } AS meetings,
       COUNT { MATCH (k:Commitment) WHERE k.doc IN docs } AS commitments,
       size(docs) AS documents, first_date, last_date, evidence
ORDER BY documents DESC, meetings DESC, province
LIMIT $limit
