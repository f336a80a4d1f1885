// The explorer's search box, first pass, answered from the `key` indexes: people, provinces, organisations
// and foreign partners whose folded name (case and diacritics ignored) is the text or an alternative spelling
// of it (the English or Vietnamese name the gazetteer gives), or starts with the text; exact names first,
// then by documents. Every branch is one label's equality or STARTS WITH on its indexed `key`, so no label
// is scanned (names containing the text elsewhere: explorer_search_contains, asked only when this gives
// fewer than the page shows).
// @param text key   what was typed
// @param alt key = null   another spelling of the same name (e.g. Laos for Lào), or null
// @param limit int = 12   at most this many suggestions
CALL {
  MATCH (n:Person) WHERE n.key STARTS WITH $text RETURN n
  UNION MATCH (n:Province) WHERE n.key STARTS WITH $text RETURN n
  UNION MATCH (n:Organization) WHERE n.key STARTS WITH $text RETURN n
  UNION MATCH (n:Country) WHERE n.key STARTS WITH $text RETURN n
  UNION MATCH (n:ForeignLocality) WHERE n.key STARTS WITH $text RETURN n
  UNION MATCH (n:ForeignBody) WHERE n.key STARTS WITH $text RETURN n
  UNION MATCH (n:InternationalOrganization) WHERE n.key STARTS WITH $text RETURN n
  UNION MATCH (n:DiplomaticMission) WHERE n.key STARTS WITH $text RETURN n
  UNION MATCH (n:NGO) WHERE n.key STARTS WITH $text RETURN n
  UNION MATCH (n:Company) WHERE n.key STARTS WITH $text RETURN n
  UNION MATCH (n:Province) WHERE n.key = $alt RETURN n
  UNION MATCH (n:Country) WHERE n.key = $alt RETURN n
  UNION MATCH (n:ForeignLocality) WHERE n.key = $alt RETURN n
  UNION MATCH (n:ForeignBody) WHERE n.key = $alt RETURN n
  UNION MATCH (n:InternationalOrganization) WHERE n.key = $alt RETURN n
  UNION MATCH (n:Organization) WHERE n.key = $alt RETURN n
}
WITH n, CASE WHEN n.key = $text OR n.key = $alt THEN 0 ELSE 1 END AS rank
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province,
       n.country AS country, size(coalesce(n.docs, [])) AS documents, rank
ORDER BY rank, documents DESC, name, id
LIMIT $limit
