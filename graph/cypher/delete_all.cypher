// Empty the graph (used by `db reset` on a server we do not own the files of).
MATCH (n) DETACH DELETE n
