"""The HTML report of an export: one self-contained file (Plotly's script inlined, no network)
with headline figures, gigawatt charts, the loops as a graph, a timeline, the deals with their
sources and evidence, what is new since the previous export, and companies seen for the first time.

No Dagster here: `pipelines.exports.export_database` writes it into each export folder.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import duckdb
import jinja2

from pipelines.report import charts
from pipelines.report.data import current_facts, load_report, safe_url

__all__ = ["current_facts", "render_report", "safe_url"]

_PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                  "modeBarButtonsToRemove": ["select2d", "lasso2d"]}
_BOUND_SIGNS = {"exact": "", "up_to": "≤ ", "at_least": "≥ ", "approx": "≈ "}


@cache
def _environment() -> jinja2.Environment:
    # Autoescape: titles and evidence sentences come from strangers' pages.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["gw"] = lambda value, bound=None: "" if value is None else f"{_BOUND_SIGNS.get(bound or 'exact', '')}{value:,.2f} GW"
    env.filters["bn"] = lambda value, bound=None, vague=False: "" if value is None else (
        f"{_BOUND_SIGNS.get(bound or 'exact', '')}${value / 1e9:,.1f}bn" + (" (vague)" if vague else ""))
    env.filters["count"] = lambda value, bound=None: "" if value is None else f"{_BOUND_SIGNS.get(bound or 'exact', '')}{value:,}"
    return env


@cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _figure_html(figure, div_id: str) -> str | None:
    if figure is None:
        return None
    return figure.to_html(full_html=False, include_plotlyjs=False, config=_PLOTLY_CONFIG, div_id=div_id)


def render_report(con: duckdb.DuckDBPyConnection, *, day: date, database: Path, previous: dict | None,
                  facts: dict | None = None) -> str:
    """The report as one HTML string, from the database open (read-only) on `con`."""
    facts = facts or current_facts(con)
    report = load_report(con, day=day.isoformat(), database=str(database), previous=previous, facts=facts)
    figures = {
        "buyers": _figure_html(charts.gigawatt_bars(report.commitments, "buyer"), "chart-buyers"),
        "providers": _figure_html(charts.gigawatt_bars(report.commitments, "provider"), "chart-providers"),
        "loops": _figure_html(charts.loops_graph(report.loops), "chart-loops"),
        "timeline": _figure_html(charts.deals_timeline(report.deals_frame), "chart-timeline"),
    }
    return _environment().get_template("report.html.j2").render(
        report=report, figures=figures, plotly_js=_plotly_js(),
        generated_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
