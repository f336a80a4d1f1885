// People a person met, with date, place, the other person's offices, the source document and quote.
// @param person name   the person's full name (any case, with or without diacritics); `dipkg who-met` also takes a unique part of it
// @param limit int = 200   at most this many rows
MATCH (p:Person {key: $person})-[r:MET]-(o:Person)
// sorted and cut first; the offices are read for the rows returned only, through the Post.holder index
// (a busy person's own edges run into the thousands: walking them for HOLDS cost ~15 ms per answer)
WITH p, r, o ORDER BY r.date, o.name, r.doc LIMIT $limit
CALL { WITH o MATCH (post:Post {holder: o.id}) WITH post ORDER BY post.name RETURN collect(post.name) AS offices }
RETURN p.name AS person, o.name AS name, r.date AS date, r.place AS place, r.doc AS doc, offices, r.quote AS quote
ORDER BY date, name, doc
