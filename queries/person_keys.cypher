// People whose folded name contains a text: how `who-met` resolves a partial name to one person.
// @param text key   part of the name (any case, with or without diacritics)
// @param limit int = 20   at most this many rows
MATCH (p:Person)
WHERE p.key CONTAINS $text
RETURN p.key AS key, p.name AS name
ORDER BY name, key
LIMIT $limit
