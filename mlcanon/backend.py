"""The Backend base class: the adapter every plugin subclasses.

The harness speaks NumPy. A backend is an array namespace plus a table of native
bindings: it converts arrays to its framework and back, synchronizes for timing,
computes vector-Jacobian products, names the array namespace (Python array API
standard) that the concepts' portable implementations run with, and binds the
framework's own ops. A native binding is a plain function named by concept id, found in
the modules listed in :attr:`Backend.native_modules` and marked with :func:`native`.
Which code runs for a case is decided by :mod:`mlcanon.implementations`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

from mlcanon.dtypes import FLOATS

FLOAT_DTYPES = FLOATS


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


NATIVE_ATTRIBUTE = "__mlcanon_native__"


@dataclass(frozen=True)
class NativeOp:
    """What :func:`native` records on a binding: the framework op it calls, and the
    parameter values the op can compute (``only``)."""

    op: str
    only: Mapping[str, tuple[Any, ...]]

    def covers(self, params: Mapping[str, Any]) -> bool:
        """Whether the op computes a case with these (complete) parameter values."""
        return all(params.get(name) in values for name, values in self.only.items())


def native(op: str, *, only: Mapping[str, Any] | None = None
           ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a function of a native module as the binding of the framework op ``op``.

    :param op: the dotted name users know the op by (``"torch.nn.functional.gelu"``);
        results and the report show it as the origin of every case the binding ran.
    :param only: spec parameters the op cannot take freely, with the value it computes
        (``{"beta": 1.0}`` for ``F.silu``) or a tuple of the values it offers
        (``{"kind": ("max", "avg")}`` for pooling); a case that sets another value runs
        the portable implementation instead, recorded as such, so the binding never
        needs to reject or emulate a value itself.

    A binding calls the op and selects the canon's convention only through the op's own
    arguments: it never validates inputs, translates exceptions or re-implements the op,
    because what the framework does is the finding.
    """

    def mark(fn: Callable[..., Any]) -> Callable[..., Any]:
        accepted = {name: value if isinstance(value, tuple) else (value,)
                    for name, value in (only or {}).items()}
        setattr(fn, NATIVE_ATTRIBUTE, NativeOp(op, accepted))
        return fn

    return mark


def native_op(fn: Callable[..., Any]) -> NativeOp:
    """The :class:`NativeOp` of a binding; an unmarked function names itself."""
    found = getattr(fn, NATIVE_ATTRIBUTE, None)
    if isinstance(found, NativeOp):
        return found
    return NativeOp(f"{fn.__module__}.{fn.__qualname__}", {})


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
    #: native bindings, one function per concept id; a later module overrides an earlier
    #: one, which is how a plugin replaces one concept of another backend.
    native_modules: tuple[str, ...] = ()
    #: run a concept's portable implementation where there is no native binding; a
    #: backend that exists to test a library's own functions sets False, and then such
    #: concepts are missing, not failures.
    portable: bool = True
    #: departures from the canon, as data.
    known_deviations: tuple[KnownDeviation, ...] = ()

    def __init__(self, device: str = "cpu") -> None:
        self.device = device
        self._natives: dict[str, Callable[..., Any]] | None = None
        self._module_deviations: tuple[KnownDeviation, ...] = ()
        self._module_probes: tuple[Callable[[Backend], list[DefaultProbe]], ...] = ()
        #: native modules that failed to import: dotted name -> error.
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

    def dtype_reason(self, dtype: str) -> str:
        """Why ``dtype``, missing from :attr:`dtypes`, cannot run here (the hardware or the
        framework lacks it); the harness adds it to the case's ``unsupported`` message.
        Empty by default."""
        return ""

    def device_name(self) -> str:
        """Human-readable name of the device (CPU model, GPU name)."""
        from mlcanon.machine import cpu_name

        return cpu_name()

    # -- arrays --------------------------------------------------------------------

    def namespace(self) -> Any:
        """The array namespace (Python array API standard) of this backend's arrays; the
        portable implementations compute with it. NumPy's, through array-api-compat, by
        default."""
        import array_api_compat.numpy

        return array_api_compat.numpy

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

    # -- native bindings -----------------------------------------------------------

    def natives(self) -> dict[str, Callable[..., Any]]:
        """Concept id -> native binding, read once from :attr:`native_modules`."""
        if self._natives is None:
            found: dict[str, Callable[..., Any]] = {}
            deviations: list[KnownDeviation] = []
            probes: list[Callable[[Backend], list[DefaultProbe]]] = []
            self.load_errors = {}
            for dotted in self.native_modules:
                for module in _modules_under(dotted, self.load_errors):
                    found.update(concept_functions(module))
                    deviations.extend(getattr(module, "KNOWN_DEVIATIONS", ()))
                    if callable(getattr(module, "default_probes", None)):
                        probes.append(module.default_probes)
            self._natives = found
            self._module_deviations, self._module_probes = tuple(deviations), tuple(probes)
        return self._natives

    def native(self, concept_id: str) -> Callable[..., Any] | None:
        """The native binding of ``concept_id``, or ``None`` if the framework has none."""
        return self.natives().get(concept_id)

    def default_probes(self) -> list[DefaultProbe]:
        """Measurements of the framework's native defaults (see :class:`DefaultProbe`): by
        default those of the ``default_probes(backend)`` functions of the native modules,
        so a family's probes live beside its bindings."""
        self.natives()
        return [probe for make in self._module_probes for probe in make(self)]

    def deviations(self) -> tuple[KnownDeviation, ...]:
        """:attr:`known_deviations` plus the ``KNOWN_DEVIATIONS`` tuple of every native
        module, so a family's departures live beside the bindings that cause them."""
        self.natives()
        return (*self.known_deviations, *self._module_deviations)

    def deviation_for(
        self, concept: str, case: str, dtype: str
    ) -> KnownDeviation | None:
        """The first known deviation that covers this case, if any."""
        index = self._deviations_by_concept()
        for deviation in index.get(concept, index["*"]):
            if deviation.matches(concept, case, dtype, self.device):
                return deviation
        return None

    def _deviations_by_concept(self) -> dict[str, tuple[KnownDeviation, ...]]:
        """Concept id -> the deviations that can match it, in their order; ``"*"`` -> those
        that match any concept (a run asks for every case, and a scan of hundreds of
        entries each time showed in its profile)."""
        index = self.__dict__.get("_deviation_index")
        if index is None:
            listed = self.deviations()
            index = {name: tuple(d for d in listed if d.concept in ("*", name))
                     for name in {d.concept for d in listed} | {"*"}}
            self.__dict__["_deviation_index"] = index
        return index


def concept_functions(module: ModuleType) -> Mapping[str, Callable[..., Any]]:
    """Public functions defined in ``module``; their names are concept ids."""
    return {
        name: obj
        for name, obj in vars(module).items()
        if callable(obj)
        and not name.startswith("_")
        and getattr(obj, "__module__", None) == module.__name__
        and not isinstance(obj, type)
        and name not in MODULE_HOOKS
    }


#: module-level names of a native module that are not concept bindings.
MODULE_HOOKS = frozenset({"default_probes"})


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
