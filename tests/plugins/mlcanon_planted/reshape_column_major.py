"""Planted bug: reshape that fills column-major (Fortran/MATLAB order) whatever order says."""

import numpy as np


def reshape(x, *, shape=None, order="C"):
    return np.reshape(x, shape, order="F")
