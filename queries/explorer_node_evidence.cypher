// The evidence behind one node of the explorer: its source references (doc#start-end), its quote and
// documents. Each branch goes through one label's id constraint.
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
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, coalesce(n.evidence, []) AS evidence, n.quote AS quote,
       coalesce(n.docs, []) AS docs
