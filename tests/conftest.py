"""Shared fixtures. Integration tests talk to a real Bolt server: the embedded
ArcadeDB started once per session in a temporary DIPKG_HOME (or the Neo4j named by
NEO4J_URI), stopped at the end."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present: the evaluation data in ../shared is not part of the repository")
    return path


@pytest.fixture(scope="session")
def dipkg_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("dipkg-home")


@pytest.fixture(scope="session")
def store(dipkg_home):
    from graph.embedded import DATABASE, USER, EmbeddedServer
    from graph.schema import ensure_schema
    from graph.store import Neo4jStore

    server = None
    if os.environ.get("NEO4J_URI"):
        s = Neo4jStore.connect()
    else:
        server = EmbeddedServer(dipkg_home)
        info = server.start()
        s = Neo4jStore(info.uri, USER, server.password(), DATABASE, embedded=True)
    ensure_schema(s)
    yield s
    s.close()
    if server:
        server.stop()


@pytest.fixture
def empty_store(store):
    store.write("MATCH (n) DETACH DELETE n")
    return store


@pytest.fixture(scope="session")
def cli(dipkg_home, store):
    """Run the CLI as a user would, against the session's server (same DIPKG_HOME)."""
    return cli_runner(dipkg_home)


def cli_runner(dipkg_home: Path, **env: str):
    """``run(*args, check=False)``: the CLI in a child process with this data folder, a wide terminal
    (tables unwrapped) and any extra environment variables."""
    env = {**os.environ, "DIPKG_HOME": str(dipkg_home), "COLUMNS": "200", **env}

    def run(*args: str, check: bool = False) -> subprocess.CompletedProcess:
        proc = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                              env=env, cwd=ROOT, timeout=600)
        if check and proc.returncode != 0:
            raise AssertionError(f"dipkg {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
        return proc

    return run
