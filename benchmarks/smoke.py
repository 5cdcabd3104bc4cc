"""CI smoke test of the benchmark suite: ``asv check``, then every benchmark once.

Runs against the current environment (no asv-built virtualenvs), at the tier in
``MLCANON_BENCH_TIER`` (CI uses smoke), saves nothing, and exits non-zero when asv finds
a problem, when any benchmark fails, or when no benchmark ran at all. No timing is
judged here.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time


def asv(*args: str) -> subprocess.CompletedProcess[str]:
    command = ["asv", *args]
    print("$", " ".join(command), flush=True)
    run = subprocess.run(command, text=True, capture_output=True)
    print(run.stdout[-20000:], run.stderr[-5000:], sep="\n", flush=True)
    return run


def main() -> int:
    start = time.perf_counter()
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
