"""Facts of one article from the grammar and the learned decision layer together.

1. The article is analysed once (document.py) and its parties found: the registry's companies and
   organisations the registry does not know (parties.py).
2. The grammar reads what it can (grammar facts, each with the rule that produced it).
3. Every ordered pair of parties named close together is a candidate deal and a candidate
   investment; the decision layer scores both (model/decide.py). The grammar's findings are
   features of that decision, not the decision.
4. A candidate becomes a fact when its probability clears the emission floor; the probability is
   the fact's confidence and the best-scored place where the two are named is its evidence.
5. Figures come from the figure scorer (model/figures.py); resource, year and status from the
   evidence sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .companies import company_info
from .document import Document, analyse
from .model.decide import ExtractorModel, Scored, featurize, score_candidates
from .model.features import Candidate, GrammarFacts
from .model.figures import DEAL_KINDS, INVESTMENT_KINDS, figure_candidates
from .modality import capacity_year, deal_status
from .numbers import Amount
from .mentions import PartyMention
from .parties import Entity, find_parties, group_entities
from .resources import deal_resource

DEFAULT_FLOOR = 0.15  # facts below this probability are not emitted at all


@dataclass(frozen=True)
class GrammarView:
    """The grammar's facts of an article, indexed for the decision layer."""
    facts: GrammarFacts
    deal_facts: dict[tuple[str, str], object]  # (buyer, provider) -> the grammar's fact
    investment_facts: dict[tuple[str, str], object]


def grammar_view(grammar_result) -> GrammarView:
    deals, investments, joint = {}, {}, set()
    deal_facts, investment_facts = {}, {}
    for fact in grammar_result.deals:
        for provider in fact.providers:
            pair = (fact.buyer, provider)
            deals.setdefault(pair, set()).add(getattr(fact, "rule", "grammar"))
            deal_facts.setdefault(pair, fact)
            if len(fact.providers) > 1:
                joint.add(pair)
    for fact in grammar_result.investments:
        pair = (fact.investor, fact.investee)
        investments.setdefault(pair, set()).add(getattr(fact, "rule", "grammar"))
        investment_facts.setdefault(pair, fact)
    facts = GrammarFacts({k: frozenset(v) for k, v in deals.items()},
                         {k: frozenset(v) for k, v in investments.items()}, frozenset(joint))
    return GrammarView(facts, deal_facts, investment_facts)


@dataclass
class ArticleAnalysis:
    """Everything the decision layer knows of one article (also what training reads)."""
    doc: Document
    entities: dict[str, Entity]
    grammar: GrammarView
    featurized: list  # (candidate, pooled features, per-context features)


def analyse_article(text: str, lang: str, grammar_result, tagger=None, doc: Document | None = None) -> ArticleAnalysis:
    doc = doc or analyse(text, lang)
    view = grammar_view(grammar_result)
    entities = group_entities(find_parties(doc, tagger))
    for pair in list(view.facts.deals) + list(view.facts.investments):
        for name in pair:  # a party the grammar resolved from a description ("the chip giant") or "we"
            if name not in entities:
                info = company_info(name)
                entities[name] = Entity(name, True, info.role if info else "open_company")
    return ArticleAnalysis(doc, entities, view, featurize(doc, entities, view.facts))


@dataclass(frozen=True)
class Decision:
    """A candidate the decision layer accepted."""
    kind: str  # "deal" or "investment"
    a: str
    b: str
    confidence: float
    evidence: tuple[int, int]
    scored: Scored


def _evidence(doc: Document, scored: Scored, kind: str, fallback) -> tuple[int, int]:
    contexts = scored.candidate.contexts
    if contexts:
        per_context = scored.context_scores(kind)
        best = max(range(len(contexts)), key=lambda i: (per_context[i], -contexts[i].distance))
        lo, hi = contexts[best].span
        return doc.sentences[lo][0], doc.sentences[hi][1]
    if fallback is not None:
        return fallback.evidence_start, fallback.evidence_end
    return 0, 0


def decide(analysis: ArticleAnalysis, model: ExtractorModel, floor: float = DEFAULT_FLOOR) -> list[Decision]:
    """The accepted candidates: probability at least `floor`, and higher than the same pair the other way round
    (a deal between two companies has one direction in one article). A warrant goes the way the grammar reads it
    (the holder invests in the issuer: GOLD_FORMAT), whichever way round the decision layer scored the pair."""
    scored = score_candidates(model, analysis.featurized)
    by_pair = {(s.candidate.a, s.candidate.b): s for s in scored}
    warrants = {pair for pair, fact in analysis.grammar.investment_facts.items() if fact.instrument == "warrant"}
    for holder, issuer in warrants:
        forward, backward = by_pair.get((holder, issuer)), by_pair.get((issuer, holder))
        if forward is not None and backward is not None and backward.investment > forward.investment:
            by_pair[(holder, issuer)] = replace(forward, investment=backward.investment)
            by_pair[(issuer, holder)] = replace(backward, investment=forward.investment)
    scored = list(by_pair.values())
    decisions = []
    for s in scored:
        reverse = by_pair.get((s.candidate.b, s.candidate.a))
        pair = (s.candidate.a, s.candidate.b)
        if s.deal >= floor and (reverse is None or s.deal > reverse.deal or s.deal == reverse.deal and pair < pair[::-1]):
            span = _evidence(analysis.doc, s, "deal", analysis.grammar.deal_facts.get(pair))
            decisions.append(Decision("deal", *pair, s.deal, span, s))
        if s.investment >= floor and (reverse is None or s.investment > reverse.investment
                                      or s.investment == reverse.investment and pair < pair[::-1]):
            span = _evidence(analysis.doc, s, "investment", analysis.grammar.investment_facts.get(pair))
            decisions.append(Decision("investment", *pair, s.investment, span, s))
    return decisions


def best_figures(analysis: ArticleAnalysis, model: ExtractorModel, candidate: Candidate, fact: str,
                 grammar_fact) -> dict[str, tuple[float, Amount]]:
    """The best-scored amount of each kind for a fact, with its probability."""
    kinds = DEAL_KINDS if fact == "deal" else INVESTMENT_KINDS
    grammar_figures = {k: getattr(grammar_fact, k) for k in kinds
                       if grammar_fact is not None and getattr(grammar_fact, k, None) is not None}
    scorer = model.figures.get(fact)
    best: dict[str, tuple[float, Amount]] = {}
    if scorer is None:
        return best
    for fc in figure_candidates(analysis.doc, analysis.entities, candidate, fact, grammar_figures):
        if fc.amount.kind == "chips" and fc.amount.vague:
            continue  # "Hunderttausende GPUs" is no count
        p = scorer.probability(fc.features)
        if fc.amount.kind not in best or p > best[fc.amount.kind][0]:
            best[fc.amount.kind] = (p, fc.amount)
    return best


def figure_threshold(model: ExtractorModel, fact: str, kind: str) -> float:
    return model.thresholds.get(f"figure_{fact}_{kind}", model.thresholds.get("figure", 0.5))


def choose_figures(analysis: ArticleAnalysis, model: ExtractorModel, candidate: Candidate, fact: str,
                   grammar_fact) -> dict[str, Amount]:
    """The figure of each kind for an accepted fact: the scorer's best amount where it clears its kind's
    threshold, else the figure the grammar gave the same fact, else none. (Blind, the scorer's confident
    figures are right more often than the grammar's, and the grammar fills in many it leaves out.)"""
    chosen = {kind: amount for kind, (p, amount) in best_figures(analysis, model, candidate, fact, grammar_fact).items()
              if p >= figure_threshold(model, fact, kind)}
    if grammar_fact is not None:
        for kind in (DEAL_KINDS if fact == "deal" else INVESTMENT_KINDS):
            value = getattr(grammar_fact, kind, None)
            if kind not in chosen and value is not None:
                chosen[kind] = Amount(kind, float(value), getattr(grammar_fact, f"{kind}_bound", None) or "exact",
                                      bool(getattr(grammar_fact, f"{kind}_vague", False)), -1, -1)
    return chosen


def open_parties(analysis: ArticleAnalysis, decisions: list[Decision]) -> list[tuple[str, str, PartyMention]]:
    """Organisations outside the registry that take part in an emitted fact: (name, kind, first mention)."""
    names = {d.a for d in decisions} | {d.b for d in decisions}
    out = []
    for name in sorted(names):
        entity = analysis.entities.get(name)
        if entity is not None and not entity.known and entity.mentions:
            out.append((name, entity.kind.removeprefix("open_"), entity.mentions[0]))
    return out


def evidence_attributes(doc: Document, span: tuple[int, int], providers: tuple[str, ...]) -> dict:
    sentence = doc.text[span[0] : span[1]]
    return {"resource": deal_resource(sentence, providers), "year": capacity_year(sentence),
            "status": deal_status(sentence)}


def _figure_fields(chosen: dict[str, Amount], kinds: tuple[str, ...]) -> dict:
    out: dict = {}
    for kind in kinds:
        amount = chosen.get(kind)
        out[kind] = (int(amount.value) if kind == "chips" else amount.value) if amount else None
        out[f"{kind}_bound"] = amount.bound if amount else None
        if kind in ("usd", "eur"):
            out[f"{kind}_vague"] = bool(amount and amount.vague)
    return out


def _instrument(doc: Document, span: tuple[int, int], grammar_fact) -> str:
    if grammar_fact is not None:
        return grammar_fact.instrument
    from .lexicon import lexicon

    sentence = doc.text[span[0] : span[1]]
    if lexicon().search("warrant", sentence):
        return "warrant"
    return "equity" if lexicon().search("invest", sentence) or lexicon().search("round", sentence) else "unspecified"


def facts_from_decisions(analysis: ArticleAnalysis, model: ExtractorModel, decisions: list[Decision]) -> dict:
    """Fact rows (as the tables hold them, plus `confidence`) from the accepted candidates."""
    doc = analysis.doc
    deals, investments = [], []
    accepted_deals = {(d.a, d.b): d for d in decisions if d.kind == "deal"}
    joined: set[tuple[str, str]] = set()
    for d in decisions:
        if d.kind != "deal" or (d.a, d.b) in joined:
            continue
        providers = (d.b,)
        # a joint figure ("16 GW with AMD and Nvidia") stays one fact with several providers when the grammar read
        # it so and the decision layer accepted every provider
        grammar_fact = analysis.grammar.deal_facts.get((d.a, d.b))
        if grammar_fact is not None and len(grammar_fact.providers) > 1 and all(
                (d.a, p) in accepted_deals for p in grammar_fact.providers):
            providers = tuple(sorted(grammar_fact.providers))
            joined.update((d.a, p) for p in providers)
        members = [accepted_deals[(d.a, p)] for p in providers]
        confidence = min(m.confidence for m in members)
        figures = choose_figures(analysis, model, d.scored.candidate, "deal", grammar_fact)
        attrs = evidence_attributes(doc, d.evidence, providers)
        if grammar_fact is not None:
            attrs = {"resource": grammar_fact.resource, "year": grammar_fact.year or attrs["year"],
                     "status": grammar_fact.status}
        deals.append({"buyer": d.a, "providers": list(providers), **attrs,
                      "rule": getattr(grammar_fact, "rule", None),
                      **_figure_fields(figures, DEAL_KINDS), "confidence": round(confidence, 4),
                      "evidence": doc.text[d.evidence[0] : d.evidence[1]], "evidence_start": d.evidence[0],
                      "evidence_end": d.evidence[1]})
    for d in decisions:
        if d.kind != "investment":
            continue
        grammar_fact = analysis.grammar.investment_facts.get((d.a, d.b))
        figures = choose_figures(analysis, model, d.scored.candidate, "investment", grammar_fact)
        shares = getattr(grammar_fact, "shares", None) if grammar_fact is not None else None
        investments.append({"investor": d.a, "investee": d.b, "rule": getattr(grammar_fact, "rule", None),
                            "instrument": _instrument(doc, d.evidence, grammar_fact),
                            **_figure_fields(figures, INVESTMENT_KINDS), "shares": shares,
                            "confidence": round(d.confidence, 4),
                            "evidence": doc.text[d.evidence[0] : d.evidence[1]], "evidence_start": d.evidence[0],
                            "evidence_end": d.evidence[1]})
    parties = [{"name": name, "kind": kind, "evidence_start": doc.sentences[doc.sentence_index(m.start)][0],
                "evidence_end": doc.sentences[doc.sentence_index(m.start)][1]}
               for name, kind, m in open_parties(analysis, decisions)]
    for p in parties:
        p["evidence"] = doc.text[p["evidence_start"] : p["evidence_end"]]
    return {"deals": sorted(deals, key=lambda f: f["evidence_start"]),
            "investments": sorted(investments, key=lambda f: f["evidence_start"]), "parties": parties}
