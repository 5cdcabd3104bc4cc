"""Operation and memory counts of self-attention against a recurrent layer on any array
namespace (integer arithmetic, checked against int64 overflow)."""

from __future__ import annotations

from typing import Any

_PER_MAC = {"flops": 2, "macs": 1}
_INT64_MAX = 2.0**63


def attention_complexity(xp: Any, n: Any, d: Any, *, unit: str = "flops", heads: int = 1,
                         projections: bool = False) -> dict[str, Any]:
    if unit not in _PER_MAC:
        msg = f"unit must be 'flops' or 'macs', got {unit!r}"
        raise ValueError(msg)
    if heads < 1 or xp.any(n < 1) or xp.any(d < 1):
        msg = f"need n >= 1, d >= 1 and heads >= 1 (heads = {heads})"
        raise ValueError(msg)
    per_mac = _PER_MAC[unit]
    # the largest count, estimated in float64 before the integer products can wrap around
    nf, df = xp.astype(n, xp.float64), xp.astype(d, xp.float64)
    biggest = xp.max(xp.stack(xp.broadcast_arrays(
        per_mac * (2 * nf * nf * df + (4 * nf * df * df if projections else 0.0)),
        heads * nf * nf, per_mac * nf * df * df)))
    if float(biggest) >= _INT64_MAX:
        msg = f"a count reaches {float(biggest):.4g}, beyond int64"
        raise OverflowError(msg)
    attention = per_mac * (2 * n * n * d + (4 * n * d * d if projections else 0))
    return {"attention_ops": attention,
            "score_memory": xp.broadcast_to(heads * n * n, attention.shape),
            "rnn_ops": xp.broadcast_to(per_mac * n * d * d, attention.shape)}
