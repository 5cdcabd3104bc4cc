"""Measuring framework defaults against the canon (the report's conventions page)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon import oracles
from mlcanon.backend import Backend, DefaultProbe
from mlcanon.deadline import CaseTimeout, deadline
from mlcanon.spec import default_spec

#: time limit of one default probe (a native call on a few numbers).
PROBE_SECONDS = 30.0


def _short(value: Any) -> str:
    array = np.asarray(value, dtype=np.float64)
    text = np.array2string(array, precision=6, threshold=8, separator=", ")
    return " ".join(text.split())


def measure(backend: Backend, probe: DefaultProbe,
            timeout: float | None = PROBE_SECONDS) -> dict[str, Any]:
    """Run one probe: the native result, the canon result and whether they agree."""
    record: dict[str, Any] = {"concept": probe.concept, "question": probe.question,
                              "call": probe.call}
    try:
        with deadline(timeout, f"probe of {probe.call} did not return within {timeout} s"):
            native = np.asarray(backend.to_numpy(probe.run()), dtype=np.float64)
        record["native"] = _short(native)
    except CaseTimeout as exc:  # a hanging probe costs its row, never the run's results
        native = None
        record["native"] = str(exc)
    except Exception as exc:  # a native call that refuses the input is itself the answer
        native = None
        record["native"] = f"raises {type(exc).__name__}: {_first_line(exc)}"
    try:
        canon = _canon(probe)
        record["canon"] = _short(canon)
    except Exception as exc:  # the canon rejects this input (out-of-range ids, ...)
        record["canon"] = f"raises {type(exc).__name__}: {_first_line(exc)}"
        record["agrees"] = native is None
        return record
    record["agrees"] = bool(native is not None and native.shape == canon.shape
                            and np.allclose(native, canon, rtol=1e-5, atol=1e-7,
                                            equal_nan=True))
    return record


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else "(no message)")[:120]


def _canon(probe: DefaultProbe) -> np.ndarray:
    concept = default_spec().concepts[probe.concept]
    outputs = oracles.evaluate(concept, concept.signature.arrays(probe.inputs), {})
    return outputs[probe.output or concept.signature.outputs[0].name]


def measure_all(backend: Backend, timeout: float | None = PROBE_SECONDS
                ) -> list[dict[str, Any]]:
    """Every default probe of ``backend``, each under ``timeout`` seconds."""
    if backend.available() is not None:
        return []
    return [measure(backend, probe, timeout) for probe in backend.default_probes()]
