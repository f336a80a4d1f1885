"""Every .cypher file (queries/ and graph/cypher/) through Neo4j's own Cypher language service
(npm ``@neo4j-cypher/language-support``, pinned in tests/cypher_lint/package-lock.json, installed by
``make install`` and CI with ``npm ci``), as Cypher 5: a template Neo4j 5 would reject fails here even
where ArcadeDB accepts it. Deprecation warnings are reported, not failures (the replacement syntax,
``CALL (x) { }``, needs Neo4j 5.23+, and the embedded store does not take it)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = ROOT / "tests" / "cypher_lint"
FILES = sorted([*ROOT.joinpath("queries").glob("*.cypher"), *ROOT.joinpath("graph", "cypher").glob("*.cypher")])


def _lint(paths: list[Path]) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the Cypher lint needs node 20+ (and `npm ci` in tests/cypher_lint)")
    if not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.skip("@neo4j-cypher/language-support is not installed: run `make install` "
                    "(or `cd tests/cypher_lint && npm ci`)")
    proc = subprocess.run([node, str(LINT / "lint.cjs"), *map(str, paths)], capture_output=True, text=True,
                          timeout=300, cwd=LINT)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_every_template_passes_neo4j_cypher_5_analysis():
    assert len(FILES) >= 31
    out = _lint(FILES)
    errors = {Path(f).relative_to(ROOT).as_posix(): [d for d in ds if d["severity"] == "error"]
              for f, ds in out["files"].items()}
    assert set(errors) == {p.relative_to(ROOT).as_posix() for p in FILES}
    assert not {f: e for f, e in errors.items() if e}, json.dumps(errors, indent=1, ensure_ascii=False)


def test_the_lint_rejects_what_neo4j_rejects(tmp_path):
    """The service is real: an undefined variable and a misplaced RETURN are errors, a parameter is not."""
    bad = tmp_path / "bad.cypher"
    bad.write_text("MATCH (n:Person {key: $key}) RETURN m\n", encoding="utf-8")
    worse = tmp_path / "worse.cypher"
    worse.write_text("MATCH (n) RETURN n LIMIT 1 RETURN 2\n", encoding="utf-8")
    good = tmp_path / "good.cypher"
    good.write_text("MATCH (n:Person {key: $key}) RETURN n.name AS name\n", encoding="utf-8")
    out = _lint([bad, worse, good])["files"]
    assert any("not defined" in d["message"] for d in out[str(bad)])
    assert any(d["severity"] == "error" for d in out[str(worse)])
    assert out[str(good)] == []
