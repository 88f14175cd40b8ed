"""Which mentions are one deal: languages, number formats, expansions, syndicated copies, ids."""

import random
from datetime import date

import polars as pl
import pytest

from pipelines.consolidate import consolidate_deals, consolidate_investments
from pipelines.schemas import DEALS_SCHEMA, INVESTMENTS_SCHEMA

from .helpers import ANTHROPIC_GOOGLE, by_parties, deal, deal_frame, investment, investment_frame


def test_german_and_english_reports_in_different_formats_are_one_deal():
    (found,) = consolidate_deals(deal_frame(ANTHROPIC_GOOGLE))
    assert found["buyer"] == "Anthropic" and found["providers"] == ["Google"]
    assert found["gw"] == 1.0 and found["gw_bound"] == "at_least"   # 3 of 4 reports say "over"
    assert found["chips"] == 1_000_000 and found["chips_bound"] == "up_to"
    # "tens of billions" and "mehrere zehn Milliarden" are one vague amount, not a disagreement
    # (one report each: the tie goes to the larger lower bound)
    assert found["usd"] == 2e10 and found["usd_vague"] is True and found["disagreeing_figures"] == []
    assert found["resource"] == "tpu" and found["year"] == 2026 and found["status"] == "definitive"
    assert found["languages"] == ["de", "en"] and found["n_mentions"] == 4 and found["n_articles"] == 4
    assert found["first_reported"] == date(2025, 10, 23) and found["last_reported"] == date(2025, 10, 25)
    assert found["mention_ids"] == sorted(r["mention_id"] for r in ANTHROPIC_GOOGLE)
    assert found["evidence"] == ANTHROPIC_GOOGLE[0]["evidence"]


def test_dollar_and_gigawatt_formats_of_one_announcement_are_one_deal():
    rows = [
        deal("oa-en", date(2025, 11, 3), "OpenAI signed a $38bn agreement with Amazon Web Services.",
             buyer="OpenAI", providers=["Amazon"], resource="cloud", usd=38e9, usd_bound="exact"),
        deal("oa-de", date(2025, 11, 3), "OpenAI bezieht für 38 Mrd. US-Dollar Rechenleistung von AWS.",
             lang="de", buyer="OpenAI", providers=["Amazon"], resource="cloud", usd=38e9, usd_bound="exact"),
        deal("oa-de2", date(2025, 11, 5), "Über sieben Jahre fließen rund 1,5 GW an OpenAI.", lang="de",
             buyer="OpenAI", providers=["Amazon"], resource="gpu", gw=1.5, gw_bound="approx"),
        deal("oa-en2", date(2025, 11, 6), "About 1.5 GW of Nvidia-based capacity will serve OpenAI.",
             buyer="OpenAI", providers=["Amazon"], resource="gpu", gw=1.5, gw_bound="approx", usd=38e9,
             usd_bound="exact"),
    ]
    (found,) = consolidate_deals(deal_frame(rows))
    assert found["usd"] == 38e9 and found["gw"] == 1.5 and found["disagreeing_figures"] == []
    assert found["n_articles"] == 4 and found["languages"] == ["de", "en"]


def test_a_later_expansion_with_a_new_figure_is_a_separate_deal():
    rows = [
        deal("amd-1", date(2025, 10, 6), "OpenAI will deploy 6 gigawatts of AMD Instinct GPUs.",
             buyer="OpenAI", providers=["AMD"], resource="gpu", gw=6.0, gw_bound="exact", year=2026),
        deal("amd-2", date(2025, 10, 7), "OpenAI setzt auf 6 GW an AMD-Beschleunigern.", lang="de",
             buyer="OpenAI", providers=["AMD"], resource="gpu", gw=6.0, gw_bound="exact"),
        # four months later: a new, larger commitment
        deal("amd-3", date(2026, 2, 9), "OpenAI expands its AMD agreement to up to 12 gigawatts.",
             buyer="OpenAI", providers=["AMD"], resource="gpu", gw=12.0, gw_bound="up_to", year=2027),
        deal("amd-4", date(2026, 2, 10), "OpenAI erweitert den AMD-Vertrag auf bis zu 12 Gigawatt.", lang="de",
             buyer="OpenAI", providers=["AMD"], resource="gpu", gw=12.0, gw_bound="up_to"),
        # a later article recalling the first deal's figure belongs to the first deal
        deal("amd-5", date(2026, 2, 12), "The original 6 GW contract was signed in October.",
             buyer="OpenAI", providers=["AMD"], resource="gpu", gw=6.0, gw_bound="exact"),
        # a report without figures joins the deal nearest in time
        deal("amd-6", date(2026, 2, 20), "OpenAI and AMD confirmed the expansion on Friday.",
             buyer="OpenAI", providers=["AMD"], resource="unspecified"),
    ]
    first, expansion = sorted(consolidate_deals(deal_frame(rows)), key=lambda d: d["first_reported"])
    assert first["gw"] == 6.0 and first["mention_ids"] == ["amd-1", "amd-2", "amd-5"]
    assert first["first_reported"] == date(2025, 10, 6) and first["year"] == 2026
    assert expansion["gw"] == 12.0 and expansion["gw_bound"] == "up_to" and expansion["year"] == 2027
    assert expansion["mention_ids"] == ["amd-3", "amd-4", "amd-6"] and expansion["disagreeing_figures"] == []
    assert first["deal_id"] != expansion["deal_id"]


def test_differing_figures_in_one_week_are_one_deal_with_the_disagreement_kept():
    rows = [
        deal("d1", date(2025, 10, 23), "Anthropic gets 1 GW from Google.", gw=1.0, gw_bound="exact"),
        deal("d2", date(2025, 10, 24), "Anthropic erhält 1 GW von Google.", lang="de", gw=1.0, gw_bound="exact"),
        deal("d3", date(2025, 10, 27), "Anthropic's deal with Google is for 1.5 GW, a source said.",
             gw=1.5, gw_bound="exact", usd=1e11, usd_bound="at_least", usd_vague=True),
        deal("d4", date(2025, 10, 28), "Der Auftrag soll 38 Mrd. US-Dollar wert sein.", lang="de",
             usd=38e9, usd_bound="exact"),
    ]
    (found,) = consolidate_deals(deal_frame(rows))
    assert found["gw"] == 1.0 and found["usd"] == 38e9 and found["usd_vague"] is False
    # a different gigawatt figure, and a vague amount of another power of ten, are both kept
    assert found["disagreeing_figures"] == ["gw=1.5", "usd=1e+11 (at_least) vague"]
    assert found["evidence"] == "Anthropic gets 1 GW from Google."


def test_a_later_report_without_a_shared_figure_joins_unless_it_names_another_chip():
    base = deal("c1", date(2025, 10, 23), "Anthropic gets up to a million Google TPUs.", chips=1_000_000,
                chips_bound="up_to")
    money = deal("c2", date(2026, 3, 1), "The Google contract is worth tens of billions.", resource="cloud",
                 usd=1e10, usd_bound="at_least", usd_vague=True)
    other_chip = deal("c3", date(2026, 3, 2), "Anthropic also rents 2 GW of Google-hosted GPUs.", resource="gpu",
                      gw=2.0, gw_bound="exact")
    deals = sorted(consolidate_deals(deal_frame([base, money, other_chip])), key=lambda d: d["first_reported"])
    assert [d["mention_ids"] for d in deals] == [["c1", "c2"], ["c3"]]


def test_undated_reports_join_the_deal_whose_figures_they_repeat():
    rows = [
        deal("u1", date(2025, 10, 6), "OpenAI takes 6 GW from AMD.", buyer="OpenAI", providers=["AMD"],
             resource="gpu", gw=6.0, gw_bound="exact"),
        deal("u2", date(2026, 3, 1), "OpenAI adds 3 GW from AMD.", buyer="OpenAI", providers=["AMD"],
             resource="gpu", gw=3.0, gw_bound="exact"),
        deal("u3", None, "Ohne Datum: OpenAI bezieht 3 Gigawatt von AMD.", lang="de", buyer="OpenAI",
             providers=["AMD"], resource="gpu", gw=3.0, gw_bound="exact"),
    ]
    deals = sorted(consolidate_deals(deal_frame(rows)), key=lambda d: d["first_reported"])
    assert [d["mention_ids"] for d in deals] == [["u1"], ["u2", "u3"]]
    assert deals[1]["languages"] == ["de", "en"] and deals[1]["last_reported"] == date(2026, 3, 1)


def test_a_joint_figure_for_two_providers_is_one_deal_apart_from_single_provider_deals():
    rows = [
        deal("j1", date(2025, 10, 7), "OpenAI plant bis zu 16 GW gemeinsam mit AMD und Nvidia.", lang="de",
             buyer="OpenAI", providers=["AMD", "Nvidia"], resource="gpu", gw=16.0, gw_bound="up_to"),
        deal("j2", date(2025, 10, 8), "Together, Nvidia and AMD will supply up to 16 GW to OpenAI.",
             buyer="OpenAI", providers=["Nvidia", "AMD"], resource="gpu", gw=16.0, gw_bound="up_to"),
        deal("j3", date(2025, 10, 6), "OpenAI will deploy 6 GW of AMD GPUs.", buyer="OpenAI", providers=["AMD"],
             resource="gpu", gw=6.0, gw_bound="exact"),
    ]
    found = by_parties(consolidate_deals(deal_frame(rows)))
    (joint,) = found[("OpenAI", ("AMD", "Nvidia"))]
    assert joint["gw"] == 16.0 and joint["gw_bound"] == "up_to" and joint["n_mentions"] == 2
    assert found[("OpenAI", ("AMD",))][0]["gw"] == 6.0 and len(found) == 2


def test_syndicated_copies_count_as_one_text():
    copy = "Wire: Microsoft books 2 GW from Nebius."
    rows = [deal(f"w{i}", date(2025, 9, 9), copy, buyer="Microsoft", providers=["Nebius"], resource="gpu",
                 content_hash="same-wire-text", gw=2.0, gw_bound="exact") for i in range(3)]
    rows += [deal(f"o{i}", date(2025, 9, 10), f"Own report {i}: Microsoft signs for 2.5 GW with Nebius.",
                  buyer="Microsoft", providers=["Nebius"], resource="gpu", content_hash=f"own-{i}",
                  gw=2.5, gw_bound="exact") for i in range(2)]
    rows.append(deal("n1", date(2025, 9, 11), "Nebius and Microsoft: the details.", buyer="Microsoft",
                     providers=["Nebius"], resource="gpu", content_hash=None))
    (found,) = consolidate_deals(deal_frame(rows, content_hash=True))
    assert found["n_mentions"] == 6 and found["n_sources"] == 6
    assert found["n_articles"] == 4            # one wire text, two own reports, one without a hash
    assert found["gw"] == 2.5                  # two texts say 2.5, one text (three copies) says 2
    assert found["disagreeing_figures"] == ["gw=2"]
    # without the column every article is its own text
    (plain,) = consolidate_deals(deal_frame(rows, content_hash=True).drop("content_hash"))
    assert plain["n_articles"] == 6 and plain["gw"] == 2.0


def test_ids_are_stable_under_row_shuffles_and_later_reports():
    rows = ANTHROPIC_GOOGLE + [
        deal("s1", date(2025, 10, 6), "OpenAI takes 6 GW from AMD.", buyer="OpenAI", providers=["AMD"],
             resource="gpu", gw=6.0, gw_bound="exact"),
        deal("s2", date(2026, 2, 9), "OpenAI adds 12 GW from AMD.", buyer="OpenAI", providers=["AMD"],
             resource="gpu", gw=12.0, gw_bound="up_to"),
        deal("s3", date(2026, 2, 11), "OpenAI und AMD: Erweiterung bestätigt.", lang="de", buyer="OpenAI",
             providers=["AMD"], resource="unspecified"),
        deal("s4", None, "OpenAI's AMD deal, 6 GW.", buyer="OpenAI", providers=["AMD"], resource="gpu",
             gw=6.0, gw_bound="exact"),
    ]
    expected = consolidate_deals(deal_frame(rows))
    assert len(expected) == 3
    rng = random.Random(5)
    for _ in range(8):
        shuffled = rows[:]
        rng.shuffle(shuffled)
        assert consolidate_deals(deal_frame(shuffled)) == expected
    later = rows + [deal("s5", date(2026, 4, 1), "Later coverage: AMD ships the first 1 GW to OpenAI.",
                         buyer="OpenAI", providers=["AMD"], resource="gpu")]
    assert {d["deal_id"] for d in consolidate_deals(deal_frame(later))} == {d["deal_id"] for d in expected}


def test_rows_fit_the_warehouse_schemas():
    deals = consolidate_deals(deal_frame(ANTHROPIC_GOOGLE))
    frame = pl.DataFrame(deals, schema=DEALS_SCHEMA)
    assert frame.height == 1 and set(DEALS_SCHEMA) <= set(deals[0])
    assert frame["chips"].dtype == pl.Int64 and frame["chips"][0] == 1_000_000
    investments = consolidate_investments(investment_frame([investment("i", date(2025, 10, 23), "Google invests.")]))
    assert pl.DataFrame(investments, schema=INVESTMENTS_SCHEMA).height == 1
    assert set(INVESTMENTS_SCHEMA) <= set(investments[0])


@pytest.mark.parametrize("consolidate, frame", [(consolidate_deals, deal_frame),
                                                (consolidate_investments, investment_frame)])
def test_no_mentions_no_rows(consolidate, frame):
    result = consolidate(frame([]))
    assert result == [] and result.unused_corrections == []


def test_status_precedence_and_the_most_reported_year():
    rows = [deal("y1", date(2025, 10, 23), "a", gw=1.0, year=2026, status="loi"),
            deal("y2", date(2025, 10, 23), "b", gw=1.0, year=2027, status="unspecified"),
            deal("y3", date(2025, 10, 24), "c", gw=1.0, year=2027, status="definitive")]
    (found,) = consolidate_deals(deal_frame(rows))
    assert found["status"] == "definitive" and found["year"] == 2027


def test_investments_cluster_like_deals_but_instruments_stay_apart():
    rows = investment_frame([
        investment("g1", date(2025, 10, 23), "Google hält einen Anteil an Anthropic.", lang="de",
                   instrument="unspecified"),
        investment("g2", date(2025, 10, 24), "Google invested about $3bn in Anthropic.", usd=3e9, usd_bound="approx"),
        investment("g3", date(2025, 10, 24), "Google hat rund 3 Mrd. Dollar investiert.", lang="de", usd=3e9,
                   usd_bound="approx"),
        investment("g4", date(2026, 1, 20), "Google puts another $10bn into Anthropic.", usd=1e10, usd_bound="exact"),
        investment("w1", date(2025, 10, 6), "OpenAI receives warrants for 160 million AMD shares.", investor="OpenAI",
                   investee="AMD", instrument="warrant", shares=160_000_000),
        investment("w2", date(2025, 10, 7), "OpenAI erhält Optionen auf 160 Mio. AMD-Aktien.", lang="de",
                   investor="OpenAI", investee="AMD", instrument="warrant", shares=160_000_000),
        investment("e1", date(2025, 10, 7), "OpenAI also buys AMD stock for $1bn.", investor="OpenAI",
                   investee="AMD", instrument="equity", usd=1e9, usd_bound="exact"),
    ])
    found = {(i["investor"], i["instrument"], i["first_reported"]): i for i in consolidate_investments(rows)}
    assert set(found) == {("Google", "equity", date(2025, 10, 23)), ("Google", "equity", date(2026, 1, 20)),
                          ("OpenAI", "warrant", date(2025, 10, 6)), ("OpenAI", "equity", date(2025, 10, 7))}
    first_round = found[("Google", "equity", date(2025, 10, 23))]
    assert first_round["usd"] == 3e9 and first_round["mention_ids"] == ["g1", "g2", "g3"]
    assert first_round["languages"] == ["de", "en"]
    assert found[("OpenAI", "warrant", date(2025, 10, 6))]["shares"] == 160_000_000
    assert len({i["investment_id"] for i in found.values()}) == 4
