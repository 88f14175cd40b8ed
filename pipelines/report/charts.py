"""The report's charts, drawn with Plotly (its JavaScript is inlined once in the page, so the
report opens offline). Each function returns a figure, or None when there is nothing to draw."""

from __future__ import annotations

import json
import math
from collections import defaultdict

import plotly.graph_objects as go
import polars as pl

# Bounds in a fixed order and colour, so every chart reads the same way.
BOUNDS = (
    ("gw_exact", "exact", "#1f4e79"),
    ("gw_at_least", "at least (floor)", "#2e8b57"),
    ("gw_up_to", "up to (ceiling)", "#e69f00"),
    ("gw_approx", "approximately", "#8c8c8c"),
)
JOINT = ("gw_joint", "joint figure shared with other providers (not in the total)", "#c9b3e6")
FLOW_STYLE = {  # flow → (label, colour, dash)
    "payment": ("pays for compute", "#2e8b57", "solid"),
    "cash": ("invests (cash)", "#1f4e79", "solid"),
    "equity": ("invests (equity)", "#1f4e79", "solid"),
    "shares": ("grants shares", "#9b59b6", "solid"),
    "compute": ("supplies compute", "#e69f00", "dot"),
}
_FONT = dict(family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size=13)


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(title=dict(text=title, x=0, xanchor="left"), height=height, font=_FONT,
                      margin=dict(l=10, r=10, t=60, b=40), plot_bgcolor="white", paper_bgcolor="white",
                      legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left"))
    return fig


def gigawatt_bars(commitments: pl.DataFrame, role: str) -> go.Figure | None:
    """Gigawatts per company on one side of the deals, stacked by bound."""
    side = commitments.filter(pl.col("role") == role)
    if role == "provider":
        side = side.filter((pl.col("gw_total") > 0) | (pl.col("gw_joint") > 0))
    if side.height == 0:
        return None
    side = side.sort(["gw_total", "company"], descending=[False, True])  # biggest at the top
    companies = side.get_column("company").to_list()
    fig = go.Figure()
    segments = [*BOUNDS, JOINT] if role == "provider" else list(BOUNDS)
    for column, label, colour in segments:
        values = side.get_column(column).to_list()
        if not any(values):
            continue
        fig.add_trace(go.Bar(
            y=companies, x=values, name=label, orientation="h", marker_color=colour,
            marker_pattern_shape="/" if column == "gw_joint" else "",
            hovertemplate="%{y}: %{x:.2f} GW " + label + "<extra></extra>",
        ))
    totals = side.get_column("gw_total").to_list()
    fig.add_trace(go.Scatter(y=companies, x=totals, mode="text", text=[f"{t:.2f} GW" for t in totals],
                             textposition="middle right", showlegend=False, hoverinfo="skip"))
    fig.update_layout(barmode="stack", xaxis_title="gigawatts (headline figure of each deal)")
    fig.update_xaxes(gridcolor="#eee", rangemode="tozero", range=[0, max(totals + [0.1]) * 1.25])
    title = "Gigawatts bought, per buyer" if role == "buyer" else "Gigawatts supplied, per provider"
    return _layout(fig, title, height=140 + 34 * len(companies))


def loop_edges(loops: pl.DataFrame) -> list[dict]:
    """The distinct edges of all loops, each deal edge also as the compute flowing back."""
    edges: dict[tuple, dict] = {}
    for row in loops.iter_rows(named=True):
        for edge in json.loads(row["edges"]):
            key = (edge["from"], edge["to"], edge["flow"])
            edges.setdefault(key, edge)
            if edge["flow"] == "payment":
                back = {"from": edge["to"], "to": edge["from"], "flow": "compute", "gw": edge.get("gw"), "usd": None}
                edges.setdefault((back["from"], back["to"], "compute"), back)
    return list(edges.values())


def edge_label(edge: dict) -> str:
    label = FLOW_STYLE.get(edge["flow"], (edge["flow"], "", ""))[0]
    figures = []
    if edge.get("usd"):
        figures.append(f"${edge['usd'] / 1e9:,.1f}bn")
    if edge.get("gw") and edge["flow"] in ("compute", "payment"):
        figures.append(f"{edge['gw']:.2f} GW")
    if edge["flow"] == "payment" and edge.get("gw"):
        figures = [f for f in figures if not f.endswith("GW")]  # the compute arrow carries the gigawatts
    return label + (f" {' · '.join(figures)}" if figures else "")


def loops_graph(loops: pl.DataFrame) -> go.Figure | None:
    """The investor-customer loops as one directed graph: companies on a circle, an arrow per flow
    (money green or blue, shares purple, compute orange and dotted), each labelled."""
    if loops.height == 0:
        return None
    edges = loop_edges(loops)
    position = star_layout(edges)
    companies = list(position)
    by_pair: dict[frozenset, list[dict]] = defaultdict(list)
    for edge in edges:
        by_pair[frozenset((edge["from"], edge["to"]))].append(edge)

    fig = go.Figure()
    annotations = []
    for pair_edges in by_pair.values():
        pair_edges.sort(key=lambda e: (e["from"], e["flow"]))
        a, b = sorted({pair_edges[0]["from"], pair_edges[0]["to"]})
        (ax, ay), (bx, by) = position[a], position[b]
        length = math.hypot(bx - ax, by - ay) or 1.0
        nx, ny = -(by - ay) / length, (bx - ax) / length  # unit normal of the a→b line
        for k, edge in enumerate(pair_edges):
            offset = (k - (len(pair_edges) - 1) / 2) * 0.16
            (x0, y0), (x1, y1) = position[edge["from"]], position[edge["to"]]
            x0, y0, x1, y1 = x0 + nx * offset, y0 + ny * offset, x1 + nx * offset, y1 + ny * offset
            # Stop the arrow short of the company's marker.
            x0, y0 = x0 + (x1 - x0) * 0.12, y0 + (y1 - y0) * 0.12
            x1, y1 = x1 - (x1 - x0) * 0.12, y1 - (y1 - y0) * 0.12
            label, colour, dash = FLOW_STYLE.get(edge["flow"], (edge["flow"], "#555", "solid"))
            annotations.append(dict(x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x", ayref="y",
                                    showarrow=True, arrowhead=3, arrowsize=1.2, arrowwidth=2, arrowcolor=colour,
                                    text=""))
            # Labels staggered along parallel arrows, so they do not sit on top of each other.
            t = 0.5 if len(pair_edges) == 1 else 0.3 + 0.4 * k / (len(pair_edges) - 1)
            annotations.append(dict(x=x0 + (x1 - x0) * t, y=y0 + (y1 - y0) * t, xref="x", yref="y", showarrow=False,
                                    text=edge_label(edge), font=dict(size=11, color=colour),
                                    bgcolor="rgba(255,255,255,0.85)"))
            if dash != "solid":  # annotations cannot dash: draw the compute flow as a dotted line under its arrow
                fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", showlegend=False, hoverinfo="skip",
                                         line=dict(color=colour, dash=dash, width=2)))
    fig.add_trace(go.Scatter(
        x=[position[c][0] for c in companies], y=[position[c][1] for c in companies], mode="markers+text",
        text=companies, textposition="middle center", showlegend=False,
        marker=dict(size=64, color="#f4f6f8", line=dict(color="#1f4e79", width=2)),
        hovertemplate="%{text}<extra></extra>",
    ))
    present = {edge["flow"] for edge in edges}
    for flow, (label, colour, dash) in FLOW_STYLE.items():
        if flow in present:
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=label,
                                     line=dict(color=colour, dash=dash, width=3)))
    fig.update_layout(annotations=annotations, showlegend=True)
    xs, ys = [x for x, _ in position.values()], [y for _, y in position.values()]
    fig.update_xaxes(visible=False, range=[min(xs) - 0.5, max(xs) + 0.5])
    fig.update_yaxes(visible=False, range=[min(ys) - 0.4, max(ys) + 0.4], scaleanchor="x")
    rows = (max(ys) - min(ys)) / 3.2 + 1
    return _layout(fig, "Investor-customer loops: who pays, invests and supplies whom", height=int(160 + 380 * rows))


def star_layout(edges: list[dict], per_row: int = 2) -> dict[str, tuple[float, float]]:
    """Positions for the loop graph: each connected group of companies as a star (the company
    with most counterparties in the middle, the others around it), groups side by side."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        neighbours[edge["from"]].add(edge["to"])
        neighbours[edge["to"]].add(edge["from"])
    position: dict[str, tuple[float, float]] = {}
    groups = []
    for start in sorted(neighbours, key=lambda c: (-len(neighbours[c]), c)):
        if start in position or any(start in g for g in groups):
            continue
        group, todo = {start}, [start]
        while todo:
            for other in neighbours[todo.pop()] - group:
                group.add(other)
                todo.append(other)
        groups.append(group)
    for index, group in enumerate(groups):
        cx, cy = (index % per_row) * 3.2, -(index // per_row) * 3.2
        hub = min(group, key=lambda c: (-len(neighbours[c]), c))
        others = sorted(group - {hub})
        position[hub] = (cx, cy)
        for i, company in enumerate(others):
            angle = math.pi / 2 - 2 * math.pi * i / len(others) + (math.pi / 4 if len(others) == 2 else 0)
            position[company] = (cx + 1.2 * math.cos(angle), cy + 1.2 * math.sin(angle))
    return position


def deals_timeline(deals: pl.DataFrame) -> go.Figure | None:
    """Each deal at its first report date, one row per buyer; marker size by gigawatts."""
    dated = deals.filter(pl.col("first_reported").is_not_null()).sort("first_reported")
    if dated.height == 0:
        return None
    rows = dated.to_dicts()
    sizes = [14 + 5 * math.sqrt(r["gw"]) if r["gw"] else 12 for r in rows]
    texts = []
    for r in rows:
        parts = [f"{r['buyer']} ← {', '.join(r['providers'])}", f"{r['resource']}, {r['status']}"]
        if r["gw"]:
            parts.append(f"{r['gw']:.2f} GW ({r['gw_bound'] or 'exact'})")
        if r["usd"]:
            parts.append(f"${r['usd'] / 1e9:,.1f}bn")
        parts.append(f"first reported {r['first_reported']}, {r['n_articles']} article(s)")
        texts.append("<br>".join(parts))
    fig = go.Figure(go.Scatter(
        x=[r["first_reported"].isoformat() for r in rows], y=[r["buyer"] for r in rows],
        mode="markers+text", text=[", ".join(r["providers"]) for r in rows], textposition="top center",
        textfont=dict(size=10), hovertext=texts, hoverinfo="text",
        marker=dict(size=sizes, color="#1f4e79", opacity=0.75, line=dict(color="white", width=1)),
    ))
    fig.update_xaxes(type="date", gridcolor="#eee", title="first reported")
    fig.update_yaxes(type="category", gridcolor="#eee", title="buyer")
    buyers = len({r["buyer"] for r in rows})
    return _layout(fig, "Timeline of deals (marker size: gigawatts; label: providers)", height=200 + 50 * buyers)
