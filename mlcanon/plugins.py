"""Finding and loading backend plugins through the ``mlcanon`` entry-point group.

A plugin whose import fails does not stop the others: it is recorded as broken with
the error, shown by ``mlcanon backends`` and reported as an error by the harness.
"""

from __future__ import annotations

import os
import sys
import traceback
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import EntryPoint, entry_points

import pluggy

from mlcanon import hookspec
from mlcanon.backend import Backend

ENTRY_POINT_GROUP = "mlcanon"
#: one device vocabulary: a device a user names -> the devices backends call themselves
#: (torch says ``cuda``, JAX says ``gpu``; ``--device gpu`` selects both).
DEVICE_ALIASES = {"gpu": ("gpu", "cuda", "rocm"), "cuda": ("cuda", "gpu")}


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
    """A plugin that could not be loaded, and why."""

    name: str
    value: str
    error: str


@dataclass
class Registry:
    """Every backend the installed plugins provide, plus the plugins that failed."""

    backends: list[Backend] = field(default_factory=list)
    broken: list[BrokenPlugin] = field(default_factory=list)
    plugin_of: dict[str, str] = field(default_factory=dict)

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


def plugin_manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(hookspec.PROJECT)
    manager.add_hookspecs(hookspec)
    if os.environ.get("MLCANON_TRACE_PLUGINS"):
        manager.trace.root.setwriter(sys.stderr.write)
        manager.enable_tracing()
    return manager


def _wanted_entry_points() -> list[EntryPoint]:
    found = sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)
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
        try:
            manager.register(ep.load(), name=ep.name)
        except Exception as exc:  # a broken plugin must not hide the others
            error = "".join(traceback.format_exception_only(exc)).strip()
            registry.broken.append(BrokenPlugin(ep.name, ep.value, error))
    for plugin in extra_plugins:
        manager.register(plugin)
    _collect_backends(manager, registry)
    return registry


def _collect_backends(manager: pluggy.PluginManager, registry: Registry) -> None:
    for impl in manager.hook.mlcanon_backends.get_hookimpls():
        name = impl.plugin_name
        try:
            backends = impl.function()
        except Exception as exc:
            error = "".join(traceback.format_exception_only(exc)).strip()
            registry.broken.append(BrokenPlugin(name, "mlcanon_backends()", error))
            continue
        for backend in backends:
            if backend.id in registry.plugin_of:
                other = registry.plugin_of[backend.id]
                error = f"backend {backend.id!r} is already provided by plugin {other!r}"
                registry.broken.append(BrokenPlugin(name, "mlcanon_backends()", error))
                continue
            registry.backends.append(backend)
            registry.plugin_of[backend.id] = name


@cache
def registry() -> Registry:
    """The process-wide registry, built on first use."""
    return build_registry()
