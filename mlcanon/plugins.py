"""Finding and loading backend plugins through the ``mlcanon`` entry-point group.

A plugin that misbehaves never stops the others: it is recorded as broken with the
error, shown by ``mlcanon backends`` and reported by the harness as a failing meta check
``plugin-<name>``. Misbehaving means any of: its import fails (``sys.exit()`` included);
its hook raises or returns something other than a list of :class:`~mlcanon.Backend`
instances (each bad item is reported, the good ones are kept); a backend's metadata
method (:data:`GUARDED_METHODS`) raises or returns the wrong type (callers get a
fallback, ``available()`` the error as the reason the backend cannot run); or two
plugins offer the same backend id.

Which plugin keeps a backend id that several offer: a built-in plugin (one registered by
the ``mlcanon`` distribution itself, in its ``pyproject.toml``) wins over third-party
ones; between third-party plugins, or when one plugin offers an id twice, no one keeps
it. Every plugin that loses is reported, naming the others. The rule depends on neither
entry-point names nor install order, so installing a plugin can never silently replace
a built-in backend such as ``numpy:cpu``.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from typing import Any

import pluggy

from mlcanon import hookspec
from mlcanon.backend import Backend

ENTRY_POINT_GROUP = "mlcanon"
#: the distribution whose own entry points are the built-in plugins.
BUILTIN_DISTRIBUTION = "mlcanon"
#: what a plugin's code may raise without ending the process: ``SystemExit`` too, since a
#: plugin calling ``sys.exit()`` at import would otherwise end every run that loads it.
PLUGIN_FAILURES = (Exception, SystemExit)
#: one device vocabulary: a device a user names -> the devices backends call themselves
#: (torch says ``cuda``, JAX says ``gpu``; ``--device gpu`` selects both).
DEVICE_ALIASES = {"gpu": ("gpu", "cuda", "rocm"), "cuda": ("cuda", "gpu")}
HOOK = "mlcanon_backends()"


def device_matches(wanted: str, device: str) -> bool:
    """Whether a backend on ``device`` is what a user asking for ``wanted`` means."""
    return device == wanted or device in DEVICE_ALIASES.get(wanted, ())


def portable_id(backend: Backend) -> str:
    """``name:cpu`` or ``name:gpu`` whatever the framework calls its accelerator, so
    benchmark parameters read the same for torch and JAX."""
    device = "gpu" if device_matches("gpu", backend.device) else backend.device
    return f"{backend.name}:{device}"


@dataclass(frozen=True)
class BrokenPlugin:
    """A plugin that could not be loaded, or misbehaved, and why."""

    name: str
    value: str
    error: str


@dataclass
class Registry:
    """Every backend the installed plugins provide, plus the plugins that misbehaved."""

    backends: list[Backend] = field(default_factory=list)
    plugin_of: dict[str, str] = field(default_factory=dict)
    #: plugin names registered by the mlcanon distribution itself; they win id clashes.
    builtin: set[str] = field(default_factory=set)
    #: problems found so far; :attr:`broken` adds those of a first metadata probe.
    problems: list[BrokenPlugin] = field(default_factory=list)
    probed: bool = False

    @property
    def broken(self) -> list[BrokenPlugin]:
        """Every plugin problem: those found while loading, those of :meth:`probe`, and
        any a guarded method met since (the list grows as they are found)."""
        self.probe()
        return self.problems

    def record(self, problem: BrokenPlugin) -> None:
        """Add a problem once: a guarded method is called per case, and raises each time."""
        if not any((p.name, p.value) == (problem.name, problem.value) for p in self.problems):
            self.problems.append(problem)

    def probe(self) -> None:
        """Call the metadata methods once, so that a raise is reported by plugin name
        before a run starts (the harness turns :attr:`broken` into meta checks then).

        ``available()`` is called on every backend: it must be cheap, and the harness
        calls it on all of them anyway. ``versions()`` and ``device_name()`` are called
        only on available third-party backends: a built-in's imports torch or jax, which a
        run that does not use them must not pay for, and its code is tested here.
        """
        if self.probed:
            return
        self.probed = True
        for backend in self.backends:
            if backend.available() is None and self.plugin_of[backend.id] not in self.builtin:
                backend.versions()
                backend.device_name()

    def get(self, backend_id: str) -> Backend:
        """The backend ``name:device``; the device may be any alias (``torch:gpu``)."""
        name, _, device = backend_id.partition(":")
        for backend in self.backends:
            if backend.id == backend_id:
                return backend
        for backend in self.backends:
            if backend.name == name and device_matches(device or "cpu", backend.device):
                return backend
        known = ", ".join(b.id for b in self.backends) or "none"
        msg = f"no backend {backend_id!r}; installed backends: {known}"
        raise KeyError(msg)

    def select(
        self, names: list[str] | None = None, devices: list[str] | None = None
    ) -> list[Backend]:
        """Backends whose name and device are among those asked for (all if ``None``)."""
        return [
            b
            for b in self.backends
            if (not names or b.name in names)
            and (not devices or any(device_matches(d, b.device) for d in devices))
        ]


def describe(exc: BaseException) -> str:
    """The exception as ``Type: message``; ``sys.exit()`` said in words."""
    if isinstance(exc, SystemExit):
        code = "" if exc.code is None else repr(exc.code)
        return f"SystemExit: the plugin called sys.exit({code})"
    return "".join(traceback.format_exception_only(exc)).strip()


def _short_repr(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# -- guarded metadata methods -------------------------------------------------------------


@dataclass(frozen=True)
class MethodGuard:
    """What a metadata method must return, and what callers get when it does not."""

    accepts: Callable[[Any], bool]
    expected: str
    fallback: Callable[[str], Any]


def _is_text_mapping(value: Any) -> bool:
    return isinstance(value, Mapping) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items())


#: every caller (CLI, selection, runner, results, conventions, benchmarks) calls these
#: directly on the backend, so they are guarded once, here, on each registered backend.
GUARDED_METHODS = {
    "available": MethodGuard(lambda v: v is None or isinstance(v, str),
                             "None or the reason it cannot run", lambda error: error),
    "versions": MethodGuard(_is_text_mapping, "a dict of str to str", lambda error: {}),
    "device_name": MethodGuard(lambda v: isinstance(v, str), "a str",
                               lambda error: f"unknown ({error})"),
    "default_probes": MethodGuard(lambda v: isinstance(v, (list, tuple)),
                                  "a list of DefaultProbe", lambda error: []),
}


def _guard(backend: Backend, plugin: str, registry: Registry) -> None:
    for method, guard in GUARDED_METHODS.items():
        setattr(backend, method, _guarded(backend, method, guard, plugin, registry))


def _guarded(backend: Backend, method: str, guard: MethodGuard, plugin: str,
             registry: Registry) -> Callable[[], Any]:
    call = getattr(backend, method)
    where = f"{backend.id} {method}()"

    @functools.wraps(call)
    def guarded() -> Any:
        try:
            value = call()
        except PLUGIN_FAILURES as exc:
            error = f"{method}() raised {describe(exc)}"
        else:
            if guard.accepts(value):
                return value
            error = f"{method}() returned {_short_repr(value)}, not {guard.expected}"
        registry.record(BrokenPlugin(plugin, where, error))
        return guard.fallback(error)

    return guarded


# -- loading --------------------------------------------------------------------------------


def plugin_manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(hookspec.PROJECT)
    manager.add_hookspecs(hookspec)
    if os.environ.get("MLCANON_TRACE_PLUGINS"):
        manager.trace.root.setwriter(sys.stderr.write)
        manager.enable_tracing()
    return manager


def _is_builtin(ep: EntryPoint) -> bool:
    return ep.dist is not None and ep.dist.name == BUILTIN_DISTRIBUTION


def _wanted_entry_points() -> list[EntryPoint]:
    # a built-in sorts before a third-party entry point of the same name, so it is the
    # one registered under that name and the other is reported
    found = sorted(entry_points(group=ENTRY_POINT_GROUP),
                   key=lambda ep: (ep.name, not _is_builtin(ep)))
    only = os.environ.get("MLCANON_PLUGINS")
    if not only:
        return found
    wanted = {name.strip() for name in only.split(",") if name.strip()}
    return [ep for ep in found if ep.name in wanted]


def build_registry(extra_plugins: tuple[object, ...] = ()) -> Registry:
    """Load every wanted plugin and collect its backends; never raises for one plugin."""
    manager = plugin_manager()
    registry = Registry()
    for ep in _wanted_entry_points():
        _load(ep, manager, registry)
    for plugin in extra_plugins:
        manager.register(plugin)
    _collect_backends(manager, registry)
    return registry


def _load(ep: EntryPoint, manager: pluggy.PluginManager, registry: Registry) -> None:
    taken = manager.get_plugin(ep.name)
    if taken is not None:
        owner = getattr(taken, "__name__", _short_repr(taken))
        registry.record(BrokenPlugin(ep.name, ep.value, (
            f"the entry-point name {ep.name!r} is already used by the plugin {owner}; "
            "this one is not loaded (rename its entry point)")))
        return
    try:
        manager.register(ep.load(), name=ep.name)
    except PLUGIN_FAILURES as exc:  # a broken plugin must not hide the others
        registry.record(BrokenPlugin(ep.name, ep.value, describe(exc)))
        return
    if _is_builtin(ep):
        registry.builtin.add(ep.name)


def _collect_backends(manager: pluggy.PluginManager, registry: Registry) -> None:
    offers = [(impl.plugin_name, backend)
              for impl in manager.hook.mlcanon_backends.get_hookimpls()
              for backend in _offered_backends(impl.plugin_name, impl.function, registry)]
    providers: dict[str, list[str]] = {}
    for plugin, backend in offers:
        providers.setdefault(backend.id, []).append(plugin)
    for plugin, backend in offers:
        owner = _owner(providers[backend.id], registry.builtin)
        if owner == plugin and backend.id not in registry.plugin_of:
            _guard(backend, plugin, registry)
            registry.backends.append(backend)
            registry.plugin_of[backend.id] = plugin
        elif owner != plugin:
            error = _clash(backend.id, plugin, providers[backend.id], owner)
            registry.record(BrokenPlugin(plugin, f"backend {backend.id}", error))


def _offered_backends(plugin: str, hook: Callable[[], Any],
                      registry: Registry) -> list[Backend]:
    """The valid backends a plugin's hook returns; every problem is recorded."""
    try:
        returned = hook()
    except PLUGIN_FAILURES as exc:
        registry.record(BrokenPlugin(plugin, HOOK, describe(exc)))
        return []
    if not isinstance(returned, (list, tuple)):
        registry.record(BrokenPlugin(plugin, HOOK, (
            f"returned {_short_repr(returned)}, not a list of mlcanon.Backend instances")))
        return []
    valid = []
    for index, item in enumerate(returned):
        problem = _backend_problem(item)
        if problem:
            registry.record(BrokenPlugin(plugin, f"{HOOK} item {index}", problem))
        else:
            valid.append(item)
    return valid


def _backend_problem(item: Any) -> str | None:
    """Why ``item`` cannot be used as a backend, or None."""
    if isinstance(item, type) and issubclass(item, Backend):
        return (f"the class {item.__name__}, not an instance of it "
                f"(return {item.__name__}('cpu'))")
    if not isinstance(item, Backend):
        return f"{_short_repr(item)} is not a mlcanon.Backend instance"
    for attribute in ("name", "device"):
        value = getattr(item, attribute, None)
        if not isinstance(value, str) or not value:
            return (f"{type(item).__name__}.{attribute} is {_short_repr(value)}, "
                    "not a non-empty str")
    return None


def _owner(providers: list[str], builtin: set[str]) -> str | None:
    """The plugin that keeps a backend id (the rule is in the module's docstring)."""
    if len(providers) == 1:
        return providers[0]
    builtins = [p for p in providers if p in builtin]
    return builtins[0] if len(builtins) == 1 else None


def _clash(backend_id: str, plugin: str, providers: list[str], owner: str | None) -> str:
    if owner is not None:
        return (f"backend {backend_id!r} is also offered by the built-in plugin {owner!r}, "
                "which keeps it; this plugin's is not used")
    others = sorted(set(providers) - {plugin})
    if not others:
        return f"offers backend {backend_id!r} more than once; none of them is used"
    names = " and ".join(repr(p) for p in [plugin, *others])
    return (f"backend {backend_id!r} is offered by plugins {names}; only a built-in plugin "
            "wins such a clash, so none of them is used (rename one)")


@cache
def registry() -> Registry:
    """The process-wide registry, built on first use."""
    return build_registry()
