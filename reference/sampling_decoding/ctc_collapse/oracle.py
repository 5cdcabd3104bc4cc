"""The oracle of ctc_collapse: walk the path once, plain Python (float64 oracle: no arithmetic)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


@oracle("ctc_collapse", precision="float64")
def ctc_collapse(path: np.ndarray, *, blank: int = 0) -> np.ndarray:
    out: list[int] = []
    previous = None
    for symbol in (int(s) for s in path):
        # a run of equal symbols yields one token, and a blank yields none but ends the run
        if symbol != previous and symbol != blank:
            out.append(symbol)
        previous = symbol
    return np.asarray(out, dtype=np.int64)
