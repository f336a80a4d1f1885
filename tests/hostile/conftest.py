"""Helpers of the hostile-input suite: the CLI with an environment of the test's choosing, a stranger
process (a fake listener), a server of the test's own (for faults the session's server must not suffer),
and tmpfs mounts (a full disk, a read-only data folder)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT


def dipkg(*args: str, home: Path | None = None, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
    """``python main.py ARGS`` as a user runs it; ``env`` adds (or, with "", removes) variables."""
    full = {**os.environ, "DIPKG_SERVER_HEAP": os.environ.get("DIPKG_SERVER_HEAP", "512m")}
    if home is not None:
        full["DIPKG_HOME"] = str(home)
    for k, v in env.items():
        if v == "":
            full.pop(k, None)
        else:
            full[k] = v
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=full, cwd=ROOT, timeout=timeout)


def assert_message(proc: subprocess.CompletedProcess, *expected: str) -> None:
    """A refusal as the CLI contract wants it: a non-zero exit, ``error: …`` on stderr, no traceback."""
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr
    assert "error: " in proc.stderr, proc.stderr
    for text in expected:
        assert text in proc.stderr, proc.stderr


LISTENER = textwrap.dedent("""
    import socket, sys
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0)); s.listen(8)
    log = open(sys.argv[1], "ab", buffering=0)
    print(s.getsockname()[1], flush=True)
    while True:
        c, _ = s.accept()
        log.write(b"<connection>")
        c.settimeout(2)
        try:
            while True:
                data = c.recv(4096)
                if not data:
                    break
                log.write(data)
        except OSError:
            pass
        c.close()
""")


class Stranger:
    """A process that is not ours, listening on 127.0.0.1 and recording every byte it receives."""

    def __init__(self, log: Path):
        self.log = log
        self.proc = subprocess.Popen([sys.executable, "-c", LISTENER, str(log)], stdout=subprocess.PIPE, text=True)
        self.port = int(self.proc.stdout.readline())

    @property
    def pid(self) -> int:
        return self.proc.pid

    def received(self) -> bytes:
        return self.log.read_bytes() if self.log.exists() else b""

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=10)


@pytest.fixture
def stranger(tmp_path):
    s = Stranger(tmp_path / "stranger.log")
    yield s
    s.stop()


@pytest.fixture
def own_home(tmp_path):
    """A data folder of the test's own; its server (if the test started one) is stopped at the end."""
    from graph.embedded import EmbeddedServer

    if os.environ.get("NEO4J_URI"):
        pytest.skip("the embedded server is not in use (NEO4J_URI is set)")
    home = tmp_path / "home"
    yield home
    EmbeddedServer(home).stop()


def servers_of(home: Path) -> list[int]:
    """Pids of the java processes serving ``home`` (their command line names its argument file)."""
    import psutil

    argfile = f"@{(home.absolute() / 'server' / 'java.args')}"
    out = []
    for p in psutil.process_iter(["pid", "cmdline"]):
        if argfile in (p.info["cmdline"] or []):
            out.append(p.info["pid"])
    return out


@pytest.fixture
def tmpfs(tmp_path):
    """``mount(size, ro=False)`` → a fresh tmpfs folder; unmounted at the end. Skips where mounting is not allowed."""
    mounts: list[Path] = []

    def mount(size: str, ro: bool = False) -> Path:
        where = tmp_path / f"mnt{len(mounts)}"
        where.mkdir()
        opts = f"size={size}" + (",ro" if ro else "")
        proc = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(where)], capture_output=True,
                              text=True)
        if proc.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({proc.stderr.strip() or proc.returncode}): needs root")
        mounts.append(where)
        return where

    yield mount
    for where in reversed(mounts):
        from graph.embedded import EmbeddedServer

        for home in (where, where / "home"):
            EmbeddedServer(home).stop()
        for _ in range(20):
            if subprocess.run(["umount", str(where)], capture_output=True).returncode == 0:
                break
            time.sleep(0.5)
