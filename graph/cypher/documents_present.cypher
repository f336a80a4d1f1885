// Which of these document ids are already in the store.
MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.sha AS sha
