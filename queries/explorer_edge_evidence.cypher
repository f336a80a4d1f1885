// The evidence behind one relationship of the explorer, named by its ends, type and key: its source
// references (doc#start-end), quote and documents. The start is found through the id constraints.
// @param source str   the id of the start node
// @param target str   the id of the end node
// @param type str   the relationship type
// @param key str = null   the relationship's key (null or empty when it has none)
CALL {
  MATCH (a:Person {id: $source}) RETURN a
  UNION MATCH (a:Province {id: $source}) RETURN a
  UNION MATCH (a:Organization {id: $source}) RETURN a
  UNION MATCH (a:Post {id: $source}) RETURN a
  UNION MATCH (a:Country {id: $source}) RETURN a
  UNION MATCH (a:ForeignLocality {id: $source}) RETURN a
  UNION MATCH (a:InternationalOrganization {id: $source}) RETURN a
  UNION MATCH (a:DiplomaticMission {id: $source}) RETURN a
  UNION MATCH (a:NGO {id: $source}) RETURN a
  UNION MATCH (a:Company {id: $source}) RETURN a
  UNION MATCH (a:Meeting {id: $source}) RETURN a
  UNION MATCH (a:Commitment {id: $source}) RETURN a
}
MATCH (a)-[r]->(b)
WHERE b.id = $target AND type(r) = $type AND coalesce(r.key, '') = coalesce($key, '')
RETURN type(r) AS type, coalesce(r.evidence, []) AS evidence, r.quote AS quote, coalesce(r.docs, []) AS docs,
       coalesce(r.date, r.first_date) AS date, r.place AS place
LIMIT 1
