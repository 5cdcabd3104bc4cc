"""Planted bug: clip through fmax/fmin, which ignore NaN, so a NaN entry becomes a bound."""

import numpy as np


def clip(x, *, lo=None, hi=None):
    y = x if lo is None else np.fmax(x, np.asarray(lo, dtype=x.dtype))
    return y if hi is None else np.fmin(y, np.asarray(hi, dtype=x.dtype))
