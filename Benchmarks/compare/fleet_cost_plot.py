#!/usr/bin/env python3
"""Draws docs/fleet-cost.svg from docs/fleet-cost.csv (issue "Fleet scale", must-show 2).

The CSV has one row per measured run: gpus, days, wall_s, cpu_s, rss_mb, states. Two panels:
wall time and peak RSS against GPUs at one day, and against days at the 1,014-GPU slice.
Plain SVG, no plotting library: `python3 Benchmarks/compare/fleet_cost_plot.py`.
"""
import csv
import os

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
rows = list(csv.DictReader(open(os.path.join(ROOT, "docs", "fleet-cost.csv"))))
for r in rows:
    for k in ("gpus", "days", "wall_s", "cpu_s", "rss_mb", "states"):
        r[k] = float(r[k])

W, H, PAD = 360, 240, 48


def panel(x0, title, xs, xlabel, series):
    """One panel: x values, then (label, ys, colour) series on a linear scale from 0."""
    out = [f'<g transform="translate({x0},0)">',
           f'<text x="{W/2}" y="18" text-anchor="middle" font-size="13">{title}</text>']
    xmax = max(xs) * 1.05
    ymax = max(max(ys) for _, ys, _, _ in series) * 1.15
    def px(x): return PAD + (W - PAD - 12) * x / xmax
    def py(y, m): return H - PAD + 8 - (H - PAD - 24) * y / m
    out.append(f'<line x1="{PAD}" y1="{H-PAD+8}" x2="{W-12}" y2="{H-PAD+8}" stroke="#333"/>')
    out.append(f'<line x1="{PAD}" y1="24" x2="{PAD}" y2="{H-PAD+8}" stroke="#333"/>')
    for x in xs:
        out.append(f'<text x="{px(x):.1f}" y="{H-PAD+22}" text-anchor="middle" font-size="10">{int(x) if x == int(x) else x}</text>')
    out.append(f'<text x="{W/2}" y="{H-8}" text-anchor="middle" font-size="11">{xlabel}</text>')
    for i, (label, ys, colour, unit) in enumerate(series):
        m = max(ys) * 1.15
        pts = " ".join(f"{px(x):.1f},{py(y, m):.1f}" for x, y in zip(xs, ys))
        out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in zip(xs, ys):
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y, m):.1f}" r="3" fill="{colour}"/>')
            out.append(f'<text x="{px(x)+4:.1f}" y="{py(y, m)-5:.1f}" font-size="9" fill="{colour}">{y:.0f} {unit}</text>')
        out.append(f'<text x="{PAD+6}" y="{36+14*i}" font-size="10" fill="{colour}">{label}</text>')
    out.append("</g>")
    return out


day = sorted((r for r in rows if r["days"] == 1), key=lambda r: r["gpus"])
slice_ = sorted((r for r in rows if r["gpus"] == 1014), key=lambda r: r["days"])
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2*W+20}" height="{H}" font-family="sans-serif">',
       '<rect width="100%" height="100%" fill="white"/>']
svg += panel(0, "one day, shared: cost against GPUs", [r["gpus"] for r in day], "GPUs",
             [("wall time (s, own scale)", [r["wall_s"] for r in day], "#1f77b4", "s"),
              ("peak RSS (MB, own scale)", [r["rss_mb"] for r in day], "#d62728", "MB")])
svg += panel(W + 20, "1,014 GPUs, shared: cost against days", [r["days"] for r in slice_], "days",
             [("wall time (s, own scale)", [r["wall_s"] for r in slice_], "#1f77b4", "s"),
              ("peak RSS (MB, own scale)", [r["rss_mb"] for r in slice_], "#d62728", "MB")])
svg.append("</svg>")
open(os.path.join(ROOT, "docs", "fleet-cost.svg"), "w").write("\n".join(svg) + "\n")
print("wrote docs/fleet-cost.svg")
