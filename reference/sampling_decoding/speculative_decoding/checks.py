"""Stochastic and property checks of speculative_decoding (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import (
    CheckFailed,
    binomial_pvalue,
    chi_square_pvalue,
    property_check,
    require_p,
    require_support,
    stochastic_check,
)


def _softmax64(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _require_rounds(emitted_by: np.ndarray, draft_len: int) -> None:
    """Each round is k < draft_len accepted tokens and a correction, or draft_len accepted
    tokens and a bonus; only the last round may be cut short."""
    run = 0
    for i, code in enumerate(emitted_by.tolist()):
        if code == 0 and run < draft_len:
            run += 1
        elif (code == 1 and run < draft_len) or (code == 2 and run == draft_len):
            run = 0
        else:
            msg = (f"emitted_by[{i}] = {code} after {run} accepted tokens breaks the round "
                   f"structure (draft_len {draft_len}): {emitted_by[:i + 1].tolist()}")
            raise CheckFailed(msg)


def _outputs(out: dict[str, np.ndarray], steps: int, v: int) -> tuple[np.ndarray, np.ndarray]:
    tokens, emitted_by = out["tokens"], out["emitted_by"]
    for name, a, high in (("tokens", tokens, v), ("emitted_by", emitted_by, 3)):
        if a.dtype.kind not in "iu" or a.shape != (steps,):
            msg = f"{name} has dtype {a.dtype} and shape {a.shape}, expected {steps} integers"
            raise CheckFailed(msg)
        if a.min() < 0 or a.max() >= high:
            msg = f"{name} outside [0, {high}): {sorted(set(a.tolist()))}"
            raise CheckFailed(msg)
    return tokens, emitted_by


@stochastic_check("speculative_target_law")
def speculative_target_law(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, *, acceptance: float | None = None) -> None:
    """The emitted sequence is a Markov chain with the target's rows (chi-square over the
    transitions counted from each previous token); transitions of probability 0 never
    occur; rounds are well formed; with ``acceptance``, drafted tokens are accepted at
    that rate (binomial test of accepted against corrected); the seed fixes the output."""
    target = np.asarray(inputs["target"], dtype=np.float64).astype(dtype).astype(np.float64)
    p = _softmax64(target)
    steps, v = int(params["steps"]), target.shape[0]
    tokens, emitted_by = _outputs(run(inputs, params), steps, v)
    _require_rounds(emitted_by, int(params.get("draft_len", 3)))
    previous = np.concatenate([[int(params.get("start", 0))], tokens[:-1]])
    counts = np.zeros((v, v))
    np.add.at(counts, (previous, tokens), 1)
    require_support(counts.ravel(), p.ravel(), "transitions")
    weights = counts.sum(axis=1, keepdims=True) * p
    tests = 1 if acceptance is None else 2
    require_p(chi_square_pvalue(counts.ravel(), weights.ravel()),
              f"transition counts {counts.astype(int).tolist()} do not follow the target's "
              f"rows {np.round(p, 4).tolist()}", tests)
    if acceptance is not None:
        accepted, rejected = int(np.sum(emitted_by == 0)), int(np.sum(emitted_by == 1))
        require_p(binomial_pvalue(accepted, accepted + rejected, acceptance),
                  f"{accepted} of {accepted + rejected} drafted tokens accepted, expected "
                  f"rate {acceptance}", tests)
    again = run(inputs, params)
    if not np.array_equal(again["tokens"], tokens):
        msg = f"seed {params.get('seed', 0)} gave different tokens on a second call"
        raise CheckFailed(msg)
    other = run(inputs, {**params, "seed": int(params.get("seed", 0)) + 1})
    if np.array_equal(other["tokens"], tokens):
        msg = "a different seed gave exactly the same tokens: the seed is ignored"
        raise CheckFailed(msg)


@property_check("speculative_greedy_is_target_greedy")
def speculative_greedy_is_target_greedy(run: Any, inputs: dict[str, np.ndarray],
                                        params: dict[str, Any], dtype: str,
                                        bound: Any) -> None:
    """With greedy verification the output is the target's greedy decoding, whatever the
    draft; with the target as its own draft every proposal is accepted."""
    target = np.asarray(inputs["target"]).astype(dtype if dtype != "bfloat16" else np.float32)
    steps = int(params["steps"])
    draft_len = int(params.get("draft_len", 3))
    wanted, previous = [], int(params.get("start", 0))
    for _ in range(steps):
        previous = int(np.argmax(target[previous]))
        wanted.append(previous)
    tokens, emitted_by = _outputs(run(inputs, params), steps, target.shape[0])
    if tokens.tolist() != wanted:
        msg = f"greedy speculative output {tokens.tolist()}, target greedy decoding {wanted}"
        raise CheckFailed(msg)
    _require_rounds(emitted_by, draft_len)
    tokens, emitted_by = _outputs(run({**inputs, "draft": inputs["target"]}, params), steps,
                                  target.shape[0])
    if tokens.tolist() != wanted or np.any(emitted_by == 1):
        msg = (f"with draft = target: tokens {tokens.tolist()} (want {wanted}), emitted_by "
               f"{emitted_by.tolist()} (a rejection of a perfect draft)")
        raise CheckFailed(msg)
