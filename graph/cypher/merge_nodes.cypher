// Merge one label's node rows of a batch. __LABEL__ is filled from the ontology's fixed set only.
// row: {id, props, docs, aliases, refs, quote}: one row per node per batch (grouped by the writer).
// First writer of a property wins (ON CREATE); the lists grow: aliases (names as written) in full;
// docs (document ids) and evidence (doc#start-end spans) only up to $cap entries, the first seen: they
// are a sample for display. A node's complete provenance is its EVIDENCED_BY links, one per document
// with that document's spans; keeping every reference on a Country or Province named in 10,000
// documents would rewrite a list that long on every batch.
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
ON CREATE SET n += row.props
SET n.docs = CASE WHEN size(coalesce(n.docs, [])) >= $cap THEN n.docs
                  ELSE (coalesce(n.docs, []) + [d IN row.docs WHERE n.docs IS NULL OR NOT d IN n.docs])[..$cap] END,
    n.aliases = CASE WHEN size(row.aliases) = 0 THEN n.aliases
                     ELSE coalesce(n.aliases, []) + [x IN row.aliases WHERE n.aliases IS NULL OR NOT x IN n.aliases] END,
    n.evidence = CASE WHEN size(row.refs) = 0 OR size(coalesce(n.evidence, [])) >= $cap THEN n.evidence
                      ELSE (coalesce(n.evidence, []) + [e IN row.refs WHERE n.evidence IS NULL OR NOT e IN n.evidence])[..$cap] END,
    n.quote = coalesce(n.quote, row.quote)
