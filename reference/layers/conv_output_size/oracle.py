"""The oracle of conv_output_size: count the window starts one by one (float64, integers)."""

from __future__ import annotations

import numpy as np

from mlcanon.oracles import oracle


def _count(size: int, kernel: int, padding: int, stride: int, dilation: int,
           ceil_mode: bool) -> int:
    if kernel < 1 or stride < 1 or dilation < 1 or padding < 0:
        msg = f"bad kernel {kernel}, stride {stride}, dilation {dilation} or padding {padding}"
        raise ValueError(msg)
    span = dilation * (kernel - 1) + 1
    padded = size + 2 * padding
    # a window starting at `start` (in padded coordinates) is whole when it ends inside
    starts = [start for start in range(0, padded, stride) if start + span <= padded]
    if ceil_mode and starts:
        if starts[-1] + span < padded:
            starts.append(starts[-1] + stride)  # one partial window covers the leftover tail
        if len(starts) > 1 and starts[-1] >= size + padding:
            starts.pop()  # torch: the last window may not start in the right padding
    if not starts or starts[0] + span > padded:
        msg = f"kernel span {span} does not fit the padded size {padded}"
        raise ValueError(msg)
    return len(starts)


@oracle("conv_output_size", precision="float64")
def conv_output_size(size: np.ndarray, kernel: np.ndarray, padding: np.ndarray | None = None,
                     stride: np.ndarray | None = None, dilation: np.ndarray | None = None, *,
                     ceil_mode: bool = False) -> np.ndarray:
    args = np.broadcast_arrays(size, kernel, 0 if padding is None else padding,
                               1 if stride is None else stride,
                               1 if dilation is None else dilation)
    out = np.empty(args[0].shape, dtype=np.int64)
    for idx in np.ndindex(*out.shape):
        out[idx] = _count(*(int(a[idx]) for a in args), ceil_mode)
    return out
