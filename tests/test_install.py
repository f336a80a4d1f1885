"""Installs that do not drift: the venv holds exactly what requirements.lock pins, and HTML reads.

The lock is made by `make lock` from pyproject.toml (uv, with hashes) and installed by
`make install` (pip --require-hashes, then the project with --no-deps). A venv made some
other way (a plain `pip install -e .`) is not held to the lock: that test skips, saying so.
"""
from __future__ import annotations

import importlib.metadata as md
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

LOCK = ROOT / "requirements.lock"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked() -> dict[str, set[str]]:
    """Name → pinned versions (a universal lock may pin two, under different environment markers)."""
    pins: dict[str, set[str]] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        m = _PIN.match(line)
        if m:
            pins.setdefault(_norm(m.group(1)), set()).add(m.group(2))
    return pins


def _venv_from_lock() -> bool:
    """Made by `make install` here: a virtualenv whose stamp is newer than the lock."""
    stamp = Path(sys.prefix) / ".installed"
    return sys.prefix != sys.base_prefix and stamp.exists() and stamp.stat().st_mtime >= LOCK.stat().st_mtime


def test_lock_pins_every_dependency_of_pyproject_with_hashes():
    pins = _locked()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # what `make lock` resolves: the dependencies and the test extra (the gazetteer extra is a maintainer's
    # tool for regenerating ontology/gazetteer/*.tsv, installed by hand when needed, not by make install)
    declared = list(project["dependencies"]) + list(project["optional-dependencies"]["test"])
    for dep in declared:
        name, _, version = dep.partition("==")
        assert version, f"{dep}: pyproject pins every direct dependency exactly"
        assert version.strip() in pins.get(_norm(name), ()), f"{dep} is not pinned as such in {LOCK.name}: run make lock"
    assert len(pins) > len(declared) + 20                                 # the whole tree, not the direct ones
    blocks = re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text(encoding="utf-8").strip())
    assert all("--hash=sha256:" in b for b in blocks if _PIN.match(b)), "every pin carries its hashes"
    assert {"pip", "setuptools"} <= set(pins), "the installer and the build backend are pinned too"


def test_lxml_html_clean_is_declared_directly():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(_norm(d.partition("==")[0]) == "lxml-html-clean" for d in deps)


def test_every_installed_distribution_is_pinned_in_the_lock():
    if not _venv_from_lock():
        pytest.skip("not a virtualenv made by `make install` from requirements.lock (the stamp is missing or older)")
    pins = _locked()
    wrong = []
    for dist in md.distributions():
        name, version = _norm(dist.metadata["Name"]), dist.version
        if name == "dipkg":
            continue
        if version not in pins.get(name, ()):
            wrong.append(f"{name}=={version} (lock: {sorted(pins.get(name, ())) or 'absent'})")
    assert not wrong, f"installed but not as {LOCK.name} pins them: {sorted(wrong)}"


def test_html_file_reads_through_extract(tmp_path):
    """trafilatura imports (lxml_html_clean present) and an HTML page becomes a record."""
    page = tmp_path / "visit.html"
    page.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>Delegation visit</title></head><body>"
        "<nav>Home | News | Contact</nav><article><h1>Delegation visit</h1>"
        "<p>On 3 March 2025, Mr. Tran Van An, Chairman of the People's Committee of Quang Ninh Province, "
        "received Mr. Kim Min-jun, Governor of Gyeonggi Province of Korea, at the provincial office.</p>"
        "<p>The two sides agreed to promote cooperation in tourism, trade and education, and the Korean "
        "province pledged to support training for young officials of the province.</p></article>"
        "<footer>Copyright</footer></body></html>", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", str(page), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, "DIPKG_HOME": str(tmp_path / "home")})
    assert proc.returncode == 0, proc.stderr
    records = [line for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(records) == 1 and '"doc": "visit"' in records[0]
    assert "Quảng Ninh" in records[0] or "Quang Ninh" in records[0]
