// Merge one (type, start label, end label) group of relationship rows. Placeholders come from the ontology only.
// row: {a, b, key, props, quote, docs, refs, first, last}: one row per relationship per batch (grouped by
// the writer). A relationship keeps its document ids (up to $doc_cap: all of them for the types the
// templates count, a sample for the structural ones, see graph/config.DOCS_SAMPLED_TYPES), a quote, its
// evidence refs (doc#start-end) up to $cap, the first seen, and its first and last dates.
// Why not MERGE: ArcadeDB's relationship MERGE reads every edge of the start node (~2 ms a row once a
// province or a busy person has thousands), a MATCH of the same pattern ~0.2 ms. So the relationship is
// looked up, created when absent, updated when present.
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.a})
MATCH (b:__TO__ {id: row.b})
OPTIONAL MATCH (a)-[old:__TYPE__ {key: row.key}]->(b)
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (a)-[r:__TYPE__ {key: row.key}]->(b)
  SET r += row.props, r.quote = row.quote, r.docs = row.docs[..$doc_cap], r.evidence = row.refs[..$cap],
      r.first_date = row.first, r.last_date = row.last)
FOREACH (r IN CASE WHEN old IS NULL THEN [] ELSE [old] END |
  SET r.docs = CASE WHEN size(coalesce(r.docs, [])) >= $doc_cap THEN r.docs
                    ELSE (coalesce(r.docs, []) + [d IN row.docs WHERE r.docs IS NULL OR NOT d IN r.docs])[..$doc_cap] END,
      r.evidence = CASE WHEN size(coalesce(r.evidence, [])) >= $cap THEN r.evidence
                        ELSE (coalesce(r.evidence, []) + [e IN row.refs WHERE r.evidence IS NULL OR NOT e IN r.evidence])[..$cap] END,
      r.first_date = CASE WHEN row.first IS NULL THEN r.first_date
                          WHEN r.first_date IS NULL OR row.first < r.first_date THEN row.first ELSE r.first_date END,
      r.last_date = CASE WHEN row.last IS NULL THEN r.last_date
                         WHEN r.last_date IS NULL OR row.last > r.last_date THEN row.last ELSE r.last_date END)
