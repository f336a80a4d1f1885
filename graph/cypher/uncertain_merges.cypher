// Identity decisions flagged for review: a person mention attached to a node (or split from
// same-name nodes) by a rule that the resolver marked uncertain, with the evidence it weighed.
MATCH (p:Person)-[e:EVIDENCED_BY]->(d:Document)
WHERE e.match_uncertain = true
RETURN p.id AS id, p.name AS name, e.match_name AS mention, d.id AS doc, e.match_rule AS rule,
       e.match_evidence AS evidence, e.quote AS quote, COUNT { (p)-[:EVIDENCED_BY]->() } AS documents
ORDER BY name, id, doc
