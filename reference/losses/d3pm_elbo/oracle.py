"""The oracle of d3pm_elbo: the ELBO terms by explicit sums over categories (mpmath)."""

from __future__ import annotations

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle

mp = mpa.mp


def _matmul(a: list[list[object]], b: np.ndarray) -> list[list[object]]:
    size = len(a)
    return [[mp.fsum(a[i][m] * b[m, j] for m in range(size)) for j in range(size)]
            for i in range(size)]


def _kl(q: list[object], log_p: list[object]) -> object:
    """KL(q || p) with 0 ln 0 = 0; a q > 0 where p = 0 gives +inf."""
    return mp.fsum(qk * (mp.log(qk) - lp) for qk, lp in zip(q, log_p, strict=True) if qk > 0)


def _log_softmax(row: np.ndarray) -> list[object]:
    norm = mp.log(mp.fsum(mp.exp(z) for z in row))
    return [z - norm for z in row]


@oracle("d3pm_elbo")
def d3pm_elbo(x0: np.ndarray, x_ts: np.ndarray, p_logits: np.ndarray, Q: np.ndarray,
              prior: np.ndarray) -> dict[str, object]:
    steps, classes = Q.shape[0], Q.shape[1]
    if steps < 1 or x_ts.shape != (steps, *x0.shape) or \
            p_logits.shape != (steps, *x0.shape, classes) or prior.shape != (classes,):
        msg = "inconsistent shapes"
        raise ValueError(msg)
    if any(v < 0 for v in Q.flat) or any(v < 0 for v in prior.flat):
        msg = "negative probabilities"
        raise ValueError(msg)
    if any(not 0 <= int(v) < classes for v in [*x0.flat, *x_ts.flat]):
        msg = "category outside [0, K)"
        raise IndexError(msg)
    bars = [[[mp.mpf(int(i == j)) for j in range(classes)] for i in range(classes)]]
    for t in range(steps):
        bars.append(_matmul(bars[-1], Q[t]))  # Qbar_t = Q_1 ... Q_t, row-vector convention
    log_prior = [mp.log(p) if p > 0 else -mp.inf for p in prior]
    kl_prior = np.empty(x0.shape, dtype=object)
    nll = np.empty(x0.shape, dtype=object)
    terms = np.empty((steps - 1, *x0.shape), dtype=object)
    for idx in np.ndindex(x0.shape):
        start = int(x0[idx])
        kl_prior[idx] = _kl(bars[steps][start], log_prior)
        nll[idx] = -_log_softmax(p_logits[(0, *idx)])[start]
        for t in range(2, steps + 1):  # L_{t-1}: q(x_{t-1} | x_t, x0) against p(x_{t-1} | x_t)
            now = int(x_ts[(t - 1, *idx)])
            joint = [Q[t - 1][k, now] * bars[t - 1][start][k] for k in range(classes)]
            total = mp.fsum(joint)
            if total == 0:  # x_t cannot follow x0: the posterior is 0/0
                terms[(t - 2, *idx)] = mp.nan
                continue
            terms[(t - 2, *idx)] = _kl([j / total for j in joint],
                                       _log_softmax(p_logits[(t - 1, *idx)]))
    loss = kl_prior + nll + (np.sum(terms, axis=0) if steps > 1 else 0)
    return {"loss": loss, "kl_prior": kl_prior, "kl_terms": terms, "nll_x0": nll}
