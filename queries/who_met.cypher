// People a person met, with date, place, the other person's offices, the source document and quote.
// @param person name   the person's full name (any case, with or without diacritics); `dipkg who-met` also takes a unique part of it
// @param limit int = 200   at most this many rows
MATCH (p:Person {key: $person})-[r:MET]-(o:Person)
// sorted and cut first; offices are the other person's office list (Person.offices, kept by the writer
// from their posts): reading them from each row's HOLDS edges walked a busy person's thousands of edges
WITH p, r, o ORDER BY r.date, o.name, r.doc LIMIT $limit
RETURN p.name AS person, o.name AS name, r.date AS date, r.date_basis AS date_basis, r.place AS place, r.doc AS doc,
       coalesce(o.offices, []) AS offices, r.quote AS quote
