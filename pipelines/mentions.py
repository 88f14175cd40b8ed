"""From an article to mention rows: the glue between articles and `pipelines.extract`."""

from __future__ import annotations

from pipelines.extract.extractor import ExtractionMode, extract
from pipelines.ids import stable_hash


def mentions_from_article(article: dict, mode: ExtractionMode = ExtractionMode.MODEL
                          ) -> tuple[list[dict], list[dict], list[dict]]:
    """Deal, investment and new-party rows for one `articles` row, each with its evidence sentence."""
    return _rows(article, extract(article["text"], lang=article["lang"], mode=mode))


def mentions_or_error(article: dict, mode: ExtractionMode = ExtractionMode.MODEL
                      ) -> tuple[list[dict], list[dict], list[dict], str | None]:
    """`mentions_from_article`, or no rows and the error when the extractor fails on this article: one
    article the extractor cannot read must not cost the day's other articles their mentions."""
    try:
        return (*mentions_from_article(article, mode), None)
    except Exception as exc:  # noqa: BLE001 - any failure of one article is recorded, never raised
        return [], [], [], f"{type(exc).__name__}: {exc}"[:500]


def _rows(article: dict, result) -> tuple[list[dict], list[dict], list[dict]]:
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
