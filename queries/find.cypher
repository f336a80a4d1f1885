// Find nodes by part of their name (folded, so case and diacritics do not matter): what a name is in the
// graph, and the exact key to pass to the other templates.
// @param text key   part of the name
// @param limit int = 50   at most this many rows
MATCH (n)
WHERE n.key CONTAINS $text AND NOT n:Document
RETURN labels(n)[0] AS label, n.name AS name, n.key AS key, COUNT { (n)-[:EVIDENCED_BY]->() } AS documents
ORDER BY documents DESC, label, name
LIMIT $limit
