"""The harness can fail: each planted bug is caught on exactly the concept it breaks.

Each planted backend is NumPy's natives plus its planted module (no portable code), and a
test checks on the modules themselves that each defines only its own concept: so a planted
backend can differ from NumPy on that concept alone, and the run gives it that concept only
(anywhere else it would re-run NumPy's natives and spend pytest's overhead on thousands of
"missing" cells). The unbroken NumPy backend runs the broken concepts plus one concept of
every family, and must pass them all.
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
    "bug_cfg_scale": "classifier_free_guidance",
    "bug_ar_crop": "autoregressive_generation",
    "bug_spec_resample": "speculative_decoding",
    "bug_packing_leak": "document_mask_packing",
    "bug_mla_scale": "mla",
    "bug_early_stopping_patience": "early_stopping",
    "bug_minibatch_mean": "sgd_minibatch",
    "bug_init_fans": "weight_init_xavier_he",
    "bug_grid_xy": "decision_grid",
    "bug_yarn_no_mscale": "yarn",
    "bug_positions_from_one": "learned_positional_embedding",
    "bug_ctc_repeat_skip": "ctc_loss",
    "bug_mlm_mean": "masked_language_modeling",
    "bug_mixer_ln": "mlp_mixer",
    "bug_bce_probs": "mlp_training_pytorch",
    "bug_vit_column_major": "vit_patch_embedding",
    "bug_prefix_causal": "prefix_tuning",
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
    only_its_concept = " or ".join(f"({concept}- and {backend}-cpu)"
                                   for backend, concept in PLANTED.items())
    # a bug only needs to be caught: shrinking its failing examples costs minutes
    run = run_harness(site, results, "--backend", backends, "--concept", ",".join(SAMPLE),
                      "-k", f"numpy-cpu or {only_its_concept}", "--no-shrink",
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


def test_numpy_ran_the_sample_and_each_planted_backend_its_concept(planted_results):
    concepts = defaultdict(set)
    for record in planted_results:
        if record["outcome"] not in ("missing", "unsupported"):
            concepts[record["backend"]].add(record["concept"])
    assert concepts["numpy"] == set(SAMPLE)
    for backend, concept in PLANTED.items():
        assert concept in concepts[backend]
