"""The hard time limit: a separate process that kills a harness process stuck in a case.

The per-case limit (:mod:`mlcanon.deadline`) is an alarm signal: it cannot interrupt a C
loop that never returns to the interpreter, a backend that resets the timer, or one that
swallows the exception. This process can: the harness process writes the case it starts
into a heartbeat file, and when a case runs past the hard limit the watchdog notes it in
that process's results stream and kills the process with SIGKILL. First it signals the
process, whose faulthandler (:func:`dump_stacks_on_signal`) writes every thread's Python
stack beside the heartbeat, so the note says where the case was stuck. Under
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
#: the signal that asks a stuck harness process for its stacks, and how long to wait
STACK_SIGNAL = signal.SIGUSR1
STACK_WAIT_SECONDS = 1.0


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
            where = _ask_for_stacks(pid, stack_path(heartbeat))
            note = {"type": "killed", "nodeid": case["nodeid"], "after_s": seconds,
                    "where": where}
            with stream.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(note) + "\n")
            rest(heartbeat)
            os.kill(pid, signal.SIGKILL)
            return
        time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    watch(int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), float(sys.argv[4]))
