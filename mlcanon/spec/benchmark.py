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


def evaluate(expression: str | int | float, symbols: dict[str, float]) -> float:
    """An arithmetic expression over ``symbols`` (no names, calls or attributes besides
    the symbols and log2/sqrt/log/min/max)."""
    if isinstance(expression, (int, float)):
        return expression
    return _eval(ast.parse(str(expression), mode="eval").body, symbols, str(expression))


def _eval(node: ast.AST, symbols: dict[str, float], text: str) -> Any:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in symbols:
        return symbols[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        return _OPERATORS[type(node.op)](_eval(node.left, symbols, text),
                                         _eval(node.right, symbols, text))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPERATORS:
        return _OPERATORS[type(node.op)](_eval(node.operand, symbols, text))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id in _FUNCTIONS:
        return _FUNCTIONS[node.func.id](*(_eval(a, symbols, text) for a in node.args))
    msg = f"cannot evaluate {ast.unparse(node)!r} in {text!r}; known symbols {sorted(symbols)}"
    raise ValueError(msg)


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
        except (ValueError, SyntaxError):
            return value
    return value


def parse(concept: str, table: dict[str, Any]) -> BenchmarkSpec:
    """A ``[benchmark]`` table as a BenchmarkSpec; raises ValueError naming the problem."""
    missing = [k for k in ("sizes", "inputs") if k not in table]
    if missing:
        msg = f"{concept}: [benchmark] lacks {missing}"
        raise ValueError(msg)
    if set(table["sizes"]) != set(SIZES):
        msg = f"{concept}: [benchmark.sizes] must define exactly {list(SIZES)}"
        raise ValueError(msg)
    spec = BenchmarkSpec(concept, table.get("dtype", "float32"), table.get("flops"),
                         table.get("bytes"), table["sizes"], table["inputs"],
                         table.get("params", {}))
    for size in SIZES:  # every expression must evaluate for every size
        spec.flop_count(size)
        spec.byte_count(size)
        for name, input_spec in spec.inputs.items():
            for s in input_spec.get("shape", ()):
                evaluate(s, spec.symbols(size))
            if input_spec.get("dist", "normal") not in DISTRIBUTIONS:
                msg = f"{concept}: input {name} has unknown dist {input_spec.get('dist')!r}"
                raise ValueError(msg)
    return spec


def load(path: Path) -> BenchmarkSpec | None:
    """The benchmark section of one spec file, or None if it has none (a loaded
    :class:`~mlcanon.spec.Concept` carries it already parsed, as ``concept.benchmark``)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    table = data.get("benchmark")
    return None if table is None else parse(data["id"], table)
