// Merge one label's node rows of a batch, each with its EVIDENCED_BY links to the batch's documents (in
// the same statement: a node is never written without its evidence, and one statement instead of two
// halves the server's per-row work). __LABEL__ is filled from the ontology's fixed set only.
// row: {id, props, docs, aliases, refs, quote, links}: one row per node per batch (grouped by the writer);
// links: [{doc, key, props, quote, docs, refs}], one per document, the Document nodes already written.
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
WITH n, row
UNWIND row.links AS l
MATCH (d:Document {id: l.doc})
MERGE (d)<-[r:EVIDENCED_BY {key: l.key}]-(n)
ON CREATE SET r += l.props, r.quote = l.quote
SET r.docs = coalesce(r.docs, []) + [x IN l.docs WHERE r.docs IS NULL OR NOT x IN r.docs],
    r.evidence = CASE WHEN size(coalesce(r.evidence, [])) >= $cap THEN r.evidence
                      ELSE (coalesce(r.evidence, []) + [e IN l.refs WHERE r.evidence IS NULL OR NOT e IN r.evidence])[..$cap] END
