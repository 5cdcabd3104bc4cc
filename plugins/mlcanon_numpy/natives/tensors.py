"""NumPy native bindings: tensor operations."""

from __future__ import annotations

import numpy as np

from mlcanon import KnownDeviation, native


@native("numpy.matmul")
def matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.matmul(a, b)


@native("numpy.add")
def elementwise_add(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.add(a, b)


@native("numpy.multiply")
def elementwise_product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.multiply(a, b)


@native("numpy.add")
def broadcasting_add(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.add(a, b)


@native("numpy.multiply")
def scalar_multiply(v: np.ndarray, *, scalar: float | None = None) -> np.ndarray:
    return np.multiply(v, scalar)


@native("numpy.matrix_transpose")
def transpose(x: np.ndarray) -> np.ndarray:
    return np.matrix_transpose(x)


@native("numpy.reshape", only={"order": ("C", "F")})
def reshape(x: np.ndarray, *, shape: list[int] | None = None, order: str = "C") -> np.ndarray:
    return np.reshape(x, shape, order=order)


@native("numpy.clip")
def clip(x: np.ndarray, *, lo: float | None = None, hi: float | None = None) -> np.ndarray:
    return np.clip(x, lo, hi)


@native("numpy.outer")
def outer_product(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    return np.outer(u, v)


#: the NumPy function behind each op of dtype_promotion
_NUMPY_OPS = {"add": np.add, "multiply": np.multiply, "true_divide": np.true_divide,
              "asarray": np.asarray}


@native("numpy.add / multiply / true_divide / asarray")
def dtype_promotion(x: np.ndarray | None = None, n: np.ndarray | None = None,
                    m: np.ndarray | None = None, mask: np.ndarray | None = None, *,
                    op: str = "add", scalar: float | None = None) -> np.ndarray:
    operands = [v for v in (x, n, m, mask, scalar) if v is not None]
    return _NUMPY_OPS[op](*operands)


@native("numpy.shape / numpy.ndim")
def tensor_shape(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(np.shape(x), dtype=np.int64), np.asarray(np.ndim(x))


@native("numpy.linalg.solve")
def basis_coordinates(v: np.ndarray, basis: np.ndarray) -> np.ndarray:
    return np.linalg.solve(basis, v)


@native("numpy.mgrid", only={"stop_inclusive": False})
def decision_grid(*, start: float = 0.0, stop: float = 1.0, step: float = 0.01,
                  stop_inclusive: bool = False) -> np.ndarray:
    # the book's construction: mgrid, then ravel and column-stack
    return np.mgrid[start:stop:step, start:stop:step].reshape(2, -1).T


KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="elementwise_add", case="column_plus_vector",
        reason="np.add broadcasts operands of different shapes without an error: "
               "(3, 1) + (3,) returns a (3, 3) array",
        link="https://numpy.org/doc/stable/user/basics.broadcasting.html",
    ),
    KnownDeviation(
        concept="elementwise_product", case="column_times_vector",
        reason="np.multiply broadcasts factors of different shapes without an error: "
               "(3, 1) * (3,) returns a (3, 3) array",
        link="https://numpy.org/doc/stable/user/basics.broadcasting.html",
    ),
    KnownDeviation(
        concept="scalar_multiply", case="scalar_beyond_float16_range", dtype="float16",
        reason="np.multiply casts the Python scalar (NEP 50) to the array's float16 "
               "before multiplying: 2^17 becomes inf and [2^-10, 2^-8] * 2^17 gives "
               "[inf, inf] instead of [128, 512]",
        link="https://numpy.org/neps/nep-0050-scalar-promotion.html",
    ),
    KnownDeviation(
        concept="scalar_multiply", case="scalar_below_float16_range", dtype="float16",
        reason="np.multiply casts the Python scalar (NEP 50) 2^-30 to float16 first, where it "
               "underflows to 0: [2^15, -2^14] * 2^-30 gives [0, -0] instead of "
               "[2^-15, -2^-16]",
        link="https://numpy.org/neps/nep-0050-scalar-promotion.html",
    ),
    KnownDeviation(
        concept="reshape", case="no_shape",
        reason="np.reshape(x, None) does not raise: a None shape returns x unchanged "
               "(array([1., 2.]) stays (2,)), so a forgotten shape goes unnoticed",
        link="https://numpy.org/doc/stable/reference/generated/numpy.reshape.html",
    ),
    KnownDeviation(
        concept="clip", case="negative_zero_below_zero_bound",
        reason="np.clip keeps -0.0 below a lower bound of +0.0 (-0 < +0 is false): "
               "np.clip(-0.0, 0.0, 1.0) is -0.0, so 1/y is -inf",
        link="https://numpy.org/doc/stable/reference/generated/numpy.clip.html",
    ),
    KnownDeviation(
        concept="clip", case="negative_zero_upper_bound",
        reason="np.clip keeps +0.0 above an upper bound of -0.0: np.clip(0.0, -1.0, -0.0) "
               "is +0.0, where IEEE minimum gives -0.0",
        link="https://numpy.org/doc/stable/reference/generated/numpy.clip.html",
    ),
    *(KnownDeviation(
        concept="clip", case=case, dtype="bfloat16",
        reason="np.clip of an ml_dtypes bfloat16 array with both bounds given as Python "
               "floats returns float32 (the bounds promote the result); one bound keeps "
               "bfloat16",
        link="https://github.com/jax-ml/ml_dtypes",
    ) for case in ("ratings_one_to_five", "matrix", "crossed_bounds", "equal_bounds",
                   "nan_entry_propagates", "nan_bound_propagates", "random_symmetric",
                   "idempotent")),
    KnownDeviation(
        concept="outer_product", case="matrix_operand",
        reason="np.outer flattens N-d operands without an error: a (2, 2) and a (3,) "
               "operand give a (4, 3) matrix",
        link="https://numpy.org/doc/stable/reference/generated/numpy.outer.html",
    ),
    KnownDeviation(
        concept="outer_product", case="scalar_operand",
        reason="np.outer flattens a 0-d operand to length 1: outer(2.0, [1, 2]) is the "
               "(1, 2) matrix [[2, 4]]",
        link="https://numpy.org/doc/stable/reference/generated/numpy.outer.html",
    ),
    *(KnownDeviation(
        concept="dtype_promotion", case=case, dtype=dtype,
        reason="NumPy promotes a float16, bfloat16 or float32 array combined with an int64 "
               "array to float64 (np.result_type(float32, int64) is float64); the canon, "
               "PyTorch and JAX keep the float array's dtype",
        link="https://numpy.org/doc/stable/reference/arrays.promotion.html",
    ) for case in ("float_plus_int_array", "int_array_times_float", "float_divided_by_int_array",
                   "random_float_plus_int") for dtype in ("float16", "bfloat16", "float32")),
    KnownDeviation(
        concept="decision_grid", case="book_001_19_last_row_excludes_stop",
        reason="np.mgrid[0.97:1:0.01] has ceil((1 - 0.97)/0.01) = ceil(3.0000000000000027) = 4 "
               "values per axis and ends at 1.0, so the grid has 16 points and includes the "
               "stop the book says is excluded",
        link="https://numpy.org/doc/stable/reference/generated/numpy.mgrid.html",
    ),
)
