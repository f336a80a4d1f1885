// The explorer's search box, first pass, answered from indexes only: people, provinces, organisations and
// foreign partners whose folded name (case and diacritics ignored) is the text or an alternative spelling of
// it (the English or Vietnamese name the gazetteer gives; rank 0), starts with the text (rank 1), or, for a
// person, has a later word that starts with it ("son" or "thanh s" for "bui thanh son"; rank 2; the writer
// keeps the name from its 2nd, 3rd and 4th word as key_rest1..3, see ontology/model.PERSON_REST_KEYS).
// Every part is one label's STARTS WITH or equality on one indexed property, so no label is scanned (an OR
// across two properties loses the index on the embedded server: one part per property); each part keeps its
// own best $limit (exact first, then by documents) and graph/explorer/api.py merges them. Parts joined by a
// top-level UNION ALL rather than CALL { … UNION … }: on the embedded server the CALL wrapper alone cost
// ~10 ms a call (bench/explorer.py's docstring). Other names containing the text elsewhere:
// explorer_search_contains, asked only when this gives fewer than the page shows.
// @param text key   what was typed
// @param alt key = null   another spelling of the same name (e.g. Laos for Lào), or null
// @param limit int = 12   at most this many suggestions from each part
MATCH (n:Person) WHERE n.key STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, CASE WHEN n.key = $text THEN 0 ELSE 1 END AS rank
ORDER BY rank, documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:Person) WHERE n.key_rest1 STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 2 AS rank
ORDER BY documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:Person) WHERE n.key_rest2 STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 2 AS rank
ORDER BY documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:Person) WHERE n.key_rest3 STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 2 AS rank
ORDER BY documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:Province) WHERE n.key STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, CASE WHEN n.key = $text THEN 0 ELSE 1 END AS rank
ORDER BY rank, documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:Organization) WHERE n.key STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, CASE WHEN n.key = $text THEN 0 ELSE 1 END AS rank
ORDER BY rank, documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:Country) WHERE n.key STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, CASE WHEN n.key = $text THEN 0 ELSE 1 END AS rank
ORDER BY rank, documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:ForeignLocality) WHERE n.key STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, CASE WHEN n.key = $text THEN 0 ELSE 1 END AS rank
ORDER BY rank, documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:ForeignBody) WHERE n.key STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, CASE WHEN n.key = $text THEN 0 ELSE 1 END AS rank
ORDER BY rank, documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:InternationalOrganization) WHERE n.key STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, CASE WHEN n.key = $text THEN 0 ELSE 1 END AS rank
ORDER BY rank, documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:DiplomaticMission) WHERE n.key STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, CASE WHEN n.key = $text THEN 0 ELSE 1 END AS rank
ORDER BY rank, documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:NGO) WHERE n.key STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, CASE WHEN n.key = $text THEN 0 ELSE 1 END AS rank
ORDER BY rank, documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:Company) WHERE n.key STARTS WITH $text
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, CASE WHEN n.key = $text THEN 0 ELSE 1 END AS rank
ORDER BY rank, documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:Province) WHERE n.key = $alt
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 0 AS rank
LIMIT $limit
UNION ALL
MATCH (n:Country) WHERE n.key = $alt
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 0 AS rank
LIMIT $limit
UNION ALL
MATCH (n:ForeignLocality) WHERE n.key = $alt
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 0 AS rank
LIMIT $limit
UNION ALL
MATCH (n:ForeignBody) WHERE n.key = $alt
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 0 AS rank
LIMIT $limit
UNION ALL
MATCH (n:InternationalOrganization) WHERE n.key = $alt
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 0 AS rank
LIMIT $limit
UNION ALL
MATCH (n:Organization) WHERE n.key = $alt
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 0 AS rank
LIMIT $limit
