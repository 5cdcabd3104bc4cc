"""The JAX plugin lowers op by op in a shared MLIR context: faster, and nothing else."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytest.importorskip("jax")

# Several primitives on shapes nothing else in the process has met, float32 and float64,
# forward and backward: each is lowered (and its program looked up) for the first time.
COMPUTE = """
import hashlib
import jax
import numpy as np
from mlcanon.plugins import registry
backend = registry().get("jax:cpu")
jnp = backend.namespace()  # the plugin configures jax here
digest = hashlib.sha256()
rng = np.random.default_rng(7)
for n in (3, 17):
    for dtype in (np.float32, np.float64):
        x = backend.from_numpy(rng.standard_normal((n, 5)).astype(dtype))
        y = jax.nn.softmax(x @ x.T, axis=-1) + jnp.tanh(x).sum()
        g = jax.grad(lambda v: jnp.log1p(jnp.exp(v)).mean())(x)
        for value in (y, g):
            digest.update(backend.to_numpy(value).tobytes())
from jax._src.interpreters import mlir
print(digest.hexdigest(), getattr(mlir.make_ir_context, "shared", False))
"""


def _compute(shared: str) -> tuple[str, str]:
    env = {**os.environ, "MLCANON_JAX_SHARED_CONTEXT": shared}
    run = subprocess.run([sys.executable, "-c", COMPUTE], env=env, text=True,
                         capture_output=True, check=True)
    digest, installed = run.stdout.split()
    return digest, installed


def test_a_shared_context_computes_the_same_bits_as_fresh_ones():
    shared, fresh = _compute("1"), _compute("0")
    assert shared[1] == "True" and fresh[1] == "False"  # the switch works both ways
    assert shared[0] == fresh[0]


def test_a_shared_context_is_replaced_after_its_quota(monkeypatch):
    from mlcanon_jax import backend

    backend._jax()
    from jax._src.interpreters import mlir

    if not getattr(mlir.make_ir_context, "shared", False):
        pytest.skip(f"{backend.SHARED_CONTEXT_VARIABLE}=0 in this environment")
    monkeypatch.setattr(backend, "LOWERINGS_PER_CONTEXT", 3)
    contexts = [mlir.make_ir_context() for _ in range(7)]
    distinct = [c for i, c in enumerate(contexts) if all(c is not d for d in contexts[:i])]
    assert 2 <= len(distinct) <= 3  # wherever the thread's count stood, it renews every 3
    assert all(contexts.count(c) <= 3 for c in distinct)
