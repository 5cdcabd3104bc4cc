"""The sampling_decoding oracles agree with independent formulations.

No installed library implements nucleus filtering, so the top-p oracle is compared with
Hugging Face's own formulation of the rule (TopPLogitsWarper: sort ascending, drop the
tokens whose ascending cumulative probability is <= 1 - p, keep at least one), written
here in float64 with SciPy's softmax. The temperature check is shown to accept NumPy's
categorical sampler and to reject a sampler that multiplies by T.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import special

from mlcanon.checks import CheckFailed, get_check
from tests.oracles.conftest import concept, frozen_inputs, oracle_outputs


def _hf_top_p(logits: np.ndarray, p: float) -> np.ndarray:
    order = np.argsort(logits, axis=-1, kind="stable")
    ascending = np.take_along_axis(logits, order, axis=-1)
    cumulative = np.cumsum(special.softmax(ascending, axis=-1), axis=-1)
    drop = cumulative <= 1 - p
    drop[..., -1] = False  # min_tokens_to_keep = 1
    keep = np.empty_like(drop)
    np.put_along_axis(keep, order, ~drop, axis=-1)
    return np.where(keep, logits, -np.inf)


def _has_ties(logits: np.ndarray) -> bool:
    rows = logits.reshape(-1, logits.shape[-1])
    return any(len(np.unique(r[np.isfinite(r)])) < np.isfinite(r).sum() for r in rows)


@pytest.mark.parametrize("kinds", [("generated", "book", "edge")])
def test_top_p_matches_hugging_face_rule(kinds, close):
    compared = 0
    for case, inputs in frozen_inputs("top_p_filter", kinds):
        params = {"p": 0.9, "keep_crossing_token": True, **case.params}
        if not params["keep_crossing_token"] or _has_ties(inputs["logits"]):
            continue  # HF's ascending sort ranks ties the other way; the text rule is not HF's
        ours = oracle_outputs("top_p_filter", inputs, case.params)
        theirs = _hf_top_p(inputs["logits"], params["p"])
        np.testing.assert_array_equal(ours["filtered"], theirs)
        close(ours["probs"], special.softmax(theirs, axis=-1))
        compared += 1
    assert compared >= 4


def test_top_p_text_rule_matches_cumsum_formula():
    for case, inputs in frozen_inputs("top_p_filter", ("generated", "book")):
        if case.params.get("keep_crossing_token", True):
            continue
        z = inputs["logits"]
        order = np.argsort(-z, axis=-1, kind="stable")
        keep_ranked = np.cumsum(special.softmax(np.take_along_axis(z, order, -1), -1), -1) \
            <= case.params["p"]
        keep = np.empty_like(keep_ranked)
        np.put_along_axis(keep, order, keep_ranked, axis=-1)
        ours = oracle_outputs("top_p_filter", inputs, case.params)["filtered"]
        np.testing.assert_array_equal(ours, np.where(keep, z, -np.inf))


def _numpy_sampler(scale_power: int):
    def sample(logits, *, temperature=1.0, num_samples=1, seed=0):
        rng = np.random.default_rng(seed)
        probs = special.softmax(logits * temperature ** scale_power, axis=-1)
        rows = probs.reshape(-1, probs.shape[-1])
        draws = [rng.choice(rows.shape[-1], size=num_samples, p=row) for row in rows]
        return np.stack(draws).reshape(*probs.shape[:-1], num_samples)

    return sample


@pytest.mark.parametrize(("power", "accepted"), [(-1, True), (1, False)])
def test_categorical_fit_accepts_numpy_and_catches_multiplied_temperature(power, accepted):
    found = concept("temperature_sampling")
    check = get_check("stochastic", "categorical_fit")
    sampler = _numpy_sampler(power)
    for case in found.cases:
        if case.kind != "stochastic" or case.params.get("temperature", 1.0) == 1.0:
            continue
        inputs = {"logits": np.array(case.inputs["logits"], dtype=np.float64)}

        def run(given, params, sampler=sampler):
            return {"samples": sampler(given["logits"], **params)}

        if accepted:
            check(run, inputs, case.params, "float64")
        else:
            with pytest.raises(CheckFailed):
                check(run, inputs, case.params, "float64")


def test_temperature_oracle_point_mass():
    for case, inputs in frozen_inputs("temperature_sampling", ("edge",)):
        ours = oracle_outputs("temperature_sampling", inputs, case.params)["samples"]
        z = inputs["logits"]
        want = np.broadcast_to(np.argmax(z, axis=-1)[..., None], ours.shape)
        np.testing.assert_array_equal(ours, want)
