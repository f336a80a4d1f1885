// Give the people of a store written before the later-word search keys existed their key_rest1..3: the folded
// name from its 2nd, 3rd and 4th word on, as ontology/projection.rest_keys gives new people. Run once by
// graph/schema.ensure_schema, when the store has no index on key_rest1 yet (a store of that age); without
// it, the explorer's search would no longer find such people by a later word of their names.
MATCH (p:Person) WHERE p.key CONTAINS ' ' AND p.key_rest1 IS NULL
WITH p, split(p.key, ' ') AS w
SET p.key_rest1 = reduce(s = w[1], x IN w[2..] | s + ' ' + x),
    p.key_rest2 = CASE WHEN size(w) > 2 THEN reduce(s = w[2], x IN w[3..] | s + ' ' + x) END,
    p.key_rest3 = CASE WHEN size(w) > 3 THEN reduce(s = w[3], x IN w[4..] | s + ' ' + x) END
