// The explorer's search box: people, provinces, organisations and foreign partners whose folded name
// (case and diacritics ignored) contains the text, or an alternative spelling of it (the English or
// Vietnamese name the gazetteer gives); exact names first, then names that start with it, then by documents.
// @param text key   what was typed
// @param alt key = null   another spelling of the same name (e.g. Laos for Lào), or null
// @param limit int = 12   at most this many suggestions
CALL {
  MATCH (n:Person) WHERE n.key CONTAINS $text OR n.key = $alt RETURN n
  UNION MATCH (n:Province) WHERE n.key CONTAINS $text OR n.key = $alt RETURN n
  UNION MATCH (n:Organization) WHERE n.key CONTAINS $text OR n.key = $alt RETURN n
  UNION MATCH (n:Country) WHERE n.key CONTAINS $text OR n.key = $alt RETURN n
  UNION MATCH (n:ForeignLocality) WHERE n.key CONTAINS $text OR n.key = $alt RETURN n
  UNION MATCH (n:InternationalOrganization) WHERE n.key CONTAINS $text OR n.key = $alt RETURN n
  UNION MATCH (n:DiplomaticMission) WHERE n.key CONTAINS $text OR n.key = $alt RETURN n
  UNION MATCH (n:NGO) WHERE n.key CONTAINS $text OR n.key = $alt RETURN n
  UNION MATCH (n:Company) WHERE n.key CONTAINS $text OR n.key = $alt RETURN n
}
WITH n, CASE WHEN n.key = $text OR n.key = $alt THEN 0 WHEN n.key STARTS WITH $text THEN 1 ELSE 2 END AS rank
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.key AS key, n.province AS province,
       n.country AS country, size(coalesce(n.docs, [])) AS documents, rank
ORDER BY rank, documents DESC, name, id
LIMIT $limit
