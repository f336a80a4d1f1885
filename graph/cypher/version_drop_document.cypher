// A replaced version, step 4 of 4: the Document node itself; the new version writes it afresh (its
// properties are set when it is created).
// @param ids list   ids of the documents whose old version goes
UNWIND $ids AS doc
MATCH (d:Document {id: doc})
DETACH DELETE d
