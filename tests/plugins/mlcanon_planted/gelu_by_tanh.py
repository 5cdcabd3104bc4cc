"""Planted bug: the tanh approximation of GELU where the spec says erf."""

import numpy as np


def gelu(x, *, approximate="none"):
    c = np.sqrt(2.0 / np.pi).astype(x.dtype)
    return 0.5 * x * (1.0 + np.tanh(c * (x + 0.044715 * x**3)))
