"""The classical_ml oracles agree with scikit-learn, NumPy and a float64 GD loop."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import special
from sklearn.linear_model import LinearRegression

from tests.oracles.conftest import frozen_inputs, oracle_outputs


@pytest.mark.parametrize("kinds", [("generated", "grad", "book", "edge")])
def test_ols_matches_sklearn(kinds, close):
    compared = 0
    for case, inputs in frozen_inputs("linear_regression_ols", kinds):
        fit_intercept = case.params.get("fit_intercept", True)
        ours = oracle_outputs("linear_regression_ols", inputs, case.params)
        theirs = LinearRegression(fit_intercept=fit_intercept).fit(inputs["X"], inputs["y"])
        scale = np.abs(inputs["X"]).max() * np.abs(ours["coef"]).max() + 1.0
        close(ours["coef"], theirs.coef_, rtol=1e-9, atol=1e-12)
        close(ours["intercept"], theirs.intercept_, rtol=1e-9, atol=1e-12 * scale)
        compared += 1
    assert compared >= 8


def test_ols_matches_ones_column_lstsq_when_full_rank(close):
    """Centring then solving equals appending a ones column when X has full rank."""
    for case, inputs in frozen_inputs("linear_regression_ols", ("generated", "book")):
        if not case.params.get("fit_intercept", True):
            continue
        X, y = inputs["X"], inputs["y"]
        design = np.column_stack([X - X.mean(axis=0), np.ones(len(y))])  # keeps it conditioned
        solution = np.linalg.lstsq(design, y, rcond=None)[0]
        ours = oracle_outputs("linear_regression_ols", inputs, case.params)
        close(ours["coef"], solution[:-1], rtol=1e-10, atol=1e-12)
        close(ours["intercept"], solution[-1] - X.mean(axis=0) @ solution[:-1], rtol=1e-9,
              atol=1e-9)


def test_ols_book_case_is_the_exact_rational_optimum(close):
    """Catalog 003-5: w* = 235/91 and b* = -8350/91 exactly."""
    inputs = {"X": np.array([[150.0], [200.0], [260.0]]), "y": np.array([200.0, 600.0, 500.0])}
    ours = oracle_outputs("linear_regression_ols", inputs, {})
    close(ours["coef"], [235 / 91], rtol=1e-15)
    close(ours["intercept"], -8350 / 91, rtol=1e-15)


def _gd_float64(X, y, w0, b0, lr, steps):
    w, b = w0.astype(np.float64).copy(), float(b0)
    for _ in range(steps):
        residual = special.expit(X @ w + b) - y
        w, b = w - lr * X.T @ residual / len(y), b - lr * residual.mean()
    return w, b


@pytest.mark.parametrize("kinds", [("generated", "edge")])
def test_logistic_oracle_matches_float64_gradient_descent(kinds, close):
    compared = 0
    for case, inputs in frozen_inputs("logistic_regression", kinds):
        params = {"lr": 0.1, **case.params}
        ours = oracle_outputs("logistic_regression", inputs, case.params)
        w, b = _gd_float64(inputs["X"], inputs["y"], inputs["w0"], inputs.get("b0", 0.0),
                           params["lr"], params["steps"])
        close(ours["w"], w, rtol=1e-11, atol=1e-13)
        close(ours["b"], b, rtol=1e-11, atol=1e-13)
        compared += 1
    assert compared >= 5


def test_logistic_first_step_is_the_mean_bce_gradient(close):
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(7, 3)), (rng.random(7) < 0.5).astype(float)
    w0, b0 = rng.normal(size=3), np.array(0.3)
    ours = oracle_outputs("logistic_regression", {"X": X, "y": y, "w0": w0, "b0": b0},
                          {"lr": 0.25, "steps": 1})

    def loss(w, b):
        z = X @ w + b
        return np.mean(np.logaddexp(0, z) - y * z)

    h = 1e-6
    grad_w = [(loss(w0 + h * e, b0) - loss(w0 - h * e, b0)) / (2 * h) for e in np.eye(3)]
    grad_b = (loss(w0, b0 + h) - loss(w0, b0 - h)) / (2 * h)
    close(ours["w"], w0 - 0.25 * np.array(grad_w), rtol=1e-8, atol=1e-9)
    close(ours["b"], b0 - 0.25 * grad_b, rtol=1e-8, atol=1e-9)
