// Keep each person's list of office names (Person.offices) in step with their posts, for who_met: reading
// a busy person's offices from their HOLDS edges costs a walk per row, a property costs nothing. Run after a
// batch's Post nodes are written; a post's name is fixed when it is created, so the list only grows.
// row: {id} of a Post written in this batch.
UNWIND $rows AS row
MATCH (post:Post {id: row.id})
MATCH (p:Person {id: post.holder})
WITH p, post WHERE p.offices IS NULL OR NOT post.name IN p.offices
SET p.offices = coalesce(p.offices, []) + [post.name]
