"""The Backend base class: the adapter every plugin subclasses.

The harness speaks NumPy. A backend converts arrays to its framework and back, runs
concept implementations, synchronizes for timing and computes vector-Jacobian products.
Concept implementations are plain functions named by concept id, found in the modules
listed in :attr:`Backend.concept_modules`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

FLOAT_DTYPES = ("float16", "float32", "float64")


@dataclass(frozen=True)
class KnownDeviation:
    """A place where a backend knowingly departs from the canon.

    Strict: a matching case that passes is reported as an unexpected pass, and an entry
    whose concept or case does not exist in the spec is an error.
    ``"*"`` matches anything.
    """

    concept: str
    reason: str
    link: str = ""
    case: str = "*"
    dtype: str = "*"
    device: str = "*"

    def matches(self, concept: str, case: str, dtype: str, device: str) -> bool:
        wanted = (self.concept, self.case, self.dtype, self.device)
        given = (concept, case, dtype, device)
        return all(w in ("*", g) for w, g in zip(wanted, given, strict=True))


@dataclass(frozen=True)
class DefaultProbe:
    """A measurement of what a framework does by default where the canon pins a choice.

    ``run`` calls the framework's native function with its defaults on ``inputs``; the
    canon's answer comes from the concept's oracle on the same inputs with the spec's
    defaults. Nothing about the framework is typed in: both sides are computed.
    """

    concept: str
    question: str
    call: str
    inputs: dict[str, Any]
    run: Callable[[], Any]
    output: str = ""


class Backend:
    """One framework on one device.

    Subclasses set the class attributes and override the conversion methods. The
    defaults describe a NumPy-like, CPU-only framework without autodiff.
    """

    #: short framework name, e.g. ``"torch"``; with :attr:`device` it names the backend.
    name: str = ""
    #: dtypes the backend can run; the harness reports the others as unsupported.
    dtypes: tuple[str, ...] = FLOAT_DTYPES
    #: dotted names of modules (or packages, whose submodules are all read) that hold
    #: concept functions; a later module overrides an earlier one.
    concept_modules: tuple[str, ...] = ()
    #: departures from the canon, as data.
    known_deviations: tuple[KnownDeviation, ...] = ()

    def __init__(self, device: str = "cpu") -> None:
        self.device = device
        self._concepts: dict[str, Callable[..., Any]] | None = None
        #: concept modules that failed to import: dotted name -> error.
        self.load_errors: dict[str, str] = {}

    @property
    def id(self) -> str:
        """``name:device``, the backend's name in ids, results and the CLI."""
        return f"{self.name}:{self.device}"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"

    # -- availability and metadata -------------------------------------------------

    def available(self) -> str | None:
        """``None`` if the backend can run here, else the reason it cannot."""
        return None

    def versions(self) -> dict[str, str]:
        """Library versions for results and reports."""
        return {"numpy": np.__version__}

    def device_name(self) -> str:
        """Human-readable name of the device (CPU model, GPU name)."""
        from mlcanon.results import cpu_name

        return cpu_name()

    # -- arrays --------------------------------------------------------------------

    def from_numpy(self, array: np.ndarray) -> Any:
        """Convert a NumPy array to the framework's array on :attr:`device`, same dtype."""
        return array

    def to_numpy(self, value: Any) -> np.ndarray:
        """Convert a framework array (or scalar) back to a NumPy array."""
        return np.asarray(value)

    def synchronize(self, *values: Any) -> None:
        """Block until the work that produces ``values`` is done (for timing).

        Frameworks that queue work asynchronously (CUDA streams, JAX dispatch) must not
        return before ``values`` are computed; a device-wide barrier also qualifies.
        """

    def compile(self, fn: Callable[..., Any], inputs: dict[str, Any]
                ) -> tuple[Callable[..., Any], float | None]:
        """Ahead-of-time compile ``fn`` for these inputs' shapes and dtypes (benchmarks).

        :param fn: takes ``inputs`` as keyword arguments (params already bound).
        :return: the callable to time and the seconds compilation took, or ``fn`` itself
            and ``None`` where the framework does not compile (eager frameworks) or ``fn``
            cannot be compiled (value-dependent Python control flow).
        """
        return fn, None

    def vjp(
        self,
        fn: Callable[..., Any],
        primals: Sequence[Any],
        cotangents: Sequence[Any],
    ) -> tuple[Any, ...] | None:
        """Vector-Jacobian product of ``fn`` at ``primals``.

        :param fn: takes the primals positionally, returns one array or a tuple of arrays.
        :param primals: framework arrays to differentiate with respect to.
        :param cotangents: one framework array per output of ``fn``.
        :return: one gradient per primal, or ``None`` when the framework has no autodiff.
        """
        return None

    # -- concepts ------------------------------------------------------------------

    def concepts(self) -> dict[str, Callable[..., Any]]:
        """Concept id -> implementation, read once from :attr:`concept_modules`."""
        if self._concepts is None:
            found: dict[str, Callable[..., Any]] = {}
            self.load_errors = {}
            for dotted in self.concept_modules:
                for module in _modules_under(dotted, self.load_errors):
                    found.update(concept_functions(module))
            self._concepts = found
        return self._concepts

    def implementation(self, concept_id: str) -> Callable[..., Any] | None:
        """The function implementing ``concept_id``, or ``None`` if it is missing."""
        return self.concepts().get(concept_id)

    def default_probes(self) -> list[DefaultProbe]:
        """Measurements of the framework's native defaults (see :class:`DefaultProbe`)."""
        return []

    def deviation_for(
        self, concept: str, case: str, dtype: str
    ) -> KnownDeviation | None:
        """The first known deviation that covers this case, if any."""
        for deviation in self.known_deviations:
            if deviation.matches(concept, case, dtype, self.device):
                return deviation
        return None


def concept_functions(module: ModuleType) -> Mapping[str, Callable[..., Any]]:
    """Public functions defined in ``module``; their names are concept ids."""
    return {
        name: obj
        for name, obj in vars(module).items()
        if callable(obj)
        and not name.startswith("_")
        and getattr(obj, "__module__", None) == module.__name__
        and not isinstance(obj, type)
    }


def _modules_under(dotted: str, errors: dict[str, str]) -> list[ModuleType]:
    """The module ``dotted``, or every public submodule of the package ``dotted``.

    A module that fails to import is recorded in ``errors`` and skipped, so one broken
    family leaves the backend's other concepts usable.
    """
    module = _try_import(dotted, errors)
    if module is None or not hasattr(module, "__path__"):
        return [module] if module is not None else []
    names = sorted(info.name for info in pkgutil.iter_modules(module.__path__))
    found = (_try_import(f"{dotted}.{name}", errors) for name in names if name[0] != "_")
    return [m for m in found if m is not None]


def _try_import(dotted: str, errors: dict[str, str]) -> ModuleType | None:
    try:
        return importlib.import_module(dotted)
    except Exception as exc:
        errors[dotted] = f"{type(exc).__name__}: {exc}"
        return None
