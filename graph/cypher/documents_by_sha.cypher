// Documents already in the store with this same text (content hash), whatever their source.
// @param shas list   content hashes (sha256 hex) of the documents about to be ingested
MATCH (d:Document) WHERE d.sha IN $shas RETURN d.id AS id, d.key AS key, d.sha AS sha
