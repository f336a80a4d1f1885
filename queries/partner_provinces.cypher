// The reverse of partner_network: which Vietnamese provinces deal with a foreign partner (a country also
// covers its localities, their bodies and its missions), with the documents, meetings and commitments where they dealt,
// the first and last dates and the evidence references (the first 20 seen per dealing).
// The partner is found through the key indexes of the partner labels, one branch per label.
// @param partner key   the foreign partner (folded name, e.g. lao, han quoc, savannakhet)
// @param since date = null   only dealings seen on or after this date
// @param until date = null   only dealings seen on or before this date
// @param limit int = 100   at most this many rows
CALL {
  MATCH (t:Country {key: $partner}) RETURN t
  UNION MATCH (t:ForeignLocality {key: $partner}) RETURN t
  UNION MATCH (t:ForeignBody {key: $partner}) RETURN t
  UNION MATCH (t:InternationalOrganization {key: $partner}) RETURN t
  UNION MATCH (t:DiplomaticMission {key: $partner}) RETURN t
  UNION MATCH (t:NGO {key: $partner}) RETURN t
  UNION MATCH (t:Company {key: $partner}) RETURN t
}
MATCH (x)-[:LOCATED_IN*0..2]->(t)
MATCH (pr:Province)-[d:DEALS_WITH]->(x)
WHERE ($since IS NULL OR d.last_date >= $since)
  AND ($until IS NULL OR d.first_date <= $until)
UNWIND d.docs AS doc
WITH pr, collect(DISTINCT x.name) AS via, min(d.first_date) AS first_date, max(d.last_date) AS last_date,
     collect(DISTINCT doc) AS docs, collect(d.evidence) AS ev_lists
CALL { WITH docs UNWIND docs AS doc MATCH (m:Meeting {doc: doc}) RETURN count(m) AS meetings }
CALL { WITH docs UNWIND docs AS doc MATCH (k:Commitment {doc: doc}) RETURN count(k) AS commitments }
RETURN pr.name AS province, via AS partners, meetings, commitments, size(docs) AS documents, first_date, last_date,
       reduce(s = [], l IN ev_lists | s + [z IN l WHERE NOT z IN s]) AS evidence
ORDER BY documents DESC, meetings DESC, province
LIMIT $limit
