"""The story this project started from, told in our own words, through the whole graph.

From it the derived tables must show Anthropic's commitment of at least 1 GW from Google, OpenAI's
16 GW with AMD and Nvidia as one joint figure (not 32, not 16 each), and two investor-customer
loops: Google and Amazon both invest in Anthropic and sell it compute.
"""

import json

import pytest

from conftest import run_daily_job
from pipelines import warehouse

STORY_DE = (
    "Der Claude-Entwickler Anthropic weitet die Nutzung von Google Cloud deutlich aus: Bis 2026 soll das "
    "Unternehmen Zugang zu bis zu einer Million TPUs erhalten. Der Auftrag hat einen Wert von mehreren zehn "
    "Milliarden US-Dollar und bringt mehr als ein Gigawatt an zusätzlicher Rechenleistung.\n"
    "Amazon bleibt nach Angaben von Anthropic der wichtigste Trainingspartner und Cloud-Anbieter des "
    "Unternehmens. Im Projekt Rainier trainiert Anthropic seine Modelle auf Hunderttausenden Trainium-Chips von AWS.\n"
    "OpenAI setzt unterdessen auf mehrere Lieferanten: Gemeinsam mit AMD und Nvidia plant der ChatGPT-Entwickler "
    "bis zu 16 Gigawatt an Rechenkapazität.\n"
    "Google und Amazon sind beide an Anthropic beteiligt."
)
STORY_EN = (
    "Anthropic will expand its use of Google Cloud sharply: by 2026 the Claude maker expects access to up to one "
    "million TPUs, a commitment worth tens of billions of dollars that brings well over a gigawatt of new capacity.\n"
    "Amazon remains Anthropic's primary training partner and cloud provider; under Project Rainier, Anthropic "
    "trains on hundreds of thousands of AWS Trainium chips.\n"
    "OpenAI, meanwhile, plans up to 16 gigawatts together with AMD and Nvidia.\n"
    "Both Google and Amazon hold stakes in Anthropic."
)


@pytest.fixture(scope="module")
def seed_warehouse(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed")
    with (folder / "story.jsonl").open("w", encoding="utf-8") as out:
        for story_id, lang, text in (("seed-de", "de", STORY_DE), ("seed-en", "en", STORY_EN)):
            out.write(json.dumps({"id": story_id, "lang": lang, "published": "2025-10-24", "title": "", "text": text}) + "\n")
    (folder / "sources.yaml").write_text("sources:\n  - {name: seed, kind: jsonl, path: story.jsonl}\n", encoding="utf-8")
    database = folder / "seed.duckdb"
    assert run_daily_job(database, day="2025-10-24", sources=folder / "sources.yaml").success
    with warehouse.connect(database, read_only=True) as con:
        yield con


def rows(con, sql):
    return warehouse.query_frame(con, sql).to_dicts()


def test_anthropic_commits_at_least_a_gigawatt_from_google(seed_warehouse):
    (deal,) = rows(seed_warehouse, "select * from deals where buyer = 'Anthropic' and providers = ['Google']")
    assert (deal["gw"], deal["gw_bound"]) == (1.0, "at_least")
    assert (deal["chips"], deal["chips_bound"]) == (1_000_000, "up_to")
    assert deal["usd_vague"] and 1e10 <= deal["usd"] < 1e11  # "tens of billions": a vague lower bound
    assert deal["year"] == 2026 and deal["languages"] == ["de", "en"]
    (commitment,) = rows(seed_warehouse, "select * from company_gigawatt_commitments where company = 'Anthropic' and role = 'buyer'")
    assert commitment["gw_total"] == commitment["gw_at_least"] == 1.0


def test_openai_plans_sixteen_gigawatts_jointly_not_thirty_two(seed_warehouse):
    (deal,) = rows(seed_warehouse, "select * from deals where buyer = 'OpenAI'")
    assert deal["providers"] == ["AMD", "Nvidia"] and (deal["gw"], deal["gw_bound"]) == (16.0, "up_to")
    commitments = {(r["company"], r["role"]): r for r in rows(seed_warehouse, "select * from company_gigawatt_commitments")}
    assert commitments[("OpenAI", "buyer")]["gw_total"] == 16.0
    for provider in ("AMD", "Nvidia"):
        assert commitments[(provider, "provider")]["gw_total"] == 0.0
        assert commitments[(provider, "provider")]["gw_joint"] == 16.0


def test_google_and_amazon_are_investor_customer_loops(seed_warehouse):
    loops = {tuple(r["companies"]): r for r in rows(seed_warehouse, "select * from investor_customer_loops")}
    assert set(loops) == {("Google", "Anthropic"), ("Amazon", "Anthropic")}
    assert loops[("Amazon", "Anthropic")]["description"] == "Amazon invests in Anthropic; Anthropic buys compute from Amazon"
