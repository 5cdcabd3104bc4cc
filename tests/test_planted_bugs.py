"""The harness can fail: each planted bug is caught on exactly the concept it breaks."""

from __future__ import annotations

from collections import defaultdict

import pytest

from tests.planted import install_distribution, outcomes, run_harness

pytestmark = pytest.mark.slow

PLANTED = {
    "bug_softmax": "softmax",
    "bug_gelu": "gelu",
    "bug_variance": "variance",
    "bug_causal": "scaled_dot_product_attention",
    "bug_adam": "adam",
    "bug_dropout": "dropout",
}


@pytest.fixture(scope="module")
def planted_results(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    install_distribution(site, "mlcanon_planted", {"planted": "mlcanon_planted"})
    results = site / "results.json"
    backends = ",".join(["numpy", *PLANTED])
    run = run_harness(site, results, "--backend", backends,
                      MLCANON_PLUGINS="numpy,planted")
    assert results.exists(), run.stdout[-3000:] + run.stderr[-3000:]
    return outcomes(results)


def failing_concepts(records, backend):
    return {r["concept"] for r in records
            if r["backend"] == backend and r["outcome"] in ("failed", "error")}


@pytest.mark.parametrize("backend", sorted(PLANTED))
def test_bug_is_caught_on_exactly_its_concept(planted_results, backend):
    assert failing_concepts(planted_results, backend) == {PLANTED[backend]}


def test_the_unbroken_backend_passes_everything(planted_results):
    assert failing_concepts(planted_results, "numpy") == set()


def test_every_planted_backend_ran_every_concept(planted_results):
    concepts = defaultdict(set)
    for record in planted_results:
        concepts[record["backend"]].add(record["concept"])
    for backend in PLANTED:
        assert concepts[backend] == concepts["numpy"]
