// A person's profile, one row per item in date order: posts held (first and last date seen), meetings
// (with whom, where) and commitments made and received, each with its document and source quote.
// @param person name   the person (any case, with or without diacritics; a unique part of the name also works)
// @param limit int = 500   at most this many rows
MATCH (p:Person)
WHERE p.key = $person
   OR (NOT EXISTS { MATCH (x:Person) WHERE x.key = $person } AND p.key CONTAINS $person)
WITH p,
     [(p)-[h:HOLDS]->(post:Post) | {section: 'post', date: h.first_date, until: h.last_date, item: post.name,
                                    other: null, doc: h.docs[0], quote: h.quote}] AS posts,
     [(p)-[a:ATTENDED]->(m:Meeting) | {section: 'meeting', date: m.date, until: null,
                                       item: coalesce(m.verb, 'met') + ' @ ' + coalesce(m.location, '?'),
                                       other: reduce(s = '', n IN [(m)<-[:ATTENDED]-(o:Person) WHERE o <> p | o.name] |
                                                     s + CASE WHEN s = '' THEN '' ELSE '; ' END + n),
                                       doc: m.doc, quote: a.quote}] AS meetings,
     [(p)<-[rb:MADE_BY]-(cb:Commitment) | {section: 'commitment made', date: cb.date, until: null,
                                         item: cb.kind + ': ' + cb.text, other: cb.to_text, doc: cb.doc,
                                         quote: rb.quote}] AS made,
     [(p)<-[rt:MADE_TO]-(ct:Commitment) | {section: 'commitment received', date: ct.date, until: null,
                                         item: ct.kind + ': ' + ct.text, other: ct.by_text, doc: ct.doc,
                                         quote: rt.quote}] AS received
UNWIND posts + meetings + made + received AS it
RETURN p.name AS person, it.section AS section, it.date AS date, it.until AS until, it.item AS item,
       it.other AS other, it.doc AS doc, it.quote AS quote
ORDER BY person, date, section, item
LIMIT $limit
