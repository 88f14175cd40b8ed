"""The derived queries of sql/ on hand-made deals and investments, with hand-computed results."""

import json

import pytest

from pipelines import warehouse

DEALS = [
    # deal_id, buyer, providers, gw, gw_bound, year
    ("d-anthropic-google", "Anthropic", ["Google"], 1.0, "at_least", 2026),
    ("d-openai-amd", "OpenAI", ["AMD"], 6.0, "up_to", 2026),
    ("d-openai-joint", "OpenAI", ["AMD", "Nvidia"], 16.0, "up_to", None),
    ("d-openai-oracle", "OpenAI", ["Oracle"], 4.5, "exact", 2027),
    ("d-oracle-nvidia", "Oracle", ["Nvidia"], None, None, None),
    ("d-anthropic-amazon", "Anthropic", ["Amazon"], None, None, None),
    ("d-microsoft-nebius", "Microsoft", ["Nebius"], 0.3, "approx", None),
]
INVESTMENTS = [
    ("i-google-anthropic", "Google", "Anthropic", "equity"),
    ("i-amazon-anthropic", "Amazon", "Anthropic", "equity"),
    ("i-openai-amd-warrant", "OpenAI", "AMD", "warrant"),
    ("i-nvidia-openai", "Nvidia", "OpenAI", "equity"),
]


@pytest.fixture
def con(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        warehouse.ensure_schema(con)
        for deal_id, buyer, providers, gw, bound, year in DEALS:
            con.execute(
                "insert into deals (deal_id, buyer, providers, resource, gw, gw_bound, year, status, "
                "disagreeing_figures, n_mentions, n_articles, n_sources, languages, mention_ids, evidence) "
                "values (?, ?, ?, 'gpu', ?, ?, ?, 'unspecified', [], 1, 1, 1, ['en'], ['m'], 'sentence')",
                [deal_id, buyer, providers, gw, bound, year],
            )
        for investment_id, investor, investee, instrument in INVESTMENTS:
            con.execute(
                "insert into investments (investment_id, investor, investee, instrument, disagreeing_figures, "
                "n_mentions, n_articles, n_sources, languages, mention_ids, evidence) "
                "values (?, ?, ?, ?, [], 1, 1, 1, ['en'], ['m'], 'sentence')",
                [investment_id, investor, investee, instrument],
            )
        yield con


def commitments(con):
    frame = warehouse.query_frame(con, warehouse.read_sql("derive_company_gigawatt_commitments"))
    return {(r["company"], r["role"]): r for r in frame.iter_rows(named=True)}


def test_a_joint_figure_counts_once_for_the_buyer_and_as_joint_for_each_provider(con):
    rows = commitments(con)
    openai = rows[("OpenAI", "buyer")]
    assert openai["gw_total"] == pytest.approx(6 + 16 + 4.5)
    assert openai["gw_up_to"] == pytest.approx(22) and openai["gw_exact"] == pytest.approx(4.5)
    assert openai["n_deals"] == 3 and openai["counterparties"] == ["AMD", "Nvidia", "Oracle"]
    amd, nvidia = rows[("AMD", "provider")], rows[("Nvidia", "provider")]
    assert (amd["gw_total"], amd["gw_joint"], amd["n_deals"], amd["n_joint_deals"]) == (6, 16, 1, 1)
    assert (nvidia["gw_total"], nvidia["gw_joint"]) == (0, 16)


def test_bounds_add_up_to_the_total(con):
    for row in commitments(con).values():
        parts = row["gw_exact"] + row["gw_up_to"] + row["gw_at_least"] + row["gw_approx"]
        assert parts == pytest.approx(row["gw_total"])
    assert commitments(con)[("Anthropic", "buyer")]["gw_at_least"] == 1.0
    assert commitments(con)[("Nebius", "provider")]["gw_approx"] == pytest.approx(0.3)


def test_buyer_totals_equal_the_deals_gigawatts(con):
    total = sum(r["gw_total"] for (_, role), r in commitments(con).items() if role == "buyer")
    assert total == pytest.approx(sum(d[3] for d in DEALS if d[3] is not None))


def test_commitments_by_year(con):
    frame = warehouse.query_frame(con, warehouse.read_sql("derive_company_gigawatt_commitments_by_year"))
    openai = {r["year"]: r["gw_total"] for r in frame.iter_rows(named=True) if r["company"] == "OpenAI"}
    assert openai == {2026: 6.0, 2027: 4.5, None: 16.0}


def loops(con, max_length=3):
    frame = warehouse.query_frame(con, warehouse.read_sql("derive_investor_customer_loops"), {"max_length": max_length})
    return {tuple(r["companies"]): r for r in frame.iter_rows(named=True)}


def test_two_company_loops_start_at_the_investor(con):
    found = loops(con)
    assert ("Google", "Anthropic") in found and ("Amazon", "Anthropic") in found
    google = found[("Google", "Anthropic")]
    assert google["deal_ids"] == ["d-anthropic-google"] and google["investment_ids"] == ["i-google-anthropic"]
    assert google["description"] == "Google invests in Anthropic; Anthropic buys compute from Google"


def test_a_warrant_flows_from_issuer_to_holder(con):
    amd = loops(con)[("AMD", "OpenAI")]
    edges = json.loads(amd["edges"])
    assert [(e["from"], e["to"], e["flow"]) for e in edges] == [("AMD", "OpenAI", "shares"), ("OpenAI", "AMD", "payment")]
    assert amd["deal_ids"] == ["d-openai-amd", "d-openai-joint"]


def test_three_company_loop_and_the_length_setting(con):
    three = loops(con)[("Nvidia", "OpenAI", "Oracle")]
    assert three["length"] == 3
    assert three["deal_ids"] == ["d-openai-oracle", "d-oracle-nvidia"] and three["investment_ids"] == ["i-nvidia-openai"]
    assert all(len(companies) <= 2 for companies in loops(con, max_length=2))


def test_each_loop_is_listed_once(con):
    found = loops(con)
    assert len(found) == len({r["loop_id"] for r in found.values()}) == 5


def test_the_gigawatt_check_uses_the_plausible_range_corrections_use(con):
    from pipelines.plausibility import FIGURE_RANGES

    bounds = {"low": FIGURE_RANGES["gw"].low, "high": FIGURE_RANGES["gw"].high}
    query = warehouse.read_sql("check_implausible_gigawatts")
    assert warehouse.query_frame(con, query, bounds).height == 0
    con.execute("update deals set gw = 1500 where deal_id = 'd-openai-oracle'")
    con.execute("update deals set gw = 0.0005 where deal_id = 'd-microsoft-nebius'")
    offending = warehouse.query_frame(con, query, bounds)
    assert sorted(offending["deal_id"]) == ["d-microsoft-nebius", "d-openai-oracle"]
