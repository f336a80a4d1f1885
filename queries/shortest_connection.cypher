// The shortest connections between two people, organizations, provinces or partners (at most 8 steps,
// documents and evidence links left out), with every node and relationship along the path and the documents behind it.
// Both ends are found through the key index of each named label, not by reading every node.
// @param a key   one end (folded name)
// @param b key   the other end (folded name)
// @param limit int = 5   at most this many paths
CALL {
  MATCH (x:Person {key: $a}) RETURN x
  UNION MATCH (x:Organization {key: $a}) RETURN x
  UNION MATCH (x:Province {key: $a}) RETURN x
  UNION MATCH (x:Country {key: $a}) RETURN x
  UNION MATCH (x:ForeignLocality {key: $a}) RETURN x
  UNION MATCH (x:ForeignBody {key: $a}) RETURN x
  UNION MATCH (x:InternationalOrganization {key: $a}) RETURN x
  UNION MATCH (x:DiplomaticMission {key: $a}) RETURN x
  UNION MATCH (x:NGO {key: $a}) RETURN x
  UNION MATCH (x:Company {key: $a}) RETURN x
}
CALL {
  MATCH (y:Person {key: $b}) RETURN y
  UNION MATCH (y:Organization {key: $b}) RETURN y
  UNION MATCH (y:Province {key: $b}) RETURN y
  UNION MATCH (y:Country {key: $b}) RETURN y
  UNION MATCH (y:ForeignLocality {key: $b}) RETURN y
  UNION MATCH (y:ForeignBody {key: $b}) RETURN y
  UNION MATCH (y:InternationalOrganization {key: $b}) RETURN y
  UNION MATCH (y:DiplomaticMission {key: $b}) RETURN y
  UNION MATCH (y:NGO {key: $b}) RETURN y
  UNION MATCH (y:Company {key: $b}) RETURN y
}
WITH x, y WHERE x <> y
MATCH path = allShortestPaths((x)-[:MET|ATTENDED|HOLDS|POST_IN|IN_PROVINCE|INVOLVES|HELD_IN|MADE_BY|MADE_TO|DEALS_WITH|LOCATED_IN|MERGED_INTO*..8]-(y))
RETURN x.name AS source, y.name AS target, length(path) AS hops,
       [n IN nodes(path) | labels(n)[0] + ': ' + coalesce(n.name, n.id)] AS path,
       [r IN relationships(path) | type(r)] AS relationships,
       reduce(s = [], r IN relationships(path) | s + [d IN coalesce(r.docs, []) WHERE NOT d IN s]) AS documents,
       [r IN relationships(path) | r.quote] AS quotes
ORDER BY hops
LIMIT $limit
