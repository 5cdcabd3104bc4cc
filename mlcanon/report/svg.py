"""Static SVG charts: labelled, with units, no script and no external font."""

from __future__ import annotations

import math
from collections.abc import Sequence

from mlcanon.report.html import Markup, escape

PALETTE = ("#2874a6", "#ca6f1e", "#1e8449", "#884ea0", "#b03a2e", "#117a65", "#7f8c8d",
           "#d4ac0d", "#2e4053")


def error_plot(cases: Sequence[str], series: dict[str, Sequence[float | None]],
               title: str = "error per case", y_label: str = "error (eps units)",
               unit: str = "eps") -> Markup:
    """Values on a log scale per category (cases, sizes), one marker series per backend."""
    width, height, left, bottom, top = max(320, 60 + 26 * len(cases)), 230, 52, 70, 22
    plot_h = height - bottom - top
    values = [v for s in series.values() for v in s if v is not None and v > 0]
    high = math.ceil(math.log10(max(values))) if values else 1
    high = max(high, 1)
    low = min(-1, math.floor(math.log10(min(values)))) if values else -1

    def y(v: float) -> float:
        v = max(v, 10.0 ** low)
        return top + plot_h * (high - math.log10(v)) / (high - low)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 170}" '
             f'height="{height}" role="img" aria-label="{escape(title)}">',
             f'<text x="{left}" y="14" font-weight="600">{escape(title)}</text>']
    for exponent in range(low, high + 1):
        yy = y(10.0 ** exponent)
        parts.append(f'<line x1="{left}" x2="{width}" y1="{yy:.1f}" y2="{yy:.1f}" '
                     'stroke="#e5e8e8"/>')
        parts.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end">'
                     f'1e{exponent}</text>')
    parts.append(f'<text transform="translate(12 {top + plot_h / 2}) rotate(-90)" '
                 f'text-anchor="middle">{escape(y_label)}</text>')
    step = (width - left - 10) / max(1, len(cases))
    for i, case in enumerate(cases):
        x = left + step * (i + 0.5)
        parts.append(f'<text transform="translate({x:.1f} {height - bottom + 10}) '
                     f'rotate(45)">{escape(case[:22])}</text>')
    for n, (name, points) in enumerate(series.items()):
        color = PALETTE[n % len(PALETTE)]
        for i, v in enumerate(points):
            if v is None:
                continue
            x = left + step * (i + 0.5) + (n - len(series) / 2) * 2.5
            parts.append(f'<circle cx="{x:.1f}" cy="{y(v) if v > 0 else y(10.0 ** low):.1f}" '
                         f'r="3" fill="{color}"><title>{escape(name)} {escape(cases[i])}: '
                         f'{v:.3g} {escape(unit)}</title></circle>')
        parts.append(f'<circle cx="{width + 14}" cy="{top + 14 * n}" r="4" fill="{color}"/>'
                     f'<text x="{width + 22}" y="{top + 4 + 14 * n}">{escape(name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def coverage_bars(rows: Sequence[tuple[str, int, int, int]]) -> Markup:
    """Per family: concepts passing, failing, missing, as stacked horizontal bars."""
    width, row_h, left = 560, 18, 170
    total = max((p + f + m for _, p, f, m in rows), default=1) or 1
    height = 34 + row_h * len(rows)
    scale = (width - left - 40) / total
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             'role="img" aria-label="coverage by family">',
             '<text x="0" y="12" font-weight="600">concepts per family: passing / failing / '
             'missing (count)</text>']
    for i, (family, passing, failing, missing) in enumerate(rows):
        yy = 22 + row_h * i
        parts.append(f'<text x="{left - 6}" y="{yy + 12}" text-anchor="end">'
                     f'{escape(family)}</text>')
        x = float(left)
        for count, color in ((passing, "#52be80"), (failing, "#e74c3c"), (missing, "#d5d8dc")):
            if count:
                parts.append(f'<rect x="{x:.1f}" y="{yy}" width="{count * scale:.1f}" '
                             f'height="{row_h - 4}" fill="{color}"/>')
                x += count * scale
        parts.append(f'<text x="{x + 4:.1f}" y="{yy + 12}">{passing}/{failing}/{missing}'
                     '</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
