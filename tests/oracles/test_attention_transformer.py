"""The attention_transformer oracles agree with direct float64 formulas built on SciPy.

No framework is used as a judge: attention is recomputed with scipy.special.softmax,
RoPE with complex multiplication, the sinusoidal encoding with numpy's sin and cos, and
the books' own numbers (dot products, frequencies) are checked on the oracle's output.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import special

from tests.oracles.conftest import frozen_inputs, oracle_outputs

ALL_KINDS = ("generated", "grad", "book", "edge")


def scipy_attention(q, k, v, mask=None, is_causal=False, scale=None):
    """softmax over the allowed keys with SciPy; a row with no allowed key is zero."""
    scale = 1 / np.sqrt(q.shape[-1]) if scale is None else scale
    scores = q @ np.swapaxes(k, -1, -2) * scale
    allowed = np.ones(scores.shape, dtype=bool)
    if mask is not None:
        allowed &= np.asarray(mask, dtype=bool)
    if is_causal:
        allowed &= np.tril(np.ones(scores.shape[-2:], dtype=bool))
    with np.errstate(invalid="ignore"):
        weights = special.softmax(np.where(allowed, scores, -np.inf), axis=-1)
    weights = np.where(allowed.any(axis=-1, keepdims=True), weights, 0.0)
    return weights @ v


@pytest.mark.parametrize("kinds", [ALL_KINDS])
def test_sdpa_matches_scipy_softmax(kinds, close):
    for case, inputs in frozen_inputs("scaled_dot_product_attention", kinds):
        ours = oracle_outputs("scaled_dot_product_attention", inputs, case.params)["y"]
        theirs = scipy_attention(inputs["q"], inputs["k"], inputs["v"], inputs.get("mask"),
                                 case.params.get("is_causal", False), case.params.get("scale"))
        close(ours, theirs, atol=1e-13)


def test_sdpa_whole_matrix_softmax_is_the_gotcha():
    """001-32: normalizing the whole score matrix halves every weight, a different answer."""
    q = k = np.eye(2)
    v = np.array([[1.0, 2.0], [3.0, 4.0]])
    wrong = special.softmax(q @ k.T / np.sqrt(2), axis=None) @ v
    np.testing.assert_allclose(wrong, [[0.8302384506733431, 1.3302384506733431],
                                       [1.1697615493266569, 1.6697615493266569]], rtol=1e-14)
    ours = oracle_outputs("scaled_dot_product_attention", {"q": q, "k": k, "v": v}, {})["y"]
    assert not np.allclose(ours, wrong)


def scipy_mha(inputs, num_heads=8, is_causal=False):
    e = inputs["w_q"].shape[0]
    dh = e // num_heads

    def project(x, w, b):
        return x @ w.T + (0.0 if b is None else b)

    q = project(inputs["x_q"], inputs["w_q"], inputs.get("b_q"))
    k = project(inputs["x_kv"], inputs["w_k"], inputs.get("b_k"))
    v = project(inputs["x_kv"], inputs["w_v"], inputs.get("b_v"))
    heads = [scipy_attention(q[..., h * dh:(h + 1) * dh], k[..., h * dh:(h + 1) * dh],
                             v[..., h * dh:(h + 1) * dh], inputs.get("mask"), is_causal)
             for h in range(num_heads)]
    return project(np.concatenate(heads, axis=-1), inputs["w_o"], inputs.get("b_o"))


@pytest.mark.parametrize("kinds", [ALL_KINDS])
def test_mha_matches_per_head_scipy_attention(kinds, close):
    for case, inputs in frozen_inputs("multi_head_attention", kinds):
        ours = oracle_outputs("multi_head_attention", inputs, case.params)["y"]
        theirs = scipy_mha(inputs, case.params.get("num_heads", 8),
                           case.params.get("is_causal", False))
        close(ours, theirs, atol=1e-13)


def complex_rope(x, positions, base=10000.0, pairing="interleaved"):
    """RoPE as multiplication of complex pairs by e^{i m theta}."""
    d = x.shape[-1]
    theta = base ** (-np.arange(0, d, 2) / d)
    if pairing == "interleaved":
        z = x[..., 0::2] + 1j * x[..., 1::2]
    else:
        z = x[..., : d // 2] + 1j * x[..., d // 2:]
    z = z * np.exp(1j * np.asarray(positions)[..., None] * theta)
    out = np.empty(np.broadcast_shapes(x.shape, (*z.shape[:-1], d)))
    if pairing == "interleaved":
        out[..., 0::2], out[..., 1::2] = z.real, z.imag
    else:
        out[..., : d // 2], out[..., d // 2:] = z.real, z.imag
    return out


@pytest.mark.parametrize("kinds", [ALL_KINDS])
def test_rope_matches_complex_rotation(kinds, close):
    for case, inputs in frozen_inputs("rope", kinds):
        ours = oracle_outputs("rope", inputs, case.params)["y"]
        theirs = complex_rope(inputs["x"], inputs["positions"],
                              case.params.get("base", 10000.0),
                              case.params.get("pairing", "interleaved"))
        close(ours, theirs, atol=1e-14)


def test_rope_reproduces_the_book_scores():
    """004-176 and 002-74 state q'·k' for (m, n) pairs; the oracle's rotations give them."""
    q, k = [0.1, -0.2, 0.3, 0.4], [0.5, 0.1, -0.3, 0.2]
    book = {(2, 5): -0.060617666158537836, (7, 10): -0.06061766615853784,
            (0, 3): -0.06061766615853784, (3, 0): -0.0187728843124686}
    for (m, n), score in book.items():
        y = oracle_outputs("rope", {"x": np.array([q, k]), "positions": np.array([m, n],
                                                                              dtype=float)}, {})
        np.testing.assert_allclose(y["y"][0] @ y["y"][1], score, rtol=1e-13)
    for i, j in [(7, 3), (17, 13)]:  # theta = 0.3 rad per position, d = 2
        x = np.array([[0.3, -1.1], [0.8, 0.5]])
        y = oracle_outputs("rope", {"x": x, "positions": np.array([0.3 * i, 0.3 * j])}, {})
        assert abs(y["y"][0] @ y["y"][1] - 0.847669) < 5e-7


def textbook_pe(positions, d_model, base=10000.0):
    pe = np.zeros((len(positions), d_model))
    for p_index, p in enumerate(positions):
        for i in range(d_model // 2):
            omega = 1.0 / base ** (2 * i / d_model)
            pe[p_index, 2 * i] = np.sin(p * omega)
            pe[p_index, 2 * i + 1] = np.cos(p * omega)
    return pe


@pytest.mark.parametrize("kinds", [ALL_KINDS])
def test_sinusoidal_matches_textbook_loop(kinds, close):
    for case, inputs in frozen_inputs("sinusoidal_positional_encoding", kinds):
        ours = oracle_outputs("sinusoidal_positional_encoding", inputs, case.params)["pe"]
        theirs = textbook_pe(inputs["positions"], case.params.get("d_model", 512),
                             case.params.get("base", 10000.0))
        close(ours, theirs, atol=1e-14)


def test_sinusoidal_frequencies_of_the_book():
    """002-42: for d_model = 512, omega_1 = 0.964662 and omega_255 = 1.036633e-4."""
    pe = oracle_outputs("sinusoidal_positional_encoding", {"positions": np.array([1.0])},
                        {"d_model": 512})["pe"][0]
    assert abs(np.arccos(pe[3]) - 0.964662) < 5e-7
    assert abs(np.arcsin(pe[510]) - 0.0001036633) < 5e-11


def test_sinusoidal_shift_is_the_books_rotation():
    """002-73: PE(p + k) = [[cos b, sin b], [-sin b, cos b]] (sin, cos) pair by pair."""
    pe = oracle_outputs("sinusoidal_positional_encoding", {"positions": np.array([5.0, 8.0])},
                        {"d_model": 8})["pe"]
    omega = 10000.0 ** (-np.arange(0, 8, 2) / 8)
    b = 3 * omega
    sin_a, cos_a = pe[0, 0::2], pe[0, 1::2]
    np.testing.assert_allclose(pe[1, 0::2], np.cos(b) * sin_a + np.sin(b) * cos_a, atol=1e-15)
    np.testing.assert_allclose(pe[1, 1::2], -np.sin(b) * sin_a + np.cos(b) * cos_a, atol=1e-15)
