// Merge one (type, start label, end label) group of relationship rows. Placeholders come from the ontology only.
// row: {a, b, key, doc, date, ref, quote, props}. Every relationship keeps its evidence refs (doc#start-end) and a quote.
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.a})
MATCH (b:__TO__ {id: row.b})
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
ON CREATE SET r += row.props, r.quote = row.quote
SET r.docs = CASE WHEN r.docs IS NULL THEN [row.doc] WHEN row.doc IN r.docs THEN r.docs ELSE r.docs + row.doc END,
    r.evidence = CASE WHEN r.evidence IS NULL THEN [row.ref] WHEN row.ref IN r.evidence THEN r.evidence
                      ELSE r.evidence + row.ref END,
    r.first_date = CASE WHEN row.date IS NULL THEN r.first_date
                        WHEN r.first_date IS NULL OR row.date < r.first_date THEN row.date ELSE r.first_date END,
    r.last_date = CASE WHEN row.date IS NULL THEN r.last_date
                       WHEN r.last_date IS NULL OR row.date > r.last_date THEN row.date ELSE r.last_date END
