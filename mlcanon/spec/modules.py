"""The Python files of the spec, imported as the package ``mlcanon_reference``.

A concept folder ``reference/<family>/<id>/`` may hold ``oracle.py`` (expected values),
``checks.py`` (stochastic and property checks) and ``portable.py`` (the array-API
implementation every backend without a native op runs). They import as
``mlcanon_reference.<family>.<id>.oracle`` and so on: ``mlcanon_reference`` is a
package made at run time whose path is the reference folder, and the family and concept
folders are namespace packages under it, so a concept may import a family's
``_oracle.py`` (oracle) or ``_portable.py`` (portable) helpers like any module.

Modules load lazily, one concept at a time, so a run of one concept imports one
concept's code. A module that fails to import is recorded and reported on the cases it
would have served; it never stops the others.
"""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path

from mlcanon.spec.load import reference_root

PACKAGE = "mlcanon_reference"
#: files a concept folder may hold, each optional.
CONCEPT_FILES = ("oracle", "checks", "portable")
#: dotted module name -> "ExceptionType: message" for modules that failed to import.
IMPORT_ERRORS: dict[str, str] = {}


def reference_package() -> types.ModuleType:
    """The ``mlcanon_reference`` package, pointed at the current reference folder."""
    package = sys.modules.get(PACKAGE)
    if package is None:
        package = types.ModuleType(PACKAGE, "The spec's Python files (see mlcanon.spec.modules).")
        sys.modules[PACKAGE] = package
    root = str(reference_root())
    if list(getattr(package, "__path__", [])) != [root]:
        package.__path__ = [root]
        importlib.invalidate_caches()
    return package


def module_name(family: str, concept_id: str, file: str) -> str:
    return f"{PACKAGE}.{family}.{concept_id}.{file}"


def concept_module(family: str, concept_id: str, file: str) -> types.ModuleType | None:
    """Import ``reference/<family>/<concept_id>/<file>.py``; ``None`` if absent or broken.

    A broken module's error is kept in :data:`IMPORT_ERRORS` under its dotted name.
    """
    loaded = sys.modules.get(module_name(family, concept_id, file))
    if loaded is not None:  # every case asks; importing again would only return it
        return loaded
    reference_package()
    if not (reference_root() / family / concept_id / f"{file}.py").exists():
        return None
    return _import(module_name(family, concept_id, file))


def _import(dotted: str) -> types.ModuleType | None:
    if dotted in IMPORT_ERRORS:
        return None
    try:
        return importlib.import_module(dotted)
    except Exception as exc:  # a broken spec module is reported on its cases, never fatal
        IMPORT_ERRORS[dotted] = f"{type(exc).__name__}: {exc}"
        return None


def import_shared(file: str) -> None:
    """Import ``reference/_shared/<file>.py`` if there is one."""
    reference_package()
    if (reference_root() / "_shared" / f"{file}.py").exists():
        _import(f"{PACKAGE}._shared.{file}")


def import_all(file: str, family: str | None = None) -> None:
    """Import every concept's ``<file>.py`` (of one ``family`` if given) and
    ``reference/_shared/<file>.py``."""
    reference_package()
    pattern = f"{family}/*/{file}.py" if family else f"*/*/{file}.py"
    for path in sorted(reference_root().glob(pattern)):
        family_name, concept_id = path.parent.parent.name, path.parent.name
        if not family_name.startswith("_") and not concept_id.startswith("_"):
            _import(module_name(family_name, concept_id, file))
    import_shared(file)


def errors_text() -> str:
    """The import errors as one clause to append to a message, or ``""``."""
    if not IMPORT_ERRORS:
        return ""
    return "; spec modules that failed to import: " + "; ".join(
        f"{name}: {error}" for name, error in IMPORT_ERRORS.items())


def concept_folder(family: str, concept_id: str) -> Path:
    return reference_root() / family / concept_id
