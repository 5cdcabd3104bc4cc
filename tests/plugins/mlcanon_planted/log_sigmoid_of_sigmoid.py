"""Planted bug: log sigma computed as log(sigmoid(x)), which is -inf once sigma underflows."""

import numpy as np


def log_sigmoid(x):
    with np.errstate(over="ignore", divide="ignore"):
        return np.log(1.0 / (1.0 + np.exp(-x)))
