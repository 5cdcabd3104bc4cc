"""Hypothesis strategies for properties cases, built from a case's ``generate`` table.

Element-wise distributions (normal, uniform, integers, bool, constant) become
Hypothesis arrays, so Hypothesis explores and shrinks every element; structured ones
(simplex, symmetric, spd) draw a seed and reuse :mod:`mlcanon.generate`. Float elements
are exactly representable in the narrowest dtype the case runs in. Runs are
derandomized: the same inputs on every run and every machine.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mlcanon import dtypes
from mlcanon.generate import DISTRIBUTIONS


def _elements(spec: dict[str, Any], round_to: tuple[str, ...]
              ) -> st.SearchStrategy[Any] | None:
    dist = spec.get("dist", "normal")
    width = min(dtypes.get(d).bits for d in round_to)
    if dist == "normal":
        loc, scale = spec.get("loc", 0.0), spec.get("scale", 1.0)
        low, high = loc - 4 * scale, loc + 4 * scale
    elif dist == "uniform":
        low, high = spec.get("low", -1.0), spec.get("high", 1.0)
    elif dist == "integers":
        return st.integers(spec.get("low", 0), spec["high"] - 1)
    elif dist == "bool":
        return st.booleans()
    elif dist == "constant":
        return st.just(float(spec.get("value", 1.0)))
    else:
        return None
    low, high = (float(dtypes.round_through(np.asarray(v), round_to)) for v in (low, high))
    return st.floats(low, high, width=width, allow_nan=False, allow_infinity=False)


def input_strategy(spec: dict[str, Any],
                   round_to: tuple[str, ...]) -> st.SearchStrategy[np.ndarray]:
    """Arrays of one input, exact in every dtype of ``round_to`` (float16 elements are then
    rounded through bfloat16 too, which Hypothesis has no width for)."""
    shape = tuple(spec.get("shape", ()))
    elements = _elements(spec, round_to)
    if elements is None:
        draw = DISTRIBUTIONS[spec["dist"]]

        def structured(seed: int) -> np.ndarray:
            array = draw(np.random.default_rng(seed), shape, spec)
            return dtypes.round_through(array, round_to)

        return st.integers(0, 2**32 - 1).map(structured)
    dist = spec.get("dist", "normal")
    dtype = {"integers": np.int64, "bool": np.bool_}.get(dist, np.float64)
    arrays = hnp.arrays(dtype, shape, elements=elements)
    if dtype is np.float64:
        return arrays.map(lambda a: dtypes.round_through(a, round_to))
    return arrays


def inputs_strategy(generate: dict[str, dict[str, Any]],
                    round_to: tuple[str, ...]) -> st.SearchStrategy[dict[str, np.ndarray]]:
    return st.fixed_dictionaries({name: input_strategy(spec, round_to)
                                  for name, spec in generate.items()})


def property_settings(max_examples: int, shrink: bool = True) -> settings:
    """``shrink=False`` stops at the first failing example: a case expected to fail (a
    known deviation) only needs to fail, and shrinking it can take minutes."""
    phases = tuple(p for p in Phase if shrink or p not in (Phase.shrink, Phase.explain))
    return settings(
        phases=phases,
        derandomize=True,
        database=None,
        deadline=None,
        max_examples=max_examples,
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
