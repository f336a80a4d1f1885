// One source document for the explorer's evidence panel: its text and what is known of where it came
// from (title, outlet, publication date, link; the last three when the ingest recorded them).
// @param id str   the document's id
MATCH (d:Document {id: $id})
RETURN d.id AS id, d.title AS title, d.outlet AS outlet, coalesce(d.published, d.date) AS published,
       d.url AS url, d.source AS source, d.lang AS lang, d.text AS text
