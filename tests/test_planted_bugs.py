"""The harness can fail: each planted bug is caught on exactly the concept it breaks.

The run holds the broken concepts plus one concept of every family; each planted backend is
NumPy's natives plus its planted module (no portable code), so it runs its bug and whatever
NumPy binds natively, and the unbroken NumPy backend runs the whole sample. That each module
replaces only its own concept is checked on the modules themselves.
"""

from __future__ import annotations

import importlib
from collections import defaultdict

import pytest

from mlcanon.backend import concept_functions
from mlcanon.spec import default_spec
from tests.planted import PLUGIN_SOURCES, install_distribution, outcomes, run_harness

pytestmark = pytest.mark.slow

PLANTED = {
    "bug_softmax": "softmax",
    "bug_gelu": "gelu",
    "bug_variance": "variance",
    "bug_causal": "scaled_dot_product_attention",
    "bug_adam": "adam",
    "bug_dropout": "dropout",
    "bug_alibi": "alibi",
    "bug_clip": "clip",
    "bug_conv1d": "conv1d",
    "bug_ddpm_index": "ddpm_forward_noising",
    "bug_kd_reverse_kl": "knowledge_distillation",
    "bug_focal": "focal_loss",
    "bug_gqa": "gqa",
    "bug_group_norm": "group_norm",
    "bug_gru": "gru_cell",
    "bug_huber": "huber_loss",
    "bug_log_sigmoid": "log_sigmoid",
    "bug_reshape": "reshape",
    "bug_rmsprop": "rmsprop",
    "bug_top_k": "top_k_filter",
}


def _one_per_family() -> set[str]:
    first: dict[str, str] = {}
    for concept in sorted(default_spec().concepts.values(), key=lambda c: c.id):
        first.setdefault(concept.family, concept.id)
    return set(first.values())


#: the concepts the planted backends run: every broken one, and a neighbour per family
SAMPLE = sorted(set(PLANTED.values()) | _one_per_family())


@pytest.mark.parametrize("backend", sorted(PLANTED))
def test_each_planted_module_replaces_only_its_concept(backend):
    import sys

    sys.path.insert(0, str(PLUGIN_SOURCES))
    try:
        from mlcanon_planted import PLANTED_BUGS
        module = importlib.import_module(f"mlcanon_planted.{PLANTED_BUGS[backend][0]}")
    finally:
        sys.path.remove(str(PLUGIN_SOURCES))
    assert set(concept_functions(module)) == {PLANTED[backend]}


@pytest.fixture(scope="module")
def planted_results(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    install_distribution(site, "mlcanon_planted", {"planted": "mlcanon_planted"})
    results = site / "results.json"
    backends = ",".join(["numpy", *PLANTED])
    run = run_harness(site, results, "--backend", backends, "--concept", ",".join(SAMPLE),
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


def test_every_planted_backend_ran_every_sampled_concept(planted_results):
    concepts = defaultdict(set)
    for record in planted_results:
        concepts[record["backend"]].add(record["concept"])
    assert concepts["numpy"] == set(SAMPLE)
    for backend, concept in PLANTED.items():
        assert concepts[backend] == concepts["numpy"]
        ran = {r["concept"] for r in planted_results
               if r["backend"] == backend and r["outcome"] not in ("missing", "unsupported")}
        assert concept in ran
