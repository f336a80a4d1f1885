// The most connected people: how many others each met, in how many meetings and documents.
// @param limit int = 10   at most this many rows
MATCH (p:Person)-[r:MET]-(o:Person)
RETURN p.name AS name, count(DISTINCT o) AS met, count(DISTINCT r.meeting) AS meetings,
       count(DISTINCT r.doc) AS documents
ORDER BY met DESC, meetings DESC, name
LIMIT $limit
