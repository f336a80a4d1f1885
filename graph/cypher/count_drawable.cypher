// How many nodes the HTML view could draw (Documents only when asked).
MATCH (n)
WHERE $documents OR NOT n:Document
RETURN count(n) AS nodes
