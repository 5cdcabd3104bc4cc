"""JAX native bindings: tensor operations (jax.numpy.matmul)."""

from __future__ import annotations

from typing import Any

import jax
import jax.experimental.sparse as jsparse
import jax.numpy as jnp
import numpy as np

from mlcanon import Backend, DefaultProbe, KnownDeviation, native

#: a (1, 2, 3) batch of one matrix: .T reverses all three axes, the canon swaps the last two
BATCH_OF_ONE = [[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]]
#: jax.nn.one_hot needs an explicit class count (the canon's None infers max + 1)
EXPLICIT_CLASS_COUNTS = tuple(range(1 << 16))


@native("jax.numpy.matmul")
def matmul(a: jnp.ndarray, b: jnp.ndarray) -> jnp.ndarray:
    # HIGHEST keeps float32 products in float32 on GPUs/TPUs (no TF32 or bf16 passes).
    return jnp.matmul(a, b, precision=jax.lax.Precision.HIGHEST)


@native("jax.numpy.add")
def elementwise_add(a: jnp.ndarray, b: jnp.ndarray) -> jnp.ndarray:
    return jnp.add(a, b)


@native("jax.numpy.multiply")
def elementwise_product(a: jnp.ndarray, b: jnp.ndarray) -> jnp.ndarray:
    return jnp.multiply(a, b)


@native("jax.numpy.add")
def broadcasting_add(a: jnp.ndarray, b: jnp.ndarray) -> jnp.ndarray:
    return jnp.add(a, b)


@native("jax.numpy.multiply")
def scalar_multiply(v: jnp.ndarray, *, scalar: float | None = None) -> jnp.ndarray:
    return jnp.multiply(v, scalar)


@native("jax.numpy.matrix_transpose")
def transpose(x: jnp.ndarray) -> jnp.ndarray:
    return jnp.matrix_transpose(x)


@native("jax.numpy.reshape", only={"order": ("C", "F")})
def reshape(x: jnp.ndarray, *, shape: list[int] | None = None, order: str = "C") -> jnp.ndarray:
    return jnp.reshape(x, shape, order=order)


@native("jax.numpy.clip")
def clip(x: jnp.ndarray, *, lo: float | None = None, hi: float | None = None) -> jnp.ndarray:
    return jnp.clip(x, min=lo, max=hi)


@native("jax.nn.one_hot", only={"num_classes": EXPLICIT_CLASS_COUNTS})
def one_hot_encoding(labels: jnp.ndarray, *, num_classes: int | None = None) -> jnp.ndarray:
    return jax.nn.one_hot(labels, num_classes, dtype=jnp.float64)


@native("jax.numpy.outer")
def outer_product(u: jnp.ndarray, v: jnp.ndarray) -> jnp.ndarray:
    return jnp.outer(u, v)


#: the jax.numpy function behind each op of dtype_promotion
_JAX_OPS = {"add": jnp.add, "multiply": jnp.multiply, "true_divide": jnp.true_divide,
            "asarray": jnp.asarray}


@native("jax.numpy.add / multiply / true_divide / asarray")
def dtype_promotion(x: jnp.ndarray | None = None, n: jnp.ndarray | None = None,
                    m: jnp.ndarray | None = None, mask: jnp.ndarray | None = None, *,
                    op: str = "add", scalar: float | None = None) -> jnp.ndarray:
    operands = [v for v in (x, n, m, mask, scalar) if v is not None]
    return _JAX_OPS[op](*operands)


@native("jax.numpy.shape / jax.numpy.ndim")
def tensor_shape(x: jnp.ndarray) -> tuple[jnp.ndarray, jnp.ndarray]:
    return jnp.asarray(jnp.shape(x), dtype=jnp.int64), jnp.asarray(jnp.ndim(x))


@native("jax.experimental.sparse.BCSR.fromdense")
def csr_format(x: jnp.ndarray) -> dict[str, jnp.ndarray]:
    csr = jsparse.BCSR.fromdense(x)
    return {"data": csr.data, "indices": csr.indices, "indptr": csr.indptr}


@native("jax.numpy.linalg.solve")
def basis_coordinates(v: jnp.ndarray, basis: jnp.ndarray) -> jnp.ndarray:
    return jnp.linalg.solve(basis, v)


@native("jax.numpy.mgrid", only={"stop_inclusive": False})
def decision_grid(*, start: float = 0.0, stop: float = 1.0, step: float = 0.01,
                  stop_inclusive: bool = False) -> jnp.ndarray:
    # the book's construction: mgrid, then ravel and column-stack
    return jnp.mgrid[start:stop:step, start:stop:step].reshape(2, -1).T


KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="elementwise_add", case="column_plus_vector",
        reason="jnp.add broadcasts operands of different shapes without an error: "
               "(3, 1) + (3,) returns a (3, 3) array",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.add.html",
    ),
    KnownDeviation(
        concept="elementwise_product", case="column_times_vector",
        reason="jnp.multiply broadcasts factors of different shapes without an error: "
               "(3, 1) * (3,) returns a (3, 3) array",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.multiply.html",
    ),
    KnownDeviation(
        concept="scalar_multiply", case="scalar_beyond_float16_range", dtype="float16",
        reason="jnp.multiply casts the weakly typed Python scalar to the array's float16 "
               "before multiplying: 2^17 becomes inf and [2^-10, 2^-8] * 2^17 gives "
               "[inf, inf] instead of [128, 512]",
        link="https://docs.jax.dev/en/latest/type_promotion.html#weak-types",
    ),
    KnownDeviation(
        concept="scalar_multiply", case="scalar_below_float16_range", dtype="float16",
        reason="jnp.multiply casts the Python scalar 2^-30 to float16 first, where it "
               "underflows to 0: [2^15, -2^14] * 2^-30 gives [0, -0] instead of "
               "[2^-15, -2^-16]",
        link="https://docs.jax.dev/en/latest/type_promotion.html#weak-types",
    ),
    KnownDeviation(
        concept="one_hot_encoding", case="label_equals_num_classes",
        reason="jax.nn.one_hot does not reject a label >= num_classes: label 3 with K = 3 "
               "gives the all-zero row [0, 0, 0]",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.nn.one_hot.html",
    ),
    KnownDeviation(
        concept="one_hot_encoding", case="negative_label",
        reason="jax.nn.one_hot does not reject a negative label: -1 gives the all-zero "
               "row [0, 0, 0]",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.nn.one_hot.html",
    ),
    KnownDeviation(
        concept="outer_product", case="matrix_operand",
        reason="jnp.outer flattens N-d operands without an error: a (2, 2) and a (3,) "
               "operand give a (4, 3) matrix",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.outer.html",
    ),
    KnownDeviation(
        concept="outer_product", case="scalar_operand",
        reason="jnp.outer flattens a 0-d operand to length 1: outer(2.0, [1, 2]) is the "
               "(1, 2) matrix [[2, 4]]",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.outer.html",
    ),
    KnownDeviation(
        concept="running_mean", case="single_value", dtype="bfloat16",
        reason="jnp.cumulative_sum of a bfloat16 array starts from a +0 accumulator: "
               "the prefix sum of [-0.0] is [0.0], so the running mean of [-0.0] is +0.0 "
               "instead of -0.0 (float16, float32 and float64 keep -0.0)",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.cumulative_sum.html",
    ),
    KnownDeviation(
        concept="basis_coordinates", case="dependent_vectors",
        reason="jnp.linalg.solve does not reject a singular matrix: the dependent basis "
               "[[1, 2], [2, 4]] gives coordinates [nan, nan] without an error",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.linalg.solve.html",
    ),
    KnownDeviation(
        concept="decision_grid", case="book_001_19_last_row_excludes_stop",
        reason="jnp.mgrid[0.97:1:0.01] has ceil((1 - 0.97)/0.01) = ceil(3.0000000000000027) = 4 "
               "values per axis and ends at 1.0, so the grid has 16 points and includes the stop",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.mgrid.html",
    ),
    KnownDeviation(
        concept="decision_grid", case="zero_step",
        reason="jnp.mgrid[0:1:0.0] does not raise: a step of 0 gives one value per axis "
               "(a (2, 1, 1) grid), where NumPy raises ZeroDivisionError",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.mgrid.html",
    ),
    KnownDeviation(
        concept="decision_grid", case="stop_below_start",
        reason="jnp.mgrid[1:0:0.1] does not raise: a stop below the start gives an empty "
               "(0, 2) grid, where NumPy raises ValueError",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.mgrid.html",
    ),
    KnownDeviation(
        concept="basis_coordinates", case="subnormal_coordinates", dtype="float32",
        reason="XLA on the CPU flushes float32 subnormals to zero (jnp.float32(1e-39) * 1 is "
               "0): jnp.linalg.solve(2 I, [2^-126, 2^-125]) gives [0, 2^-126] instead of "
               "[2^-127, 2^-126]",
        link="https://github.com/jax-ml/jax/issues/16200",
    ),
)


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def t(value: Any) -> jnp.ndarray:
        return backend.from_numpy(np.asarray(value, dtype=np.float64))

    return [
        DefaultProbe("transpose", "what does .T do to a batch of matrices (3-D)?", "x.T",
                     {"x": BATCH_OF_ONE}, lambda: t(BATCH_OF_ONE).T),
    ]
