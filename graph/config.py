"""Where the program keeps its data: ``DIPKG_HOME`` or the per-user data folder."""
from __future__ import annotations

import os
from pathlib import Path

# How many document ids and evidence spans a node keeps inline (and spans a relationship): enough for a
# tooltip or a quick look. The EVIDENCED_BY links hold every one; see graph/cypher/merge_nodes.cypher.
EVIDENCE_SAMPLE = 20
# Structural relationships stated in thousands of documents (an organisation is in its province, a
# locality in its country, a province merged into another): they keep the first EVIDENCE_SAMPLE
# document ids, as nodes do, instead of a list rewritten on every batch. The other relationships keep
# every document id: the templates count them (DEALS_WITH, MET) and they stay short.
DOCS_SAMPLED_TYPES = frozenset({"IN_PROVINCE", "LOCATED_IN", "MERGED_INTO"})
# Whole documents per write transaction. A commit's cost grows with the store (it rewrites the pages of
# the hubs it touches), so bigger batches pay off as the graph grows: at 100,000 documents, 5.0 ms of
# writing per document in batches of 500 against 8.7 ms in batches of 100 (bench/profile_write.py).
BATCH_SIZE = 500


def data_home() -> Path:
    """``$DIPKG_HOME``, else ``$XDG_DATA_HOME/dipkg``, else ``~/.local/share/dipkg``."""
    env = os.environ.get("DIPKG_HOME")
    if env:
        home = Path(env).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        home = Path(base) / "dipkg"
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        from ontology.errors import DataHomeError

        raise DataHomeError(f"cannot create the data folder {home}: {e.strerror or type(e).__name__}; "
                            "set DIPKG_HOME to a writable folder") from None
    if not os.access(home, os.W_OK):
        from ontology.errors import DataHomeError

        raise DataHomeError(f"the data folder {home} is not writable; set DIPKG_HOME to a writable folder")
    return home
