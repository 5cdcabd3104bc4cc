"""scikit-learn native bindings: the empirical risk under the losses sklearn.metrics averages."""

from __future__ import annotations

from functools import partial

import numpy as np
from sklearn.metrics import log_loss, mean_absolute_error, mean_squared_error, zero_one_loss

from mlcanon import KnownDeviation, native

SKLEARN = "https://scikit-learn.org/stable/modules/generated/"

# labels=[0, 1]: a 1-D p is the probability of class 1 even when y holds one class only
_RISKS = {"squared": mean_squared_error, "absolute": mean_absolute_error,
          "zero_one": zero_one_loss, "log": partial(log_loss, labels=[0, 1])}


@native("sklearn.metrics.{mean_squared_error, mean_absolute_error, zero_one_loss, log_loss}")
def empirical_risk(pred: np.ndarray, target: np.ndarray, *, loss: str = "squared") -> np.ndarray:
    return _RISKS[loss](target, pred)


_FLOAT64 = ("sklearn.metrics returns a Python float: the risk is float64 for float32 inputs")
#: every empirical_risk case whose float32 value reaches the comparison
_FLOAT32_CASES = (
    "squared_default", "vector_outputs_sum_per_sample", "absolute", "zero_one_signed_zero",
    "log_certain_and_right", "log_certain_and_wrong", "log", "random_squared",
    "random_absolute_vectors", "random_log", "samples_exchangeable",
)
_ELEMENT_MEAN = ("sklearn.metrics.{mean_squared_error, mean_absolute_error} average (n, k) "
                 "outputs over all n k elements (multioutput='uniform_average'), not per sample")


def _risk(case: str, reason: str, link: str, dtype: str = "*") -> KnownDeviation:
    return KnownDeviation(concept="empirical_risk", case=case, reason=reason, link=link,
                          dtype=dtype)


KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    *(_risk(case, _FLOAT64, SKLEARN + "sklearn.metrics.mean_squared_error.html", "float32")
      for case in _FLOAT32_CASES),
    _risk("vector_outputs_sum_per_sample", _ELEMENT_MEAN + ": 7.5 instead of 15",
          SKLEARN + "sklearn.metrics.mean_squared_error.html"),
    _risk("random_absolute_vectors", _ELEMENT_MEAN + ": a third of the per-sample risk for "
          "k = 3", SKLEARN + "sklearn.metrics.mean_absolute_error.html"),
    _risk("random_squared_3d", "sklearn.metrics.mean_squared_error rejects a (n, 2, 3) "
          "input (ValueError: found array with dim 3)",
          SKLEARN + "sklearn.metrics.mean_squared_error.html"),
    _risk("zero_one_nan_prediction", "sklearn.metrics.zero_one_loss rejects a NaN prediction "
          "(ValueError: input y_pred contains NaN) instead of counting it as an error",
          SKLEARN + "sklearn.metrics.zero_one_loss.html"),
    _risk("log_certain_and_right", "sklearn.metrics.log_loss clips p to [eps, 1 - eps]: "
          "certain right predictions cost 2.22e-16, not 0",
          SKLEARN + "sklearn.metrics.log_loss.html"),
    _risk("log_certain_and_wrong", "sklearn.metrics.log_loss clips p to [eps, 1 - eps]: "
          "p = 0 for an observed 1 gives a finite 18.37 (mean with ln 2), not +inf",
          SKLEARN + "sklearn.metrics.log_loss.html"),
    _risk("no_samples", "sklearn.metrics.mean_squared_error rejects 0 samples (ValueError) "
          "instead of returning NaN", SKLEARN + "sklearn.metrics.mean_squared_error.html"),
    _risk("shape_mismatch", "sklearn.metrics.mean_squared_error takes a (3, 1) prediction "
          "against a (3,) target without an error",
          SKLEARN + "sklearn.metrics.mean_squared_error.html"),
)
