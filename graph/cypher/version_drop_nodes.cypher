// A replaced version, step 3 of 4: its evidence links go, its id and spans leave the nodes' samples, and a
// node no other document evidences is deleted (its meetings, commitments, posts, and people, places and
// partners only it named).
// @param ids list   ids of the documents whose old version goes
UNWIND $ids AS doc
MATCH (:Document {id: doc})<-[e:EVIDENCED_BY]-(n)
DELETE e
WITH DISTINCT doc, n
SET n.docs = [x IN coalesce(n.docs, []) WHERE x <> doc],
    n.evidence = [x IN coalesce(n.evidence, []) WHERE NOT x STARTS WITH doc + '#']
WITH DISTINCT n
WHERE NOT EXISTS { MATCH (n)-[:EVIDENCED_BY]->(:Document) }
DETACH DELETE n
