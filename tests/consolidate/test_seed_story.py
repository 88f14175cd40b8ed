"""The seed story (../shared/seed/README.md), told with our own sentences: the facts the derived
tables must show come out of consolidation as one deal each."""

from datetime import date

from pipelines.consolidate import consolidate_deals, consolidate_investments

from .helpers import by_parties, deal, deal_frame, investment, investment_frame

SEED_DEALS = [
    # the German seed report (no publication date, like the seed file)
    deal("seed-1", None, "Anthropic erhält Zugang zu bis zu einer Million TPUs von Google, mehr als ein Gigawatt, "
         "im Wert von mehreren zehn Milliarden US-Dollar, bis 2026.", lang="de", gw=1.0, gw_bound="at_least",
         chips=1_000_000, chips_bound="up_to", usd=2e10, usd_bound="at_least", usd_vague=True, year=2026),
    deal("seed-2", None, "Amazon bleibt der wichtigste Cloud-Anbieter von Anthropic.", lang="de",
         providers=["Amazon"], resource="cloud"),
    deal("seed-3", None, "OpenAI plant gemeinsam mit AMD und Nvidia bis zu 16 Gigawatt.", lang="de",
         buyer="OpenAI", providers=["AMD", "Nvidia"], resource="gpu", gw=16.0, gw_bound="up_to"),
    deal("seed-4", None, "OpenAI entwickelt eigene Chips mit Broadcom.", lang="de", buyer="OpenAI",
         providers=["Broadcom"], resource="custom_chip"),
    # English coverage of the same facts
    deal("en-1", date(2025, 10, 23), "Anthropic will use up to one million Google TPUs, well over a gigawatt.",
         gw=1.0, gw_bound="at_least", chips=1_000_000, chips_bound="up_to", year=2026),
    deal("en-2", date(2025, 10, 24), "Google's deal with Anthropic is worth tens of billions of dollars.",
         resource="cloud", gw=1.0, gw_bound="at_least", usd=1e10, usd_bound="at_least", usd_vague=True),
    deal("en-3", date(2025, 10, 24), "Nvidia and AMD together could supply OpenAI with up to 16 GW.",
         buyer="OpenAI", providers=["Nvidia", "AMD"], resource="gpu", gw=16.0, gw_bound="up_to"),
]
SEED_INVESTMENTS = [
    investment("inv-1", None, "Google ist an Anthropic beteiligt.", lang="de"),
    investment("inv-2", None, "Auch Amazon hat in Anthropic investiert.", lang="de", investor="Amazon"),
    investment("inv-3", date(2025, 10, 24), "Amazon, an Anthropic investor, ...", investor="Amazon",
               instrument="unspecified"),
]


def test_anthropic_gets_at_least_one_gigawatt_from_google_as_one_deal():
    (google,) = by_parties(consolidate_deals(deal_frame(SEED_DEALS)))[("Anthropic", ("Google",))]
    assert google["gw"] == 1.0 and google["gw_bound"] == "at_least"
    assert google["chips"] == 1_000_000 and google["year"] == 2026 and google["usd_vague"] is True
    assert google["languages"] == ["de", "en"] and google["mention_ids"] == ["en-1", "en-2", "seed-1"]
    assert google["first_reported"] == date(2025, 10, 23)


def test_openai_sixteen_gigawatts_with_amd_and_nvidia_is_one_joint_deal():
    deals = by_parties(consolidate_deals(deal_frame(SEED_DEALS)))
    (joint,) = deals[("OpenAI", ("AMD", "Nvidia"))]
    assert joint["providers"] == ["AMD", "Nvidia"] and joint["gw"] == 16.0 and joint["gw_bound"] == "up_to"
    assert ("OpenAI", ("AMD",)) not in deals and ("OpenAI", ("Nvidia",)) not in deals
    assert sum(d["gw"] for rows in deals.values() for d in rows if d["buyer"] == "OpenAI" and d["gw"]) == 16.0
    assert set(deals) == {("Anthropic", ("Google",)), ("Anthropic", ("Amazon",)), ("OpenAI", ("AMD", "Nvidia")),
                          ("OpenAI", ("Broadcom",))}


def test_google_and_amazon_both_invest_in_anthropic_and_sell_it_compute():
    deals = by_parties(consolidate_deals(deal_frame(SEED_DEALS)))
    investments = consolidate_investments(investment_frame(SEED_INVESTMENTS))
    investors = {(i["investor"], i["investee"]): i for i in investments}
    assert len(investments) == 2 and investors[("Amazon", "Anthropic")]["n_mentions"] == 2
    for company in ("Google", "Amazon"):
        assert (company, "Anthropic") in investors and ("Anthropic", (company,)) in deals
