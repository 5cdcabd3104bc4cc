"""Measure how fast the report renders at catalog scale, and how big it is.

    python reports/measure.py [--concepts 600] [--backends 5]

Writes synthetic results for N concepts x M backend columns (every outcome and a spread
of errors), builds the site, opens the overview in headless Chromium and prints the
browser's own navigation timing (response end to load event end) and the site size.
Numbers go into notes; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from mlcanon import results
from mlcanon.report.site import build, site_size

OUTCOMES = ("passed",) * 12 + ("failed", "known_deviation", "unsupported", "missing", "error")


def synthetic_results(path: Path, concepts: int, backends: int) -> int:
    rng = np.random.default_rng(0)
    run = results.new_run(["reports/measure.py"])
    records = []
    for c in range(concepts):
        for b in range(backends):
            for case in ("book_a", "edge_a", "random_a", "random_b"):
                outcome = OUTCOMES[rng.integers(len(OUTCOMES))]
                error = float(10 ** rng.uniform(-2, 2))
                records.append({
                    "concept": f"concept_{c:03d}", "family": f"family_{c % 26:02d}",
                    "case": case, "kind": "generated", "backend": f"backend{b}",
                    "device": "cpu", "dtype": "float32", "outcome": outcome,
                    "message": "", "max_abs_error": error * 1e-7, "max_rel_error": error * 1e-7,
                    "error_eps": error, "index": [0], "tolerance": {"k": 8.0},
                    "duration_s": 0.001, "backend_s": 0.0005, "repro": "", "artifact": None})
    results.write(path, run, records)
    return len(records)


def render_ms(index: Path) -> float:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or ""
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-sync"):
        options.add_argument(flag)
    # an explicit chromedriver keeps Selenium from looking for one online
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        timings = []
        for _ in range(3):
            driver.get(index.as_uri())
            entry = driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0];"
                "return [n.responseEnd, n.domContentLoadedEventEnd, n.loadEventEnd];")
            timings.append(entry[2] - entry[0])
        return float(np.median(timings))
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=600)
    parser.add_argument("--backends", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "results.json"
        n = synthetic_results(source, args.concepts, args.backends)
        start = time.perf_counter()
        build([source], Path(tmp) / "site")
        built = time.perf_counter() - start
        index = Path(tmp) / "site" / "index.html"
        print(json.dumps({
            "concepts": args.concepts, "backend_columns": args.backends, "results": n,
            "build_s": round(built, 2),
            "overview_bytes": index.stat().st_size,
            "site_bytes": site_size(Path(tmp) / "site"),
            "overview_render_ms": round(render_ms(index), 1),
        }))


if __name__ == "__main__":
    main()
