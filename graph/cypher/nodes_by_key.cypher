// Named nodes (people, bodies, places, partners) whose folded key is $key, else (with $partial) contains it:
// where `dipkg viz --focus` starts. Each branch goes through one label's key index.
CALL {
  MATCH (n:Person) WHERE n.key = $key OR ($partial AND n.key CONTAINS $key) RETURN n
  UNION MATCH (n:Province) WHERE n.key = $key OR ($partial AND n.key CONTAINS $key) RETURN n
  UNION MATCH (n:Organization) WHERE n.key = $key OR ($partial AND n.key CONTAINS $key) RETURN n
  UNION MATCH (n:Country) WHERE n.key = $key OR ($partial AND n.key CONTAINS $key) RETURN n
  UNION MATCH (n:ForeignLocality) WHERE n.key = $key OR ($partial AND n.key CONTAINS $key) RETURN n
  UNION MATCH (n:ForeignBody) WHERE n.key = $key OR ($partial AND n.key CONTAINS $key) RETURN n
  UNION MATCH (n:InternationalOrganization) WHERE n.key = $key OR ($partial AND n.key CONTAINS $key) RETURN n
  UNION MATCH (n:DiplomaticMission) WHERE n.key = $key OR ($partial AND n.key CONTAINS $key) RETURN n
  UNION MATCH (n:NGO) WHERE n.key = $key OR ($partial AND n.key CONTAINS $key) RETURN n
  UNION MATCH (n:Company) WHERE n.key = $key OR ($partial AND n.key CONTAINS $key) RETURN n
}
RETURN n.id AS id, labels(n)[0] AS label
ORDER BY id
