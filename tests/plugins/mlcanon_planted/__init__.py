"""A third-party plugin with planted bugs and misbehaving implementations.

Each backend reuses the built-in NumPy backend and overrides one concept with a module
of its own, exactly as an outside plugin would. The engine's tests install it with one
entry point (see ``tests/planted.py``) and check that the harness catches every bug on
exactly the concept it breaks, and survives every kind of misbehaviour.
"""

from __future__ import annotations

import time

from mlcanon import Backend, DefaultProbe, KnownDeviation, hookimpl
from mlcanon_numpy.backend import NumpyBackend

#: backend name -> (module overriding one concept, the concept it breaks)
PLANTED_BUGS = {
    "bug_softmax": ("softmax_without_max_shift", "softmax"),
    "bug_gelu": ("gelu_by_tanh", "gelu"),
    "bug_variance": ("variance_with_ddof_1", "variance"),
    "bug_causal": ("inverted_causal_mask", "scaled_dot_product_attention"),
    "bug_adam": ("adam_without_bias_correction", "adam"),
    "bug_dropout": ("dropout_without_rescale", "dropout"),
}

#: backend name -> module whose softmax misbehaves in one way
MISBEHAVING = {
    "bad_raises": "raises",
    "bad_shape": "wrong_shape",
    "bad_dtype": "wrong_dtype",
    "bad_none": "returns_none",
    "bad_nan": "returns_nan",
    "bad_hang": "hangs",
    "bad_markup": "hostile_message",
    "bad_exit": "exits",
    "bad_segfault": "segfaults",
    "bad_c_loop": "loops_in_c",
    "bad_timer": "resets_timer",
    "bad_system_exit": "raises_system_exit",
    "bad_mutation": "mutates_input",
}


def overriding(name: str, module: str, deviations: tuple[KnownDeviation, ...] = ()) -> Backend:
    """A NumPy backend named ``name`` whose concepts in ``module`` replace the built-ins."""
    cls = type(
        f"Planted_{name}",
        (NumpyBackend,),
        {
            "name": name,
            "native_modules": (*NumpyBackend.native_modules, f"mlcanon_planted.{module}"),
            "known_deviations": (*NumpyBackend.known_deviations, *deviations),
        },
    )
    return cls("cpu")


class BlockingSync(NumpyBackend):
    """Its synchronize never returns (where CUDA and JAX work really waits)."""

    name = "bad_sync"

    def synchronize(self, *values: object) -> None:
        while True:
            time.sleep(0.01)


class HangingProbe(NumpyBackend):
    """One of its default probes never returns."""

    name = "bad_probe"

    def default_probes(self) -> list[DefaultProbe]:
        return [DefaultProbe("softmax", "does this probe return?", "hang()", {"x": [1.0]},
                             _hang)]


def _hang() -> None:
    while True:
        time.sleep(0.01)


@hookimpl
def mlcanon_backends() -> list[Backend]:
    backends = [overriding(name, module) for name, (module, _) in PLANTED_BUGS.items()]
    backends += [overriding(name, module) for name, module in MISBEHAVING.items()]
    backends.append(overriding("deviating", "softmax_without_max_shift", (
        KnownDeviation("softmax", "overflows without the max shift", case="rows_of_a_batch"),
        KnownDeviation("softmax", "claims a deviation on a case that passes",
                       case="book_000_32", dtype="float64"),
        KnownDeviation("no_such_concept", "matches nothing"),
    )))
    backends += [BlockingSync("cpu"), HangingProbe("cpu")]
    return backends
