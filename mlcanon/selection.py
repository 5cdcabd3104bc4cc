"""Which jobs a run holds, and the checks that guard the run itself.

Besides one job per (concept, case, backend, dtype), run in cells (:mod:`mlcanon.cells`),
a run checks that every spec file loaded, every plugin imported and every known deviation
names a real case. Each of those is its own test, so a broken file or plugin is reported
by name while every other result is kept. Nothing here imports pytest: the harness maps
these objects to tests.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mlcanon.backend import Backend
from mlcanon.cells import case_matches
from mlcanon.plugins import DEVICE_ALIASES, Registry, device_matches, registry
from mlcanon.runner import Job
from mlcanon.spec import LoadedSpec, default_spec
from mlcanon.spec.model import DTYPES


class SelectionError(ValueError):
    """A command-line selection that names something that does not exist."""


@dataclass
class Selection:
    backends: list[str] = field(default_factory=list)
    devices: list[str] = field(default_factory=list)
    dtypes: list[str] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)
    families: list[str] = field(default_factory=list)
    #: case names or shell-style patterns (``book_*``): cases of other names are left out
    cases: list[str] = field(default_factory=list)

    def validate_spec(self, spec: LoadedSpec) -> None:
        """``--concept`` and ``--family`` name concepts and families of the spec."""
        families = {c.family for c in spec.concepts.values()}
        for given, known, option in ((self.concepts, set(spec.concepts), "concept"),
                                     (self.families, families, "family")):
            for name in given:
                if name not in known:
                    near = difflib.get_close_matches(name, sorted(known), n=3)
                    hint = f"; did you mean {', '.join(near)}?" if near else \
                        f" ({len(known)} known: mlcanon list shows them)"
                    msg = f"--{option} {name!r} is not a {option} of the spec{hint}"
                    raise SelectionError(msg)

    def wants(self, concept: Any) -> bool:
        """Whether ``concept`` is inside ``--concept`` / ``--family`` (both empty: all)."""
        if not self.concepts and not self.families:
            return True
        return concept.id in self.concepts or concept.family in self.families

    def validate(self, found: Registry) -> None:
        devices = {b.device for b in found.backends} | set(DEVICE_ALIASES)
        for device in self.devices:
            if device not in devices:
                msg = (f"--device {device!r} is not a device any installed backend offers; "
                       f"known devices: {', '.join(sorted(devices))}")
                raise SelectionError(msg)
        for dtype in self.dtypes:
            if dtype not in DTYPES:
                msg = f"--dtype {dtype!r} is not a dtype mlcanon knows; use one of {list(DTYPES)}"
                raise SelectionError(msg)
        known = {b.name for b in found.backends} | {b.id for b in found.backends}
        for name in self.backends:
            if name not in known:
                msg = (f"--backend {name!r} is not installed; installed backends: "
                       f"{', '.join(sorted(b.id for b in found.backends)) or 'none'}")
                raise SelectionError(msg)

    def describe(self) -> str:
        """The selection as its options, for messages."""
        given = [f"--{name} {','.join(values)}" for name, values in
                 (("backend", self.backends), ("device", self.devices), ("dtype", self.dtypes),
                  ("concept", self.concepts), ("family", self.families),
                  ("case", self.cases))
                 if values]
        return " ".join(given) or "(everything)"

    def names(self, backend: Backend) -> bool:
        """Whether ``--backend`` and ``--device`` name ``backend`` (available or not)."""
        return ((not self.backends or backend.name in self.backends
                 or backend.id in self.backends)
                and (not self.devices or any(device_matches(d, backend.device)
                                             for d in self.devices)))

    def chosen(self, found: Registry) -> list[Backend]:
        """Selected backends; without ``--device``, only those available here."""
        self.validate(found)
        picked = [b for b in found.backends if self.names(b)]
        if self.devices:
            return picked
        return [b for b in picked if b.available() is None]

    def problems(self) -> list[str]:
        spec = default_spec()
        found = registry()
        return [str(p) for p in spec.problems] + [
            f"plugin {p.name!r} ({p.value}): {p.error}" for p in found.broken]


def build_jobs(selection: Selection, spec: LoadedSpec | None = None,
               found: Registry | None = None) -> list[Job]:
    spec = spec or default_spec()
    backends = selection.chosen(found or registry())
    jobs = []
    for concept in sorted(spec.concepts.values(), key=lambda c: (c.family, c.id)):
        if not selection.wants(concept):
            continue
        for case in concept.cases:
            if not case_matches(case.name, selection.cases):
                continue
            for dtype in concept.case_dtypes(case):
                if selection.dtypes and dtype not in selection.dtypes:
                    continue
                jobs.extend(Job(concept, case, backend, dtype) for backend in backends)
    return jobs


@dataclass(frozen=True)
class MetaCheck:
    """A check of the run itself: ``problem()`` is the failure message or ``None``;
    ``skip`` is a reason to skip it instead."""

    id: str
    problem: Callable[[], str | None]
    skip: str = ""


def _fail(message: str) -> Callable[[], str | None]:
    return lambda: message


def meta_checks(selection: Selection, spec: LoadedSpec | None = None,
                found: Registry | None = None) -> list[MetaCheck]:
    spec = spec or default_spec()
    found = found or registry()
    checks = []
    for path, problems in sorted(spec.broken_files.items()):
        text = "\n".join(f"  {p}" for p in problems)
        checks.append(MetaCheck(f"spec-{_short(path)}", _fail(f"spec file {path}:\n{text}")))
    for broken in found.broken:
        checks.append(MetaCheck(f"plugin-{broken.name}", _fail(
            f"plugin {broken.name!r} ({broken.value}) could not be loaded: {broken.error}")))
    # only the selected backends: checking another one would import its framework
    for backend in (b for b in found.backends if selection.names(b)):
        reason = backend.available()
        if reason is not None and not selection.devices:
            checks.append(MetaCheck(f"backend-{backend.name}-{backend.device}",
                                    _fail(""), skip=f"{backend.id} unavailable: {reason}"))
        checks.append(MetaCheck(f"deviations-{backend.name}-{backend.device}",
                                _deviation_check(backend, spec)))
        if reason is None:
            checks.append(MetaCheck(f"modules-{backend.name}-{backend.device}",
                                    _module_check(backend)))
    return checks


def _short(path: str) -> str:
    """``<family>/<concept>`` of a concept folder's spec file."""
    parts = path.replace("\\", "/").split("/")
    return "/".join(parts[-3:-1])


def stale_deviations(backend: Backend, spec: LoadedSpec) -> list[str]:
    """Known-deviation entries that match no concept, case or dtype of the spec."""
    stale = []
    for d in backend.deviations():
        concept = spec.concepts.get(d.concept)
        if concept is None:
            stale.append(f"{d}: no concept {d.concept!r}")
        elif d.case != "*" and d.case not in {c.name for c in concept.cases}:
            stale.append(f"{d}: concept {d.concept!r} has no case {d.case!r}")
        elif d.dtype != "*" and d.dtype not in concept.dtypes:
            stale.append(f"{d}: concept {d.concept!r} does not run in {d.dtype}")
    return stale


def _module_check(backend: Backend) -> Callable[[], str | None]:
    """A native module that fails to import is an error even when an earlier module
    provides the same concepts: the backend would silently run code it did not mean to."""

    def problem() -> str | None:
        backend.natives()
        if not backend.load_errors:
            return None
        return f"{backend.id}: native modules failed to import:\n" + "\n".join(
            f"  {m}: {e}" for m, e in backend.load_errors.items())

    return problem


def _deviation_check(backend: Backend, spec: LoadedSpec) -> Callable[[], str | None]:
    def problem() -> str | None:
        stale = stale_deviations(backend, spec)
        if not stale:
            return None
        return (f"{backend.id} lists known deviations that match nothing; delete or fix "
                "them:\n" + "\n".join(f"  {s}" for s in stale))

    return problem
