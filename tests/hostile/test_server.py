"""The embedded server in a hostile machine: a pid reused by a stranger, a stranger on the recorded port,
two commands starting a cold store at once, a password file damaged or gone, a port that never answers."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from graph.embedded import EmbeddedServer, PasswordFileError
from tests.hostile.conftest import assert_message, dipkg, servers_of

pytestmark = pytest.mark.integration


def _forge_state(server: EmbeddedServer, pid: int, port: int) -> None:
    server.home.mkdir(parents=True, exist_ok=True)
    server.state_file.write_text(json.dumps({"pid": pid, "bolt_port": port, "http_port": port,
                                             "root": str(server.home / "arcadedb")}))


def test_stop_never_signals_a_process_that_reused_the_servers_pid(own_home, stranger):
    server = EmbeddedServer(own_home)
    _forge_state(server, stranger.pid, stranger.port)         # the server died; its pid now belongs to a stranger
    assert not server.is_ours(stranger.pid)
    proc = dipkg("db", "stop", home=own_home)
    assert proc.returncode == 0 and "not running" in proc.stdout, proc.stderr
    time.sleep(0.3)
    assert stranger.alive(), "db stop signalled a process that is not our server"
    assert not server.state_file.exists(), "the stale state file was kept"
    assert stranger.received() == b""


def test_no_credential_reaches_a_port_we_do_not_own(own_home, stranger):
    """A stale state file names a stranger's pid and port: the command starts our own server instead and
    the stranger receives nothing at all (not even a connection)."""
    server = EmbeddedServer(own_home)
    _forge_state(server, stranger.pid, stranger.port)
    proc = dipkg("stats", "--format", "json", home=own_home)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["nodes"] is not None
    assert stranger.received() == b"", "something was sent to a port we do not own"
    assert stranger.alive()
    info = server.info()
    assert info and info.pid != stranger.pid and info.bolt_port != stranger.port
    assert server.owns_port(info.pid, info.bolt_port) and not server.owns_port(stranger.pid, stranger.port)
    password = server.password()
    assert password.encode() not in stranger.received()


def test_our_server_on_a_recorded_port_held_by_a_stranger_is_not_trusted(own_home, stranger):
    """Our pid, but the port in the state file is the stranger's: the password is not sent there."""
    from graph.store import Neo4jStore

    server = EmbeddedServer(own_home)
    real = server.start()
    _forge_state(server, real.pid, stranger.port)
    assert server.info() is None                              # ours, but not listening on that port
    with pytest.raises(Exception) as e:
        Neo4jStore.connect(own_home)
    assert "not answering" in str(e.value) or "not held" in str(e.value)
    assert stranger.received() == b""
    _forge_state(server, real.pid, real.bolt_port)            # the truth again: usable
    with Neo4jStore.connect(own_home) as s:
        assert s.read("RETURN 1 AS x") == [{"x": 1}]


def test_cold_double_start_gives_one_server_and_two_successes(own_home):
    procs = [subprocess.Popen([sys.executable, "main.py", "stats", "--format", "json"], cwd=os.getcwd(),
                              env={**os.environ, "DIPKG_HOME": str(own_home), "DIPKG_SERVER_HEAP": "512m"},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "Cannot open database" not in err and "nodes" in json.loads(out)
    assert len(servers_of(own_home)) == 1
    pid = EmbeddedServer(own_home).info().pid
    assert pid == servers_of(own_home)[0]
    alias = own_home.parent / "alias"
    alias.symlink_to(own_home)                     # the same folder spelled otherwise is the same server
    for spelling in (alias, own_home / ".." / own_home.name):
        status = dipkg("db", "status", home=spelling)
        assert status.returncode == 0 and f"running: pid {pid}," in status.stdout, status.stdout + status.stderr


# ---------------------------------------------------------------- the password file
@pytest.fixture(scope="module")
def used_home(tmp_path_factory):
    """A store that has run (it holds data made with its password), its server running."""
    if os.environ.get("NEO4J_URI"):
        pytest.skip("the embedded server is not in use (NEO4J_URI is set)")
    server = EmbeddedServer(tmp_path_factory.mktemp("used") / "home")
    server.start()
    yield server
    server.stop()


@pytest.mark.parametrize("damage, said", [
    ("delete", "is missing but the store"),
    ("empty", "is empty"),
    ("binary", "is damaged (binary data"),
    ("garbled", "is damaged (not the password dipkg wrote"),
])
def test_a_damaged_password_file_is_named_and_never_replaced(used_home, damage, said):
    server = used_home
    good = server.password()
    if damage == "delete":
        server.password_file.unlink()
    else:
        server.password_file.write_bytes({"empty": b"", "binary": b"\x00\xff\xfe\x81 key",
                                          "garbled": good.encode() + b" # edited by hand"}[damage])
    before = server.password_file.read_bytes() if server.password_file.exists() else None
    proc = dipkg("stats", home=server.home.parent)
    assert_message(proc, said, "dipkg db reset --yes", str(server.password_file))
    assert "NEO4J_USERNAME" not in proc.stderr and good not in proc.stdout + proc.stderr
    after = server.password_file.read_bytes() if server.password_file.exists() else None
    assert after == before, "a new password was written over an existing store"
    with pytest.raises(PasswordFileError):
        server.password()
    server.password_file.write_text(good)                     # put back: the data opens again
    assert dipkg("stats", home=server.home.parent).returncode == 0


def test_a_changed_password_is_reported_as_such(used_home):
    server = used_home
    good = server.password()
    server.password_file.write_text("x" * 32)                 # well-formed, but not the store's
    proc = dipkg("stats", home=server.home.parent)
    assert_message(proc, "the embedded server refused the password", "dipkg db reset --yes")
    assert "NEO4J_USERNAME" not in proc.stderr and good not in proc.stderr
    server.password_file.write_text(good)


def test_a_fresh_store_makes_its_password(own_home):
    server = EmbeddedServer(own_home)
    assert not server.has_data()
    pw = server.password()
    assert len(pw) >= 32 and server.password() == pw and oct(server.password_file.stat().st_mode)[-3:] == "600"


# ---------------------------------------------------------------- a port that never answers
def test_a_port_that_accepts_and_never_answers_fails_within_the_timeout(stranger):
    t = time.monotonic()
    proc = dipkg("stats", NEO4J_URI=f"bolt://127.0.0.1:{stranger.port}", NEO4J_PASSWORD="pw-not-sent-anywhere",
                 DIPKG_CONNECT_TIMEOUT="2")
    took = time.monotonic() - t
    assert_message(proc, f"cannot reach the graph at bolt://127.0.0.1:{stranger.port}", "DIPKG_CONNECT_TIMEOUT")
    assert took < 20, f"took {took:.1f}s"
    bad = dipkg("stats", NEO4J_URI=f"bolt://127.0.0.1:{stranger.port}", DIPKG_CONNECT_TIMEOUT="soon")
    assert_message(bad, "DIPKG_CONNECT_TIMEOUT='soon' is not a number of seconds")


def test_the_default_connect_timeout_is_ten_seconds():
    from graph.store import CONNECT_TIMEOUT

    assert CONNECT_TIMEOUT == 10.0


@pytest.mark.parametrize("state", ['{"pid": 1, "bolt_port": 7687, "http_port": 2480, "root": "/"}',
                                   '{"pid": "1", "bolt_port": 7687, "http_port": 2480, "root": "/"}',
                                   '{"pid": -1, "bolt_port": 0, "http_port": 0, "root": ""}', "not json", ""])
def test_a_forged_or_garbled_state_file_is_not_trusted(own_home, state):
    server = EmbeddedServer(own_home)
    server.home.mkdir(parents=True)
    server.state_file.write_text(state)
    assert server.info() is None and server.stop() is False     # pid 1 (init) is never signalled
    assert os.path.exists("/proc/1")
