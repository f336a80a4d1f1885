// One hop out of some nodes of one label (__LABEL__ is filled from the ontology's fixed set only): their
// relationships (ends, type, key; properties are read later for the ones drawn), each with the node at
// the other end. Documents and their evidence links only when asked.
UNWIND $ids AS id
MATCH (a:__LABEL__ {id: id})-[r]-(b)
WHERE ($documents OR (type(r) <> 'EVIDENCED_BY' AND NOT b:Document))
  AND ($types IS NULL OR type(r) IN $types)
RETURN startNode(r).id AS a, endNode(r).id AS b, type(r) AS type, r.key AS key,
       labels(startNode(r))[0] AS a_label, labels(endNode(r))[0] AS b_label, b.id AS other, labels(b)[0] AS label
