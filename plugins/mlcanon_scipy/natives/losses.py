"""scikit-learn native bindings: losses (sklearn.metrics), which compute only the mean."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import hinge_loss as sklearn_hinge_loss
from sklearn.metrics import log_loss, mean_absolute_error, mean_squared_error

from mlcanon import KnownDeviation, native

SKLEARN = "https://scikit-learn.org/stable/modules/generated/"


@native("sklearn.metrics.log_loss", only={"reduction": "mean"})
def binary_cross_entropy(p: np.ndarray, y: np.ndarray, *, reduction: str = "mean") -> np.ndarray:
    # labels=[0, 1]: a 1-D p is the probability of class 1 even when y holds one class only
    return log_loss(y, p, labels=[0, 1])


@native("sklearn.metrics.mean_squared_error", only={"reduction": "mean"})
def mse_loss(pred: np.ndarray, target: np.ndarray, *, reduction: str = "mean") -> np.ndarray:
    return mean_squared_error(target, pred)


@native("sklearn.metrics.mean_absolute_error", only={"reduction": "mean"})
def mae_loss(pred: np.ndarray, target: np.ndarray, *, reduction: str = "mean") -> np.ndarray:
    return mean_absolute_error(target, pred)



@native("sklearn.metrics.hinge_loss", only={"reduction": "mean", "margin": 1.0})
def hinge_loss(scores: np.ndarray, y: np.ndarray, *, margin: float = 1.0,
               reduction: str = "mean") -> np.ndarray:
    return sklearn_hinge_loss(y, scores)



@native("sklearn.metrics.log_loss", only={"reduction": "mean", "eps": None})
def categorical_cross_entropy(p: np.ndarray, y: np.ndarray, *, eps: float | None = None,
                              reduction: str = "mean") -> np.ndarray:
    # log_loss takes (n_samples, n_classes): rows of any leading shape, the target as a
    # label-indicator matrix
    n_classes = p.shape[-1]
    return log_loss(y.reshape(-1, n_classes), p.reshape(-1, n_classes))


_LOG_LOSS = SKLEARN + "sklearn.metrics.log_loss.html"
_LOG_LOSS_SOFT = ("sklearn.metrics.log_loss takes only one-hot targets: a soft target raises "
                  "ValueError ('Multioutput target data is not supported with label "
                  "binarization')")
_HINGE = SKLEARN + "sklearn.metrics.hinge_loss.html"
_HINGE_FLOAT64 = ("sklearn.metrics.hinge_loss returns a float64 scalar for float32 inputs "
                  "(it averages in float64)")
_MAE_FLOAT64 = ("sklearn.metrics.mean_absolute_error returns a float64 scalar for float32 "
                "inputs (it averages in float64)")

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    *(KnownDeviation("mae_loss", _MAE_FLOAT64,
                     SKLEARN + "sklearn.metrics.mean_absolute_error.html", case=case,
                     dtype="float32")
      for case in ("book_000_34", "book_000_45_metric", "outlier_counts_linearly",
                   "random_mean", "reductions_agree")),
    KnownDeviation(
        "mae_loss",
        "sklearn.metrics.mean_absolute_error raises ValueError ('Found array with 0 "
        "sample(s)') on empty inputs instead of returning NaN",
        SKLEARN + "sklearn.metrics.mean_absolute_error.html", case="empty_mean_is_nan"),
    KnownDeviation(
        "mae_loss",
        "sklearn.metrics.mean_absolute_error accepts a (3, 1) pred against a (3,) target "
        "without error (read as one output column)",
        SKLEARN + "sklearn.metrics.mean_absolute_error.html", case="column_against_row"),
    *(KnownDeviation("hinge_loss", _HINGE_FLOAT64, _HINGE, case=case, dtype="float32")
      for case in ("default_mean", "random_mean")),
    KnownDeviation(
        "hinge_loss",
        "sklearn.metrics.hinge_loss raises ValueError ('Found array with 0 sample(s)') on "
        "empty inputs instead of returning NaN", _HINGE, case="empty_mean_is_nan"),
    KnownDeviation(
        "hinge_loss",
        "sklearn.metrics.hinge_loss maps any two label values onto -1 and +1: labels [0, 1] "
        "with scores [-3, 2] give 0.0 instead of an error", _HINGE, case="zero_one_labels"),
    KnownDeviation(
        "hinge_loss",
        "sklearn.metrics.hinge_loss maps labels [2, -1] onto [+1, -1]: scores [0.25, 2] give "
        "1.875 instead of an error", _HINGE, case="label_two"),
    KnownDeviation(
        "hinge_loss",
        "sklearn.metrics.hinge_loss reads a (3, 1) score column against (3,) labels as one "
        "score per sample (0.1667) instead of an error", _HINGE, case="column_against_row"),
    KnownDeviation(
        "hinge_loss",
        "sklearn.metrics.hinge_loss accepts only 1-d labels: (3, 5) labels raise ValueError "
        "('y should be a 1d array')", _HINGE, case="reductions_agree"),
    *(KnownDeviation("categorical_cross_entropy",
                     "sklearn.metrics.log_loss returns a float64 scalar for float32 inputs",
                     _LOG_LOSS, case=case, dtype="float32")
      for case in ("book_002_16_p_001", "book_002_17_p_half",
                   "tiny_probability_not_clipped")),
    KnownDeviation(
        "categorical_cross_entropy",
        "sklearn.metrics.log_loss clips probabilities at the dtype's eps: p_true = 2^-100 "
        "costs 36.04 instead of 69.31", _LOG_LOSS, case="tiny_probability_not_clipped",
        dtype="float64"),
    *(KnownDeviation("categorical_cross_entropy", _LOG_LOSS_SOFT, _LOG_LOSS, case=case)
      for case in ("soft_target", "random_soft_mean", "reductions_agree")),
)
