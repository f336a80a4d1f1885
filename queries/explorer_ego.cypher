// The explorer's ego network: the relationships of one node (documents and evidence links left out),
// each with the node at the other end and what its label needs (as explorer_node). Cut at $limit
// relationships; ``total`` says how many there are, so the page can say what it cut.
// @param id str   the node at the centre
// @param limit int = 150   at most this many relationships
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
WITH a, COUNT { (a)-[r]-(x) WHERE type(r) <> 'EVIDENCED_BY' } AS total
MATCH (a)-[r]-(n) WHERE type(r) <> 'EVIDENCED_BY'
WITH total, r, n LIMIT $limit
RETURN total, startNode(r).id AS source, endNode(r).id AS target, type(r) AS type, coalesce(r.key, '') AS key,
       coalesce(r.date, r.first_date) AS date, coalesce(r.last_date, r.date) AS until, r.place AS rel_place,
       n.id AS id, labels(n)[0] AS label, n.name AS name, n.date AS node_date, n.kind AS kind,
       n.location AS place, n.province AS province, n.country AS country, n.side AS side,
       [(n)<-[:ATTENDED]-(p:Person) | p.name][..6] AS people, [(n)-[:MADE_BY]->(m) | m.name][..4] AS makers,
       [(n)-[:MADE_TO]->(t) | t.name][..4] AS recipients,
       [(n)-[:INVOLVES|HELD_IN|IN_PROVINCE|POST_IN|LOCATED_IN]->(t) | t.name][..8] AS places,
       size(coalesce(n.docs, [])) AS documents
