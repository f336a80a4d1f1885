// Documents already in the store under these ids (to keep two sources from sharing one id).
// @param ids list   candidate document ids
MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.key AS key, d.sha AS sha
