"""CI smoke test of the benchmark suite: ``asv check``, then every benchmark once.

Runs against the current environment (no asv-built virtualenvs), at the tier in
``MLCANON_BENCH_TIER`` (CI uses smoke), saves nothing, and exits non-zero when asv finds
a problem, when any benchmark fails, or when no benchmark ran at all. No timing is
judged here.

``--sample`` times a few benchmarked concepts from families spread over the canon (unless
``MLCANON_BENCH_CONCEPTS`` names some): every asv combination is a process of its own, and
the engine's tests already run every benchmark section once on NumPy.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

SPEC = Path(__file__).resolve().parents[1] / "reference"
#: concepts ``--sample`` times: enough to cross every kind of timing path of each backend
SAMPLE_SIZE = 6


def sample(size: int = SAMPLE_SIZE) -> list[str]:
    """``size`` concepts, each the alphabetically first benchmarked one of its family, from
    families evenly spaced in alphabetical order (formulas excluded, as in the suite)."""
    from benchmarks import benchmarked_concepts  # benchmarks/benchmarks.py, beside this file

    first: dict[str, str] = {}
    for concept in sorted(benchmarked_concepts()):
        family = next(SPEC.glob(f"*/{concept}/spec.toml")).parent.parent.name
        first.setdefault(family, concept)
    picks = [first[family] for family in sorted(first)]
    step = max(1, len(picks) / size)
    return sorted({picks[int(i * step)] for i in range(min(size, len(picks)))})


def asv(*args: str) -> subprocess.CompletedProcess[str]:
    command = ["asv", *args]
    print("$", " ".join(command), flush=True)
    run = subprocess.run(command, text=True, capture_output=True)
    print(run.stdout[-20000:], run.stderr[-5000:], sep="\n", flush=True)
    return run


def main() -> int:
    start = time.perf_counter()
    if "--sample" in sys.argv[1:] and not os.environ.get("MLCANON_BENCH_CONCEPTS"):
        os.environ["MLCANON_BENCH_CONCEPTS"] = ",".join(sample())
        print("smoke: sampled concepts " + os.environ["MLCANON_BENCH_CONCEPTS"], flush=True)
    if asv("check", "--python=same").returncode != 0:
        print("smoke: asv check failed")
        return 1
    asv("machine", "--yes")
    run = asv("run", "--python=same", "--quick", "--dry-run", "--show-stderr",
              "--launch-method", "forkserver", "--bench", "Concept|Compile|Calibration|Bandwidth")
    output = run.stdout + run.stderr
    status = re.findall(r"^\[\s*[\d.]+%\]\s+·+\s+(benchmarks\.\S+)\s+(\S.*?)\s*$", output, re.M)
    failed = [name for name, state in status if "failed" in state]
    ran = output.count("±")  # one per timed parameter combination that produced a result
    print(f"smoke: {len(status)} benchmarks, {ran} timed results, {len(failed)} with "
          f"failures, {time.perf_counter() - start:.0f} s wall time")
    if failed:
        print("smoke: failures in " + ", ".join(failed))
    if run.returncode != 0 or failed or ran == 0:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
