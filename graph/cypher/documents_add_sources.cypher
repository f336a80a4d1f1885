// The same text reached through another source: the Document lists every source it came from.
// @param rows list   [{id, sources}]: a document id and the sources to add to it
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.sources = coalesce(d.sources, []) + [s IN row.sources WHERE d.sources IS NULL OR NOT s IN d.sources]
