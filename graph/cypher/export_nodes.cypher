// Every node with its labels and properties (for the RDF export), in id order.
MATCH (n)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
