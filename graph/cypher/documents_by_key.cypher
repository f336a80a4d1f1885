// Documents already in the store under these identities (canonical URL, else URL, else resolved path).
// @param keys list   identity keys of the documents about to be ingested
MATCH (d:Document) WHERE d.key IN $keys RETURN d.id AS id, d.key AS key, d.sha AS sha
