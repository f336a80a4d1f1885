// The explorer's search box, fallback: names of provinces, organisations and foreign partners that contain
// the typed text but do not start with it (a place inside a body's name: "quang ninh" in "so ngoai vu tinh
// quang ninh"; a mid-word fragment). A scan of each label's keys, so the page asks it only when
// explorer_search (index-backed) gave fewer suggestions than it shows, and never for texts under three
// characters. People are not scanned: explorer_search finds every word of their names up to the fourth from
// the key_rest indexes, and the people are the label that grows with the store (a scan of them is what made
// search slower as the store grew). Each label stops reading after $scan matches, which bounds the work for
// common fragments; its suggestions are the best-documented of those. graph/explorer/api.py merges the parts.
// @param text key   what was typed
// @param limit int = 12   at most this many suggestions from each part
// @param scan int = 200   at most this many matches read per label
MATCH (n:Province) WHERE n.key CONTAINS $text AND NOT n.key STARTS WITH $text
WITH n LIMIT $scan
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 3 AS rank
ORDER BY documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:Organization) WHERE n.key CONTAINS $text AND NOT n.key STARTS WITH $text
WITH n LIMIT $scan
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 3 AS rank
ORDER BY documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:Country) WHERE n.key CONTAINS $text AND NOT n.key STARTS WITH $text
WITH n LIMIT $scan
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 3 AS rank
ORDER BY documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:ForeignLocality) WHERE n.key CONTAINS $text AND NOT n.key STARTS WITH $text
WITH n LIMIT $scan
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 3 AS rank
ORDER BY documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:ForeignBody) WHERE n.key CONTAINS $text AND NOT n.key STARTS WITH $text
WITH n LIMIT $scan
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 3 AS rank
ORDER BY documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:InternationalOrganization) WHERE n.key CONTAINS $text AND NOT n.key STARTS WITH $text
WITH n LIMIT $scan
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 3 AS rank
ORDER BY documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:DiplomaticMission) WHERE n.key CONTAINS $text AND NOT n.key STARTS WITH $text
WITH n LIMIT $scan
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 3 AS rank
ORDER BY documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:NGO) WHERE n.key CONTAINS $text AND NOT n.key STARTS WITH $text
WITH n LIMIT $scan
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 3 AS rank
ORDER BY documents DESC, name LIMIT $limit
UNION ALL
MATCH (n:Company) WHERE n.key CONTAINS $text AND NOT n.key STARTS WITH $text
WITH n LIMIT $scan
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province, n.country AS country,
       size(coalesce(n.docs, [])) AS documents, 3 AS rank
ORDER BY documents DESC, name LIMIT $limit
