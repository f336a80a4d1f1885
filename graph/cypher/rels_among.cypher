// The relationships from some nodes of one label (__LABEL__ is filled from the ontology's fixed set only)
// to any node in $among: the edges of a selected part of the graph.
UNWIND $ids AS id
MATCH (a:__LABEL__ {id: id})-[r]->(b)
WHERE b.id IN $among
  AND ($documents OR type(r) <> 'EVIDENCED_BY')
  AND ($types IS NULL OR type(r) IN $types)
RETURN a.id AS a, b.id AS b, type(r) AS type, properties(r) AS props
