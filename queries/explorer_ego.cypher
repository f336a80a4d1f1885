// The explorer's ego network: the relationships of one node (documents and evidence links left out), each
// with the node at the other end and what its label needs (as explorer_node), in two ranked tiers of at most
// $limit each; graph/explorer/api.py shares the page's $limit between them and ``total`` (every such
// relationship) lets the page say what it cut.
// - tier 0, the lasting links (MET, DEALS_WITH, HOLDS, POST_IN, IN_PROVINCE, LOCATED_IN, MERGED_INTO) of the
//   $limit neighbours with the most documents behind their links (a counterpart met in four meetings before
//   one met once; MET is one link per meeting), then the latest;
// - tier 1, the events (ATTENDED, INVOLVES, HELD_IN, MADE_BY, MADE_TO: meetings and commitments): the latest
//   by date among the $window most recently written (the store lists a node's links newest first).
// Why so: a Country of the 100,000-document bench has 18,143 such links (12,791 meetings); sorting them all
// cost 175-420 ms, the window 22 ms; the lasting links are few even on hubs (63 DEALS_WITH; 1,323 MET on the
// busiest person). Relationship types are listed, never ``type(r) <> 'EVIDENCED_BY'``: on the embedded
// server the listed types skip the evidence links without reading them (the country's count: 62 -> 18 ms).
// @param id str   the node at the centre
// @param limit int = 150   at most this many relationships per tier
// @param window int = 2000   at most this many events read to find the latest
CALL {
  MATCH (a:Person {id: $id}) RETURN a
  UNION MATCH (a:Province {id: $id}) RETURN a
  UNION MATCH (a:Organization {id: $id}) RETURN a
  UNION MATCH (a:Post {id: $id}) RETURN a
  UNION MATCH (a:Country {id: $id}) RETURN a
  UNION MATCH (a:ForeignLocality {id: $id}) RETURN a
  UNION MATCH (a:InternationalOrganization {id: $id}) RETURN a
  UNION MATCH (a:DiplomaticMission {id: $id}) RETURN a
  UNION MATCH (a:NGO {id: $id}) RETURN a
  UNION MATCH (a:Company {id: $id}) RETURN a
  UNION MATCH (a:Meeting {id: $id}) RETURN a
  UNION MATCH (a:Commitment {id: $id}) RETURN a
}
WITH a, COUNT { (a)-[:MET|DEALS_WITH|HOLDS|POST_IN|IN_PROVINCE|LOCATED_IN|MERGED_INTO|ATTENDED|INVOLVES|HELD_IN|MADE_BY|MADE_TO]-() } AS total
CALL {
  WITH a
  MATCH (a)-[r:MET|DEALS_WITH|HOLDS|POST_IN|IN_PROVINCE|LOCATED_IN|MERGED_INTO]-(n)
  WITH n, collect(r) AS rs, sum(size(coalesce(r.docs, []))) AS weight,
       max(coalesce(r.last_date, r.date, r.first_date)) AS latest
  ORDER BY weight DESC, latest DESC LIMIT $limit
  UNWIND rs AS r
  RETURN r, n, 0 AS tier, weight, latest
  UNION ALL
  WITH a
  MATCH (a)-[r:ATTENDED|INVOLVES|HELD_IN|MADE_BY|MADE_TO]-(n)
  WITH r, n LIMIT $window
  WITH r, n, coalesce(n.date, r.last_date, r.date) AS latest ORDER BY latest DESC LIMIT $limit
  RETURN r, n, 1 AS tier, 0 AS weight, latest
}
RETURN total, tier, weight, latest, startNode(r).id AS source, endNode(r).id AS target, type(r) AS type, coalesce(r.key, '') AS key,
       coalesce(r.date, r.first_date) AS date, coalesce(r.last_date, r.date) AS until, r.place AS rel_place,
       n.id AS id, labels(n)[0] AS label, n.name AS name, n.date AS node_date, n.kind AS kind,
       n.location AS place, n.province AS province, n.country AS country, n.side AS side,
       [(n)<-[:ATTENDED]-(p:Person) | p.name][..6] AS people, [(n)-[:MADE_BY]->(m) | m.name][..4] AS makers,
       [(n)-[:MADE_TO]->(t) | t.name][..4] AS recipients,
       [(n)-[:INVOLVES|HELD_IN|IN_PROVINCE|POST_IN|LOCATED_IN]->(t) | t.name][..8] AS places,
       size(coalesce(n.docs, [])) AS documents
