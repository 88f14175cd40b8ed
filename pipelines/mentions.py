"""From an article to mention rows: the glue between articles and `pipelines.extract`."""

from __future__ import annotations

from pipelines.extract import extract_facts
from pipelines.ids import stable_hash


def mentions_from_article(article: dict) -> tuple[list[dict], list[dict]]:
    """Deal and investment rows for one `articles` row, each with its evidence sentence."""
    facts = extract_facts(article["text"], lang=article["lang"])
    context = {
        "article_id": article["article_id"], "source": article["source"],
        "lang": article["lang"], "published": article["published"],
    }
    deals = []
    for fact in facts.deals:
        row = fact.to_dict()
        row["mention_id"] = stable_hash("deal", article["article_id"], fact.evidence_start, fact.evidence_end,
                                        fact.buyer, *fact.providers)
        deals.append({**context, **row})
    investments = []
    for fact in facts.investments:
        row = fact.to_dict()
        row["mention_id"] = stable_hash("investment", article["article_id"], fact.evidence_start,
                                        fact.evidence_end, fact.investor, fact.investee, fact.instrument)
        investments.append({**context, **row})
    return deals, investments
