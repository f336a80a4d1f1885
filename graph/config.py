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


def data_home() -> Path:
    """``$DIPKG_HOME``, else ``$XDG_DATA_HOME/dipkg``, else ``~/.local/share/dipkg``."""
    env = os.environ.get("DIPKG_HOME")
    if env:
        home = Path(env).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        home = Path(base) / "dipkg"
    home.mkdir(parents=True, exist_ok=True)
    return home
