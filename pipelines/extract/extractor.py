"""The extraction entry point: facts of one article, from the grammar and the learned decision layer.

    from pipelines.extract.extractor import extract, ExtractionMode
    result = extract(text, lang="de")                       # the committed model (default)
    result = extract(text, lang="de", mode=ExtractionMode.RULES)   # the grammar alone

Every fact carries a `confidence`: in model mode the decision layer's probability; in rules mode
the precision its rule reached on labelled real articles (measured when the model was trained,
kept in the model file), or None when no measurement is at hand. Facts below the emission floor
are not returned; the derived tables apply the stricter threshold of `settings.min_confidence`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from pipelines.parse.language import detect_language

from .document import MAX_TEXT_CHARS
from .grammar import grammar_facts
from .learned import DEFAULT_FLOOR, analyse_article, decide, facts_from_decisions
from .model.decide import MODEL_DIR, ExtractorModel, load_model


class ExtractionMode(str, Enum):
    MODEL = "model"  # grammar + learned decision layer (the default)
    RULES = "rules"  # the grammar alone


class ModelMissingError(RuntimeError):
    """The committed model file is not where it should be."""


@dataclass(frozen=True)
class Extraction:
    deals: list[dict] = field(default_factory=list)
    investments: list[dict] = field(default_factory=list)
    parties: list[dict] = field(default_factory=list)  # organisations outside the registry, for review
    mode: ExtractionMode = ExtractionMode.MODEL
    text_cut: bool = False  # the text was longer than MAX_TEXT_CHARS and was cut

    def to_dict(self) -> dict:
        return {"deals": self.deals, "investments": self.investments, "parties": self.parties}


def default_model(model_dir: Path = MODEL_DIR) -> ExtractorModel:
    model = load_model(model_dir)
    if model is None:
        raise ModelMissingError(
            f"no extraction model in {model_dir}: reinstall the package, train one with "
            "`python bench/train_extractor.py TRAIN.jsonl`, or extract with the rules alone (mode 'rules')")
    return model


def _rules_only(result, model: ExtractorModel | None) -> tuple[list[dict], list[dict]]:
    """The grammar's facts, each as confident as its rule was right on labelled real articles (or its kind,
    for rules seldom seen there)."""
    precision = (model.meta.get("rules_precision") or {}) if model else {}
    confidence = lambda kind, fact: precision.get(f"{kind}:{fact.rule}", precision.get(kind))
    deals = [{**f.to_dict(), "confidence": confidence("deal", f)} for f in result.deals]
    investments = [{**f.to_dict(), "confidence": confidence("investment", f)} for f in result.investments]
    return deals, investments


def extract(text: str, lang: str | None = None, mode: ExtractionMode = ExtractionMode.MODEL,
            model: ExtractorModel | None = None, floor: float = DEFAULT_FLOOR) -> Extraction:
    """Deals, investments and new organisations stated in one article (German or English)."""
    if not text:
        return Extraction(mode=mode)
    cut = len(text) > MAX_TEXT_CHARS
    text = text[:MAX_TEXT_CHARS]
    lang = lang or detect_language(text)
    rules = grammar_facts(text, lang)
    if mode == ExtractionMode.RULES:
        deals, investments = _rules_only(rules, model or load_model())
        return Extraction(deals, investments, [], mode, cut)
    model = model or default_model()
    analysis = analyse_article(text, lang, rules, model.tagger)
    facts = facts_from_decisions(analysis, model, decide(analysis, model, floor))
    return Extraction(facts["deals"], facts["investments"], facts["parties"], mode, cut)
