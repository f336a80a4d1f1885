// Merge one (type, start label, end label) group of relationships that touch a per-document node (a
// Meeting or a Commitment: a handful of edges each, so a MERGE from its side is cheap and the
// relationship is almost always new). When the per-document node is the end (ATTENDED), the writer turns
// the MERGE line round, (b)<-[…]-(a): ArcadeDB walks the edges of the node a pattern starts from. Relationships between long-lived nodes go
// through update_rels.cypher. Placeholders come from the ontology only.
// row: {a, b, key, props, quote, docs, refs, first, last}: one row per relationship per batch (grouped by
// the writer). A relationship keeps its documents, a quote, and its evidence refs (doc#start-end) up to
// $cap, the first seen (the rest are found from the documents).
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.a})
MATCH (b:__TO__ {id: row.b})
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
ON CREATE SET r += row.props, r.quote = row.quote
SET r.docs = coalesce(r.docs, []) + [d IN row.docs WHERE r.docs IS NULL OR NOT d IN r.docs],
    r.evidence = CASE WHEN size(coalesce(r.evidence, [])) >= $cap THEN r.evidence
                      ELSE (coalesce(r.evidence, []) + [e IN row.refs WHERE r.evidence IS NULL OR NOT e IN r.evidence])[..$cap] END,
    r.first_date = CASE WHEN row.first IS NULL THEN r.first_date
                        WHEN r.first_date IS NULL OR row.first < r.first_date THEN row.first ELSE r.first_date END,
    r.last_date = CASE WHEN row.last IS NULL THEN r.last_date
                       WHEN r.last_date IS NULL OR row.last > r.last_date THEN row.last ELSE r.last_date END
