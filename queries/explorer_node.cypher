// One node of the explorer's graph by id, with what its label needs: a meeting's people, date and place,
// a commitment's kind and makers, the provinces and partners it concerns (for the page's filters).
// Each branch goes through one label's id constraint.
// @param id str   the node's id
CALL {
  MATCH (n:Person {id: $id}) RETURN n
  UNION MATCH (n:Province {id: $id}) RETURN n
  UNION MATCH (n:Organization {id: $id}) RETURN n
  UNION MATCH (n:Post {id: $id}) RETURN n
  UNION MATCH (n:Country {id: $id}) RETURN n
  UNION MATCH (n:ForeignLocality {id: $id}) RETURN n
  UNION MATCH (n:InternationalOrganization {id: $id}) RETURN n
  UNION MATCH (n:DiplomaticMission {id: $id}) RETURN n
  UNION MATCH (n:NGO {id: $id}) RETURN n
  UNION MATCH (n:Company {id: $id}) RETURN n
  UNION MATCH (n:Meeting {id: $id}) RETURN n
  UNION MATCH (n:Commitment {id: $id}) RETURN n
}
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.date AS date, n.kind AS kind,
       n.location AS place, n.province AS province, n.country AS country, n.side AS side,
       [(n)<-[:ATTENDED]-(p:Person) | p.name][..6] AS people, [(n)-[:MADE_BY]->(m) | m.name][..4] AS makers,
       [(n)-[:MADE_TO]->(t) | t.name][..4] AS recipients,
       [(n)-[:INVOLVES|HELD_IN|IN_PROVINCE|POST_IN|LOCATED_IN]->(t) | t.name][..8] AS places,
       size(coalesce(n.docs, [])) AS documents
