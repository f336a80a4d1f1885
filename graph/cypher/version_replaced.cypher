// Which documents of a batch replace an older version in the store (same id, other content hash).
// Documents written before hashes were kept have none: they are replaced once.
// @param rows list   [{id, sha}]: the batch's documents and their content hashes
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
WHERE d.sha IS NULL OR d.sha <> row.sha
RETURN d.id AS id
