// A replaced version, step 2 of 4: each person it named keeps the office list of the posts still held
// (Person.offices, see person_offices.cypher), after step 1 took away the version's HOLDS.
// @param ids list   ids of the documents whose old version goes
UNWIND $ids AS doc
MATCH (:Document {id: doc})<-[:EVIDENCED_BY]-(p:Person)
WITH DISTINCT p
SET p.offices = [(p)-[:HOLDS]->(post:Post) | post.name]
