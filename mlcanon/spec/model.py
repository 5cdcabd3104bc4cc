"""The spec as Python objects: a Concept holds its Signature, Tolerance and Cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from mlcanon.dtypes import FLOATS
from mlcanon.spec.values import to_array

CASE_KINDS = ("book", "edge", "generated", "raises", "grad", "stochastic", "properties")
#: case kinds whose inputs and expected values live in the generated sidecar.
FROZEN_KINDS = ("generated", "grad")
#: case kinds whose inputs are drawn at run time and never frozen.
DRAWN_KINDS = ("stochastic", "properties")
#: float dtypes a case may run in, narrowest first (see mlcanon.dtypes).
DTYPES = FLOATS
INPUT_DTYPES = ("float", "int64", "bool")
OUTPUT_DTYPES = ("float", "int", "bool")
ERROR_CLASSES = ("exact", "elementwise", "reduction", "iterative", "ill_conditioned")


@dataclass(frozen=True)
class InputSpec:
    name: str
    dtype: str = "float"
    shape: str = ""
    optional: bool = False
    doc: str = ""


@dataclass(frozen=True)
class OutputSpec:
    name: str
    dtype: str = "float"
    shape: str = ""


@dataclass(frozen=True)
class Signature:
    inputs: dict[str, InputSpec]
    params: dict[str, Any]
    outputs: tuple[OutputSpec, ...]

    def output(self, name: str) -> OutputSpec:
        return next(o for o in self.outputs if o.name == name)

    def arrays(self, values: dict[str, Any]) -> dict[str, np.ndarray]:
        """Spec literals of inputs as arrays: float inputs in float64 (the precision of
        expected values), the others in their declared dtype."""
        return {name: to_array(value, "float64" if self.inputs[name].dtype == "float"
                               else self.inputs[name].dtype)
                for name, value in values.items()}


@dataclass(frozen=True)
class Tolerance:
    """How loose a comparison may be: an error class and the size it grows with.

    ``over`` names the reduced size: ``"x:-1"`` is the last axis of input ``x``,
    ``"x:*"`` its total size, an integer is taken as is (for example iteration counts).
    """

    error_class: str = "elementwise"
    over: str | int | None = None
    factor: float = 1.0


@dataclass(frozen=True)
class Case:
    concept: str
    name: str
    kind: str
    inputs: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    expected: dict[str, Any] | None = None
    dtypes: tuple[str, ...] = ()
    why: str = ""
    source: str = ""
    erratum: dict[str, Any] | None = None
    printed_atol: float | None = None
    generate: dict[str, dict[str, Any]] | None = None
    seed: int = 0
    wrt: tuple[str, ...] = ()
    cotangent: dict[str, Any] | None = None
    expected_grad: dict[str, Any] | None = None
    raises: str = ""
    match: str = ""
    check: str = ""
    check_params: dict[str, Any] = field(default_factory=dict)
    tolerance_factor: float = 1.0
    max_examples: int = 25
    provenance: dict[str, Any] | None = None

    @property
    def literal_expected(self) -> bool:
        """True when expected values were written by hand (book and edge cases)."""
        return self.kind in ("book", "edge")

    @property
    def pins_zero_signs(self) -> bool:
        """True when the sign of an expected zero is part of the case: edge cases, written
        to pin a trap. A book value is the printed digits, and a printed 0 carries no sign
        (the exact value may be a tiny number of either sign)."""
        return self.kind == "edge"


@dataclass(frozen=True)
class Concept:
    id: str
    family: str
    title: str
    summary: str
    definition: str
    signature: Signature
    tolerance: Tolerance
    cases: tuple[Case, ...]
    dtypes: tuple[str, ...] = ("float64", "float32")
    differentiable: bool = False
    conventions: tuple[str, ...] = ()
    sources: tuple[dict[str, str], ...] = ()
    canonicalize: str = ""
    #: the catalog's kind: kernel, algorithm, stochastic, formula or descriptive.
    kind: str = "kernel"
    #: the parsed ``[benchmark]`` section (:class:`mlcanon.spec.benchmark.BenchmarkSpec`), if any.
    benchmark: Any = None
    path: Path | None = None

    def case(self, name: str) -> Case:
        for case in self.cases:
            if case.name == name:
                return case
        msg = f"concept {self.id!r} has no case {name!r}"
        raise KeyError(msg)

    def case_dtypes(self, case: Case) -> tuple[str, ...]:
        return case.dtypes or self.dtypes
