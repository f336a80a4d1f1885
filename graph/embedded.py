"""The embedded default store: ArcadeDB (from the ``arcadedb-embedded`` wheel, which
carries its own Java runtime) run as a child server with its Bolt plugin.

Why a child process: the neo4j driver then talks Bolt to it exactly as it would to
Neo4j, so the same Cypher runs on both. It binds to 127.0.0.1 on a free port; the
generated root password lives in a 0600 file and reaches Java through a 0600
``@argfile``, never the command line or the logs.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graph.config import data_home

DATABASE = "dipkg"
USER = "root"
SERVER_CLASS = "com.arcadedb.server.ArcadeDBServer"
BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"


from ontology.errors import EmbeddedServerError  # noqa: E402,F401


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    bolt_port: int
    http_port: int
    root: str

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.3)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    try:                                     # a zombie child counts as dead
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[-1][:1] != "Z"
    except OSError:
        return True


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.chmod(path, 0o600)


def default_heap_mb() -> int:
    """A quarter of the machine's memory, between 1 and 8 GiB. The JVM takes heap only as it needs it,
    so a small graph stays small; a big one gets its pages cached (see ``page_ram_mb``)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 2048
    return int(min(max(total // 4, 1 << 30), 8 << 30) >> 20)


def page_ram_mb(heap: str) -> int:
    """ArcadeDB's page cache: 60 % of the heap (its own default is 25 %). Why: once the store outgrows
    the cache every MERGE reads pages back from disk, and the ingest rate decays with the store's size."""
    units = {"k": 1 / 1024, "m": 1, "g": 1024, "t": 1024 * 1024}
    h = heap.strip().lower()
    try:
        mb = float(h[:-1]) * units[h[-1]] if h[-1] in units else int(h) / (1 << 20)
    except (ValueError, IndexError) as e:
        raise EmbeddedServerError(f"heap size {heap!r} is not a Java size like 2g or 1536m") from e
    return max(64, int(mb * 0.6))


class EmbeddedServer:
    """Start, stop, inspect and reset the ArcadeDB child server under ``<home>/server``."""

    def __init__(self, home: Path | None = None, heap: str | None = None):
        self.home = (home or data_home()).absolute() / "server"     # java runs with cwd=home: no relative paths
        self.heap = heap or os.environ.get("DIPKG_SERVER_HEAP") or f"{default_heap_mb()}m"

    # files ------------------------------------------------------------
    @property
    def state_file(self) -> Path:
        return self.home / "server.json"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def log_file(self) -> Path:
        return self.home / "server.log"

    def password(self) -> str:
        if not self.password_file.exists():
            self.home.mkdir(parents=True, exist_ok=True)
            _write_private(self.password_file, secrets.token_urlsafe(24))
        return self.password_file.read_text().strip()

    def info(self) -> ServerInfo | None:
        """The running server, or None (a stale state file is removed)."""
        try:
            data = json.loads(self.state_file.read_text())
            info = ServerInfo(**data)
        except (OSError, ValueError, TypeError):
            return None
        if _alive(info.pid) and _port_open(info.bolt_port):
            return info
        if not _alive(info.pid):
            self.state_file.unlink(missing_ok=True)
        return None

    # lifecycle --------------------------------------------------------
    def java(self) -> tuple[Path, Path]:
        try:
            import arcadedb_embedded
        except ImportError as e:  # pragma: no cover - dependency missing
            raise EmbeddedServerError("arcadedb-embedded is not installed") from e
        pkg = Path(arcadedb_embedded.__file__).parent
        java, jars = pkg / "jre" / "bin" / "java", pkg / "jars"
        if not java.exists() or not jars.is_dir():
            raise EmbeddedServerError(f"no bundled Java runtime in {pkg}")
        return java, jars

    def start(self, timeout: float = 90.0) -> ServerInfo:
        running = self.info()
        if running:
            return running
        self.home.mkdir(parents=True, exist_ok=True)
        os.chmod(self.home, 0o700)
        java, jars = self.java()
        root = self.home / "arcadedb"
        bolt, http = _free_port(), _free_port()
        args = [
            f"-Xmx{self.heap}", f"-Darcadedb.maxPageRAM={page_ram_mb(self.heap)}", "-Djava.awt.headless=true",
            "-cp", f"{jars}/*",
            f"-Darcadedb.server.rootPath={root}",
            f"-Darcadedb.server.rootPassword={self.password()}",
            f"-Darcadedb.server.defaultDatabases={DATABASE}[{USER}]",
            f"-Darcadedb.server.plugins={BOLT_PLUGIN}",
            "-Darcadedb.bolt.host=127.0.0.1", f"-Darcadedb.bolt.port={bolt}",
            "-Darcadedb.server.httpIncomingHost=127.0.0.1", f"-Darcadedb.server.httpIncomingPort={http}",
            "-Darcadedb.server.mode=production",
            SERVER_CLASS,
        ]
        argfile = self.home / "java.args"
        _write_private(argfile, "\n".join(_quote_arg(a) for a in args) + "\n")
        log = open(self.log_file, "ab")
        proc = subprocess.Popen([str(java), f"@{argfile}"], stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, cwd=self.home, start_new_session=True)
        info = ServerInfo(pid=proc.pid, bolt_port=bolt, http_port=http, root=str(root))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise EmbeddedServerError(f"embedded server exited with status {proc.returncode}; see {self.log_file}")
            if _port_open(bolt) and self._db_ready(root):
                _write_private(self.state_file, json.dumps(info.__dict__))
                return info
            time.sleep(0.2)
        proc.kill()
        raise EmbeddedServerError(f"embedded server did not open its Bolt port in {timeout:.0f}s; see {self.log_file}")

    @staticmethod
    def _db_ready(root: Path) -> bool:
        return (root / "databases" / DATABASE).is_dir()

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the server; True if one was running."""
        try:
            pid = json.loads(self.state_file.read_text())["pid"]
        except (OSError, ValueError, KeyError):
            return False
        if _alive(pid):
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.2)
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
        self.state_file.unlink(missing_ok=True)
        return True

    def reset(self) -> None:
        """Stop the server and delete its databases (the password is kept)."""
        self.stop()
        shutil.rmtree(self.home / "arcadedb", ignore_errors=True)


def _quote_arg(arg: str) -> str:
    """Java @argfile quoting: wrap in double quotes, escape backslashes and quotes."""
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'
