// Some nodes of one label (__LABEL__ is filled from the ontology's fixed set only) with their properties.
UNWIND $ids AS id
MATCH (n:__LABEL__ {id: id})
RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS props
