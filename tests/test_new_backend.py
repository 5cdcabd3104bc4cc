"""A newcomer's backend, made from CONTRIBUTING's recipe alone in a folder outside this
repository, runs the whole canon through the portable implementations."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from mlcanon.spec import default_spec
from tests.planted import ROOT, install_distribution, outcomes, run_cli, run_harness

pytestmark = pytest.mark.slow

#: what step 1 of the recipe asks for in ``backend.py``, and nothing more.
BACKEND_FILE = '''
from mlcanon import Backend


class MyBackend(Backend):
    name = "mybackend"
    dtypes = ("float32", "float64")
    native_modules = ("mlcanon_mybackend.natives",)
'''


def recipe_blocks() -> dict[str, list[str]]:
    """The code blocks of CONTRIBUTING's "add a backend" recipe, by language."""
    text = (ROOT / "CONTRIBUTING.md").read_text()
    recipe = text[text.index("## Recipe: add a backend"):]
    recipe = recipe[:recipe.index("\n## ", 10)] if "\n## " in recipe[10:] else recipe
    blocks: dict[str, list[str]] = {}
    for language, body in re.findall(r"```(\w+)\n(.*?)```", recipe, flags=re.S):
        blocks.setdefault(language, []).append(_dedent(body))
    return blocks


def _dedent(body: str) -> str:
    lines = body.splitlines()
    indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    return "\n".join(x[indent:] for x in lines) + "\n"


@pytest.fixture(scope="module")
def newcomer(tmp_path_factory):
    site = tmp_path_factory.mktemp("outside")
    package = site / "mlcanon_mybackend"
    (package / "natives").mkdir(parents=True)
    blocks = recipe_blocks()
    (package / "__init__.py").write_text(blocks["python"][0])
    (package / "backend.py").write_text(BACKEND_FILE)
    (package / "natives" / "__init__.py").write_text("")
    entry_points = dict(re.findall(r'^(\w+) = "([\w.]+)"$', blocks["toml"][0], flags=re.M))
    install_distribution(site, "mlcanon_mybackend", entry_points)
    return site


def test_the_recipe_names_its_entry_point(newcomer):
    written = (newcomer / "mlcanon_mybackend-0.1.dist-info" / "entry_points.txt").read_text()
    assert written == "[mlcanon]\nmybackend = mlcanon_mybackend\n"


def test_the_backend_lists_every_concept_as_portable(newcomer):
    listing = run_cli(newcomer, "backends", MLCANON_PLUGINS="mybackend")
    assert listing.returncode == 0, listing.stdout + listing.stderr
    total = len(default_spec().concepts)
    assert f"0 native + {total} portable of {total} concepts" in listing.stdout


def test_the_backend_runs_the_whole_canon(newcomer):
    results = newcomer / "results.json"
    run = run_harness(newcomer, results, "--backend", "mybackend",
                      MLCANON_PLUGINS="mybackend")
    assert results.exists(), run.stdout[-3000:] + run.stderr[-3000:]
    records = outcomes(results)
    assert {r["concept"] for r in records} == set(default_spec().concepts)
    assert {r["origin"] for r in records if r["outcome"] != "unsupported"} == {"portable"}
    bad = Counter((r["concept"], r["outcome"]) for r in records
                  if r["outcome"] not in ("passed", "unsupported"))
    assert bad == Counter(), run.stdout[-3000:]
