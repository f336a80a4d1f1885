// Given relationships of one type between two labels (placeholders filled from the ontology's fixed set
// only), identified by their ends and key, with their properties.
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.a})-[r:__TYPE__]->(b:__TO__ {id: row.b})
WHERE coalesce(r.key, '') = row.key
RETURN a.id AS a, b.id AS b, type(r) AS type, properties(r) AS props
