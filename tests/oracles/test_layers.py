"""The layers oracles agree with SciPy, scikit-learn and closed forms; the dropout check
catches broken dropouts."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import ndimage, signal
from sklearn.linear_model import LinearRegression

from mlcanon import Backend
from mlcanon.runner import Job, run_job
from mlcanon.spec.values import to_array
from tests.oracles.conftest import concept, frozen_inputs, oracle_outputs

VALUE_KINDS = ("book", "edge", "generated", "grad")


def _pair(value: Any) -> tuple[int, int]:
    return (value, value) if np.ndim(value) == 0 else tuple(value)


# -- linear_layer ----------------------------------------------------------------------


def test_linear_layer_matches_sklearn(close):
    """LinearRegression stores coef_ as (n_targets, n_features): torch's weight layout."""
    for case, inputs in frozen_inputs("linear_layer", VALUE_KINDS):
        x, weight = inputs["x"], inputs["weight"]
        if weight.shape[1] == 0:
            continue  # scikit-learn refuses 0 features; zero_in_features is checked below
        model = LinearRegression()
        model.coef_ = weight
        model.intercept_ = inputs.get("bias", np.zeros(weight.shape[0]))
        model.n_features_in_ = weight.shape[1]
        rows = x.reshape(int(np.prod(x.shape[:-1])), weight.shape[1])
        theirs = model.predict(rows).reshape(*x.shape[:-1], weight.shape[0])
        close(oracle_outputs("linear_layer", inputs, case.params)["y"], theirs)


def test_linear_layer_grads_are_the_closed_form(close):
    for case, inputs in frozen_inputs("linear_layer", ("grad",)):
        g = to_array(case.cotangent["y"])
        grads = {name: to_array(v) for name, v in case.expected_grad.items()}
        close(grads["x"], g @ inputs["weight"], rtol=1e-9)
        close(grads["weight"], g.T @ inputs["x"], rtol=1e-9)
        close(grads["bias"], g.sum(axis=0), rtol=1e-9)


def test_linear_layer_empty_sum_is_the_bias():
    y = oracle_outputs("linear_layer", {"x": np.ones((2, 0)), "weight": np.ones((3, 0)),
                                        "bias": np.array([1.0, 2.0, 3.0])}, {})["y"]
    assert (y == [[1.0, 2.0, 3.0]] * 2).all()


def test_linear_layer_rejects_mismatched_shapes():
    with pytest.raises(ValueError):
        oracle_outputs("linear_layer", {"x": np.ones((2, 3)), "weight": np.ones((2, 2))}, {})


# -- conv2d ----------------------------------------------------------------------------


def _conv_with_scipy(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None,
                     stride: Any = 1, padding: Any = 0, dilation: Any = 1) -> np.ndarray:
    """Sum of single-channel scipy.signal.correlate2d over input channels."""
    (sh, sw), (ph, pw), (dh, dw) = _pair(stride), _pair(padding), _pair(dilation)
    o, c, kh, kw = weight.shape
    dilated = np.zeros((o, c, dh * (kh - 1) + 1, dw * (kw - 1) + 1))
    dilated[:, :, ::dh, ::dw] = weight
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    out = np.stack([np.stack([
        sum(signal.correlate2d(xp[n, ch], dilated[k, ch], mode="valid") for ch in range(c))
        for k in range(o)]) for n in range(x.shape[0])])
    out = out[:, :, ::sh, ::sw]
    return out if bias is None else out + bias[:, None, None]


def test_conv2d_matches_scipy_correlate2d(close):
    for case, inputs in frozen_inputs("conv2d", VALUE_KINDS):
        theirs = _conv_with_scipy(inputs["x"], inputs["weight"], inputs.get("bias"),
                                  **case.params)
        close(oracle_outputs("conv2d", inputs, case.params)["y"], theirs, atol=1e-12)


def test_conv2d_is_not_a_flipped_convolution(close):
    case = concept("conv2d").case("correlation_not_convolution")
    inputs = {name: to_array(value) for name, value in case.inputs.items()}
    x, kernel = inputs["x"][0, 0], inputs["weight"][0, 0]
    ours = oracle_outputs("conv2d", inputs, {})["y"][0, 0]
    close(ours, signal.correlate2d(x, kernel, mode="valid"))
    assert not np.allclose(ours, signal.convolve2d(x, kernel, mode="valid"))


# -- pooling ---------------------------------------------------------------------------


def _pool_with_ndimage(x: np.ndarray, kind: str = "max", kernel_size: Any = 2,
                       stride: Any = None, padding: Any = 0) -> np.ndarray:
    """scipy.ndimage's centred window filters, re-aligned to top-left windows."""
    (kh, kw), (ph, pw) = _pair(kernel_size), _pair(padding)
    sh, sw = _pair(kernel_size if stride is None else stride)
    fill = -np.inf if kind == "max" else 0.0
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=fill)
    filt = ndimage.maximum_filter if kind == "max" else ndimage.uniform_filter
    full = filt(xp, size=(1, 1, kh, kw), mode="constant", cval=fill)
    # a size-k filter centres window [i, i + k) on i + k // 2
    rows = range(kh // 2, xp.shape[2] - kh + kh // 2 + 1, sh)
    cols = range(kw // 2, xp.shape[3] - kw + kw // 2 + 1, sw)
    return full[:, :, list(rows)][:, :, :, list(cols)]


def test_pooling_matches_ndimage(close):
    for case, inputs in frozen_inputs("pooling", VALUE_KINDS):
        if np.isnan(inputs["x"]).any():
            continue  # ndimage's max does not promise to propagate NaN
        theirs = _pool_with_ndimage(inputs["x"], **case.params)
        close(oracle_outputs("pooling", inputs, case.params)["y"], theirs, atol=1e-12)


@pytest.mark.filterwarnings("ignore:invalid value encountered")  # mpf NaN to float
def test_pooling_propagates_nan_and_pads_with_neg_inf():
    x = np.array([[[[1.0, np.nan], [3.0, 4.0]]]])
    assert np.isnan(oracle_outputs("pooling", {"x": x}, {})["y"]).all()
    y = oracle_outputs("pooling", {"x": -np.ones((1, 1, 2, 2))}, {"padding": 1})["y"]
    assert (y == -1.0).all()


# -- dropout ---------------------------------------------------------------------------


def test_dropout_oracle_deterministic_regimes():
    x = np.array([[1.0, -2.0], [3.5, 0.25]])
    assert (oracle_outputs("dropout", {"x": x}, {"training": False})["y"] == x).all()
    assert (oracle_outputs("dropout", {"x": x}, {"p": 0.0})["y"] == x).all()
    assert (oracle_outputs("dropout", {"x": x}, {"p": 1.0})["y"] == 0).all()
    for p in (-0.1, 1.5):
        with pytest.raises(ValueError):
            oracle_outputs("dropout", {"x": x}, {"p": p})


def _good_dropout(x: np.ndarray, *, p: float = 0.5, training: bool = True,
                  seed: int = 0) -> np.ndarray:
    keep = np.random.default_rng(seed).random(x.shape) >= p
    return np.where(keep, x / (1.0 - p), 0.0).astype(x.dtype)


def _no_rescale(x: np.ndarray, *, p: float = 0.5, training: bool = True,
                seed: int = 0) -> np.ndarray:
    keep = np.random.default_rng(seed).random(x.shape) >= p
    return np.where(keep, x, 0.0).astype(x.dtype)


def _keep_probability_as_p(x: np.ndarray, *, p: float = 0.5, training: bool = True,
                           seed: int = 0) -> np.ndarray:
    keep = np.random.default_rng(seed).random(x.shape) < p  # drops 1 - p instead of p
    return np.where(keep, x / (1.0 - p), 0.0).astype(x.dtype)


def _seed_ignored(x: np.ndarray, *, p: float = 0.5, training: bool = True,
                  seed: int = 0) -> np.ndarray:
    return _good_dropout(x, p=p, seed=1234)


def _scale_by_keep(x: np.ndarray, *, p: float = 0.5, training: bool = True,
                   seed: int = 0) -> np.ndarray:
    keep = np.random.default_rng(seed).random(x.shape) >= p
    return np.where(keep, x * (1.0 - p), 0.0).astype(x.dtype)


class _Planted(Backend):
    """A backend holding one dropout function, to run the real stochastic cases on it."""

    name = "planted"
    portable = False  # only the planted function may run

    def __init__(self, fn: Any) -> None:
        super().__init__()
        self._natives = {"dropout": fn}


def _outcomes(fn: Any) -> dict[str, str]:
    spec = concept("dropout")
    backend = _Planted(fn)
    return {f"{case.name}-{dtype}": run_job(Job(spec, case, backend, dtype)).outcome
            for case in spec.cases if case.kind == "stochastic"
            for dtype in ("float64", "float32")}


def test_dropout_check_passes_a_correct_dropout():
    assert set(_outcomes(_good_dropout).values()) == {"passed"}


@pytest.mark.parametrize("planted", [_no_rescale, _keep_probability_as_p, _seed_ignored,
                                     _scale_by_keep])
def test_dropout_check_catches(planted):
    outcomes = _outcomes(planted)
    if planted is _keep_probability_as_p:
        # at p = 0.5 the drop and the keep probability coincide
        outcomes = {k: v for k, v in outcomes.items() if not k.startswith("ones_p_half")}
    assert set(outcomes.values()) == {"failed"}, outcomes


# -- embedding_lookup ------------------------------------------------------------------


def test_embedding_lookup_is_a_onehot_matmul(close):
    for case, inputs in frozen_inputs("embedding_lookup", VALUE_KINDS):
        weight, ids = inputs["weight"], inputs["ids"]
        if not np.isfinite(weight).all():
            continue  # 0·inf: exactly why the canon gathers instead
        onehot = np.eye(weight.shape[0])[ids]
        close(oracle_outputs("embedding_lookup", inputs, case.params)["y"], onehot @ weight)


def test_embedding_lookup_grad_is_a_scatter_add(close):
    for case, inputs in frozen_inputs("embedding_lookup", ("grad",)):
        expected = np.zeros_like(inputs["weight"])
        np.add.at(expected, inputs["ids"], to_array(case.cotangent["y"]))
        close(to_array(case.expected_grad["weight"]), expected, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("ids", [[0, 3], [-1, 1]])
def test_embedding_lookup_rejects_out_of_range(ids):
    with pytest.raises(IndexError):
        oracle_outputs("embedding_lookup", {"weight": np.ones((3, 2)),
                                            "ids": np.array(ids)}, {})
