"""The grammar's facts for one article: sentence by sentence, with figures continued from sentences that refer
back, deals announced in one sentence and priced in the next, and one fact per pair of parties."""

from __future__ import annotations

import re

from pipelines.parse.language import detect_language

from ..companies import CAPACITY_ROLES, Role, company_info, find_companies
from ..modality import capacity_year
from ..sentences import split_sentences
from .context import DEFINITE_REFERENCE, Context
from .continuation import continues, refers_back
from .cues import COMPUTE_CUE
from .facts import DEAL_FIGURES, DealFact, DealStatement, ExtractedFacts, InvestmentFact, InvestmentStatement
from .figures import Figures
from .merge import is_headline, merge_facts
from .sentence import SentenceFacts, analyse

_MAX_CONTINUATION_SENTENCES = 3
_MAX_SKIPPED_SENTENCES = 2  # sentences between a fact and the one adding its figures
# "About Anthropic" / "Über die Deutsche Telekom": the boilerplate line naming who issued a press release
_ABOUT_LINE = re.compile(r"^[ \t]*(?:About|Über)\s+(?:(?:die|der|das|the)\s+)?(?P<name>[^\n.:]{2,60}?)[ \t]*$", re.M)


def _issuer(text: str) -> str | None:
    """The buying company a press release speaks for ("we", "our"), named in its "About …" line."""
    for line in _ABOUT_LINE.finditer(text):
        name = line.group("name")
        mentions = find_companies(name)
        if len(mentions) == 1 and (mentions[0].start, mentions[0].end) == (0, len(name.rstrip("’'s"))):
            info = company_info(mentions[0].name)
            return mentions[0].name if info and info.role in (Role.LAB, Role.BUYER) else None
    return None


def _fill(fact: DealStatement | InvestmentStatement, amounts, kinds: tuple[str, ...], year: int | None):
    """Fill the figures a fact lacks from a continuing sentence; figures it has stay."""
    fact.figures.fill(Figures.first_of(amounts, kinds), kinds)
    if isinstance(fact, DealStatement) and fact.year is None:
        fact.year = year
    return fact


def grammar_facts(text: str, lang: str | None = None) -> ExtractedFacts:
    """Deals and investments the grammar finds in `text` ('de'/'en' hint for `lang`; detected when None); each
    fact names the rule that stated it."""
    if not text:
        return ExtractedFacts()
    lang = lang or detect_language(text)
    context = Context()
    deals: list[tuple[DealStatement, int, int]] = []
    investments: list[tuple[InvestmentStatement, int, int]] = []
    last_investee: str | None = None
    previous: SentenceFacts | None = None
    chain = gap = 0
    issuer = _issuer(text)
    for start, end in split_sentences(text):
        current = analyse(text, start, end, lang, last_investee, context, issuer)
        context.push(current.party_names, current.compute)
        if (previous is not None and (previous.deals or previous.investments)
                and chain < _MAX_CONTINUATION_SENTENCES and continues(text, previous, current)):
            year = capacity_year(text[start:end])
            span_start = previous.start
            for collection, facts, kinds in ((deals, previous.deals, DEAL_FIGURES),
                                              (investments, previous.investments, ("usd", "eur"))):
                # money a continuing sentence commits to compute is no amount of the investment before it
                money_for = collection is deals or not (previous.deals or current.compute)
                for fact in facts:
                    _fill(fact, current.free_amounts if money_for else [], kinds, year)
                for i, (fact, s, _) in enumerate(collection):
                    if any(fact is f for f in facts):
                        collection[i] = (fact, s, end)
            chain += 1
            previous = SentenceFacts(span_start, end, previous.deals, previous.investments, [], previous.names)
            continue
        if previous is not None and previous.tentative and not current.deals and not current.investments:
            sentence = text[start:end]
            tentative_parties = {d.buyer for d in previous.tentative} | {
                p for d in previous.tentative for p in d.providers}
            # "Microsoft baut die Partnerschaft mit Nebius aus. Der Softwarekonzern zahlt 17 Mrd. Dollar für
            # GPU-Kapazität": a party named again (or the deal referred to) with compute and figures
            # the make of the chips ("Nvidia GPUs") is no new party
            names = {n for n in current.names if n in tentative_parties or company_info(n).role != Role.CHIP}
            refers = (current.free_amounts and names <= tentative_parties and COMPUTE_CUE.search(sentence)
                      and refers_back(sentence, SentenceFacts(start, end, names=names), tentative_parties))
            # "CoreWeave hat sich einen Fünfjahresvertrag mit OpenAI gesichert. Dessen Wert: 11,9 Mrd. Dollar.": a
            # contract with a seller of compute, valued by the next sentence
            sells_compute = any(company_info(p).role in (Role.CLOUD, *CAPACITY_ROLES)
                                for d in previous.tentative for p in d.providers)
            valued = bool(sells_compute and not current.names and DEFINITE_REFERENCE.search(sentence)
                          and any(a.kind in ("usd", "eur") for a in current.free_amounts))
            refers = refers or valued
            if refers or not current.names and any(a.kind in ("gw", "chips") for a in current.free_amounts):
                # "X kündigt eine Kooperation mit Y an. In einer ersten Phase werden 8.000 GPUs eingesetzt."
                kinds = DEAL_FIGURES if refers else ("gw", "chips")
                filled = [_fill(fact, current.free_amounts, kinds, capacity_year(sentence))
                          for fact in previous.tentative]
                deals += [(fact, previous.start, end) for fact in filled]
                # the deal now stands: later sentences may add to it ("The contract is valued at …")
                previous = SentenceFacts(previous.start, end, filled, [], [], previous.names | current.names)
                chain = gap = 0
                continue
        if (previous is not None and gap < _MAX_SKIPPED_SENTENCES and not current.deals
                and not current.investments and not current.free_amounts and current.names <= previous.parties()):
            gap += 1  # "Das teilten beide Unternehmen mit." between a deal and its figures
            continue
        chain = gap = 0
        deals += [(d, start, end) for d in current.deals]
        investments += [(i, start, end) for i in current.investments]
        if current.investments:
            last_investee = current.investments[-1].investee
        elif current.raiser:
            last_investee = current.raiser
        previous = current if (current.deals or current.investments or current.tentative) else None
    headline = lambda start, end: is_headline(text, start, end)
    return ExtractedFacts(
        [DealFact.of(fact, text, s, e) for fact, s, e in merge_facts(deals, headline)],
        [InvestmentFact.of(fact, text, s, e) for fact, s, e in merge_facts(investments, headline)],
    )
