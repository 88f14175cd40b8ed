"""Analyst corrections: the file format, each action, survival across runs, unknown ids."""

import random
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from pipelines.consolidate import (
    CorrectionsError,
    consolidate_deals,
    consolidate_investments,
    load_corrections,
    parse_corrections,
)

from .helpers import ANTHROPIC_GOOGLE, deal, deal_frame, investment, investment_frame

REPO_CORRECTIONS = Path(__file__).resolve().parents[2] / "corrections.yaml"

AMD = [
    deal("amd-1", date(2025, 10, 6), "OpenAI will deploy 6 gigawatts of AMD GPUs.", buyer="OpenAI",
         providers=["AMD"], resource="gpu", gw=6.0, gw_bound="exact", status="definitive"),
    deal("amd-2", date(2025, 10, 7), "OpenAI setzt auf 6 GW an AMD-Chips.", lang="de", buyer="OpenAI",
         providers=["AMD"], resource="gpu", gw=6.0, gw_bound="exact"),
    deal("amd-3", date(2025, 10, 8), "OpenAI may also license AMD's software stack, people said.",
         buyer="OpenAI", providers=["AMD"], resource="unspecified"),
    deal("amd-4", date(2026, 2, 9), "OpenAI expands its AMD order to 12 GW.", buyer="OpenAI", providers=["AMD"],
         resource="gpu", gw=12.0, gw_bound="exact"),
]
TOMORROW = [  # what the next scheduled run adds
    deal("ag-en-3", date(2025, 10, 30), "Anthropic's Google deal: over a gigawatt.", gw=1.0, gw_bound="at_least"),
    deal("amd-5", date(2026, 2, 11), "AMD bestätigt 12 GW für OpenAI.", lang="de", buyer="OpenAI",
         providers=["AMD"], resource="gpu", gw=12.0, gw_bound="exact"),
]


def today() -> list[dict]:
    return ANTHROPIC_GOOGLE + AMD


def run(rows: list[dict], entries: list[dict]):
    shuffled = rows[:]
    random.Random(len(rows)).shuffle(shuffled)
    return consolidate_deals(deal_frame(shuffled), parse_corrections(entries))


def find(deals, mention_id: str) -> dict:
    (found,) = [d for d in deals if mention_id in d["mention_ids"]]
    return found


def deal_id_of(mention_id: str, rows=None) -> str:
    return find(consolidate_deals(deal_frame(rows or today())), mention_id)["deal_id"]


# --- the file ------------------------------------------------------------------------------------


def test_a_missing_file_means_no_corrections(tmp_path):
    assert len(load_corrections(tmp_path / "absent.yaml")) == 0
    (tmp_path / "empty.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert len(load_corrections(tmp_path / "empty.yaml")) == 0


def test_the_shipped_file_is_empty_and_its_commented_examples_are_valid():
    assert len(load_corrections(REPO_CORRECTIONS)) == 0
    text = REPO_CORRECTIONS.read_text(encoding="utf-8").split("# Examples", 1)[1]
    examples = "\n".join(line[2:] for line in text.splitlines() if re.match(r"# [- ] ", line))
    corrections = parse_corrections(yaml.safe_load(examples))
    assert [c.action for c in corrections.entries] == ["reject_mention", "reject_investment_mention", "split_mention",
                                                       "merge_deals", "set_figure", "set_figure"]
    assert corrections.entries[-1].value == 8e9 and corrections.entries[-1].table == "investments"


def test_a_file_round_trips(tmp_path):
    path = tmp_path / "corrections.yaml"
    path.write_text("corrections:\n"
                    "  - set_figure: {deal_id: abc, field: usd, value: 38e9, bound: approx}\n"
                    "    reason: Laut Pressemitteilung rund 38 Mrd. Dollar.\n", encoding="utf-8")
    (correction,) = load_corrections(path).entries
    assert (correction.target, correction.field, correction.value, correction.bound) == ("abc", "usd", 38e9, "approx")


def test_an_unquoted_id_of_digits_is_still_an_id():
    (correction,) = parse_corrections(yaml.safe_load("- split_mention: 1234567890123456\n  reason: x\n")).entries
    assert correction.mention_id == "1234567890123456"


@pytest.mark.parametrize("entry, problem", [
    ({"reject_mention": "m1"}, "reason"),
    ({"reject_mention": "m1", "reason": "  "}, "reason"),
    ({"drop_mention": "m1", "reason": "x"}, "exactly one action"),
    ({"reject_mention": "m1", "split_mention": "m2", "reason": "x"}, "exactly one action"),
    ({"reject_mention": "m1", "reason": "x", "note": "y"}, "unknown key"),
    ({"reject_mention": 4.2, "reason": "x"}, "expected an id"),
    ({"merge_deals": ["d1"], "reason": "x"}, "at least two"),
    ({"merge_deals": ["d1", "d1"], "reason": "x"}, "twice"),
    ({"set_figure": {"deal": "d1", "field": "mw", "value": 1}, "reason": "x"}, "field must be one of"),
    ({"set_figure": {"deal": "d1", "field": "gw", "value": "a lot"}, "reason": "x"}, "non-negative number"),
    ({"set_figure": {"deal": "d1", "field": "gw", "value": 1, "bound": "over"}, "reason": "x"}, "bound must be"),
    ({"set_figure": {"deal": "d1", "field": "chips", "value": 1.5}, "reason": "x"}, "whole number"),
    ({"set_figure": {"deal": "d1", "field": "status", "value": "signed"}, "reason": "x"}, "definitive"),
    ({"set_figure": {"deal": "d1", "field": "year", "value": 26}, "reason": "x"}, "year"),
    ({"set_figure": {"deal": "d1", "field": "year", "value": 2026.0}, "reason": "x"}, "year"),
    ({"set_figure": {"deal": "d1", "field": "chips", "value": 1e30}, "reason": "x"}, "outside the plausible range"),
    ({"set_figure": {"deal": "d1", "field": "chips", "value": "1e30"}, "reason": "x"}, "chips: value '1e30' is outside"),
    ({"set_figure": {"deal": "d1", "field": "gw", "value": 1500}, "reason": "x"}, "gw: value 1500 is outside the "
                                                                                    "plausible range 0.001 to 100 GW"),
    ({"set_figure": {"deal": "d1", "field": "gw", "value": 0}, "reason": "x"}, "outside the plausible range"),
    ({"set_figure": {"deal": "d1", "field": "usd", "value": 3.8e15}, "reason": "x"}, "outside the plausible range"),
    ({"set_figure": {"investment": "i1", "field": "shares", "value": 10**20}, "reason": "x"}, "outside"),
    ({"set_figure": {"deal": "d1", "field": "gw", "value": True}, "reason": "x"}, "non-negative number"),
    ({"set_figure": {"deal": "d1", "field": "gw", "value": float("nan")}, "reason": "x"}, "non-negative number"),
    ({"set_figure": {"deal": "d1", "field": "gw", "value": [1]}, "reason": "x"}, "non-negative number"),
    ({"set_figure": {"deal": "d1", "field": "gw", "value": 1, "bound": ["exact"]}, "reason": "x"}, "bound must be"),
    ({"set_figure": {"deal": "d1", "field": "usd", "value": 1e9, "vague": "yes"}, "reason": "x"}, "vague"),
    ({"set_figure": {"deal": "d1", "field": "resource", "value": ["gpu"]}, "reason": "x"}, "resource: value must be"),
    ({"reject_mention": "m1", "reason": 42}, "reason"),
    ({"merge_deals": "d1, d2", "reason": "x"}, "list of at least two"),
    ({"set_figure": {"deal": "d1", "field": "gw"}, "reason": "x"}, "needs a `value`"),
    ({"set_figure": {"field": "gw", "value": 1}, "reason": "x"}, "exactly one of"),
    ({"set_figure": {"investment": "i1", "field": "gw", "value": 1}, "reason": "x"}, "for investments"),
    ({"set_figure": {"deal": "d1", "field": "gw", "value": 1, "vague": True}, "reason": "x"}, "vague"),
    ("reject m1", "mapping"),
])
def test_a_malformed_entry_is_an_error_naming_it(entry, problem):
    good = {"reject_mention": "m0", "reason": "fine"}
    with pytest.raises(CorrectionsError, match=re.escape(problem)) as error:
        parse_corrections({"corrections": [good, entry]}, source="corrections.yaml")
    assert "corrections.yaml: correction #2" in str(error.value)


@pytest.mark.parametrize("second", [
    {"set_figure": {"deal": "d1", "field": "gw", "value": 2.0}, "reason": "the other filing"},
    {"set_figure": {"deal_id": "d1", "field": "gw", "value": None}, "reason": "spelled as deal_id"},
])
def test_two_entries_for_one_field_are_an_error_naming_both(second):
    entries = [{"reject_mention": "m0", "reason": "fine"},
               {"set_figure": {"deal": "d1", "field": "gw", "value": 1.2}, "reason": "the filing"},
               {"set_figure": {"deal": "d1", "field": "usd", "value": 3e9}, "reason": "another field: fine"},
               second]
    with pytest.raises(CorrectionsError) as error:
        parse_corrections(entries, source="corrections.yaml")
    assert str(error.value).startswith("corrections.yaml: correction #4 ")
    assert "sets gw of d1 again (already set by correction #2)" in str(error.value)


def test_two_entries_reaching_one_deal_by_different_ids_are_an_error_at_consolidation():
    target = deal_id_of("ag-de-1")
    corrections = parse_corrections([
        {"set_figure": {"deal": target, "field": "gw", "value": 1.2}, "reason": "by deal id"},
        {"set_figure": {"deal": "ag-en-2", "field": "gw", "value": 1.4}, "reason": "by a mention of the same deal"},
    ], source="corrections.yaml")
    with pytest.raises(CorrectionsError) as error:
        consolidate_deals(deal_frame(today()), corrections)
    message = str(error.value)
    assert "correction #2 (set_figure ag-en-2 gw)" in message and "already set by correction #1" in message


def test_the_largest_plausible_figures_consolidate_without_overflow():
    deals = run(today(), [
        {"set_figure": {"deal": "amd-1", "field": "chips", "value": 100_000_000}, "reason": "upper bound"},
        {"set_figure": {"deal": "amd-1", "field": "usd", "value": 1e13}, "reason": "upper bound"},
    ])
    corrected = find(deals, "amd-1")
    assert corrected["chips"] == 100_000_000 and corrected["usd"] == 1e13
    import polars as pl

    from pipelines.schemas import DEALS_SCHEMA
    assert pl.DataFrame(list(deals), schema=DEALS_SCHEMA).height == len(deals)


def test_malformed_files_are_errors(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("corrections: [\n", encoding="utf-8")
    with pytest.raises(CorrectionsError, match="not valid YAML"):
        load_corrections(path)
    with pytest.raises(CorrectionsError, match="list of corrections"):
        parse_corrections({"corrections": {"reject_mention": "m1"}})
    with pytest.raises(CorrectionsError, match="top-level"):
        parse_corrections({"correction": []})


# --- each action, today and on the next run ------------------------------------------------------


@pytest.mark.parametrize("rows", [today(), today() + TOMORROW], ids=["today", "tomorrow"])
def test_a_rejected_mention_is_ignored(rows):
    deals = run(rows, [{"reject_mention": "amd-3", "reason": "Rumour about software, not a compute deal."}])
    assert all("amd-3" not in d["mention_ids"] for d in deals)
    assert find(deals, "amd-1")["deal_id"] == deal_id_of("amd-1", rows) and not deals.unused_corrections


@pytest.mark.parametrize("rows", [today(), today() + TOMORROW], ids=["today", "tomorrow"])
def test_a_split_mention_becomes_a_deal_of_its_own(rows):
    entries = [{"split_mention": "ag-en-2", "reason": "A separate accelerator contract."}]
    deals = run(rows, entries)
    split = find(deals, "ag-en-2")
    assert split["mention_ids"] == ["ag-en-2"] and split["gw_bound"] == "approx"
    assert split["corrections"] == ["#1 split_mention: A separate accelerator contract."]
    assert "ag-en-2" not in find(deals, "ag-de-1")["mention_ids"]
    assert split["deal_id"] == find(run(rows[::-1], entries), "ag-en-2")["deal_id"]


@pytest.mark.parametrize("rows", [today(), today() + TOMORROW], ids=["today", "tomorrow"])
def test_merged_deals_are_one_deal_under_the_first_id(rows):
    first, expansion = deal_id_of("amd-1"), deal_id_of("amd-4")
    for entries in ([{"merge_deals": [first, expansion], "reason": "One framework agreement."}],
                    [{"merge_deals": ["amd-1", "amd-4"], "reason": "Referenced by mention ids."}]):
        deals = run(rows, entries)
        merged = find(deals, "amd-4")
        assert merged["deal_id"] == first and "amd-1" in merged["mention_ids"]
        headline, other = ("gw=6", "gw=12") if merged["gw"] == 6.0 else ("gw=12", "gw=6")
        assert f"gw={merged['gw']:g}" == headline and merged["disagreeing_figures"] == [other]
        assert len(deals) == 2 and not deals.unused_corrections


@pytest.mark.parametrize("rows", [today(), today() + TOMORROW], ids=["today", "tomorrow"])
def test_a_set_figure_overrides_the_headline_and_keeps_the_original(rows):
    target = deal_id_of("ag-de-1")
    deals = run(rows, [
        {"set_figure": {"deal": target, "field": "gw", "value": 1.2, "bound": "approx"}, "reason": "Filing says 1.2."},
        {"set_figure": {"deal_id": "amd-1", "field": "status", "value": "loi"}, "reason": "Only a letter of intent."},
        {"set_figure": {"deal": "amd-4", "field": "resource", "value": "datacenter"}, "reason": "Campus lease."},
        {"set_figure": {"deal": target, "field": "usd", "value": None}, "reason": "No amount was stated."},
        {"set_figure": {"deal": target, "field": "year", "value": 2027}, "reason": "Delivery starts 2027."},
    ])
    corrected = find(deals, "ag-de-1")
    assert corrected["deal_id"] == target
    assert (corrected["gw"], corrected["gw_bound"]) == (1.2, "approx")
    assert (corrected["usd"], corrected["usd_bound"], corrected["usd_vague"]) == (None, None, False)
    assert corrected["year"] == 2027
    assert {"gw=1 (at_least) (replaced by correction)", "usd=2e+10 (at_least) vague (replaced by correction)",
            "year=2026 (replaced by correction)"} <= set(corrected["disagreeing_figures"])
    assert len(corrected["corrections"]) == 3
    assert find(deals, "amd-1")["status"] == "loi" and find(deals, "amd-4")["resource"] == "datacenter"
    assert not deals.unused_corrections


def test_corrections_combine_merge_then_set_figure_on_the_merged_away_id():
    first, expansion = deal_id_of("amd-1"), deal_id_of("amd-4")
    deals = run(today() + TOMORROW, [
        {"merge_deals": [first, expansion], "reason": "One agreement."},
        {"set_figure": {"deal": expansion, "field": "gw", "value": 18.0}, "reason": "6 + 12 GW in total."},
    ])
    merged = find(deals, "amd-5")
    assert merged["deal_id"] == first and merged["gw"] == 18.0 and merged["gw_bound"] == "exact"


def test_investment_corrections():
    rows = investment_frame([
        investment("i1", date(2025, 10, 24), "Amazon has invested $8bn in Anthropic.", investor="Amazon",
                   usd=8e9, usd_bound="exact"),
        investment("i2", date(2025, 10, 24), "Amazon hat 8 Mrd. Dollar in Anthropic gesteckt.", lang="de",
                   investor="Amazon", usd=8e9, usd_bound="exact"),
        investment("i3", date(2025, 10, 25), "Amazon invests in OpenAI, the article wrongly says.",
                   investor="Amazon", investee="OpenAI"),
    ])
    corrections = parse_corrections([
        {"reject_investment_mention": "i3", "reason": "The article confuses OpenAI and Anthropic."},
        {"set_figure": {"investment": "i1", "field": "usd", "value": "4e9", "bound": "at_least"},
         "reason": "Counting only the tranches paid so far."},
        {"reject_mention": "i2", "reason": "A deal-mention rejection never touches investments."},
    ])
    (amazon,) = consolidate_investments(rows, corrections)
    assert amazon["mention_ids"] == ["i1", "i2"] and amazon["investee"] == "Anthropic"
    assert (amazon["usd"], amazon["usd_bound"]) == (4e9, "at_least")
    assert amazon["disagreeing_figures"] == ["usd=8e+09 (replaced by correction)"]
    assert consolidate_investments(rows, corrections) == [amazon]   # the next run: the same


# --- unknown ids ---------------------------------------------------------------------------------


def test_corrections_with_unknown_ids_are_reported_not_fatal():
    entries = [
        {"reject_mention": "no-such-mention", "reason": "typo"},
        {"split_mention": "gone", "reason": "article deleted"},
        {"merge_deals": ["amd-1", "nowhere", "amd-4"], "reason": "one unknown"},
        {"merge_deals": ["amd-1", "nowhere"], "reason": "nothing to merge"},
        {"set_figure": {"deal": "ffffffffffffffff", "field": "gw", "value": 2}, "reason": "old id"},
        {"set_figure": {"investment": "abc", "field": "usd", "value": 1e9}, "reason": "for the investments run"},
        {"split_mention": "amd-3", "reason": "split what is rejected"},
        {"reject_mention": "amd-3", "reason": "rumour"},
    ]
    deals = run(today(), entries)
    problems = [str(u) for u in deals.unused_corrections]
    assert problems == [
        "correction #1 (reject_mention no-such-mention): no deal mention with id no-such-mention",
        "correction #2 (split_mention gone): no deal mention with id gone",
        "correction #3 (merge_deals amd-1, nowhere, amd-4): no deal with id (or mention id) nowhere; merged the others",
        "correction #4 (merge_deals amd-1, nowhere): no deal with id (or mention id) nowhere",
        "correction #5 (set_figure ffffffffffffffff gw): no deal with id (or mention id) ffffffffffffffff",
        "correction #7 (split_mention amd-3): the mention is rejected by correction #8",
    ]
    assert find(deals, "amd-4")["deal_id"] == deal_id_of("amd-1")   # the known ids were merged
    investments = consolidate_investments(investment_frame([]), parse_corrections(entries))
    assert [u.correction.index for u in investments.unused_corrections] == [6]
