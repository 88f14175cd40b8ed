"""Labelled articles (the format of the project's gold files) as training material.

A labelled article is a dict with `id`, `lang`, `text`, `deals` (buyer, providers, figures) and
`investments` (investor, investee, …). Only the training scripts and tests read such files; the
extractor itself never needs them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..names import fold


@dataclass(frozen=True)
class LabelledArticle:
    id: str
    lang: str
    text: str
    deals: tuple[dict, ...]
    investments: tuple[dict, ...]

    def deal_pairs(self) -> set[tuple[str, str]]:
        """(buyer, provider) per provider of each labelled deal, folded."""
        return {(fold(d["buyer"]), fold(p)) for d in self.deals for p in (d.get("providers") or [])}

    def investment_pairs(self) -> set[tuple[str, str]]:
        return {(fold(i["investor"]), fold(i["investee"])) for i in self.investments}

    def party_names(self) -> set[str]:
        names = {d["buyer"] for d in self.deals} | {p for d in self.deals for p in d.get("providers") or []}
        return names | {i["investor"] for i in self.investments} | {i["investee"] for i in self.investments}


def read_labelled(path: Path) -> list[LabelledArticle]:
    articles = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                articles.append(LabelledArticle(str(row["id"]), row.get("lang") or "en", row.get("text") or "",
                                                tuple(row.get("deals") or ()), tuple(row.get("investments") or ())))
    return articles
