// The shortest connections between two people, organizations, provinces or partners (at most 8 steps,
// documents and evidence links left out), with every node and relationship along the path and the documents behind it.
// @param a key   one end (folded name)
// @param b key   the other end (folded name)
// @param limit int = 5   at most this many paths
MATCH (x) WHERE x.key = $a AND NOT (x:Post OR x:Document OR x:Meeting OR x:Commitment)
MATCH (y) WHERE y.key = $b AND NOT (y:Post OR y:Document OR y:Meeting OR y:Commitment) AND x <> y
MATCH path = allShortestPaths((x)-[:MET|ATTENDED|HOLDS|POST_IN|IN_PROVINCE|INVOLVES|HELD_IN|MADE_BY|MADE_TO|DEALS_WITH|LOCATED_IN|MERGED_INTO*..8]-(y))
RETURN x.name AS source, y.name AS target, length(path) AS hops,
       [n IN nodes(path) | labels(n)[0] + ': ' + coalesce(n.name, n.id)] AS path,
       [r IN relationships(path) | type(r)] AS relationships,
       reduce(s = [], r IN relationships(path) | s + [d IN coalesce(r.docs, []) WHERE NOT d IN s]) AS documents,
       [r IN relationships(path) | r.quote] AS quotes
ORDER BY hops
LIMIT $limit
