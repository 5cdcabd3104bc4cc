"""Oracles: the independent code that computes expected values, and freezing them.

An oracle is a deliberately plain function in ``reference/<family>/<id>/oracle.py``,
registered with :func:`oracle`. With ``precision="mp"`` it receives float inputs as
object arrays of mpmath numbers (see :mod:`mlcanon.mparray`) and runs at ``DPS`` digits;
gradients then come from central differences at that precision, accurate far beyond
float64. ``precision="float64"`` oracles get float64 arrays (for discrete algorithms).

Oracles never import a plugin: expected values must not come from code under test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mpmath
import numpy as np

from mlcanon import mparray
from mlcanon.dtypes import round_through
from mlcanon.generate import draw_inputs
from mlcanon.spec import Case, Concept, modules
from mlcanon.spec.values import to_array, to_json


@dataclass(frozen=True)
class Oracle:
    concept: str
    fn: Callable[..., Any]
    precision: str
    where: str


_ORACLES: dict[str, Oracle] = {}


OracleFn = Callable[..., Any]


def oracle(concept: str, precision: str = "mp") -> Callable[[OracleFn], OracleFn]:
    """Register ``fn`` as the oracle of ``concept``."""
    if precision not in ("mp", "float64"):
        msg = f"oracle precision must be 'mp' or 'float64', got {precision!r}"
        raise ValueError(msg)

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        if concept in _ORACLES and _ORACLES[concept].fn.__qualname__ != fn.__qualname__:
            msg = f"two oracles for {concept!r}: {_ORACLES[concept].where} and {fn.__module__}"
            raise ValueError(msg)
        where = f"{'/'.join(Path(fn.__code__.co_filename).parts[-3:])}:{fn.__name__}"
        _ORACLES[concept] = Oracle(concept, fn, precision, where)
        return fn

    return register


def get_oracle(concept: Concept) -> Oracle:
    """The oracle of ``concept``, imported from its folder's ``oracle.py`` on first use."""
    if concept.id not in _ORACLES:
        modules.concept_module(concept.family, concept.id, "oracle")
    found = _ORACLES.get(concept.id)
    if found is None:
        folder = modules.concept_folder(concept.family, concept.id)
        msg = f"no oracle for concept {concept.id!r} in {folder / 'oracle.py'}" + \
            modules.errors_text()
        raise KeyError(msg)
    return found


def has_oracle(concept: Concept) -> bool:
    try:
        get_oracle(concept)
    except KeyError:
        return False
    return True


def evaluate(concept: Concept, inputs: dict[str, np.ndarray], params: dict[str, Any],
             *, keep_mp: bool = False) -> dict[str, np.ndarray]:
    """Run the oracle of ``concept``; outputs by name, as float64 unless ``keep_mp``."""
    found = get_oracle(concept)
    with mparray.mp.workdps(mparray.DPS):
        args = {name: _oracle_input(found, concept, name, value) for name, value in inputs.items()}
        result = found.fn(**args, **params)
        outputs = _by_output_name(concept, result)
        if keep_mp:
            return outputs
        return {name: _to_float(concept, name, value) for name, value in outputs.items()}


def _oracle_input(found: Oracle, concept: Concept, name: str, value: Any) -> np.ndarray:
    if concept.signature.inputs[name].dtype != "float":
        return np.asarray(value)
    array = to_array(value, "float64") if not isinstance(value, np.ndarray) else value
    return mparray.asmp(array) if found.precision == "mp" else array.astype(np.float64)


def _by_output_name(concept: Concept, result: Any) -> dict[str, Any]:
    names = [o.name for o in concept.signature.outputs]
    if isinstance(result, dict):
        return {name: result[name] for name in names}
    if len(names) == 1:
        return {names[0]: result}
    return dict(zip(names, result, strict=True))


def _to_float(concept: Concept, name: str, value: Any) -> np.ndarray:
    dtype = concept.signature.output(name).dtype
    if dtype == "float":
        return mparray.tofloat(value)
    return np.asarray(value).astype(np.int64 if dtype == "int" else bool)


def vjp(concept: Concept, inputs: dict[str, np.ndarray], params: dict[str, Any],
        wrt: tuple[str, ...], cotangent: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Vector-Jacobian product by central differences at ``DPS`` digits."""
    if get_oracle(concept).precision != "mp":
        msg = f"grad cases of {concept.id!r} need an oracle with precision='mp'"
        raise ValueError(msg)
    grads = {}
    with mparray.mp.workdps(mparray.DPS):
        step = mpmath.mpf(10) ** (-(mparray.DPS // 3))
        for name in wrt:
            grads[name] = _vjp_one(concept, inputs, params, name, cotangent, step)
    return grads


def _vjp_one(concept: Concept, inputs: dict[str, np.ndarray], params: dict[str, Any],
             name: str, cotangent: dict[str, np.ndarray], step: Any) -> np.ndarray:
    base = mparray.asmp(inputs[name])
    grad = np.empty(base.shape, dtype=np.float64)
    for index in np.ndindex(base.shape):
        h = step * (1 + abs(base[index]))
        plus, minus = base.copy(), base.copy()
        plus[index] += h
        minus[index] -= h
        up = evaluate(concept, {**inputs, name: plus}, params, keep_mp=True)
        down = evaluate(concept, {**inputs, name: minus}, params, keep_mp=True)
        total = mpmath.mpf(0)
        for out, cot in cotangent.items():
            diff = (np.asarray(up[out], dtype=object) - np.asarray(down[out], dtype=object))
            total += np.sum(diff * mparray.asmp(cot)) / (2 * h)
        grad[index] = float(total)
    return grad


# -- freezing generated cases into the sidecar -----------------------------------------


def provenance() -> dict[str, str]:
    return {
        "oracle_precision": f"mpmath {mpmath.__version__}, {mparray.DPS} digits "
                            "(float64 oracles: numpy float64)",
        "numpy": np.__version__,
        "generator": "numpy.random.default_rng(seed) (PCG64)",
    }


def freeze_case(concept: Concept, case: Case) -> dict[str, Any]:
    """Draw the inputs of a generated or grad case and compute its expected values."""
    inputs = draw_inputs(concept, case)
    expected = evaluate(concept, inputs, case.params)
    record: dict[str, Any] = {
        "inputs": {k: to_json(v) for k, v in inputs.items()},
        "expected": {k: to_json(v) for k, v in expected.items()},
        "provenance": {"oracle": get_oracle(concept).where, "seed": case.seed},
    }
    if case.kind == "grad":
        cotangent = _draw_cotangent(concept, case, expected)
        grads = vjp(concept, inputs, case.params, case.wrt, cotangent)
        record["cotangent"] = {k: to_json(v) for k, v in cotangent.items()}
        record["expected_grad"] = {k: to_json(v) for k, v in grads.items()}
        record["provenance"]["grad"] = "central differences of the oracle"
    return record


def _draw_cotangent(concept: Concept, case: Case,
                    expected: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    if case.cotangent is not None:
        return {k: to_array(v) for k, v in case.cotangent.items()}
    rng = np.random.default_rng(case.seed + 1_000_003)
    cotangent = {}
    for out in concept.signature.outputs:
        if out.dtype == "float":
            draw = rng.normal(size=np.shape(expected[out.name]))
            # exact in float16 (few bits, so grads stay exact too) and every case dtype
            cotangent[out.name] = round_through(draw, ("float16", *concept.case_dtypes(case)))
    return cotangent
