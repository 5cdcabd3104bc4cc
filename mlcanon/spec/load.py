"""Reading and validating spec files: ``reference/<family>/<concept_id>/spec.toml``.

Every problem names the file, the case and the field. A file with problems is skipped
and its problems are returned beside the concepts that loaded, so one bad file never
hides the rest of the spec.
"""

from __future__ import annotations

import builtins
import json
import math
import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from mlcanon.canonical import CANONICALIZERS
from mlcanon.dtypes import IMPLIED, cast, representable, with_implied
from mlcanon.generate import DISTRIBUTIONS
from mlcanon.spec import cache as spec_cache
from mlcanon.spec.benchmark import parse
from mlcanon.spec.catalog import KINDS, inherited
from mlcanon.spec.model import (
    CASE_KINDS,
    DTYPES,
    ERROR_CLASSES,
    FROZEN_KINDS,
    INPUT_DTYPES,
    OUTPUT_DTYPES,
    Case,
    Concept,
    InputSpec,
    OutputSpec,
    Signature,
    Tolerance,
)
from mlcanon.spec.shapes import mismatches as shapes_mismatches
from mlcanon.spec.values import exactly_representable, to_array

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
SPEC_FILE = "spec.toml"
#: the generated values of a concept, beside its spec file.
SIDECAR_FILE = "frozen.json"
#: what converting a spec literal to an array raises when it is not numeric (ragged,
#: strings, tables, integers beyond float64).
NOT_NUMERIC = (ValueError, TypeError, OverflowError)


@dataclass(frozen=True)
class SpecProblem:
    """One thing wrong with a spec file."""

    path: str
    case: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.case:
            where += f" case {self.case!r}"
        if self.field:
            where += f" field {self.field!r}"
        return f"{where}: {self.message}"


class SpecError(Exception):
    """Raised by :func:`load_concept` with every problem of one file."""

    def __init__(self, problems: list[SpecProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def reference_root() -> Path:
    """The spec folder: ``$MLCANON_REFERENCE`` or ``reference/`` of this checkout."""
    configured = os.environ.get("MLCANON_REFERENCE")
    if configured:
        return Path(configured)
    return _checkout_reference()


@cache
def _checkout_reference() -> Path:
    return Path(__file__).resolve().parents[2] / "reference"


def spec_files(root: Path | None = None) -> list[Path]:
    root = root or reference_root()
    return sorted(p for p in root.glob(f"*/*/{SPEC_FILE}")
                  if not p.parent.name.startswith("_") and not p.parent.parent.name.startswith("_"))


class _Checker:
    """Collects problems for one file while it is being parsed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[SpecProblem] = []

    def add(self, message: str, field: str = "", case: str = "") -> None:
        self.problems.append(SpecProblem(str(self.path), case, field, message))

    def require(self, table: dict[str, Any], key: str, kind: type | tuple[type, ...],
                case: str = "", default: Any = ..., prefix: str = "") -> Any:
        field = f"{prefix}{key}"
        if key not in table:
            if default is ...:
                self.add("is required", field, case)
                return None
            return default
        value = table[key]
        kinds = _as_tuple(kind)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            names = "/".join(t.__name__ for t in kinds)
            self.add(f"must be {names}, got {type(value).__name__} {value!r}", field, case)
            return None if default is ... else default
        return value


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def load_concept(path: Path, *, with_sidecar: bool = True) -> Concept:
    """Parse and validate one spec file (and its sidecar); raise SpecError on problems.

    ``with_sidecar=False`` skips the frozen values, for regenerating them. Concepts that
    load cleanly are cached (see :mod:`mlcanon.spec.cache`).
    """
    entry = None
    if with_sidecar and spec_cache.enabled():
        try:
            entry = spec_cache.key(path, sidecar_path(path),
                                   inherited(path.parent.parent.parent, path.parent.name))
        except OSError:
            entry = None  # unreadable: the parse below says so
        cached = spec_cache.read(entry) if entry else None
        if isinstance(cached, Concept):
            return cached
    concept = _load_concept(path, with_sidecar=with_sidecar)
    if entry:
        spec_cache.write(entry, concept)
    return concept


def _load_concept(path: Path, *, with_sidecar: bool) -> Concept:
    check = _Checker(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        check.add(f"is not valid TOML: {exc}")
        raise SpecError(check.problems) from None
    concept = _parse_concept(data, path, check)
    if concept is not None and not check.problems and with_sidecar:
        concept = _attach_sidecar(concept, check)
    if check.problems or concept is None:
        raise SpecError(check.problems)
    return concept


def _parse_concept(data: dict[str, Any], path: Path, check: _Checker) -> Concept | None:
    known = {"id", "family", "title", "summary", "definition", "differentiable", "dtypes",
             "conventions", "sources", "signature", "tolerance", "canonicalize", "cases",
             "benchmark", "kind"}
    for key in data:
        if key not in known:
            check.add(f"unknown field; expected one of {sorted(known)}", key)
    if isinstance(data.get("id"), str):  # what the spec leaves out, the catalog says
        data = {**inherited(path.parent.parent.parent, data["id"]), **data}
    concept_id = check.require(data, "id", str)
    family = check.require(data, "family", str)
    if concept_id and path.parent.name != concept_id:
        check.add(f"id {concept_id!r} does not match the concept folder "
                  f"{path.parent.name!r}", "id")
    if family and path.parent.parent.name != family:
        check.add(f"family {family!r} does not match the family folder "
                  f"{path.parent.parent.name!r}", "family")
    written = _parse_dtypes(check.require(data, "dtypes", list, default=["float64", "float32"]),
                            check, "dtypes")
    dtypes = with_implied(written)  # float16 brings bfloat16
    signature = _parse_signature(check.require(data, "signature", dict, default={}), check)
    tolerance = _parse_tolerance(check.require(data, "tolerance", dict, default={}), check,
                                 signature)
    kind = check.require(data, "kind", str, default="kernel")
    if kind not in KINDS:
        check.add(f"unknown kind {kind!r}; expected one of {list(KINDS)}", "kind")
    canonical = check.require(data, "canonicalize", str, default="")
    if canonical and canonical not in CANONICALIZERS:
        check.add(f"unknown canonicalizer {canonical!r}; expected one of "
                  f"{sorted(CANONICALIZERS)}", "canonicalize")
    benchmark = None
    if "benchmark" in data:
        benchmark = _check_benchmark(concept_id or "?", data["benchmark"], kind, check)
    raw_cases = check.require(data, "cases", list, default=[])
    if not raw_cases:
        check.add("a concept needs at least one case", "cases")
    cases = [_parse_case(raw, i, concept_id or "?", signature, dtypes, check)
             for i, raw in enumerate(raw_cases)]
    _check_unique_names(cases, check)
    if check.problems:
        return None
    return Concept(
        id=concept_id,
        family=family,
        title=check.require(data, "title", str),
        summary=check.require(data, "summary", str, default=""),
        definition=check.require(data, "definition", str),
        signature=signature,
        tolerance=tolerance,
        cases=tuple(c for c in cases if c is not None),
        dtypes=dtypes,
        differentiable=check.require(data, "differentiable", bool, default=False),
        conventions=tuple(_list_of(check.require(data, "conventions", list, default=[]), str,
                                   "conventions", check)),
        sources=tuple(_list_of(check.require(data, "sources", list, default=[]), dict,
                               "sources", check)),
        canonicalize=canonical,
        kind=kind,
        benchmark=benchmark,
        path=path,
    )


def _list_of(values: list[Any], kind: type, field: str, check: _Checker,
             case: str = "") -> list[Any]:
    """The items of ``values`` of type ``kind``; each other item is a problem."""
    kept = []
    for i, value in enumerate(values):
        if isinstance(value, kind) and not isinstance(value, bool):
            kept.append(value)
        else:
            check.add(f"must hold {kind.__name__} items, got {type(value).__name__} "
                      f"{value!r}", f"{field}[{i}]", case)
    return kept


def _check_benchmark(concept_id: str, table: Any, kind: str, check: _Checker) -> Any:
    """The parsed ``[benchmark]`` section, or None with its problem recorded."""
    try:
        section = parse(concept_id, table)
    except (ValueError, KeyError, TypeError) as exc:
        where = getattr(exc, "field", "")
        check.add(f"is not a valid benchmark section: {exc}",
                  f"benchmark.{where}" if where else "benchmark")
        return None
    if kind == "kernel" and not section.has_models:
        check.add("a kernel's benchmark needs a flops and a bytes model (the roofline of "
                  "the performance page divides by them)", "benchmark")
    return section


def _parse_dtypes(raw: list[Any] | None, check: _Checker, field: str,
                  case: str = "") -> tuple[str, ...]:
    dtypes = []
    for dtype in raw or []:
        if dtype not in DTYPES:
            check.add(f"unknown dtype {dtype!r}; expected one of {list(DTYPES)}", field, case)
        else:
            dtypes.append(dtype)
    return tuple(dtypes)


def _parse_signature(raw: dict[str, Any], check: _Checker) -> Signature:
    inputs = {}
    for name, table in check.require(raw, "inputs", dict, default={},
                                     prefix="signature.").items():
        field = f"signature.inputs.{name}"
        if not isinstance(table, dict):
            check.add("must be a table with dtype and shape", field)
            continue
        dtype = table.get("dtype", "float")
        if dtype not in INPUT_DTYPES:
            check.add(f"unknown dtype {dtype!r}; expected one of {list(INPUT_DTYPES)}", field)
            dtype = "float"
        prefix = f"{field}."
        inputs[name] = InputSpec(name, dtype,
                                 check.require(table, "shape", str, default="", prefix=prefix),
                                 check.require(table, "optional", bool, default=False,
                                               prefix=prefix),
                                 check.require(table, "doc", str, default="", prefix=prefix))
    outputs = []
    for i, table in enumerate(check.require(raw, "outputs", list, default=[{"name": "y"}],
                                            prefix="signature.")):
        field = f"signature.outputs[{i}]"
        if not isinstance(table, dict) or not isinstance(table.get("name"), str):
            check.add("must be a table with at least a name (a string)", field)
            continue
        dtype = table.get("dtype", "float")
        if dtype not in OUTPUT_DTYPES:
            check.add(f"unknown dtype {dtype!r}; expected one of {list(OUTPUT_DTYPES)}", field)
            dtype = "float"
        shape = check.require(table, "shape", str, default="", prefix=f"{field}.")
        outputs.append(OutputSpec(table["name"], dtype, shape))
    if not outputs:
        check.add("a concept needs at least one output", "signature.outputs")
    params = check.require(raw, "params", dict, default={}, prefix="signature.")
    _check_none_spelling(params or {}, "signature.params", check)
    return Signature(inputs, none_values(params or {}), tuple(outputs))


def none_values(params: dict[str, Any]) -> dict[str, Any]:
    """TOML has no null: the string ``"none"`` stands for Python's None in params."""
    return {k: None if v == "none" else v for k, v in params.items()}


def _check_none_spelling(params: dict[str, Any], field: str, check: _Checker,
                         case: str = "") -> None:
    for name, value in params.items():
        if value in ("None", "null", "NONE"):
            check.add(f"write \"none\" for Python's None, not {value!r}", f"{field}.{name}",
                      case)


def _parse_tolerance(raw: dict[str, Any], check: _Checker, signature: Signature) -> Tolerance:
    error_class = raw.get("class", "elementwise")
    if error_class not in ERROR_CLASSES:
        check.add(f"unknown error class {error_class!r}; expected one of {list(ERROR_CLASSES)}",
                  "tolerance.class")
    over = check.require(raw, "over", (str, int), default=None, prefix="tolerance.")
    if isinstance(over, str):
        name, _, axis = over.partition(":")
        if name not in signature.inputs or not (axis == "*" or _is_int(axis)):
            check.add(f"{over!r} must be '<input>:<axis>' or '<input>:*' with a signature input",
                      "tolerance.over")
        elif signature.inputs[name].optional:
            check.add(f"{over!r} names the optional input {name!r}: a case without it would "
                      "have no length to scale the tolerance by", "tolerance.over")
    factor = check.require(raw, "factor", (int, float), default=1.0, prefix="tolerance.")
    return Tolerance(error_class, over, _positive(factor, "tolerance.factor", check))


def _positive(value: float, field: str, check: _Checker, case: str = "") -> float:
    """``value`` as a float if it is finite and above zero; else a problem and 1.0."""
    try:
        number = float(value)
    except OverflowError:  # an integer beyond float64
        number = math.inf
    if not math.isfinite(number) or number <= 0:
        check.add(f"must be a positive finite number, got {value!r}", field, case)
        return 1.0
    return number


def _is_int(text: str) -> bool:
    return text.lstrip("-").isdigit()


CASE_FIELDS = {
    "name", "kind", "inputs", "params", "expected", "dtypes", "why", "source", "erratum",
    "printed_atol", "generate", "seed", "wrt", "raises", "match", "check", "check_params",
    "tolerance_factor", "max_examples", "cotangent",
}
KIND_REQUIRES = {
    "book": ("inputs", "expected", "source", "printed_atol"),
    "edge": ("inputs", "expected", "why"),
    "generated": ("generate",),
    "raises": ("inputs", "raises", "why"),
    "grad": ("wrt",),
    "stochastic": ("check",),
    "properties": ("generate", "check"),
}


def _parse_case(raw: Any, index: int, concept_id: str, signature: Signature,
                concept_dtypes: tuple[str, ...], check: _Checker) -> Case | None:
    if not isinstance(raw, dict):
        check.add("must be a table", f"cases[{index}]")
        return None
    name = raw.get("name", f"#{index}")
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        check.add("must be snake_case ([a-z][a-z0-9_]*)", "name", str(name))
        return None
    for key in raw:
        if key not in CASE_FIELDS:
            check.add(f"unknown field; expected one of {sorted(CASE_FIELDS)}", key, name)
    kind = raw.get("kind")
    if kind not in CASE_KINDS:
        check.add(f"unknown kind {kind!r}; expected one of {list(CASE_KINDS)}", "kind", name)
        return None
    for key in KIND_REQUIRES[kind]:
        if key not in raw and not (kind == "grad" and key == "generate"):
            check.add(f"is required for {kind} cases", key, name)
    if kind == "grad" and "inputs" not in raw and "generate" not in raw:
        check.add("a grad case needs inputs or generate", "inputs", name)
    fields = _case_fields(raw, name, check)
    written = _parse_dtypes(fields["dtypes"], check, "dtypes", name)
    for dtype in written:
        if dtype not in concept_dtypes:
            check.add(f"dtype {dtype!r} is not among the concept's dtypes", "dtypes", name)
    dtypes = _fitting(with_implied(written) if written else concept_dtypes, written,
                      fields["inputs"], signature)
    case = Case(
        concept=concept_id, name=name, kind=kind,
        inputs=fields["inputs"], params=none_values(fields["params"]),
        expected=_normalize_expected(raw.get("expected"), signature),
        dtypes=dtypes, why=fields["why"], source=fields["source"],
        erratum=fields["erratum"], printed_atol=fields["printed_atol"],
        generate=_parse_generate(fields["generate"], name, check), seed=fields["seed"],
        wrt=tuple(_list_of(fields["wrt"], str, "wrt", check, name)),
        cotangent=_normalize_expected(raw.get("cotangent"), signature),
        raises=_parse_raises(fields["raises"], name, check),
        match=_parse_match(fields["match"], name, check), check=fields["check"],
        check_params=fields["check_params"],
        tolerance_factor=_positive(fields["tolerance_factor"], "tolerance_factor", check, name),
        max_examples=fields["max_examples"],
    )
    _check_none_spelling(case.params, "params", check, name)
    _check_case_against_signature(case, signature, concept_dtypes, check)
    return case


#: the TOML type and default of each case field but name, kind, expected and cotangent
#: (whose values the value checks read).
CASE_FIELD_TYPES: dict[str, tuple[type | tuple[type, ...], Any]] = {
    "inputs": (dict, {}), "params": (dict, {}), "dtypes": (list, []), "why": (str, ""),
    "source": (str, ""), "erratum": (dict, None), "printed_atol": ((int, float), None),
    "generate": (dict, None), "seed": (int, 0), "wrt": (list, []), "raises": (str, ""),
    "match": (str, ""), "check": (str, ""), "check_params": (dict, {}),
    "tolerance_factor": ((int, float), 1.0), "max_examples": (int, 25),
}


def _case_fields(raw: dict[str, Any], case: str, check: _Checker) -> dict[str, Any]:
    """Each typed field of a case, or its default where it is missing or of the wrong
    type (a problem)."""
    fields = {key: check.require(raw, key, kind, case, default=default)
              for key, (kind, default) in CASE_FIELD_TYPES.items()}
    if fields["seed"] < 0:  # numpy's generators take no negative seed
        check.add(f"must be a non-negative integer, got {fields['seed']!r}", "seed", case)
        fields["seed"] = 0
    if fields["max_examples"] < 1:
        check.add(f"must be a positive integer, got {fields['max_examples']!r}",
                  "max_examples", case)
        fields["max_examples"] = 25
    return fields


def _parse_generate(raw: dict[str, Any] | None, case: str,
                    check: _Checker) -> dict[str, dict[str, Any]] | None:
    """The entries of ``generate`` that describe a draw: a table with a list of axis
    lengths and a known distribution; each other entry is a problem."""
    if raw is None:
        return None
    entries = {}
    for name, entry in raw.items():
        field = f"generate.{name}"
        if not isinstance(entry, dict):
            check.add(f"must be a table with shape and dist, got {type(entry).__name__} "
                      f"{entry!r}", field, case)
            continue
        shape = entry.get("shape", [])
        if not isinstance(shape, list) or not all(
                isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape):
            check.add(f"must be a list of non-negative integers, got {shape!r}",
                      f"{field}.shape", case)
            continue
        dist = entry.get("dist", "normal")
        if not isinstance(dist, str) or dist not in DISTRIBUTIONS:
            check.add(f"unknown distribution {dist!r}; expected one of {sorted(DISTRIBUTIONS)}",
                      f"{field}.dist", case)
            continue
        entries[name] = entry
    return entries


def _parse_raises(name: str, case: str, check: _Checker) -> str:
    """``name`` if it names a builtin exception class (the runner looks it up there)."""
    if name and not _is_exception(getattr(builtins, name, None)):
        check.add(f"{name!r} is not a builtin exception class", "raises", case)
    return name


def _is_exception(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseException)


def _parse_match(pattern: str, case: str, check: _Checker) -> str:
    """``pattern`` if it compiles: the runner searches the raised message with it."""
    try:
        re.compile(pattern)
    except re.error as exc:
        check.add(f"is not a valid regular expression: {exc}", "match", case)
    return pattern


def _fitting(dtypes: tuple[str, ...], written: tuple[str, ...], inputs: Any,
             signature: Signature) -> tuple[str, ...]:
    """``dtypes`` less the implied ones (bfloat16 beside float16) that the case's literal
    float inputs do not fit exactly: a dtype the file names must fit (checked later), one
    the registry adds runs only where the case means the same thing in it."""
    implied = [d for d in dtypes if d not in written and d in IMPLIED.values()]
    if not implied or not isinstance(inputs, dict):
        return dtypes
    arrays = []
    for name, value in inputs.items():
        if signature.inputs.get(name, InputSpec(name, "int64")).dtype == "float":
            try:
                arrays.append(to_array(value, "float64"))
            except NOT_NUMERIC:
                return dtypes  # reported as not numeric by the value checks
    unfit = {d for d in implied if not all(representable(a, d) for a in arrays)}
    return tuple(d for d in dtypes if d not in unfit)


def _normalize_expected(value: Any, signature: Signature) -> dict[str, Any] | None:
    """Single-output concepts may write ``expected = [...]``; store it by output name."""
    if value is None:
        return None
    names = [o.name for o in signature.outputs]
    if isinstance(value, dict) and set(value) <= set(names) and value:
        return value
    return {names[0]: value} if len(names) == 1 else {"?": value}


def _check_case_against_signature(case: Case, signature: Signature,
                                  concept_dtypes: tuple[str, ...], check: _Checker) -> None:
    for name in case.inputs:
        if name not in signature.inputs:
            check.add(f"input {name!r} is not in the signature "
                      f"({sorted(signature.inputs)})", f"inputs.{name}", case.name)
    for name in case.generate or {}:
        if name not in signature.inputs:
            check.add(f"input {name!r} is not in the signature", f"generate.{name}", case.name)
    given = set(case.inputs) | set(case.generate or {})
    if case.kind not in FROZEN_KINDS or given:
        for name, spec in signature.inputs.items():
            if name not in given and not spec.optional:
                check.add(f"required input {name!r} is missing", "inputs", case.name)
    for name in case.params:
        if name not in signature.params:
            check.add(f"parameter {name!r} is not in the signature "
                      f"({sorted(signature.params)})", f"params.{name}", case.name)
    if case.expected is not None and "?" in case.expected:
        names = [o.name for o in signature.outputs]
        check.add(f"expected must be a table keyed by the outputs {names}", "expected",
                  case.name)
    for name in case.wrt:
        if signature.inputs.get(name, InputSpec(name, "int64")).dtype != "float":
            check.add(f"wrt {name!r} must name a float input", "wrt", case.name)
    _check_values(case, signature, concept_dtypes, check)


def _check_values(case: Case, signature: Signature, concept_dtypes: tuple[str, ...],
                  check: _Checker) -> None:
    """Literal inputs must be arrays of numbers that fit every dtype the case runs in."""
    dtypes = case.dtypes or concept_dtypes
    for name, value in case.inputs.items():
        spec = signature.inputs.get(name)
        if spec is None:
            continue
        try:
            array = to_array(value, "float64")
        except NOT_NUMERIC as exc:
            check.add(f"is not a numeric array: {exc}", f"inputs.{name}", case.name)
            continue
        if spec.dtype != "float" or case.kind == "book":
            continue  # book inputs are the book's; their rounding is inside printed_atol
        for dtype in dtypes:
            if not exactly_representable(array, dtype):
                check.add(f"is not exactly representable in {dtype}; restrict the case's "
                          f"dtypes or choose representable values", f"inputs.{name}", case.name)
    _check_shapes(case, signature, check)
    for field, values in (("expected", case.expected), ("cotangent", case.cotangent)):
        for output, value in (values or {}).items():
            try:
                to_array(value, "float64")
            except NOT_NUMERIC as exc:
                check.add(f"is not a numeric array: {exc}", f"{field}.{output}", case.name)


def _check_shapes(case: Case, signature: Signature, check: _Checker) -> None:
    if case.kind == "raises":
        return  # bad shapes are often the point of a raises case
    shapes = {}
    for name, value in case.inputs.items():
        try:
            shapes[name] = np.shape(to_array(value, "float64"))
        except NOT_NUMERIC:
            return  # already reported as not numeric
    for name, spec in (case.generate or {}).items():
        if isinstance(spec, dict):
            shapes[name] = tuple(spec.get("shape", ()))
    patterns = {name: spec.shape for name, spec in signature.inputs.items()}
    for problem in shapes_mismatches(shapes, patterns):
        check.add(problem, "inputs", case.name)


def _check_unique_names(cases: Iterable[Case | None], check: _Checker) -> None:
    seen: set[str] = set()
    for case in cases:
        if case is None:
            continue
        if case.name in seen:
            check.add("duplicate case name", "name", case.name)
        seen.add(case.name)


def sidecar_path(path: Path) -> Path:
    """The frozen values beside the spec file ``path``."""
    return path.with_name(SIDECAR_FILE)


def _attach_sidecar(concept: Concept, check: _Checker) -> Concept:
    frozen_cases = [c for c in concept.cases if c.kind in FROZEN_KINDS]
    if not frozen_cases:
        return concept
    path = sidecar_path(concept.path)
    if not path.exists():
        check.add(f"has generated cases but no sidecar {path.name}; run "
                  f"'mlcanon reference generate {concept.id}'")
        return concept
    try:
        frozen = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        check.add(f"sidecar {path.name} is not valid JSON: {exc}")
        return concept
    records, provenance = _sidecar_tables(frozen, path, check)
    if records is None:
        return concept
    cases = []
    for case in concept.cases:
        if case.kind in FROZEN_KINDS:
            record = records.get(case.name)
            if record is None:
                check.add(f"has no frozen values in {path.name}; run "
                          f"'mlcanon reference generate {concept.id}'", case=case.name)
                continue
            if not _check_frozen_record(record, case.name, path, check):
                continue
            case = _with_frozen(case, record, provenance)
            _check_frozen_fit(concept, case, path, check)
        cases.append(case)
    return _replace(concept, cases=tuple(cases))


def _sidecar_tables(frozen: Any, path: Path,
                    check: _Checker) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """The sidecar's records by case name and its provenance, or None with a problem
    where the file is not shaped like one ``mlcanon reference generate`` writes."""
    if not isinstance(frozen, dict):
        check.add(f"sidecar {path.name} must hold a JSON object, got "
                  f"{type(frozen).__name__}")
        return None, {}
    records = frozen.get("cases", {})
    provenance = frozen.get("provenance", {})
    if not isinstance(records, dict):
        check.add(f"sidecar {path.name} must map case names to records, got "
                  f"{type(records).__name__}", "cases")
        return None, {}
    if not isinstance(provenance, dict):
        check.add(f"sidecar {path.name} provenance must be an object, got "
                  f"{type(provenance).__name__}", "provenance")
        return None, {}
    return records, provenance


#: what a sidecar record holds: the inputs always, the rest as the case's kind needs.
FROZEN_FIELDS = ("inputs", "expected", "cotangent", "expected_grad")


def _check_frozen_record(record: Any, case: str, path: Path, check: _Checker) -> bool:
    """True if ``record`` is a table of tables of numeric arrays (and provenance)."""
    if not isinstance(record, dict):
        check.add(f"frozen record in {path.name} must be an object, got "
                  f"{type(record).__name__}", case=case)
        return False
    fits = True
    if "inputs" not in record:
        check.add(f"frozen record in {path.name} has no inputs", "inputs", case)
        fits = False
    for field in FROZEN_FIELDS:
        value = record.get(field, {})
        if not isinstance(value, dict):
            check.add(f"frozen {field} in {path.name} must be an object of arrays, got "
                      f"{type(value).__name__}", field, case)
            fits = False
            continue
        for name, array in value.items():
            try:
                to_array(array, "float64")
            except NOT_NUMERIC as exc:
                check.add(f"frozen value in {path.name} is not a numeric array: {exc}",
                          f"{field}.{name}", case)
                fits = False
    if not isinstance(record.get("provenance", {}), dict):
        check.add(f"frozen provenance in {path.name} must be an object", "provenance", case)
        fits = False
    return fits


def _check_frozen_fit(concept: Concept, case: Case, path: Path, check: _Checker) -> None:
    """Frozen float inputs were drawn exact in every dtype the case runs in; a case that
    gained a dtype since (bfloat16 beside float16) needs them drawn again."""
    for name, value in case.inputs.items():
        if concept.signature.inputs.get(name, InputSpec(name, "int64")).dtype != "float":
            continue
        array = to_array(value, "float64")
        for dtype in concept.case_dtypes(case):
            if not representable(array, dtype):
                check.add(f"frozen input {name!r} in {path.name} is not exact in {dtype}; run "
                          f"'mlcanon reference generate {concept.id}'", "inputs", case.name)
                return


def _with_frozen(case: Case, record: dict[str, Any], provenance: dict[str, Any]) -> Case:
    return _replace(
        case,
        inputs=record["inputs"],
        expected=record.get("expected"),
        cotangent=record.get("cotangent"),
        expected_grad=record.get("expected_grad"),
        provenance={**provenance, **record.get("provenance", {})},
    )


def _replace(obj: Any, **changes: Any) -> Any:
    from dataclasses import replace

    return replace(obj, **changes)


@dataclass(frozen=True)
class LoadedSpec:
    concepts: dict[str, Concept]
    problems: list[SpecProblem]
    broken_files: dict[str, list[SpecProblem]]


def load_spec(root: Path | None = None) -> LoadedSpec:
    """Every concept under ``root`` that loads, plus the problems of those that do not."""
    concepts: dict[str, Concept] = {}
    problems: list[SpecProblem] = []
    broken: dict[str, list[SpecProblem]] = {}
    for path in spec_files(root):
        try:
            concept = load_concept(path)
        except SpecError as exc:
            problems.extend(exc.problems)
            broken[str(path)] = exc.problems
            continue
        concepts[concept.id] = concept
    return LoadedSpec(concepts, problems, broken)


@cache
def default_spec() -> LoadedSpec:
    return load_spec()


def input_array(case: Case, name: str, spec: InputSpec, dtype: str) -> np.ndarray:
    """A case's input as the array the backend receives (floats cast to ``dtype``)."""
    value = case.inputs[name]
    if spec.dtype == "float":
        return cast(to_array(value, "float64"), dtype)
    return to_array(value, spec.dtype)
