// The $limit nodes with the most relationships (Documents and evidence links only when asked; only the
// given types if any), for drawing the whole graph when it is too big to draw: the same ranking as the
// HTML view's cap (most connected first, then by name), computed by the server instead of the client.
MATCH (n)
WHERE $documents OR NOT n:Document
WITH n, COUNT { MATCH (n)-[r]-(m) WHERE ($documents OR (type(r) <> 'EVIDENCED_BY' AND NOT m:Document))
                                    AND ($types IS NULL OR type(r) IN $types) } AS degree
WHERE degree > 0 OR $types IS NULL
RETURN n.id AS id, labels(n)[0] AS label, degree
ORDER BY degree DESC, n.name, id
LIMIT $limit
