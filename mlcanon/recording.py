"""Writing a run's results so that nothing collected is ever lost.

A run owns its results path ``P`` for its whole duration:

- ``P.lock`` (created exclusively, holding the owner's pid) keeps a second run from
  writing the same path; a lock whose process is gone is taken over;
- an existing ``P`` is moved to ``P.previous`` first, so a run that dies never leaves an
  old file looking current;
- ``P.parts/`` holds ``run.json`` (the run, its status and the cases planned) and one
  append-only JSON-lines file per process (the harness, or each pytest-xdist worker), one
  record per line as each case finishes;
- at the end ``P`` is written atomically (a temporary file renamed over it) with the run's
  status (``finished`` or ``interrupted``) and counts, and ``P.parts/`` is removed.

A run killed before its end leaves ``P.parts/``; :func:`recover` (used by
:func:`mlcanon.results.read` when ``P`` is missing) turns it into a results document
marked ``crashed`` with every record that reached the disk.
"""

from __future__ import annotations

import faulthandler
import json
import os
import shutil
import socket
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from mlcanon.watchdog import process_alive

PARTS_SUFFIX = ".parts"
LOCK_SUFFIX = ".lock"
PREVIOUS_SUFFIX = ".previous"
RUN_FILE = "run.json"
#: run statuses: the run reached its end; the user or a signal stopped it; it died.
STATUSES = ("running", "finished", "interrupted", "crashed")


class RecordingError(ValueError):
    """A results path this run cannot write, or one another run is writing."""


def parts_folder(path: Path) -> Path:
    return path.with_name(path.name + PARTS_SUFFIX)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + LOCK_SUFFIX)


def check_path(path: Path) -> None:
    """Refuse, before the first case, a path the final file could not be written to."""
    if path.is_dir():
        msg = f"--results {path} is a directory; give a file name such as {path / 'run.json'}"
        raise RecordingError(msg)
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        msg = f"--results {path}: its parent {parent} is a file, not a directory"
        raise RecordingError(msg)
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        msg = f"--results {path}: cannot create its folder {parent}: {exc.strerror}"
        raise RecordingError(msg) from None
    if not os.access(parent, os.W_OK):
        msg = f"--results {path}: its folder {parent} is not writable"
        raise RecordingError(msg)


def acquire(path: Path) -> None:
    """Take ``P.lock``, or refuse when a live run holds it."""
    lock = lock_path(path)
    for _ in range(2):
        try:
            descriptor = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            owner = _lock_owner(lock)
            stale = owner is not None and owner[1] == socket.gethostname() \
                and not process_alive(owner[0])
            if stale:
                lock.unlink(missing_ok=True)  # its run died: the lock is stale
                continue
            holder = f"pid {owner[0]} on {owner[1]}" if owner else "another run"
            msg = (f"--results {path} is being written by {holder} ({lock}); give another "
                   "path, or delete the lock if that run is gone")
            raise RecordingError(msg) from None
        with os.fdopen(descriptor, "w") as handle:
            handle.write(f"{os.getpid()} {socket.gethostname()}\n")
        return


def _lock_owner(lock: Path) -> tuple[int, str] | None:
    try:
        pid, host = lock.read_text().split()
        return int(pid), host
    except (OSError, ValueError):
        return None


def release(path: Path) -> None:
    lock = lock_path(path)
    owner = _lock_owner(lock)
    if owner is not None and owner[0] == os.getpid():
        lock.unlink(missing_ok=True)


def begin(path: Path, run: dict[str, Any]) -> Path:
    """Start a run at ``path`` (after :func:`check_path` and :func:`acquire`): set an old
    file aside, create the parts folder and record the run as running."""
    if path.exists():
        os.replace(path, path.with_name(path.name + PREVIOUS_SUFFIX))
    parts = parts_folder(path)
    if parts.exists():
        shutil.rmtree(parts)  # a crashed run's parts, superseded by this run
    parts.mkdir(parents=True)
    write_run(parts, {**run, "status": "running"})
    return parts


def write_run(parts: Path, run: dict[str, Any]) -> None:
    atomic_write(parts / RUN_FILE, json.dumps(run, indent=1) + "\n")


class Stream:
    """One process's append-only record file in the parts folder."""

    def __init__(self, parts: Path, writer: str) -> None:
        self.writer = writer
        self.path = parts / f"{writer}.jsonl"
        self._handle = self.path.open("a", encoding="utf-8")

    def add(self, entry: dict[str, Any]) -> None:
        """Append one entry and flush it to the OS: a crash after this loses nothing."""
        self._handle.write(json.dumps(entry, default=str) + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()


def fault_path(parts: Path, writer: str) -> Path:
    """Where a process's fatal-error traceback goes (segfault, abort)."""
    return parts / f"{writer}.fault"


def log_faults(parts: Path, writer: str) -> TextIO:
    """Send this process's fatal-error traceback to :func:`fault_path` (the handle stays
    open: faulthandler writes to it)."""
    handle = fault_path(parts, writer).open("w")
    faulthandler.enable(file=handle)
    return handle


def read_parts(parts: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The run and every entry the processes of a run streamed (a torn last line, from a
    process killed mid-write, is skipped)."""
    try:
        run = json.loads((parts / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        run = {}
    entries = [e for stream in sorted(parts.glob("*.jsonl")) for e in read_stream(stream)]
    return run, entries


def read_stream(stream: Path) -> list[dict[str, Any]]:
    """The entries of one process's stream (a torn last line is skipped)."""
    entries = []
    for line in stream.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return entries


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path`` and rename it over ``path``."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def finish(path: Path, document: dict[str, Any]) -> None:
    """Write the final results file and remove the parts folder and the lock."""
    atomic_write(path, json.dumps(document, indent=1) + "\n")
    shutil.rmtree(parts_folder(path), ignore_errors=True)
    release(path)


def recover(path: Path, schema: str) -> dict[str, Any] | None:
    """The results of a run that died before writing ``path``, from its parts folder."""
    parts = parts_folder(path)
    if not parts.is_dir():
        return None
    run, entries = read_parts(parts)
    records = [e["record"] for e in entries if e.get("type") == "record"]
    run = {**run, "status": "crashed" if run.get("status") in (None, "running")
           else run["status"], "cases_run": len(records)}
    run.setdefault("id", "recovered")
    run.setdefault("problems", []).append(
        f"recovered from {parts}: the run ended before writing {path.name}")
    return {"schema": schema, "runs": [run],
            "results": [{"run": run["id"], **r} for r in records]}


def count(records: Iterable[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for record in records:
        counts[record["outcome"]] = counts.get(record["outcome"], 0) + 1
    return counts
