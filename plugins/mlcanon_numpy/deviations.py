"""Where the NumPy backend knowingly departs from the canon (strict: see mlcanon.KnownDeviation)."""

from mlcanon import KnownDeviation

_TAKE = "https://numpy.org/doc/stable/reference/generated/numpy.take.html"
_EIGH = "https://numpy.org/doc/stable/reference/generated/numpy.linalg.eigh.html"
_NORM = "https://numpy.org/doc/stable/reference/generated/numpy.linalg.vector_norm.html"

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation("embedding_lookup", "np.take wraps a negative id like Python indexing: id "
                   "-1 returns the last row instead of being rejected", _TAKE,
                   case="negative_id"),
    KnownDeviation("symmetric_eigendecomposition", "np.linalg.eigh reads only the lower "
                   "triangle of a non-symmetric input, so its eigenvalues are those of the "
                   "lower triangle mirrored, not of the symmetric part (A + A^T)/2", _EIGH,
                   case="non_symmetric_input"),
    KnownDeviation("vector_norm", "np.linalg.vector_norm raises entries to the power ord "
                   "without scaling by the largest: sum |x|^100 overflows float32 and the "
                   "100-norm comes out inf", _NORM, case="book_004_7_p100", dtype="float32"),
    KnownDeviation("vector_norm", "np.linalg.vector_norm squares unscaled entries: "
                   "[1e200, 1e200] gives inf instead of 1.41e200", _NORM,
                   case="overflow_float64"),
    KnownDeviation("vector_norm", "np.linalg.vector_norm squares unscaled entries: the "
                   "squares of [3.8e30, 5.1e30] overflow float32 and the norm comes out inf "
                   "instead of 6.3e30", _NORM,
                   case="overflow_float32", dtype="float32"),
    KnownDeviation("vector_norm", "np.linalg.vector_norm squares unscaled entries: the "
                   "squares of [2.4e-30, 3.2e-30] underflow float32 and the norm comes out 0 "
                   "instead of 3.9e-30", _NORM,
                   case="underflow_float32", dtype="float32"),
    KnownDeviation("vector_norm", "np.linalg.vector_norm raises entries to ord = 1000 "
                   "without scaling by the largest: the sum overflows and the norm is inf",
                   _NORM, case="large_p"),
)
