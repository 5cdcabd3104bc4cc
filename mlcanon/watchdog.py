"""The hard time limit: a separate process that kills a harness process stuck in a case.

The per-case limit (:mod:`mlcanon.deadline`) is an alarm signal: it cannot interrupt a C
loop that never returns to the interpreter, a backend that resets the timer, or one that
swallows the exception. This process can: the harness process writes the case it starts
into a heartbeat file, and when a case runs past the hard limit the watchdog notes it in
that process's results stream and kills the process with SIGKILL. Shortly before, the
harness process's own faulthandler thread (armed by :func:`arm_stack_dump`; it needs no
interpreter lock, so it works while the main thread is stuck in C) writes every thread's
Python stack beside the heartbeat, and the note says where the case was stuck. Under
pytest-xdist the worker's death costs that one case (recorded as ``crashed``); in a serial
run the run ends, and the results streamed so far are kept (:mod:`mlcanon.recording`).

Run as ``python -m mlcanon.watchdog PID HEARTBEAT STREAM SECONDS``; it exits when the
process it watches is gone.
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
#: how long before the kill the stacks are dumped (more than a poll, less than any limit)
STACK_LEAD_SECONDS = 2.0


def start(heartbeat: Path, stream: Path, seconds: float) -> subprocess.Popen[bytes]:
    """Watch this process; the caller writes ``heartbeat`` around each case."""
    return subprocess.Popen([sys.executable, "-m", "mlcanon.watchdog", str(os.getpid()),
                             str(heartbeat), str(stream), repr(seconds)],
                            stdin=subprocess.DEVNULL, start_new_session=True)


def beat(heartbeat: Path, nodeid: str) -> None:
    """Say which case starts now (written whole, then renamed: never read half-written)."""
    fresh = heartbeat.with_name(heartbeat.name + ".new")
    fresh.write_text(json.dumps({"nodeid": nodeid, "started": time.time()}))
    os.replace(fresh, heartbeat)


def rest(heartbeat: Path) -> None:
    """The case ended."""
    heartbeat.unlink(missing_ok=True)


def stack_path(heartbeat: Path) -> Path:
    return heartbeat.with_suffix(".stack")


def arm_stack_dump(stack_file: TextIO, seconds: float) -> None:
    """Dump the stacks to ``stack_file`` if this case is still running just before the
    watchdog would kill it (a case that ends first cancels it: :func:`disarm_stack_dump`)."""
    faulthandler.dump_traceback_later(max(seconds - STACK_LEAD_SECONDS, seconds / 2),
                                      file=stack_file)


def disarm_stack_dump() -> None:
    faulthandler.cancel_dump_traceback_later()


def where_stuck(stack: Path, frames: int = 3) -> str:
    """The innermost frames of the main thread in the last dump, innermost first."""
    try:
        text = stack.read_text(errors="replace")
    except OSError:
        return ""
    last_dump = text.rsplit("Timeout (", 1)[-1]
    # threads are listed newest first: the main thread, the oldest, comes last
    threads = re.split(r"^(?:Current thread|Thread) 0x\w+ .*$", last_dump, flags=re.MULTILINE)
    if len(threads) < 2:
        return ""
    lines = [line.strip() for line in threads[-1].splitlines() if line.strip()]
    return " <- ".join(lines[:frames])


def process_alive(pid: int) -> bool:
    """Whether a process with this pid exists (ours to signal or not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _current(heartbeat: Path) -> dict[str, object] | None:
    try:
        return json.loads(heartbeat.read_text())
    except (OSError, json.JSONDecodeError):
        return None


def watch(pid: int, heartbeat: Path, stream: Path, seconds: float) -> None:
    # started by the watched process: once it dies this process is re-parented (a dead
    # process can linger as a zombie that signal 0 still reaches, so that test is not enough)
    while os.getppid() == pid and process_alive(pid):
        case = _current(heartbeat)
        if case is not None and time.time() - float(case["started"]) > seconds:
            note = {"type": "killed", "nodeid": case["nodeid"], "after_s": seconds,
                    "where": where_stuck(stack_path(heartbeat))}
            with stream.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(note) + "\n")
            rest(heartbeat)
            os.kill(pid, signal.SIGKILL)
            return
        time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    watch(int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), float(sys.argv[4]))
