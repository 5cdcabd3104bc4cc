"""The inputs of a properties case, drawn by Hypothesis once and replayed everywhere.

Hypothesis runs derandomized, so a properties case sees the same inputs on every backend,
every dtype and every run; yet drawing them is most of what the case costs (on NumPy, over
nine tenths: the check and the backend call are cheap beside Hypothesis's engine). So the
inputs are drawn once per case, with the very test function the case runs, and kept in
memory and in the on-disk cache of :mod:`mlcanon.spec.cache`; every other run of the case
replays them in order. Only when a replayed input fails does the case go back to
Hypothesis, which meets the same input (same function, same seed) and shrinks it.

An entry is keyed by everything the draw depends on: the case's ``generate`` table, the
dtypes its inputs are rounded to, the number of examples, the versions of Hypothesis and
NumPy, and the source of the engine modules that draw.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from mlcanon.spec import cache

Inputs = dict[str, np.ndarray]
#: what :func:`hypothesis_test` wraps: called with each example's inputs.
Body = Callable[[Inputs], None]

_MEMORY: dict[str, list[Inputs]] = {}


def hypothesis_test(generate: dict[str, dict[str, Any]], round_to: tuple[str, ...],
                    examples: int, shrink: bool, body: Body) -> Callable[[], None]:
    """The Hypothesis test of a properties case. Drawing and checking both go through
    this one function: its source is Hypothesis's seed, so both see the same inputs."""
    from hypothesis import given

    from mlcanon.strategies import inputs_strategy, property_settings

    @property_settings(examples, shrink=shrink)
    @given(inputs_strategy(generate, round_to))
    def holds(inputs: Inputs) -> None:
        body(inputs)

    return holds


def examples_of(generate: dict[str, dict[str, Any]], round_to: tuple[str, ...],
                examples: int) -> list[Inputs]:
    """The inputs Hypothesis gives the case, in the order it gives them."""
    entry = _key(generate, round_to, examples)
    found = _MEMORY.get(entry)
    if found is None:
        found = _read(entry) if cache.enabled() else None
        if found is None:
            found = _draw(generate, round_to, examples)
            if cache.enabled():
                _write(entry, found)
        _MEMORY[entry] = found
    return found


def _draw(generate: dict[str, dict[str, Any]], round_to: tuple[str, ...],
          examples: int) -> list[Inputs]:
    drawn: list[Inputs] = []

    def keep(inputs: Inputs) -> None:
        drawn.append({name: np.array(value, copy=True) for name, value in inputs.items()})

    with canonical_draws():
        hypothesis_test(generate, round_to, examples, shrink=False, body=keep)()
    return drawn


@contextmanager
def canonical_draws() -> Iterator[None]:
    """Draw as a fresh process would, whatever this one has imported.

    Besides its own constants, Hypothesis now and then draws a literal it found in the
    source of a local module imported so far (the concept modules, checks and plugins), so
    a derandomized case got other inputs in another worker, after other cases or on
    another backend. Inside this block that pool is empty: the draw depends only on the
    strategy, the seed and Hypothesis's version. (A private hook of Hypothesis, pinned in
    pyproject.toml; if it moves, draws are still valid, only no longer canonical.)
    """
    try:
        from hypothesis.internal.conjecture import providers

        real, constants_cache = providers._get_local_constants, providers.CONSTANTS_CACHE
        empty = providers.Constants()
    except (ImportError, AttributeError):
        yield
        return
    constants_cache.cache.clear()  # permitted constants computed from the real pool
    providers._get_local_constants = lambda: empty
    try:
        yield
    finally:
        providers._get_local_constants = real
        constants_cache.cache.clear()


def _key(generate: dict[str, dict[str, Any]], round_to: tuple[str, ...],
         examples: int) -> str:
    digest = hashlib.sha256(_drawing_source())
    described = {"generate": generate, "round_to": list(round_to), "examples": examples,
                 "hypothesis": _hypothesis_version(), "numpy": np.__version__}
    digest.update(json.dumps(described, sort_keys=True, default=str).encode())
    return digest.hexdigest()


@functools.cache
def _drawing_source() -> bytes:
    """The engine code a draw depends on (and only that: an edit elsewhere in the engine
    keeps the draws): the strategies, the distributions, the dtypes' rounding, this file."""
    package = Path(__file__).parent  # read, not imported: strategies imports Hypothesis
    return b"".join((package / name).read_bytes()
                    for name in ("dtypes.py", "generate.py", "strategies.py",
                                 "property_examples.py"))


@functools.cache
def _hypothesis_version() -> str:
    # from the installed metadata: replaying must not pay for importing Hypothesis
    return importlib.metadata.version("hypothesis")


def _path(entry: str) -> Path:
    return cache.directory() / "properties" / f"{entry}.examples"


#: an entry's file: the length of a JSON header (8 bytes, little-endian), the header (per
#: array: example index, input name, dtype, shape, byte offset), then the arrays' bytes.
#: One read and a view per array (an ``.npz``, a zip member per array, was slower).
_HEADER_LENGTH = 8


def _read(entry: str) -> list[Inputs] | None:
    """The stored draw, or ``None`` when missing or unreadable (then it is drawn again)."""
    path = _path(entry)
    try:
        data = path.read_bytes()
        size = int.from_bytes(data[:_HEADER_LENGTH], "little")
        header = json.loads(data[_HEADER_LENGTH:_HEADER_LENGTH + size])
        body = memoryview(data)[_HEADER_LENGTH + size:]
        drawn: list[Inputs] = [{} for _ in range(header["count"])]
        for index, name, dtype, shape, offset in header["arrays"]:
            kind = np.dtype(dtype)
            count = int(np.prod(shape, dtype=np.int64))
            flat = np.frombuffer(body, dtype=kind, count=count, offset=offset)
            drawn[index][name] = flat.reshape(tuple(shape)).copy()  # writable, like a draw
        os.utime(path)
        return drawn
    except (OSError, KeyError, ValueError, IndexError, TypeError):
        return None


def _storable(value: np.ndarray) -> bool:
    """Plain numbers whose dtype its name gives back (bool, integers, floats)."""
    return value.dtype.kind in "biuf" and np.dtype(value.dtype.str) == value.dtype


def _write(entry: str, drawn: list[Inputs]) -> None:
    """Store atomically; a read-only or full disk only means no cache."""
    arrays = [(i, name, np.asarray(value)) for i, inputs in enumerate(drawn)
              for name, value in inputs.items()]
    if not all(_storable(value) for _, _, value in arrays):
        return
    described, offset = [], 0
    for i, name, value in arrays:
        described.append([i, name, value.dtype.str, list(value.shape), offset])
        offset += value.nbytes
    header = json.dumps({"count": len(drawn), "arrays": described}).encode()
    folder = _path(entry).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(len(header).to_bytes(_HEADER_LENGTH, "little") + header)
            for _, _, value in arrays:
                out.write(value.tobytes())
        os.replace(temp, _path(entry))
    except OSError:
        Path(temp).unlink(missing_ok=True)
        return
    cache.prune(folder, "*.examples")
    _drop_old_format(folder)


def _drop_old_format(folder: Path) -> None:
    """Entries of the earlier ``.npz`` format are never read again: delete them."""
    for stale in folder.glob("*.npz"):
        stale.unlink(missing_ok=True)
