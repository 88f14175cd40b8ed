"""From an article to mention rows: the glue between articles and `pipelines.extract`."""

from __future__ import annotations

from pipelines.extract.extractor import ExtractionMode, extract
from pipelines.ids import stable_hash


def mentions_from_article(article: dict, mode: ExtractionMode = ExtractionMode.MODEL
                          ) -> tuple[list[dict], list[dict], list[dict]]:
    """Deal, investment and new-party rows for one `articles` row, each with its evidence sentence."""
    result = extract(article["text"], lang=article["lang"], mode=mode)
    context = {
        "article_id": article["article_id"], "source": article["source"],
        "lang": article["lang"], "published": article["published"],
    }
    deals = []
    for fact in result.deals:
        mention_id = stable_hash("deal", article["article_id"], fact["evidence_start"], fact["evidence_end"],
                                 fact["buyer"], *fact["providers"])
        deals.append({**context, **fact, "mention_id": mention_id})
    investments = []
    for fact in result.investments:
        mention_id = stable_hash("investment", article["article_id"], fact["evidence_start"], fact["evidence_end"],
                                 fact["investor"], fact["investee"], fact["instrument"])
        investments.append({**context, **fact, "mention_id": mention_id})
    parties = [{**context, **party} for party in result.parties]
    return deals, investments, parties
