"""The hard time limit: a separate process that kills a harness process stuck in a case.

The per-case limit (:mod:`mlcanon.deadline`) is an alarm signal: it cannot interrupt a C
loop that never returns to the interpreter, a backend that resets the timer, or one that
swallows the exception. This process can: it follows the harness process's results stream,
where each case writes a ``started`` entry (with the time) before it runs and its record
after, and when a case runs past the hard limit the watchdog notes it in that stream and
kills the process with SIGKILL. First it signals the process, whose faulthandler
(:func:`dump_stacks_on_signal`) writes every thread's Python stack beside the stream, so
the note says where the case was stuck. Under
pytest-xdist the worker's death costs that one case (recorded as ``crashed``); in a serial
run the run ends, and the results streamed so far are kept (:mod:`mlcanon.recording`).

Run as ``python -m mlcanon.watchdog PID STREAM SECONDS``; it exits when the process it
watches is gone.
"""

from __future__ import annotations

import faulthandler
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TextIO

POLL_SECONDS = 0.2
#: the signal that asks a stuck harness process for its stacks, and how long to wait
STACK_SIGNAL = signal.SIGUSR1
STACK_WAIT_SECONDS = 1.0


def guard(stream: Path, seconds: float) -> tuple[subprocess.Popen[bytes], TextIO]:
    """Put this process, whose cases write to ``stream``, under the hard limit: its stacks
    are dumped beside the stream when the watchdog asks, and the watchdog starts. Returns
    the watchdog and the stack file (kept open: faulthandler writes to it)."""
    stack_log = stack_path(stream).open("a")
    dump_stacks_on_signal(stack_log)
    return start(stream, seconds), stack_log


def start(stream: Path, seconds: float) -> subprocess.Popen[bytes]:
    """Watch this process, whose cases write ``started`` entries and records to ``stream``."""
    return subprocess.Popen([sys.executable, "-m", "mlcanon.watchdog", str(os.getpid()),
                             str(stream), repr(seconds)],
                            stdin=subprocess.DEVNULL, start_new_session=True)


def stack_path(stream: Path) -> Path:
    return stream.with_suffix(".stack")


def dump_stacks_on_signal(stack_file: TextIO) -> None:
    """Let the watchdog ask this process for its stacks before it kills it: faulthandler's
    handler runs in C, so it answers while the main thread is stuck in C holding the
    interpreter lock, and it costs nothing per case."""
    faulthandler.register(STACK_SIGNAL, file=stack_file, all_threads=True, chain=False)


def where_stuck(stack: Path, start: int, frames: int = 3) -> str:
    """The innermost frames of the main thread in the dump written past byte ``start``,
    innermost first."""
    try:
        with stack.open("rb") as handle:
            handle.seek(start)
            text = handle.read().decode(errors="replace")
    except OSError:
        return ""
    # threads are listed newest first: the main thread, the oldest, comes last
    threads = re.split(r"^(?:Current thread|Thread) 0x\w+ .*$", text, flags=re.MULTILINE)
    if len(threads) < 2:
        return ""
    lines = [line.strip() for line in threads[-1].splitlines() if line.strip()]
    return " <- ".join(lines[:frames])


def _ask_for_stacks(pid: int, stack: Path) -> str:
    """Signal the stuck process to dump its stacks, and wait briefly for the dump."""
    start = stack.stat().st_size if stack.exists() else 0
    os.kill(pid, STACK_SIGNAL)
    waited = 0.0
    while waited < STACK_WAIT_SECONDS:
        time.sleep(0.05)
        waited += 0.05
        where = where_stuck(stack, start)
        if where:
            return where
    return ""


def process_alive(pid: int) -> bool:
    """Whether a process with this pid exists (ours to signal or not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Follower:
    """Reads what a stream gained since the last look, and knows the case running now."""

    def __init__(self, stream: Path) -> None:
        self.stream = stream
        self.offset = 0
        self.pending = b""
        self.current: dict[str, object] | None = None

    def poll(self) -> dict[str, object] | None:
        try:
            with self.stream.open("rb") as handle:
                handle.seek(self.offset)
                data = handle.read()
        except OSError:
            return self.current
        self.offset += len(data)
        *lines, self.pending = (self.pending + data).split(b"\n")
        for line in lines:
            self._see(line)
        return self.current

    def _see(self, line: bytes) -> None:
        try:
            entry = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return
        if entry.get("type") == "started":
            self.current = entry
        elif self.current is not None and entry.get("case") == self.current.get("case"):
            self.current = None  # its record (or a note about it): the case is over


def watch(pid: int, stream: Path, seconds: float) -> None:
    follower = Follower(stream)
    # started by the watched process: once it dies this process is re-parented (a dead
    # process can linger as a zombie that signal 0 still reaches, so that test is not enough)
    while os.getppid() == pid and process_alive(pid):
        case = follower.poll()
        if case is not None and time.time() - float(case["t"]) > seconds:
            where = _ask_for_stacks(pid, stack_path(stream))
            note = {"type": "killed", "nodeid": case["nodeid"], "case": case["case"],
                    "after_s": seconds, "where": where}
            with stream.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(note) + "\n")
            os.kill(pid, signal.SIGKILL)
            return
        time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    watch(int(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3]))
