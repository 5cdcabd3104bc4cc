"""Resuming the cells a crashing case cut short.

Under pytest-xdist a case that kills its worker (a segfault, ``os._exit``, the watchdog's
kill) takes the rest of its cell down with it: pytest-xdist replaces the worker and goes on
with the next test. When every test has run, the controller hands the cases such a cell
never started to a fresh process, ``python -m mlcanon.resume``, which runs them exactly as
a worker would and streams into the same parts folder. If one of them kills that process
too, the next process starts after it. So every case ends with its own record: ``crashed``
for each case that took its process down, the real outcome for the others.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlcanon import recording, watchdog
from mlcanon.cells import CaseStream, Cell, Settings, case_progress, group_cells, run_cell
from mlcanon.runner import Job
from mlcanon.selection import Selection, build_jobs

#: the ``type`` of a parts entry for a case that could not be resumed
LOST = "lost"


@dataclass
class Unfinished:
    """A cell that a crash cut short: its test id and the cases it never started."""

    nodeid: str
    cell: Cell
    jobs: list[Job]


def unfinished(entries: list[dict[str, Any]], cells: dict[str, Cell],
               nodeids: list[str]) -> list[Unfinished]:
    """The cells among ``nodeids`` in which a case started and never recorded (its process
    died) while other cases never started."""
    started, recorded = case_progress(entries)
    cut_short = {nodeid for nodeid, _ in started.keys() - recorded}
    found = []
    for nodeid in nodeids:
        cell = cells.get(cell_of(nodeid))
        if cell is None or nodeid not in cut_short:
            continue
        begun = {case for node, case in started if node == nodeid}
        never = [job for job in cell.jobs if job.id not in begun]
        if never:
            found.append(Unfinished(nodeid, cell, never))
    return found


def cell_of(nodeid: str) -> str:
    """The cell id inside a test id ``<file>::test_cell[<cell id>]``."""
    return nodeid.split("::test_cell[", 1)[-1].removesuffix("]")


def resume(todo: Unfinished, parts: Path, settings: Settings,
           say: Callable[[str], None] = print) -> None:
    """Run ``todo``'s cases in fresh processes until each has started once."""
    left = list(todo.jobs)
    attempt = 0
    while left:
        attempt += 1
        writer = f"resume-{_slug(todo.cell.id)}-{attempt}"
        cases = f"{len(left)} case" + ("s" if len(left) > 1 else "")
        say(f"mlcanon: resuming {cases} of {todo.cell.id} after a crash")
        ended = _run_child(todo, [job.case.name for job in left], parts, writer, settings)
        begun = _started_by(parts / f"{writer}.jsonl")
        if not begun:
            _give_up(parts, todo, left, ended)
            return
        left = [job for job in left if job.id not in begun]


def _run_child(todo: Unfinished, cases: list[str], parts: Path, writer: str,
               settings: Settings) -> str:
    first = todo.cell.first
    command = [sys.executable, "-m", "mlcanon.resume", "--parts", str(parts),
               "--writer", writer, "--nodeid", todo.nodeid,
               "--concept", first.concept.id, "--backend", first.backend.name,
               "--device", first.backend.device, "--dtype", first.dtype,
               "--profile", settings.profile,
               "--case-timeout", repr(settings.timeout or 0),
               "--hard-timeout", repr(settings.hard_timeout or 0), *cases]
    if not settings.shrink:
        command.append("--no-shrink")
    if settings.artifacts is not None:
        command += ["--artifacts", str(settings.artifacts)]
    # the watchdog inside bounds each case; this bounds a child stuck before it starts
    limit = max(300.0, (settings.hard_timeout or settings.timeout or 60.0) * (len(cases) + 1))
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return f"it did not finish within {limit:.0f} s"
    tail = (done.stderr or done.stdout).strip().splitlines()[-1:]
    return f"exit status {done.returncode}" + (f": {tail[0]}" if tail else "")


def _started_by(stream: Path) -> set[str]:
    return {e["case"] for e in recording.read_stream(stream) if e.get("type") == "started"}


def _give_up(parts: Path, todo: Unfinished, left: list[Job], why: str) -> None:
    """Cases no process could start: each gets an ``error`` record naming the reason."""
    stream = recording.Stream(parts, f"resume-{_slug(todo.cell.id)}-lost")
    for job in left:
        stream.add({"type": LOST, "nodeid": todo.nodeid, "case": job.id,
                    "why": f"not run: a case before it in its cell crashed, and the process "
                           f"that was to resume the cell started no case ({why})"})
    stream.close()


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() or c in "_." else "_" for c in text)[:80]


# -- the child process ---------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mlcanon.resume",
                                     description="run the named cases of one cell")
    for option in ("--parts", "--writer", "--nodeid", "--concept", "--backend", "--device",
                   "--dtype"):
        parser.add_argument(option, required=True)
    parser.add_argument("--profile", default="standard")
    parser.add_argument("--case-timeout", type=float, default=60.0)
    parser.add_argument("--hard-timeout", type=float, default=0.0)
    parser.add_argument("--artifacts", type=Path)
    parser.add_argument("--no-shrink", action="store_true")
    parser.add_argument("cases", nargs="+")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    parts = Path(args.parts)
    selection = Selection(backends=[args.backend], devices=[args.device], dtypes=[args.dtype],
                          concepts=[args.concept], cases=args.cases)
    cells = group_cells(build_jobs(selection))
    settings = Settings(timeout=args.case_timeout or None,
                        hard_timeout=args.hard_timeout or None, profile=args.profile,
                        shrink=not args.no_shrink, artifacts=args.artifacts)
    stream = recording.Stream(parts, args.writer)
    _fault_log = recording.log_faults(parts, args.writer)  # open while the cases run
    guard = watchdog.guard(stream.path, settings.hard_timeout) if settings.hard_timeout \
        else None
    for cell in cells:
        run_cell(cell, args.nodeid, settings, CaseStream(stream))
    stream.close()
    if guard is not None:
        guard[0].kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
