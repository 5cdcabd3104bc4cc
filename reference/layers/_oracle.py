"""Oracle helpers that several layers concepts share."""

from __future__ import annotations

from typing import Any

import numpy as np


def pair(value: Any, what: str) -> tuple[int, int]:
    pair = (value, value) if np.ndim(value) == 0 else tuple(value)
    if len(pair) != 2:
        msg = f"{what} must be an int or a pair of ints, got {value!r}"
        raise ValueError(msg)
    return int(pair[0]), int(pair[1])


def out_size(size: int, kernel: int, stride: int, padding: int, dilation: int = 1) -> int:
    span = dilation * (kernel - 1) + 1
    if stride < 1 or padding < 0 or dilation < 1:
        msg = f"stride and dilation must be >= 1 and padding >= 0, got {stride}, {padding}, " \
              f"{dilation}"
        raise ValueError(msg)
    if span > size + 2 * padding:
        msg = f"kernel span {span} exceeds the padded input size {size + 2 * padding}"
        raise ValueError(msg)
    return (size + 2 * padding - span) // stride + 1


def pad(x: np.ndarray, ph: int, pw: int, value: Any) -> np.ndarray:
    n, c, h, w = x.shape
    padded = np.full((n, c, h + 2 * ph, w + 2 * pw), value, dtype=object)
    padded[:, :, ph:ph + h, pw:pw + w] = x
    return padded



def conv1d_loops(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None, *,
                 stride: int = 1, padding: int = 0, dilation: int = 1,
                 groups: int = 1, zero: Any = 0) -> np.ndarray:
    """y[n, o, i] = b_o + Σ_{c in o's group, u} W[o, c, u]·x_pad[n, c, i·s + u·d] by loops."""
    n, c, length = x.shape
    o, c_per_group, k = weight.shape
    if c != c_per_group * groups or o % groups:
        msg = f"x has {c} channels, weight {weight.shape} with {groups} groups expects " \
              f"{c_per_group * groups}"
        raise ValueError(msg)
    out = out_size(length, k, stride, padding, dilation)
    padded = np.full((n, c, length + 2 * padding), zero, dtype=object)
    padded[:, :, padding:padding + length] = x
    per_group = o // groups
    y = np.empty((n, o, out), dtype=object)
    for b, q, i in np.ndindex(n, o, out):
        total = zero if bias is None else bias[q]
        first = (q // per_group) * c_per_group
        for ch, u in np.ndindex(c_per_group, k):
            total += weight[q, ch, u] * padded[b, first + ch, i * stride + u * dilation]
        y[b, q, i] = total
    return y


def mp_sigmoid(z: Any) -> Any:
    """1 / (1 + e^(-z)) elementwise on mpmath object arrays."""
    from mlcanon import mparray as mpa

    return 1 / (1 + mpa.exp(-z))


def gate_rows(weight: np.ndarray, bias: np.ndarray | None, gate: int, hidden: int
              ) -> tuple[np.ndarray, Any]:
    """Rows gate·H .. (gate + 1)·H of a packed (G·H, ·) weight and its bias (0 if none)."""
    rows = slice(gate * hidden, (gate + 1) * hidden)
    return weight[rows], (0 if bias is None else bias[rows])


def affine_rows(v: np.ndarray, weight: np.ndarray, bias: Any) -> np.ndarray:
    """b + W·v for every row v (the last axis of v), by explicit sums over the inputs."""
    out = np.empty((*v.shape[:-1], weight.shape[0]), dtype=object)
    for idx in np.ndindex(*v.shape[:-1]):
        for j in range(weight.shape[0]):
            total = bias if np.ndim(bias) == 0 else bias[j]
            for i in range(weight.shape[1]):
                total = total + weight[j, i] * v[(*idx, i)]
            out[(*idx, j)] = total
    return out


def check_cell_shapes(x: np.ndarray, h: np.ndarray, weight_ih: np.ndarray,
                      weight_hh: np.ndarray, gates: int) -> int:
    """The hidden size H of a recurrent cell, after checking the shapes agree."""
    hidden = h.shape[-1]
    if weight_ih.shape != (gates * hidden, x.shape[-1]) or \
            weight_hh.shape != (gates * hidden, hidden) or x.shape[:-1] != h.shape[:-1]:
        msg = f"cell shapes disagree: x {x.shape}, h {h.shape}, weight_ih {weight_ih.shape}, " \
              f"weight_hh {weight_hh.shape} with {gates} gates"
        raise ValueError(msg)
    return hidden


def hidden_permutation_check(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                             bound: Any, gates: int, states: tuple[str, ...],
                             outputs: tuple[str, ...]) -> None:
    """Renumbering the hidden units of a recurrent cell (rows of every gate block, columns
    of weight_hh, the state vectors) renumbers its outputs the same way."""
    from mlcanon.checks import assert_close

    hidden = inputs[states[0]].shape[-1]
    order = np.roll(np.arange(hidden), 1)[::-1].copy()
    rows = np.concatenate([g * hidden + order for g in range(gates)])
    moved = dict(inputs)
    moved["weight_ih"] = inputs["weight_ih"][rows]
    moved["weight_hh"] = inputs["weight_hh"][rows][:, order]
    for name in ("bias_ih", "bias_hh"):
        if name in inputs:
            moved[name] = inputs[name][rows]
    for name in states:
        moved[name] = inputs[name][..., order]
    base = run(inputs, params)
    after = run({k: np.ascontiguousarray(v) for k, v in moved.items()}, params)
    for name in outputs:
        assert_close(after[name], base[name].astype(np.float64)[..., order], bound,
                     f"{name} after renumbering the hidden units by {order.tolist()}")


ACTIVATIONS = ("relu", "sigmoid", "tanh", "gelu", "identity")


def mp_activation(name: str, z: np.ndarray) -> np.ndarray:
    """A named activation on an mpmath object array (gelu is the exact erf form)."""
    from mlcanon import mparray as mpa

    if name == "relu":
        return np.where(z > 0, z, mpa.mpf(0))
    if name == "sigmoid":
        return mp_sigmoid(z)
    if name == "tanh":
        return mpa.tanh(z)
    if name == "gelu":
        return z * (1 + mpa.erf(z / mpa.mp.sqrt(2))) / 2
    if name == "identity":
        return z
    msg = f"activation must be one of {ACTIVATIONS}, got {name!r}"
    raise ValueError(msg)
