"""D3PM's ELBO terms on any array namespace: cumulative transition products, closed-form
categorical posteriors and KL divergences, for a given forward trajectory."""

from __future__ import annotations

from typing import Any

from array_api_compat import device, size


def d3pm_elbo(xp: Any, x0: Any, x_ts: Any, p_logits: Any, Q: Any, prior: Any) -> dict[str, Any]:
    _check(xp, x0, x_ts, p_logits, Q, prior)
    steps, classes = Q.shape[0], Q.shape[1]
    shape = tuple(x0.shape)
    start = xp.reshape(x0, (-1,))
    trajectory = xp.reshape(x_ts, (steps, -1))
    log_p = _log_softmax(xp, xp.reshape(p_logits, (steps, -1, classes)))  # (T, N, K)
    bars = [xp.eye(classes, dtype=Q.dtype, device=device(Q))]
    for t in range(steps):
        bars.append(bars[-1] @ Q[t, ...])  # Qbar_t = Q_1 ... Q_t (row vectors times Q)
    log_prior = xp.broadcast_to(xp.log(prior)[None, :], (start.shape[0], classes))
    kl_prior = _kl(xp, xp.take(bars[steps], start, axis=0), log_prior)
    nll = -xp.take_along_axis(log_p[0, ...], start[:, None], axis=1)[:, 0]
    terms = []
    for t in range(2, steps + 1):
        # q(x_{t-1} = k | x_t, x0) is proportional to Q_t[k, x_t] * Qbar_{t-1}[x0, k]
        joint = xp.matrix_transpose(xp.take(Q[t - 1, ...], trajectory[t - 1, ...], axis=1)) * \
            xp.take(bars[t - 1], start, axis=0)
        posterior = joint / xp.sum(joint, axis=1, keepdims=True)  # x_t impossible: 0/0 = NaN
        terms.append(_kl(xp, posterior, log_p[t - 1, ...]))
    stacked = xp.stack(terms) if terms else xp.zeros((0, start.shape[0]), dtype=Q.dtype)
    loss = kl_prior + nll + xp.sum(stacked, axis=0)
    return {"loss": xp.reshape(loss, shape), "kl_prior": xp.reshape(kl_prior, shape),
            "kl_terms": xp.reshape(stacked, (steps - 1, *shape)),
            "nll_x0": xp.reshape(nll, shape)}


def _log_softmax(xp: Any, logits: Any) -> Any:
    shifted = logits - xp.max(logits, axis=-1, keepdims=True)
    return shifted - xp.log(xp.sum(xp.exp(shifted), axis=-1, keepdims=True))


def _kl(xp: Any, q: Any, log_p: Any) -> Any:
    """Row-wise KL(q || p): 0 ln 0 = 0 through where (q * -inf would be NaN at q = 0)."""
    positive = q > 0
    safe = xp.where(positive, q, xp.ones_like(q))
    terms = xp.where(positive, q * (xp.log(safe) - log_p), xp.zeros_like(q))
    # a NaN posterior (x_t impossible) fails q > 0 but must stay NaN
    terms = xp.where(xp.isnan(q), q, terms)
    return xp.sum(terms, axis=1)


def _check(xp: Any, x0: Any, x_ts: Any, p_logits: Any, Q: Any, prior: Any) -> None:
    if Q.ndim != 3 or Q.shape[0] < 1 or Q.shape[1] != Q.shape[2]:
        msg = f"Q must be (T, K, K) with T >= 1, got {tuple(Q.shape)}"
        raise ValueError(msg)
    steps, classes = Q.shape[0], Q.shape[1]
    shape = tuple(x0.shape)
    wanted = ((steps, *shape), (steps, *shape, classes), (classes,))
    given = (tuple(x_ts.shape), tuple(p_logits.shape), tuple(prior.shape))
    if given != wanted:
        msg = f"x_ts, p_logits and prior must have shapes {wanted}, got {given}"
        raise ValueError(msg)
    if bool(xp.any(Q < 0)) or bool(xp.any(prior < 0)):
        msg = "Q and prior hold probabilities: negative entries are not allowed"
        raise ValueError(msg)
    for name, ids in (("x0", x0), ("x_ts", x_ts)):
        if size(ids) and (int(xp.min(ids)) < 0 or int(xp.max(ids)) >= classes):
            msg = f"{name} must lie in [0, {classes}), got [{int(xp.min(ids))}, {int(xp.max(ids))}]"
            raise IndexError(msg)
