"""The embedded default store: ArcadeDB (from the ``arcadedb-embedded`` wheel, which
carries its own Java runtime) run as a child server with its Bolt plugin.

Why a child process: the neo4j driver then talks Bolt to it exactly as it would to
Neo4j, so the same Cypher runs on both. It binds to 127.0.0.1 on a free port; the
generated root password lives in a 0600 file and reaches Java through a 0600
``@argfile``, never the command line or the logs.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import re
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


from ontology.errors import DataHomeError, EmbeddedServerError, PasswordFileError  # noqa: E402,F401

_TOKEN = re.compile(r"[A-Za-z0-9_\-]{16,256}")      # what secrets.token_urlsafe writes


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


def _owns_listener(proc, port: int) -> bool:
    """Does ``proc`` listen on 127.0.0.1:``port``? (psutil reads /proc/PID/net for that process)."""
    import psutil

    try:
        conns = proc.net_connections(kind="inet")
    except (psutil.Error, OSError):
        return False
    return any(c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port == port for c in conns)


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

    @property
    def lock_file(self) -> Path:
        return self.home / "start.lock"

    @property
    def argfile(self) -> Path:
        return self.home / "java.args"

    def has_data(self) -> bool:
        """Has a server run here (its users and databases exist)? Then only the password it was given opens it."""
        root = self.home / "arcadedb"
        return (root / "databases").is_dir() or (root / "config").is_dir()

    def password(self) -> str:
        """The root password from its 0600 file; made on first use only. Why never again: ArcadeDB keeps the
        password it was first given with its users, so a new one would lock the existing data out."""
        recover = (f"restore {self.password_file} from a backup, or delete the graph data and start afresh "
                   "with `dipkg db reset --yes`")
        try:
            raw = self.password_file.read_bytes()
        except FileNotFoundError:
            if self.has_data():
                raise PasswordFileError(f"the password file {self.password_file} is missing but the store in "
                                        f"{self.home} holds data made with it; {recover}") from None
            self._make_home()
            try:
                _write_private(self.password_file, secrets.token_urlsafe(24))
            except OSError as e:
                raise _home_error(self.home, e) from None
            return self.password_file.read_text().strip()
        except OSError as e:
            raise PasswordFileError(f"cannot read the password file {self.password_file}: {e.strerror}") from None
        try:
            text = raw.decode("ascii").strip()
        except UnicodeDecodeError:
            text = None
        if not text:
            what = "empty" if text == "" else "damaged (binary data, not the password dipkg wrote)"
            raise PasswordFileError(f"the password file {self.password_file} is {what}; {recover}")
        if not _TOKEN.fullmatch(text):
            raise PasswordFileError(f"the password file {self.password_file} is damaged (not the password dipkg "
                                    f"wrote: letters, digits, '-' and '_' only); {recover}")
        return text

    def _make_home(self) -> None:
        try:
            self.home.mkdir(parents=True, exist_ok=True)
            os.chmod(self.home, 0o700)
        except OSError as e:
            raise _home_error(self.home, e) from None

    def _recorded(self) -> ServerInfo | None:
        try:
            info = ServerInfo(**json.loads(self.state_file.read_text()))
        except (OSError, ValueError, TypeError):
            return None
        fields = (info.pid, info.bolt_port, info.http_port)
        ok = all(type(v) is int and v > 0 for v in fields) and info.bolt_port < 65536
        return info if ok else None

    def is_ours(self, pid: int) -> bool:
        """Is ``pid`` this data folder's server? Its command line carries this folder's argument file. Why:
        after the server dies its pid can be reused by any process, which must never be signalled."""
        import psutil

        try:
            proc = psutil.Process(pid)
            if proc.status() == psutil.STATUS_ZOMBIE:
                return False
            args = proc.cmdline()
        except (psutil.Error, OSError):
            return False
        mine = os.path.realpath(self.argfile)          # the same folder, however DIPKG_HOME spelled it
        return any(a.startswith("@") and os.path.realpath(a[1:]) == mine for a in args[1:])

    def owns_port(self, pid: int, port: int) -> bool:
        """Is ``pid`` this folder's server and the process listening on ``port``? Checked before the
        password is sent there: a stranger on a recorded port must not receive it."""
        return self.is_ours(pid) and _listening(pid, port)

    def info(self) -> ServerInfo | None:
        """The running server, or None. A state file whose pid is not this folder's server is removed."""
        info = self._recorded()
        if info is None:
            return None
        if not self.is_ours(info.pid):
            self.state_file.unlink(missing_ok=True)
            return None
        return info if _listening(info.pid, info.bolt_port) else None

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
        """The running server, started if need be. Two commands on a cold folder: the first to take the start
        lock starts it, the other waits for the lock and then finds it running (ArcadeDB refuses a second
        server on the same database with "Cannot open database")."""
        running = self.info()
        if running:
            return running
        self._make_home()
        try:
            lock = open(self.lock_file, "a")
        except OSError as e:
            raise _home_error(self.home, e) from None
        with lock:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise EmbeddedServerError(f"another command has been starting the embedded server for "
                                                  f"{timeout:.0f}s; see {self.log_file}") from None
                    time.sleep(0.2)
            try:
                return self.info() or self._start_locked(timeout)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _start_locked(self, timeout: float) -> ServerInfo:
        recorded = self._recorded()
        if recorded and self.is_ours(recorded.pid):
            raise EmbeddedServerError(f"the embedded server (pid {recorded.pid}) is running but not answering on "
                                      f"its port {recorded.bolt_port}; stop it with `dipkg db stop` and retry")
        password = self.password()
        try:
            return self._spawn(password, timeout)
        except OSError as e:
            raise _home_error(self.home, e) from None

    def _spawn(self, password: str, timeout: float) -> ServerInfo:
        java, jars = self.java()
        root = self.home / "arcadedb"
        bolt, http = _free_port(), _free_port()
        args = [
            # The parallel collector, not the default G1: the ingest's critical path is one write transaction at a
            # time on the server, and on two cores G1's concurrent work took the cores that path needed
            # (20,000 generated documents, two alternated rounds: G1 126.0 and 139.9 s, server 88.7 and 102.9
            # CPU-s; parallel 103.7 and 112.6 s, 67.2 and 71.7 CPU-s; bench/RESULTS.md). Throughput over pauses:
            # the server answers one local user.
            "-XX:+UseParallelGC",
            f"-Xmx{self.heap}", f"-Darcadedb.maxPageRAM={page_ram_mb(self.heap)}", "-Djava.awt.headless=true",
            "-cp", f"{jars}/*",
            f"-Darcadedb.server.rootPath={root}",
            f"-Darcadedb.server.rootPassword={password}",
            f"-Darcadedb.server.defaultDatabases={DATABASE}[{USER}]",
            f"-Darcadedb.server.plugins={BOLT_PLUGIN}",
            "-Darcadedb.bolt.host=127.0.0.1", f"-Darcadedb.bolt.port={bolt}",
            "-Darcadedb.server.httpIncomingHost=127.0.0.1", f"-Darcadedb.server.httpIncomingPort={http}",
            "-Darcadedb.server.mode=production",
            SERVER_CLASS,
        ]
        argfile = self.argfile
        _write_private(argfile, "\n".join(_quote_arg(a) for a in args) + "\n")
        log = open(self.log_file, "ab")
        proc = subprocess.Popen([str(java), f"@{argfile}"], stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, cwd=self.home, start_new_session=True)
        info = ServerInfo(pid=proc.pid, bolt_port=bolt, http_port=http, root=str(root))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise EmbeddedServerError(f"embedded server exited with status {proc.returncode}; see {self.log_file}")
            if _port_open(bolt) and self._db_ready(root) and _listening(proc.pid, bolt):
                _write_private(self.state_file, json.dumps(info.__dict__))
                return info
            time.sleep(0.2)
        proc.kill()
        raise EmbeddedServerError(f"embedded server did not open its Bolt port in {timeout:.0f}s; see {self.log_file}")

    @staticmethod
    def _db_ready(root: Path) -> bool:
        return (root / "databases" / DATABASE).is_dir()

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the server; True if one was running. A pid that is no longer this folder's server (it died
        and the pid was reused) is left alone, and the stale state file removed."""
        info = self._recorded()
        if info is None:
            return False
        pid = info.pid
        if not self.is_ours(pid):
            self.state_file.unlink(missing_ok=True)
            return False
        if _alive(pid):
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.2)
            if _alive(pid) and self.is_ours(pid):
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


def _listening(pid: int, port: int) -> bool:
    import psutil

    try:
        return _owns_listener(psutil.Process(pid), port)
    except psutil.Error:
        return False


def _home_error(home: Path, e: OSError) -> DataHomeError:
    why = "the disk is full" if e.errno == errno.ENOSPC else (e.strerror or type(e).__name__)
    return DataHomeError(f"cannot write to the data folder {home}: {why}; set DIPKG_HOME to a writable folder")


def _quote_arg(arg: str) -> str:
    """Java @argfile quoting: wrap in double quotes, escape backslashes and quotes."""
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'
