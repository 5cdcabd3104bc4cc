"""Drawing case inputs from a seeded generator.

A case's ``generate`` table maps each input to a distribution::

    generate = { x = { shape = [3, 5], dist = "normal", scale = 2.0 } }

Float draws are rounded through every dtype the case runs in, narrowest first
(:func:`mlcanon.dtypes.round_through`), so one frozen expected value serves every dtype
and the error measured is the backend's, not the input's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from mlcanon import dtypes

if TYPE_CHECKING:  # the spec imports this module to validate benchmark sections
    from mlcanon.spec.model import Case, Concept

Draw = Callable[[np.random.Generator, tuple[int, ...], dict[str, Any]], np.ndarray]
DISTRIBUTIONS: dict[str, Draw] = {}


def distribution(name: str) -> Callable[[Draw], Draw]:
    def register(fn: Draw) -> Draw:
        DISTRIBUTIONS[name] = fn
        return fn

    return register


@distribution("normal")
def _normal(rng: np.random.Generator, shape: tuple[int, ...], p: dict[str, Any]) -> np.ndarray:
    return rng.normal(p.get("loc", 0.0), p.get("scale", 1.0), size=shape)


@distribution("uniform")
def _uniform(rng: np.random.Generator, shape: tuple[int, ...], p: dict[str, Any]) -> np.ndarray:
    return rng.uniform(p.get("low", -1.0), p.get("high", 1.0), size=shape)


@distribution("integers")
def _integers(rng: np.random.Generator, shape: tuple[int, ...], p: dict[str, Any]) -> np.ndarray:
    return rng.integers(p.get("low", 0), p["high"], size=shape, dtype=np.int64)


@distribution("bool")
def _bool(rng: np.random.Generator, shape: tuple[int, ...], p: dict[str, Any]) -> np.ndarray:
    return rng.random(size=shape) < p.get("p", 0.5)


@distribution("constant")
def _constant(rng: np.random.Generator, shape: tuple[int, ...], p: dict[str, Any]) -> np.ndarray:
    return np.full(shape, float(p.get("value", 1.0)))


@distribution("simplex")
def _simplex(rng: np.random.Generator, shape: tuple[int, ...], p: dict[str, Any]) -> np.ndarray:
    """Rows (last axis) of positive numbers that sum to one, bounded away from zero."""
    raw = rng.uniform(p.get("floor", 0.05), 1.0, size=shape)
    return raw / raw.sum(axis=-1, keepdims=True)


@distribution("symmetric")
def _symmetric(rng: np.random.Generator, shape: tuple[int, ...], p: dict[str, Any]) -> np.ndarray:
    a = rng.normal(0.0, p.get("scale", 1.0), size=shape)
    return (a + np.swapaxes(a, -1, -2)) / 2


@distribution("spd")
def _spd(rng: np.random.Generator, shape: tuple[int, ...], p: dict[str, Any]) -> np.ndarray:
    a = rng.normal(size=shape)
    n = shape[-1]
    return a @ np.swapaxes(a, -1, -2) / n + np.eye(n)


def rounding_dtypes(concept: Concept, case: Case) -> tuple[str, ...]:
    """The dtypes a case's drawn inputs must be exact in: every one it runs in."""
    return dtypes.ordered(concept.case_dtypes(case))


def draw_input(rng: np.random.Generator, spec: dict[str, Any],
               round_to: tuple[str, ...]) -> np.ndarray:
    name = spec.get("dist", "normal")
    if name not in DISTRIBUTIONS:
        msg = f"unknown distribution {name!r}; expected one of {sorted(DISTRIBUTIONS)}"
        raise ValueError(msg)
    array = DISTRIBUTIONS[name](rng, tuple(spec.get("shape", ())), spec)
    if array.dtype.kind == "f":
        array = dtypes.round_through(array, round_to)
    return array


def draw_inputs(concept: Concept, case: Case, seed: int | None = None) -> dict[str, np.ndarray]:
    """The case's literal inputs plus those drawn from its ``generate`` table."""
    rng = np.random.default_rng(case.seed if seed is None else seed)
    round_to = rounding_dtypes(concept, case)
    drawn = concept.signature.arrays(case.inputs)
    for name, spec in (case.generate or {}).items():
        drawn[name] = draw_input(rng, spec, round_to)
    return drawn
