"""Every refusal is a message and a non-zero exit status, never a traceback: bad parameters, a database
that does not exist, a URI that is not Bolt, a data folder that cannot be written, and the entry point."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib

import pytest

from tests.conftest import ROOT
from tests.hostile.conftest import assert_message, dipkg

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("value, said", [
    ("-1", "parameter limit: -1 is out of range"),
    ("1" * 20, f"parameter limit: {'1' * 20} is out of range"),
    ("many", "parameter limit: 'many' is not a valid int"),
])
def test_bad_limits_are_named(cli, value, said):
    proc = cli("query", "run", "who_met", "-p", "person=x", "-p", f"limit={value}")
    assert_message(proc, said)
    assert proc.returncode == 2                   # a usage error


def test_a_64_bit_overflow_from_the_store_is_a_message(store):
    from graph.store import StoreError

    with pytest.raises(StoreError, match="could not be sent to the graph"):
        store.read("RETURN $x AS x", x=10 ** 20)


def _embedded_as_remote(dipkg_home):
    from graph.embedded import EmbeddedServer

    server = EmbeddedServer(dipkg_home)
    info = server.info()
    if info is None:
        pytest.skip("the session's embedded server is not running")
    return {"NEO4J_URI": info.uri, "NEO4J_USERNAME": "root", "NEO4J_PASSWORD": server.password()}


def test_a_database_that_does_not_exist(store, dipkg_home):
    env = _embedded_as_remote(dipkg_home)
    proc = dipkg("stats", home=dipkg_home, NEO4J_DATABASE="no_such_db", **env)
    assert_message(proc, "has no database 'no_such_db'", "NEO4J_DATABASE")
    assert env["NEO4J_PASSWORD"] not in proc.stdout + proc.stderr
    ok = dipkg("stats", "--format", "json", home=dipkg_home, NEO4J_DATABASE="dipkg", **env)
    assert ok.returncode == 0 and "nodes" in json.loads(ok.stdout)


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "https://example.invalid", "127.0.0.1:7687", "bolt:/x"])
def test_a_uri_that_is_not_bolt(uri):
    proc = dipkg("stats", NEO4J_URI=uri, NEO4J_PASSWORD="pw-secret-123")
    assert_message(proc, "must start with bolt:// or neo4j://", "NEO4J_URI")
    assert "pw-secret-123" not in proc.stderr


def test_a_read_only_data_folder(tmpfs):
    ro = tmpfs("1m", ro=True)
    assert_message(dipkg("stats", home=ro), f"the data folder {ro} is not writable", "DIPKG_HOME")
    assert_message(dipkg("db", "start", home=ro / "sub"), f"cannot create the data folder {ro / 'sub'}",
                   "Read-only file system")


def test_the_entry_point_turns_errors_into_messages():
    """`dipkg` (the installed script) and `python main.py` both go through main.run."""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["dipkg"] == "main:run"
    code = ("import sys, main\n"
            "from ontology.errors import StoreError\n"
            "@main.app.command('boom')\n"
            "def boom():\n    raise StoreError('the store said no')\n"
            "sys.argv = ['dipkg', 'boom']\nmain.run()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ}, timeout=120)
    assert proc.returncode == 1 and proc.stderr.strip() == "error: the store said no", proc.stderr
