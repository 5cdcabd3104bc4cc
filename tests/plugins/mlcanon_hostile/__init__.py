"""A third-party plugin package that misbehaves while being loaded, one way per module.

Each module is its own plugin with its own entry point (``tests/test_plugin_robustness.py``
installs them), so one run can load them all next to the built-in NumPy plugin and check
that each is reported by name while NumPy runs as if they were not there.
"""

from __future__ import annotations

from mlcanon_numpy.backend import NumpyBackend


def numpy_backend(name: str, **attributes: object) -> NumpyBackend:
    """A NumPy backend called ``name`` with the given attributes (methods) replaced."""
    cls = type(f"Hostile_{name}", (NumpyBackend,), {"name": name, **attributes})
    return cls("cpu")


def wrong_numpy() -> NumpyBackend:
    """A ``numpy:cpu`` whose softmax returns NaN: if it displaced the built-in one, the
    built-in's softmax cases would fail."""
    return numpy_backend("numpy", native_modules=(*NumpyBackend.native_modules,
                                                  "mlcanon_hostile.nan_softmax"))
