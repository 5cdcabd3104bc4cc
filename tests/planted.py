"""Installing test plugins the way pip would, and running the harness on them.

A distribution is visible to ``importlib.metadata`` when a ``*.dist-info`` folder with
``METADATA`` and ``entry_points.txt`` sits on ``sys.path``; writing one is exactly what
installing a wheel does, minus the copying. The harness then runs in a subprocess with
that folder on ``PYTHONPATH``, as it would for a user who pip-installed the plugin.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_SOURCES = Path(__file__).resolve().parent / "plugins"


def install_distribution(site: Path, name: str, entry_points: dict[str, str]) -> None:
    info = site / f"{name}-0.1.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    lines = ["[mlcanon]"] + [f"{k} = {v}" for k, v in entry_points.items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")


def environment(site: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(site), str(PLUGIN_SOURCES), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    env.update(extra)
    return env


def run_harness(site: Path, results: Path, *args: str,
                **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", str(ROOT / "conformance"), "-q",
               "-p", "no:cacheprovider", "--results", str(results),
               "--artifacts", str(results.parent / "failures"), *args]
    return subprocess.run(command, cwd=ROOT, env=environment(site, **env), text=True,
                          capture_output=True, timeout=900)


def run_cli(site: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mlcanon.cli", *args]
    return subprocess.run(command, cwd=ROOT, env=environment(site, **env), text=True,
                          capture_output=True, timeout=300)


def outcomes(results: Path) -> list[dict[str, Any]]:
    return json.loads(results.read_text())["results"]
