"""scikit-learn native bindings: classical machine learning (sklearn.linear_model).

logistic_regression is not bound: LogisticRegression penalises and solves to convergence,
and cannot be told the canon's start, learning rate or step count."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LinearRegression

from mlcanon import native


@native("sklearn.linear_model.LinearRegression")
def linear_regression_ols(X: np.ndarray, y: np.ndarray, *,
                          fit_intercept: bool = True) -> tuple[np.ndarray, np.ndarray]:
    model = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    return model.coef_, model.intercept_
