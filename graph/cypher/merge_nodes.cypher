// Merge one label's node rows of a batch. __LABEL__ is filled from the ontology's fixed set only.
// row: {id, props, docs, aliases, refs, quote}: one row per node per batch (grouped by the writer).
// First writer of a property wins (ON CREATE); the lists grow: docs (document ids), aliases (names as
// written), evidence (doc#start-end spans); the quote of the first evidence is kept.
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
ON CREATE SET n += row.props
SET n.docs = coalesce(n.docs, []) + [d IN row.docs WHERE n.docs IS NULL OR NOT d IN n.docs],
    n.aliases = CASE WHEN size(row.aliases) = 0 THEN n.aliases
                     ELSE coalesce(n.aliases, []) + [x IN row.aliases WHERE n.aliases IS NULL OR NOT x IN n.aliases] END,
    n.evidence = CASE WHEN size(row.refs) = 0 THEN n.evidence
                      ELSE coalesce(n.evidence, []) + [e IN row.refs WHERE n.evidence IS NULL OR NOT e IN n.evidence] END,
    n.quote = coalesce(n.quote, row.quote)
