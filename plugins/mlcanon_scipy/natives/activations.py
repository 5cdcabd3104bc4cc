"""SciPy native bindings: activations (scipy.special)."""

from __future__ import annotations

import numpy as np
import scipy.special

from mlcanon import native


@native("scipy.special.softmax")
def softmax(x: np.ndarray, *, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    # scipy.special.softmax reduces over the whole array by default: pass the axis
    return scipy.special.softmax(x / temperature, axis=axis)


@native("scipy.special.log_softmax")
def log_softmax(x: np.ndarray, *, axis: int = -1) -> np.ndarray:
    return scipy.special.log_softmax(x, axis=axis)


@native("scipy.special.expit")
def sigmoid(x: np.ndarray) -> np.ndarray:
    return scipy.special.expit(x)


@native("scipy.special.log_expit")
def log_sigmoid(x: np.ndarray) -> np.ndarray:
    return scipy.special.log_expit(x)


@native("scipy.special.logit")
def logit_function(p: np.ndarray) -> np.ndarray:
    return scipy.special.logit(p)
