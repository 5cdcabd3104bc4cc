"""PyTorch native bindings: tensor operations."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from mlcanon import Backend, DefaultProbe, KnownDeviation, native

#: a (1, 2, 3) batch of one matrix: .T reverses all three axes, the canon swaps the last two
BATCH_OF_ONE = [[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]]


@native("torch.matmul")
def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return torch.matmul(a, b)


@native("torch.add")
def elementwise_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return torch.add(a, b)


@native("torch.mul")
def elementwise_product(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return torch.mul(a, b)


@native("torch.add")
def broadcasting_add(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return torch.add(a, b)


@native("torch.mul")
def scalar_multiply(v: torch.Tensor, *, scalar: float | None = None) -> torch.Tensor:
    return torch.mul(v, scalar)


@native("torch.transpose")
def transpose(x: torch.Tensor) -> torch.Tensor:
    return torch.transpose(x, -2, -1)


@native("torch.reshape", only={"order": "C"})
def reshape(x: torch.Tensor, *, shape: list[int] | None = None, order: str = "C") -> torch.Tensor:
    return torch.reshape(x, shape)


@native("torch.clamp")
def clip(x: torch.Tensor, *, lo: float | None = None, hi: float | None = None) -> torch.Tensor:
    return torch.clamp(x, min=lo, max=hi)


@native("torch.nn.functional.one_hot")
def one_hot_encoding(labels: torch.Tensor, *, num_classes: int | None = None) -> torch.Tensor:
    # num_classes=-1 is F.one_hot's spelling of "infer K as max + 1"
    return F.one_hot(labels, num_classes=-1 if num_classes is None else num_classes)


@native("torch.outer")
def outer_product(u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    return torch.outer(u, v)


@native("torch.nn.functional.linear")
def affine_transform(a: torch.Tensor, x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
    # F.linear(x, A, t) = x A^T + t: points as rows, A as a column-vector map
    return F.linear(x, a, t)


#: the torch operator behind each op of dtype_promotion
_TORCH_OPS = {"add": torch.add, "multiply": torch.mul, "true_divide": torch.true_divide,
              "asarray": torch.asarray}


@native("torch.add / torch.mul / torch.true_divide / torch.asarray")
def dtype_promotion(x: torch.Tensor | None = None, n: torch.Tensor | None = None,
                    m: torch.Tensor | None = None, mask: torch.Tensor | None = None, *,
                    op: str = "add", scalar: float | None = None) -> torch.Tensor:
    operands = [v for v in (x, n, m, mask, scalar) if v is not None]
    return _TORCH_OPS[op](*operands)


@native("torch.Tensor.size / torch.Tensor.dim")
def tensor_shape(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    return torch.tensor(x.size(), dtype=torch.int64), torch.tensor(x.dim())


@native("torch.Tensor.to_sparse_csr")
def csr_format(x: torch.Tensor) -> dict[str, torch.Tensor]:
    csr = x.to_sparse_csr()
    return {"data": csr.values(), "indices": csr.col_indices(), "indptr": csr.crow_indices()}


@native("torch.linalg.solve")
def basis_coordinates(v: torch.Tensor, basis: torch.Tensor) -> torch.Tensor:
    return torch.linalg.solve(basis, v)


@native("torch.cartesian_prod", only={"stop_inclusive": False})
def decision_grid(*, start: float = 0.0, stop: float = 1.0, step: float = 0.01,
                  stop_inclusive: bool = False) -> torch.Tensor:
    axis = torch.arange(start, stop, step, dtype=torch.float64)
    return torch.cartesian_prod(axis, axis)


#: every one_hot_encoding case that checks values (the raises cases pass on torch)
_ONE_HOT_VALUE_CASES = (
    "book_000_96", "num_classes_pads", "largest_accepted_label", "inferred_from_max",
    "single_class", "batch_of_sequences", "scalar_label", "random_labels", "random_inferred",
    "argmax_recovers_labels",
)

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="elementwise_add", case="column_plus_vector",
        reason="torch.add broadcasts operands of different shapes without an error: "
               "(3, 1) + (3,) returns a (3, 3) tensor",
        link="https://pytorch.org/docs/stable/notes/broadcasting.html",
    ),
    KnownDeviation(
        concept="elementwise_product", case="column_times_vector",
        reason="torch.mul broadcasts factors of different shapes without an error: "
               "(3, 1) * (3,) returns a (3, 3) tensor",
        link="https://pytorch.org/docs/stable/notes/broadcasting.html",
    ),
    *(KnownDeviation(
        concept="one_hot_encoding", case=case,
        reason="F.one_hot returns int64 indicators (it only takes int64 labels); the canon's "
               "np.eye(K)[labels] is float64, so every value case fails on the dtype",
        link="https://pytorch.org/docs/stable/generated/torch.nn.functional.one_hot.html",
    ) for case in _ONE_HOT_VALUE_CASES),
    KnownDeviation(
        concept="clip", case="no_bounds",
        reason="torch.clamp(x) with min=None and max=None raises RuntimeError ('At least one "
               "of min or max must not be None') instead of returning x",
        link="https://pytorch.org/docs/stable/generated/torch.clamp.html",
    ),
    KnownDeviation(
        concept="clip", case="negative_zero_below_zero_bound",
        reason="torch.clamp keeps -0.0 below a lower bound of +0.0 (it compares x < min, "
               "and -0 < +0 is false): clamp(-0.0, 0.0, 1.0) is -0.0, so 1/y is -inf",
        link="https://pytorch.org/docs/stable/generated/torch.clamp.html",
    ),
    KnownDeviation(
        concept="clip", case="negative_zero_upper_bound",
        reason="torch.clamp keeps +0.0 above an upper bound of -0.0: clamp(0.0, -1.0, -0.0) "
               "is +0.0, where IEEE minimum gives -0.0",
        link="https://pytorch.org/docs/stable/generated/torch.clamp.html",
    ),
    KnownDeviation(
        concept="clip", case="float16_bounds_beyond_range", dtype="float16",
        reason="torch.clamp on a float16 tensor with max=1e5 raises RuntimeError ('value "
               "cannot be converted to type c10::Half without overflow') instead of "
               "clipping nothing",
        link="https://pytorch.org/docs/stable/generated/torch.clamp.html",
    ),
    KnownDeviation(
        concept="clip", case="grad_at_bounds",
        reason="torch.clamp's gradient is 1 at an entry equal to a bound (x = lo or x = hi); "
               "the canon's symmetric derivative there is 1/2 (JAX's split of ties)",
        link="https://pytorch.org/docs/stable/generated/torch.clamp.html",
    ),
    KnownDeviation(
        concept="affine_transform", case="translation_length_one",
        reason="F.linear broadcasts a translation of length 1 over both outputs without an "
               "error (A (2, 2), x (2,), t [1.0] returns y + 1 in each entry)",
        link="https://pytorch.org/docs/stable/generated/torch.nn.functional.linear.html",
    ),
    *(KnownDeviation(
        concept="dtype_promotion", case=case,
        reason="integer true division and an int64 or bool array with a Python float give "
               "torch's default dtype float32, not float64: torch.tensor([1, 2]) / "
               "torch.tensor([3, 3]) is float32 (1/3 keeps 7 digits)",
        link="https://pytorch.org/docs/stable/tensor_attributes.html#type-promotion-doc",
    ) for case in ("int_true_divide_int", "int_divide_inexact", "int_plus_python_float",
                   "bool_times_python_float", "random_int_divide")),
    KnownDeviation(
        concept="running_mean", case="single_value",
        reason="torch.cumsum (the array API cumulative_sum the portable code calls) starts "
               "from a +0 accumulator: torch.cumsum([-0.0]) is [0.0], so the running mean of "
               "[-0.0] is +0.0 instead of -0.0",
        link="https://pytorch.org/docs/stable/generated/torch.cumsum.html",
    ),
    KnownDeviation(
        concept="csr_format", case="batch_input",
        reason="Tensor.to_sparse_csr accepts a (2, 2, 2) tensor and returns a batch of two "
               "CSR matrices (crow_indices of shape (2, 3)) instead of rejecting a non-matrix",
        link="https://pytorch.org/docs/stable/sparse.html#sparse-csr-tensor",
    ),
    KnownDeviation(
        concept="decision_grid", case="book_001_19_last_row_excludes_stop",
        reason="torch.arange(0.97, 1.0, 0.01) has ceil((1 - 0.97)/0.01) = ceil(3.0000000000000027) "
               "= 4 values and ends at 1.0, so the grid has 16 points and includes the stop",
        link="https://pytorch.org/docs/stable/generated/torch.arange.html",
    ),
)


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def t(value: Any) -> torch.Tensor:
        return backend.from_numpy(np.asarray(value, dtype=np.float64))

    def dot_t() -> torch.Tensor:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # .T on 3-D is deprecated, and still reverses
            return t(BATCH_OF_ONE).T

    return [
        DefaultProbe("transpose", "what does .T do to a batch of matrices (3-D)?", "x.T",
                     {"x": BATCH_OF_ONE}, dot_t),
    ]
