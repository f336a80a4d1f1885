// Merge one label's node rows of a batch. __LABEL__ is filled from the ontology's fixed set only.
// row: {id, doc, props, alias, ref}. First writer of a property wins (ON CREATE); evidence lists grow.
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
ON CREATE SET n += row.props
SET n.docs = CASE WHEN n.docs IS NULL THEN [row.doc] WHEN row.doc IN n.docs THEN n.docs ELSE n.docs + row.doc END,
    n.aliases = CASE WHEN row.alias IS NULL THEN n.aliases WHEN n.aliases IS NULL THEN [row.alias]
                     WHEN row.alias IN n.aliases THEN n.aliases ELSE n.aliases + row.alias END
