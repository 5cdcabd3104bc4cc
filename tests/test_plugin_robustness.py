"""A misbehaving plugin is reported as that plugin's problem and never stops the others.

One harness run and one ``mlcanon backends`` run load every plugin of
``tests/plugins/mlcanon_hostile`` (one entry point per misbehaviour) next to the built-in
NumPy plugin; each misbehaviour must be named in the pytest log (a failing
``test_meta[plugin-<name>]``), in the results file and in the ``backends`` listing, while
NumPy, and the hostile backends that can still run, pass.
"""

from __future__ import annotations

import json

import pytest

from mlcanon.report import pages
from tests.planted import install_distribution, outcomes, run_cli, run_harness

slow = pytest.mark.slow

HOSTILE_ENTRY_POINTS = {
    "hostile_none": "mlcanon_hostile.returns_none",
    "hostile_string": "mlcanon_hostile.returns_string",
    "hostile_items": "mlcanon_hostile.returns_non_backends",
    "hostile_exit": "mlcanon_hostile.exits_on_import",
    "hostile_available": "mlcanon_hostile.available_raises",
    "hostile_versions": "mlcanon_hostile.versions_raises",
    "hostile_device": "mlcanon_hostile.device_name_raises",
    "hostile_numpy": "mlcanon_hostile.offers_numpy",
    "hostile_twin_a": "mlcanon_hostile.twin_a",
    "hostile_twin_b": "mlcanon_hostile.twin_b",
}
#: a second distribution whose entry point takes the built-in NumPy plugin's name
NAME_TAKEN = {"numpy": "mlcanon_hostile.named_numpy"}
PLUGINS = ",".join(["numpy", *HOSTILE_ENTRY_POINTS])
#: backends that run: NumPy, and two hostile ones that run despite a raising method
RUNNING = "numpy,hostile_versions,hostile_device"
#: the run also selects the one whose available() raises, so that it is reported
BACKENDS = f"{RUNNING},hostile_available"

#: (plugin, what its problem must say)
PROBLEMS = [
    ("hostile_none", "returned None, not a list of mlcanon.Backend instances"),
    ("hostile_string", "returned 'numpy:cpu', not a list of mlcanon.Backend instances"),
    ("hostile_items", "the class NumpyBackend, not an instance of it"),
    ("hostile_items", "{'name': 'dict'} is not a mlcanon.Backend instance"),
    ("hostile_items", "Hostile_.name is '', not a non-empty str"),
    ("hostile_exit", "SystemExit: the plugin called sys.exit(3)"),
    ("hostile_available", "available() raised RuntimeError: planted available() failure"),
    ("hostile_available", "available() returned True, not None or the reason it cannot run"),
    ("hostile_versions", "versions() raised RuntimeError: planted versions() failure"),
    ("hostile_device", "device_name() raised RuntimeError: planted device_name() failure"),
    ("hostile_numpy", "backend 'numpy:cpu' is also offered by the built-in plugin 'numpy', "
                      "which keeps it"),
    ("hostile_twin_a", "backend 'twin:cpu' is offered by plugins 'hostile_twin_a' and "
                       "'hostile_twin_b'; only a built-in plugin wins"),
    ("hostile_twin_b", "backend 'twin:cpu' is offered by plugins 'hostile_twin_b' and "
                       "'hostile_twin_a'; only a built-in plugin wins"),
    ("numpy", "the entry-point name 'numpy' is already used by the plugin mlcanon_numpy"),
]
PROBLEM_IDS = [f"{plugin}-{index}" for index, (plugin, _) in enumerate(PROBLEMS)]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = tmp_path_factory.mktemp("hostile_site")
    install_distribution(site, "mlcanon_hostile", HOSTILE_ENTRY_POINTS)
    install_distribution(site, "mlcanon_hostile_alias", NAME_TAKEN)
    return site


@pytest.fixture(scope="module")
def harness(site):
    results = site / "results.json"
    run = run_harness(site, results, "--backend", BACKENDS,
                      "--concept", "softmax", "--case", "book_*",
                      MLCANON_PLUGINS=PLUGINS)
    assert results.exists(), run.stdout[-3000:] + run.stderr[-3000:]
    return run, json.loads(results.read_text())


@pytest.fixture(scope="module")
def listing(site):
    return run_cli(site, "backends", MLCANON_PLUGINS=PLUGINS)


def lines_naming(text: str, start: str, words: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(start) and words in line]


@slow
def test_every_selected_backend_runs_and_passes(harness, site):
    run, _ = harness
    records = outcomes(site / "results.json")
    by_backend = {b: {r["outcome"] for r in records if r["backend"] == b}
                  for b in BACKENDS.split(",")}
    expected = {b: {"passed"} for b in RUNNING.split(",")} | {"hostile_available": set()}
    assert by_backend == expected, run.stdout[-3000:]


@slow
@pytest.mark.parametrize(("plugin", "words"), PROBLEMS, ids=PROBLEM_IDS)
def test_problem_fails_a_meta_check_named_by_the_plugin(harness, plugin, words):
    run, _ = harness
    assert f"FAILED conformance/test_conformance.py::test_meta[plugin-{plugin}" in run.stdout
    assert lines_naming(run.stdout, f"plugin {plugin!r} (", words), run.stdout[-4000:]


@slow
@pytest.mark.parametrize(("plugin", "words"), PROBLEMS, ids=PROBLEM_IDS)
def test_problem_is_kept_in_the_results_file(harness, plugin, words):
    _, document = harness
    problems = document["runs"][0]["problems"]
    assert any(p.startswith(f"plugin {plugin!r} (") and words in p for p in problems), problems


@slow
@pytest.mark.parametrize(("plugin", "words"), PROBLEMS, ids=PROBLEM_IDS)
def test_problem_is_listed_by_the_backends_command(listing, plugin, words):
    assert lines_naming(listing.stdout, f"{plugin} ", words), listing.stdout
    assert f"{plugin} " in "".join(lines_naming(listing.stdout, plugin, " broken "))


@slow
def test_backends_command_fails_and_lists_every_usable_backend(listing):
    assert listing.returncode == 1, listing.stderr[-3000:]
    assert lines_naming(listing.stdout, "numpy:cpu", "available    plugin numpy;")
    assert lines_naming(listing.stdout, "hostile_survivor:cpu", "available")
    assert lines_naming(listing.stdout, "hostile_available:cpu",
                        "unavailable  plugin hostile_available; available() raised RuntimeError")
    assert not lines_naming(listing.stdout, "twin:cpu", "")  # neither twin keeps the id


@slow
def test_a_raising_available_makes_its_backend_unavailable_with_the_error(harness):
    run, _ = harness
    assert ("hostile_available:cpu unavailable: available() raised RuntimeError: planted "
            "available() failure") in run.stdout


@slow
def test_metadata_methods_fall_back_in_the_results_and_are_reported(harness):
    _, document = harness
    run = document["runs"][0]
    assert run["devices"]["hostile_device:cpu"]["name"].startswith(
        "unknown (device_name() raised RuntimeError")
    assert run["backends"]["hostile_versions:cpu"]["versions"] == {}
    assert run["backends"]["hostile_device:cpu"]["defaults"] == []
    assert any("default_probes() raised RuntimeError: planted default_probes() failure" in p
               for p in run["problems"])


def test_overview_shows_the_runs_problems_escaped():
    runs = [{"problems": ["plugin 'x' (<b>mod</b>): boom"]}, {"problems": []}]
    html = pages.overview([], runs, [], {}, {})
    assert "<h2>Problems</h2>" in html
    assert "plugin &#x27;x&#x27; (&lt;b&gt;mod&lt;/b&gt;): boom" in html
    assert "Problems" not in pages.overview([], [{"problems": []}], [], {}, {})
