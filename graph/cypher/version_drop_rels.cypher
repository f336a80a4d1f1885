// A replaced version, step 1 of 4: its relationships. Every relationship a document contributed starts at a
// node the document evidences (graph/writer.py writes both ends as the document's nodes), so they are found
// from its EVIDENCED_BY links, not by scanning every relationship. The document's id and evidence spans
// (doc#start-end) are taken off; a relationship no other document supports is deleted (MET, ATTENDED,
// HOLDS, DEALS_WITH... of that document alone).
// @param ids list   ids of the documents whose old version goes
UNWIND $ids AS doc
MATCH (:Document {id: doc})<-[:EVIDENCED_BY]-(n)-[r]->()
WHERE type(r) <> 'EVIDENCED_BY' AND doc IN coalesce(r.docs, [])
WITH DISTINCT doc, r
WITH doc, r, [x IN r.docs WHERE x <> doc] AS rest
SET r.docs = rest,
    r.evidence = [e IN coalesce(r.evidence, []) WHERE e <> doc AND NOT e STARTS WITH doc + '#']
WITH r, rest WHERE size(rest) = 0
DELETE r
