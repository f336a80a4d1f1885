// An analyst accepted an uncertain identity decision: the mention's evidence link says so and leaves review.
// @param node str   the person node id
// @param doc str   the document id
MATCH (p:Person {id: $node})-[e:EVIDENCED_BY]->(d:Document {id: $doc})
SET e.match_uncertain = false, e.match_rule = coalesce(e.match_rule, '') + ', analyst-accepted'
RETURN count(e) AS accepted
