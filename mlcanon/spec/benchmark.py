"""The ``[benchmark]`` section of a spec file: sizes, inputs and the FLOP and byte model.

A concept's TOML may carry a ``[benchmark]`` table::

    [benchmark]
    dtype = "float32"
    flops = "5 * n * d"                # floating-point operations of one call
    bytes = "itemsize * 2 * n * d"     # bytes one call must at least read and write
    params = { axis = -1 }

    [benchmark.sizes]
    small = { n = 32, d = 64 }
    medium = { n = 512, d = 512 }
    large = { n = 4096, d = 1024 }

    [benchmark.inputs]
    x = { shape = ["n", "d"], dist = "normal" }

A backend that compiles (JAX) times the compiled call; ``eager = "why"`` times the
concept op by op instead, where compiling cannot be the right measure (a Python loop over
``n`` samples, which ``jax.jit`` unrolls into a program that takes minutes to compile).

Sizes bind symbols; shapes, distribution parameters and the two models are arithmetic
expressions over them (``itemsize`` is the byte size of the dtype). Inputs are drawn
with the distributions of :mod:`mlcanon.generate`.
"""

from __future__ import annotations

import ast
import math
import operator
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from mlcanon.dtypes import REGISTRY
from mlcanon.generate import DISTRIBUTIONS

SIZES = ("small", "medium", "large")
#: calibration problem sizes: an n x n matmul (2 n^3 flops) and copies of these many bytes
#: (read once, written once): from cache-resident to main memory, because a call whose
#: data fits in cache can beat the main-memory bandwidth. The asv Calibration benchmarks
#: and the report share them.
CALIBRATION_MATMUL_N = 2048
CALIBRATION_COPY_SIZES = {"1MiB": 2**20, "16MiB": 16 * 2**20, "256MiB": 256 * 2**20}
#: which sizes each tier runs (``MLCANON_BENCH_TIER``); the parameter list never changes.
TIERS = {"smoke": ("small",), "regular": ("small", "medium"), "large": SIZES}
DTYPE_BYTES = {name: dtype.itemsize for name, dtype in REGISTRY.items()}

_OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
              ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv,
              ast.Pow: operator.pow, ast.USub: operator.neg}
_FUNCTIONS = {"log2": math.log2, "sqrt": math.sqrt, "log": math.log, "min": min, "max": max}
#: the largest magnitude an expression may reach: far above any real FLOP or byte count
#: (a 4096^3 matmul is 1.4e11), low enough that no power is costly to compute. Python
#: integers never overflow, so without it ``9 ** 9 ** 9`` computes for hours.
LIMIT = 2.0**100


class BenchmarkError(ValueError):
    """A problem of a ``[benchmark]`` section; ``field`` is where, below ``benchmark``."""

    def __init__(self, message: str, field: str = "") -> None:
        self.field = field
        super().__init__(message)


def evaluate(expression: str | int | float, symbols: dict[str, float]) -> float:
    """An arithmetic expression over ``symbols`` (no names, calls or attributes besides
    the symbols and log2/sqrt/log/min/max).

    Raises ValueError for anything else, and for results (or steps) that are not finite
    numbers of magnitude at most :data:`LIMIT`, such as a division by zero.
    """
    if isinstance(expression, bool) or not isinstance(expression, (str, int, float)):
        msg = f"{expression!r} is not a number or an arithmetic expression"
        raise ValueError(msg)
    if isinstance(expression, (int, float)):
        return _bounded(expression, str(expression))
    try:
        tree = ast.parse(expression, mode="eval")
    except (SyntaxError, ValueError) as exc:  # ValueError: a NUL byte in the text
        msg = f"{expression!r} is not an arithmetic expression: {exc}"
        raise ValueError(msg) from None
    try:
        return _eval(tree.body, symbols, expression)
    except RecursionError:
        msg = f"{expression[:40]!r}... is nested too deeply"
        raise ValueError(msg) from None


def _eval(node: ast.AST, symbols: dict[str, float], text: str) -> Any:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) \
            and not isinstance(node.value, bool):
        return _bounded(node.value, text)
    if isinstance(node, ast.Name) and node.id in symbols:
        return _bounded(symbols[node.id], text)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        left = _eval(node.left, symbols, text)
        right = _eval(node.right, symbols, text)
        if isinstance(node.op, ast.Pow):
            _check_power(left, right, text)
        return _apply(_OPERATORS[type(node.op)], (left, right), text)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPERATORS:
        return _apply(_OPERATORS[type(node.op)], (_eval(node.operand, symbols, text),), text)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id in _FUNCTIONS and not node.keywords:
        args = tuple(_eval(a, symbols, text) for a in node.args)
        return _apply(_FUNCTIONS[node.func.id], args, text)
    msg = f"cannot evaluate {ast.unparse(node)!r} in {text!r}; known symbols {sorted(symbols)}"
    raise ValueError(msg)


def _check_power(base: float, exponent: float, text: str) -> None:
    """Refuse a power whose magnitude would pass LIMIT before computing it: the cost of
    an integer power grows with its size."""
    magnitude = abs(base)
    if magnitude in (0, 1):
        return
    growth = exponent * math.log2(magnitude)  # log2 of the result's magnitude
    if growth > math.log2(LIMIT):
        msg = f"{text!r} exceeds {LIMIT:.3g} (a power of {base!r} to {exponent!r})"
        raise ValueError(msg)


def _apply(function: Any, args: tuple[Any, ...], text: str) -> Any:
    try:
        value = function(*args)
    except ZeroDivisionError:
        msg = f"{text!r} divides by zero"
        raise ValueError(msg) from None
    except (ArithmeticError, ValueError, TypeError) as exc:  # math domain, bad arity
        msg = f"cannot evaluate {text!r}: {exc}"
        raise ValueError(msg) from None
    return _bounded(value, text)


def _bounded(value: Any, text: str) -> Any:
    """``value`` if it is a real number within LIMIT (a negative base to a fractional
    power gives a complex number; float arithmetic gives infinities and NaN)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        msg = f"{text!r} gives {value!r}, not a real number"
        raise ValueError(msg)
    if isinstance(value, float) and not math.isfinite(value):
        msg = f"{text!r} gives {value!r}, not a finite number"
        raise ValueError(msg)
    if abs(value) > LIMIT:
        msg = f"{text!r} exceeds {LIMIT:.3g}"
        raise ValueError(msg)
    return value


@dataclass(frozen=True)
class BenchmarkSpec:
    concept: str
    dtype: str
    #: FLOP and byte models; required for kernels (the roofline divides by them), optional
    #: for algorithms whose work depends on the data (timed, not placed on the roofline).
    flops: str | None
    bytes: str | None
    sizes: dict[str, dict[str, float]]
    inputs: dict[str, dict[str, Any]]
    params: dict[str, Any] = field(default_factory=dict)
    #: why compiling backends run this benchmark op by op; ``None``: they compile it
    eager: str | None = None

    @property
    def has_models(self) -> bool:
        return self.flops is not None and self.bytes is not None

    def symbols(self, size: str) -> dict[str, float]:
        return {**self.sizes[size], "itemsize": DTYPE_BYTES[self.dtype]}

    def flop_count(self, size: str) -> float | None:
        return None if self.flops is None else float(evaluate(self.flops, self.symbols(size)))

    def byte_count(self, size: str) -> float | None:
        return None if self.bytes is None else float(evaluate(self.bytes, self.symbols(size)))

    def draw(self, size: str, seed: int = 0) -> dict[str, np.ndarray]:
        """Inputs for one size: floats in the benchmark dtype, integers as int64."""
        symbols = self.symbols(size)
        rng = np.random.default_rng(seed)
        drawn = {}
        for name, spec in self.inputs.items():
            resolved = {k: _resolve(v, symbols) for k, v in spec.items() if k != "shape"}
            shape = tuple(int(evaluate(s, symbols)) for s in spec.get("shape", ()))
            array = DISTRIBUTIONS[resolved.get("dist", "normal")](rng, shape, resolved)
            drawn[name] = array.astype(self.dtype) if array.dtype.kind == "f" else array
        return drawn


def _resolve(value: Any, symbols: dict[str, float]) -> Any:
    if isinstance(value, str) and value not in DISTRIBUTIONS:
        try:
            return evaluate(value, symbols)
        except ValueError:
            return value
    return value


def parse(concept: str, table: Any) -> BenchmarkSpec:
    """A ``[benchmark]`` table as a BenchmarkSpec; raises :class:`BenchmarkError` (a
    ValueError) naming the problem and the field it is in."""
    if not isinstance(table, dict):
        msg = f"{concept}: [benchmark] must be a table, got {type(table).__name__}"
        raise BenchmarkError(msg)
    missing = [k for k in ("sizes", "inputs") if k not in table]
    if missing:
        msg = f"{concept}: [benchmark] lacks {missing}"
        raise BenchmarkError(msg)
    _check_sizes(concept, table["sizes"])
    dtype = table.get("dtype", "float32")
    if not isinstance(dtype, str) or dtype not in DTYPE_BYTES:
        msg = f"{concept}: unknown benchmark dtype {dtype!r}; expected one of {list(DTYPE_BYTES)}"
        raise BenchmarkError(msg, "dtype")
    params = table.get("params", {})
    if not isinstance(params, dict):
        msg = f"{concept}: [benchmark.params] must be a table, got {type(params).__name__}"
        raise BenchmarkError(msg, "params")
    _check_inputs(concept, table["inputs"])
    eager = table.get("eager")
    if eager is not None and (not isinstance(eager, str) or not eager.strip()):
        msg = f"{concept}: [benchmark] eager must be the reason, as a string, got {eager!r}"
        raise BenchmarkError(msg, "eager")
    spec = BenchmarkSpec(concept, dtype, table.get("flops"), table.get("bytes"),
                         table["sizes"], table["inputs"], params, eager)
    for size in SIZES:  # every expression must evaluate for every size
        symbols = spec.symbols(size)
        for model in ("flops", "bytes"):
            if table.get(model) is not None:
                _evaluate_field(concept, table[model], symbols, model, size)
        for name, input_spec in spec.inputs.items():
            _check_input_size(concept, name, input_spec, symbols, size)
    return spec


def _evaluate_field(concept: str, expression: Any, symbols: dict[str, float], field: str,
                    size: str) -> float:
    try:
        return evaluate(expression, symbols)
    except ValueError as exc:
        msg = f"{concept}: {field} at size {size}: {exc}"
        raise BenchmarkError(msg, field) from None


def _check_sizes(concept: str, sizes: Any) -> None:
    """Exactly the three sizes, each binding symbols to numbers."""
    if not isinstance(sizes, dict) or set(sizes) != set(SIZES):
        msg = f"{concept}: [benchmark.sizes] must define exactly {list(SIZES)}"
        raise BenchmarkError(msg, "sizes")
    for size, bound in sizes.items():
        if not isinstance(bound, dict):
            msg = f"{concept}: size {size} must be a table of symbols, got {bound!r}"
            raise BenchmarkError(msg, f"sizes.{size}")
        for symbol, value in bound.items():
            if isinstance(value, str):  # a size binds numbers; expressions use them
                msg = f"{concept}: symbol {symbol} of size {size} must be a number"
                raise BenchmarkError(msg, f"sizes.{size}.{symbol}")
            _evaluate_field(concept, value, {}, f"sizes.{size}.{symbol}", size)


def _check_inputs(concept: str, inputs: Any) -> None:
    if not isinstance(inputs, dict):
        msg = f"{concept}: [benchmark.inputs] must be a table, got {type(inputs).__name__}"
        raise BenchmarkError(msg, "inputs")
    for name, input_spec in inputs.items():
        field = f"inputs.{name}"
        if not isinstance(input_spec, dict):
            msg = f"{concept}: input {name} must be a table with shape and dist"
            raise BenchmarkError(msg, field)
        if not isinstance(input_spec.get("shape", []), list):
            msg = f"{concept}: input {name} needs a list shape, got {input_spec['shape']!r}"
            raise BenchmarkError(msg, f"{field}.shape")
        dist = input_spec.get("dist", "normal")
        if not isinstance(dist, str) or dist not in DISTRIBUTIONS:
            msg = f"{concept}: input {name} has unknown dist {dist!r}"
            raise BenchmarkError(msg, f"{field}.dist")


def _check_input_size(concept: str, name: str, input_spec: dict[str, Any],
                      symbols: dict[str, float], size: str) -> None:
    """Axis lengths must be whole numbers and distribution parameters numbers, for
    ``size``: what :meth:`BenchmarkSpec.draw` will need."""
    field = f"inputs.{name}"
    for axis in input_spec.get("shape", []):
        length = _evaluate_field(concept, axis, symbols, f"{field}.shape", size)
        if length < 0 or length != int(length):
            msg = (f"{concept}: input {name} axis {axis!r} is {length!r} at size {size}, "
                   f"not a whole number")
            raise BenchmarkError(msg, f"{field}.shape")
    for key, value in input_spec.items():
        if key not in ("shape", "dist"):
            _evaluate_field(concept, value, symbols, f"{field}.{key}", size)


def load(path: Path) -> BenchmarkSpec | None:
    """The benchmark section of one spec file, or None if it has none (a loaded
    :class:`~mlcanon.spec.Concept` carries it already parsed, as ``concept.benchmark``)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    table = data.get("benchmark")
    return None if table is None else parse(data["id"], table)
