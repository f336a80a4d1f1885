// Person nodes with these folded-name keys, with the context the identity resolver weighs:
// side, country, province, every document (from its EVIDENCED_BY links), and each post held (folded office, province, country, dates).
UNWIND $keys AS k
MATCH (p:Person)
WHERE p.key = k
OPTIONAL MATCH (p)-[h:HOLDS]->(post:Post)
WITH p, collect({office: post.key, province: h.province, country: h.country,
                 first: h.first_date, last: h.last_date}) AS posts
RETURN p.id AS id, p.key AS key, p.name AS name, p.side AS side, p.country AS country,
       p.province AS province, [(p)-[:EVIDENCED_BY]->(d:Document) | d.id] AS docs, p.aliases AS aliases, posts
ORDER BY id
