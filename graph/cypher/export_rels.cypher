// Every relationship with its end nodes' ids, type and properties (for the RDF export).
MATCH (a)-[r]->(b)
RETURN a.id AS a, b.id AS b, type(r) AS type, properties(r) AS props
