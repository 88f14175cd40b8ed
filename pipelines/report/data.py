"""What the report shows, read from the database (read-only) and compared with the previous export."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import duckdb
import polars as pl


CANDIDATES_TABLE = "company_candidates"


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pl.DataFrame:
    return pl.from_arrow(con.sql(sql, params=params).to_arrow_table())


def current_facts(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """The ids and names an export remembers (in its manifest) so the next report can say what is new."""
    def column(sql: str) -> list[str]:
        return sorted({row[0] for row in con.execute(sql).fetchall() if row[0] is not None})

    facts = {
        "deal_ids": column("select deal_id from deals"),
        "investment_ids": column("select investment_id from investments"),
        "loop_ids": column("select loop_id from investor_customer_loops"),
        "companies": column("select buyer from deals union select unnest(providers) from deals "
                            "union select investor from investments union select investee from investments"),
    }
    facts["candidates"] = column(f"select name from {CANDIDATES_TABLE}")
    return facts


def safe_url(url: str | None) -> str | None:
    """Only web links become links: a `javascript:` or `file:` URL from a hostile page stays text."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


@dataclass
class Report:
    day: str
    database: str
    headline: dict[str, object]
    deals: list[dict]
    commitments: pl.DataFrame
    loops: pl.DataFrame
    deals_frame: pl.DataFrame
    previous_day: str | None
    new_deals: list[dict] = field(default_factory=list)
    new_investments: list[dict] = field(default_factory=list)
    new_loops: list[str] = field(default_factory=list)
    gone: dict[str, int] = field(default_factory=dict)
    first_seen: list[dict] = field(default_factory=list)  # companies of facts the previous export did not have
    candidates: list[dict] = field(default_factory=list)  # organisations not in the registry, new since then


def load_report(con: duckdb.DuckDBPyConnection, *, day: str, database: str, previous: dict | None,
                facts: dict[str, list[str]]) -> Report:
    deals = _frame(con, "select * from deals order by coalesce(gw, 0) desc, coalesce(usd, 0) desc, first_reported, buyer")
    investments = _frame(con, "select * from investments order by first_reported, investor")
    commitments = _frame(con, "select * from company_gigawatt_commitments")
    loops = _frame(con, "select loop_id, companies, length, edges::varchar as edges, description "
                        "from investor_customer_loops order by length, description")
    reports = _frame(con, """
        select m.mention_id, m.lang, m.source, m.evidence, coalesce(a.published, m.published) as published,
               a.title, coalesce(a.canonical_url, a.url) as url
        from deal_mentions as m left join articles as a on a.article_id = m.article_id""")
    by_mention = {row["mention_id"]: row for row in reports.iter_rows(named=True)}
    articles = con.execute("select count(*), count(distinct source), count(*) filter (where lang = 'de'), "
                           "count(*) filter (where lang = 'en') from articles").fetchall()[0]

    deal_rows = []
    for deal in deals.iter_rows(named=True):
        sources = sorted((by_mention[m] for m in deal["mention_ids"] if m in by_mention),
                         key=lambda r: (str(r["published"] or ""), r["lang"] or ""))
        for source in sources:
            source["href"] = safe_url(source["url"])
        deal_rows.append({**deal, "reports": sources})

    report = Report(
        day=day, database=database, deals=deal_rows, commitments=commitments, loops=loops, deals_frame=deals,
        previous_day=previous.get("day") if previous else None,
        headline={
            "deals": deals.height,
            "investments": investments.height,
            "gw": float(deals.get_column("gw").fill_null(0).sum()) if deals.height else 0.0,
            "usd_bn": float(deals.get_column("usd").fill_null(0).sum()) / 1e9 if deals.height else 0.0,
            "invested_usd_bn": float(investments.get_column("usd").fill_null(0).sum()) / 1e9 if investments.height else 0.0,
            "loops": loops.height,
            "companies": len(facts["companies"]),
            "articles": articles[0], "sources": articles[1], "articles_de": articles[2], "articles_en": articles[3],
            "first": deals.get_column("first_reported").min() if deals.height else None,
            "last": deals.get_column("last_reported").max() if deals.height else None,
        },
    )
    _compare(report, previous, facts, deal_rows, investments)
    _first_seen(con, report, previous, facts)
    return report


def _compare(report: Report, previous: dict | None, facts: dict, deal_rows: list[dict],
             investments: pl.DataFrame) -> None:
    before = (previous or {}).get("facts", {})
    old_deals, old_investments = set(before.get("deal_ids", [])), set(before.get("investment_ids", []))
    old_loops = set(before.get("loop_ids", []))
    report.new_deals = [d for d in deal_rows if d["deal_id"] not in old_deals]
    report.new_investments = [i for i in investments.iter_rows(named=True) if i["investment_id"] not in old_investments]
    report.new_loops = [row["description"] for row in report.loops.iter_rows(named=True)
                        if row["loop_id"] not in old_loops]
    if previous:
        report.gone = {
            "deals": len(old_deals - set(facts["deal_ids"])),
            "investments": len(old_investments - set(facts["investment_ids"])),
            "loops": len(old_loops - set(facts["loop_ids"])),
        }


def _first_seen(con: duckdb.DuckDBPyConnection, report: Report, previous: dict | None, facts: dict) -> None:
    """Companies seen for the first time, two ways: organisations the company registry does not know
    (`company_candidates`, for an analyst extending the registry), and companies of deals and investments
    that the previous export did not have."""
    before = (previous or {}).get("facts", {})
    candidates = _frame(con, f"""
        select c.name, c.kind, c.n_articles, c.n_mentions, c.first_seen, c.last_seen, c.example_evidence,
               coalesce(a.canonical_url, a.url) as url, a.title
        from {CANDIDATES_TABLE} as c left join articles as a on a.article_id = c.example_article_id
        order by c.n_articles desc, c.name""")
    rows = candidates.to_dicts()
    if previous and "candidates" in before:
        rows = [r for r in rows if r["name"] not in set(before["candidates"])]
    elif previous:  # the previous export did not list them: fall back on the dates
        rows = [r for r in rows if r["first_seen"] is None or r["first_seen"].isoformat() > previous["day"]]
    for row in rows:
        row["href"] = safe_url(row["url"])
    report.candidates = rows
    companies = _frame(con, """
        with roles as (
            select buyer as company, 'buyer' as role, first_reported from deals
            union all select unnest(providers), 'provider', first_reported from deals
            union all select investor, 'investor', first_reported from investments
            union all select investee, 'investee', first_reported from investments
        )
        select company, min(first_reported) as first_reported, list_sort(list_distinct(list(role))) as roles,
               count(*) as n_facts
        from roles group by company order by first_reported, company""")
    known = set(before.get("companies", []))
    report.first_seen = [r for r in companies.to_dicts() if not previous or r["company"] not in known]
