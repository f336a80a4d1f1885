// People a person met, with date, place, the other person's offices, the source document and quote.
// @param person name   the person's full name (any case, with or without diacritics); `dipkg who-met` also takes a unique part of it
// @param limit int = 200   at most this many rows
MATCH (p:Person {key: $person})-[r:MET]-(o:Person)
OPTIONAL MATCH (o)-[:HOLDS]->(post:Post)
WITH p, r, o, collect(DISTINCT post.name) AS offices
RETURN p.name AS person, o.name AS name, r.date AS date, r.place AS place, r.doc AS doc,
       offices, r.quote AS quote
ORDER BY date, name, doc
LIMIT $limit
