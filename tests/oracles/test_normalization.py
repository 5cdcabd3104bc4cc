"""The normalization oracles agree with SciPy, scikit-learn and the textbook backward formulas."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from scipy import stats
from sklearn.preprocessing import StandardScaler

from tests.oracles.conftest import concept, frozen_inputs, oracle_outputs

VALUE_KINDS = ("generated", "grad", "book", "edge")


def _params(concept_id: str, case_params: dict) -> dict:
    return {**concept(concept_id).signature.params, **case_params}


def _zscore(x: np.ndarray, axis: int, ddof: int = 0) -> np.ndarray:
    """scipy.stats.zscore, quiet about the constant slices some edge cases hold on purpose."""
    with warnings.catch_warnings(), np.errstate(invalid="ignore", divide="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        return stats.zscore(x, axis=axis, ddof=ddof)


def test_standardize_matches_scipy_zscore(close):
    for case, inputs in frozen_inputs("standardize", VALUE_KINDS):
        p = _params("standardize", case.params)
        x = inputs["x"]
        sigma = np.std(x, axis=p["axis"], ddof=p["ddof"], keepdims=True)
        theirs = _zscore(x, p["axis"], p["ddof"])
        theirs = np.where(sigma > 0, theirs * sigma / (sigma + p["eps"]),
                          theirs if p["eps"] == 0 else 0.0)
        close(oracle_outputs("standardize", inputs, case.params)["y"], theirs)


def test_standardize_matches_standard_scaler(close):
    checked = 0
    for case, inputs in frozen_inputs("standardize", VALUE_KINDS):
        p = _params("standardize", case.params)
        if p["axis"] != 0 or p["ddof"] != 0 or inputs["x"].ndim != 2:
            continue
        x = inputs["x"]
        scaler = StandardScaler().fit(x)
        # StandardScaler divides by sigma (1 for a constant column); the canon by sigma + eps
        with np.errstate(invalid="ignore"):
            theirs = scaler.transform(x) * scaler.scale_ / (np.sqrt(scaler.var_) + p["eps"])
        ours = oracle_outputs("standardize", inputs, case.params)["y"]
        if p["eps"] == 0:  # where zscore gives NaN, StandardScaler gives 0
            theirs = np.where(scaler.var_ == 0, np.nan, theirs)
        close(ours, theirs)
        checked += 1
    assert checked >= 4


def test_layer_norm_is_a_rescaled_row_zscore(close):
    for case, inputs in frozen_inputs("layer_norm", VALUE_KINDS):
        eps = _params("layer_norm", case.params)["eps"]
        x = inputs["x"]
        sigma = np.std(x, axis=-1, keepdims=True)
        z = np.where(sigma > 0, _zscore(x, -1), 0.0)
        theirs = z * sigma / np.sqrt(sigma**2 + eps) * inputs.get("weight", 1.0) \
            + inputs.get("bias", 0.0)
        close(oracle_outputs("layer_norm", inputs, case.params)["y"], theirs, atol=1e-13)


def test_layer_norm_grad_matches_backward_formula(close):
    """dx = (g - mean(g) - xhat * mean(g * xhat)) / sqrt(var + eps) with g = weight * dy."""
    for case, inputs in frozen_inputs("layer_norm", ("grad",)):
        eps = _params("layer_norm", case.params)["eps"]
        x, dy = inputs["x"], np.asarray(case.cotangent["y"], dtype=np.float64)
        rstd = 1 / np.sqrt(x.var(axis=-1, keepdims=True) + eps)
        xhat = (x - x.mean(axis=-1, keepdims=True)) * rstd
        g = dy * inputs.get("weight", 1.0)
        dx = (g - g.mean(axis=-1, keepdims=True)
              - xhat * (g * xhat).mean(axis=-1, keepdims=True)) * rstd
        expected = {"x": dx, "weight": (dy * xhat).reshape(-1, x.shape[-1]).sum(axis=0),
                    "bias": dy.reshape(-1, x.shape[-1]).sum(axis=0)}
        for name in case.wrt:
            close(case.expected_grad[name], expected[name], rtol=1e-9, atol=1e-12)


def test_rms_norm_matches_closed_form(close):
    for case, inputs in frozen_inputs("rms_norm", VALUE_KINDS):
        eps = _params("rms_norm", case.params)["eps"]
        x = inputs["x"]
        d = x.shape[-1]
        rms = np.sqrt(np.linalg.norm(x, axis=-1, keepdims=True) ** 2 / d + eps)
        close(oracle_outputs("rms_norm", inputs, case.params)["y"],
              x / rms * inputs.get("weight", 1.0))


def test_rms_norm_grad_matches_backward_formula(close):
    """dx = (g - xhat * mean(g * xhat)) / rms with g = weight * dy, xhat = x / rms."""
    for case, inputs in frozen_inputs("rms_norm", ("grad",)):
        eps = _params("rms_norm", case.params)["eps"]
        x, dy = inputs["x"], np.asarray(case.cotangent["y"], dtype=np.float64)
        rms = np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps)
        xhat = x / rms
        g = dy * inputs.get("weight", 1.0)
        expected = {"x": (g - xhat * (g * xhat).mean(axis=-1, keepdims=True)) / rms,
                    "weight": (dy * xhat).reshape(-1, x.shape[-1]).sum(axis=0)}
        for name in case.wrt:
            close(case.expected_grad[name], expected[name], rtol=1e-9, atol=1e-12)


def _batch_norm_reference(x, running_mean, running_var, weight, bias, eps, momentum):
    """Channels to the front, the rest flattened: zscore per channel, as the books write it."""
    flat = np.moveaxis(x, 1, 0).reshape(x.shape[1], -1)
    sigma = flat.std(axis=1)
    z = np.where(sigma[:, None] > 0, _zscore(flat, 1), 0.0)
    y = z * (sigma / np.sqrt(sigma**2 + eps))[:, None] * weight[:, None] + bias[:, None]
    y = np.moveaxis(y.reshape(x.shape[1], x.shape[0], *x.shape[2:]), 0, 1)
    new_mean = (1 - momentum) * running_mean + momentum * flat.mean(axis=1)
    new_var = (1 - momentum) * running_var + momentum * sigma**2
    return y, new_mean, new_var


def test_batch_norm_matches_per_channel_zscore(close):
    for case, inputs in frozen_inputs("batch_norm", VALUE_KINDS):
        p = _params("batch_norm", case.params)
        channels = inputs["x"].shape[1]
        theirs = _batch_norm_reference(inputs["x"], inputs["running_mean"],
                                       inputs["running_var"],
                                       inputs.get("weight", np.ones(channels)),
                                       inputs.get("bias", np.zeros(channels)),
                                       p["eps"], p["momentum"])
        ours = oracle_outputs("batch_norm", inputs, case.params)
        for name, value in zip(("y", "running_mean", "running_var"), theirs, strict=True):
            close(ours[name], value, atol=1e-13)


@pytest.mark.parametrize("case_name", ["grad_features_affine", "grad_images"])
def test_batch_norm_grad_matches_backward_formula(case_name, close):
    """dx = weight / (B sqrt(var + eps)) [B g - sum g - xhat sum(g xhat)] per channel."""
    case, inputs = next((c, i) for c, i in frozen_inputs("batch_norm", ("grad",))
                        if c.name == case_name)
    eps = _params("batch_norm", case.params)["eps"]
    x, dy = inputs["x"], np.asarray(case.cotangent["y"], dtype=np.float64)
    axes = (0, *range(2, x.ndim))
    shape = (1, x.shape[1]) + (1,) * (x.ndim - 2)
    count = x.size // x.shape[1]
    rstd = 1 / np.sqrt(x.var(axis=axes, keepdims=True) + eps)
    xhat = (x - x.mean(axis=axes, keepdims=True)) * rstd
    weight = inputs.get("weight", np.ones(x.shape[1])).reshape(shape)
    dx = weight * rstd / count * (count * dy - dy.sum(axis=axes, keepdims=True)
                                  - xhat * (dy * xhat).sum(axis=axes, keepdims=True))
    expected = {"x": dx, "weight": (dy * xhat).sum(axis=axes), "bias": dy.sum(axis=axes)}
    for name in case.wrt:
        close(case.expected_grad[name], expected[name], rtol=1e-9, atol=1e-12)


def test_standardize_grad_matches_closed_form(close):
    for case, inputs in frozen_inputs("standardize", ("grad",)):
        p = _params("standardize", case.params)
        x, g = inputs["x"], np.asarray(case.cotangent["y"], dtype=np.float64)
        axis, n = p["axis"], x.shape[p["axis"]]
        centered = x - x.mean(axis=axis, keepdims=True)
        sigma = x.std(axis=axis, ddof=p["ddof"], keepdims=True)
        scale = sigma + p["eps"]
        dx = (g - g.mean(axis=axis, keepdims=True)) / scale \
            - centered / ((n - p["ddof"]) * sigma) \
            * (g * centered).sum(axis=axis, keepdims=True) / scale**2
        close(case.expected_grad["x"], dx, rtol=1e-9, atol=1e-12)
