"""The perplexity oracle agrees with its closed form and with exp(cross-entropy)."""

from __future__ import annotations

import math

import numpy as np
from scipy import special

from tests.oracles.conftest import frozen_inputs, oracle_outputs

KINDS = ("generated", "grad", "book", "edge")


def test_perplexity_matches_closed_form(close):
    for case, inputs in frozen_inputs("perplexity", KINDS):
        ours = oracle_outputs("perplexity", inputs, case.params)["ppl"]
        base = case.params.get("log_base", "e")
        nll = -np.mean(inputs["log_probs"], axis=case.params.get("axis", -1))
        theirs = np.exp(nll) if base == "e" else np.power(float(base), nll)
        close(ours, theirs)


def test_perplexity_is_exp_of_the_cross_entropy(close):
    """Token log-probs from log_softmax: PPL = exp(mean cross-entropy from logits)."""
    rng = np.random.default_rng(0)
    logits = rng.normal(0.0, 3.0, size=(7, 11))
    target = rng.integers(0, 11, size=7)
    log_probs = special.log_softmax(logits, axis=-1)[np.arange(7), target]
    ppl = oracle_outputs("perplexity", {"log_probs": log_probs}, {})["ppl"]
    ce = oracle_outputs("cross_entropy_from_logits", {"logits": logits, "target": target},
                        {})["loss"]
    close(ppl, math.exp(float(ce)))
    bits = oracle_outputs("perplexity", {"log_probs": log_probs / math.log(2)},
                          {"log_base": 2})["ppl"]
    close(bits, ppl)
