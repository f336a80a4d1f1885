// Keep each person's list of office names (Person.offices) in step with their posts, for who_met: reading
// a busy person's offices from their HOLDS edges costs a walk per row, a property costs nothing. Run after a
// batch's nodes are written; a post's name is fixed when it is created, so the list only grows.
// row: {a, b}: a HOLDS row of this batch (a: the person's id, b: the post's id).
UNWIND $rows AS row
MATCH (p:Person {id: row.a})
MATCH (post:Post {id: row.b})
WITH p, post WHERE p.offices IS NULL OR NOT post.name IN p.offices
SET p.offices = coalesce(p.offices, []) + [post.name]
