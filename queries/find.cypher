// Find nodes by part of their name (folded, so case and diacritics do not matter): what a name is in the
// graph, and the exact key to pass to the other templates. Looks at the named kinds of node (people,
// bodies, places, partners, posts), not at documents, meetings or commitments, which outnumber them.
// @param text key   part of the name
// @param limit int = 50   at most this many rows
CALL {
  MATCH (n:Person) WHERE n.key CONTAINS $text RETURN n
  UNION MATCH (n:Province) WHERE n.key CONTAINS $text RETURN n
  UNION MATCH (n:Organization) WHERE n.key CONTAINS $text RETURN n
  UNION MATCH (n:Post) WHERE n.key CONTAINS $text RETURN n
  UNION MATCH (n:Country) WHERE n.key CONTAINS $text RETURN n
  UNION MATCH (n:ForeignLocality) WHERE n.key CONTAINS $text RETURN n
  UNION MATCH (n:ForeignBody) WHERE n.key CONTAINS $text RETURN n
  UNION MATCH (n:InternationalOrganization) WHERE n.key CONTAINS $text RETURN n
  UNION MATCH (n:DiplomaticMission) WHERE n.key CONTAINS $text RETURN n
  UNION MATCH (n:NGO) WHERE n.key CONTAINS $text RETURN n
  UNION MATCH (n:Company) WHERE n.key CONTAINS $text RETURN n
}
RETURN labels(n)[0] AS label, n.name AS name, n.key AS key, COUNT { (n)-[:EVIDENCED_BY]->() } AS documents
ORDER BY documents DESC, label, name
LIMIT $limit
