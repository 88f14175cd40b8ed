"""The public extraction API: compute deals and investments stated in one article.

Per sentence: find companies and amounts, find deals and investments (roles.py) unless the
part of the sentence stating them is denied or hedged (modality.py), and give each fact the
amounts that belong to it. A following sentence that refers back ("Der Vertrag …", "The deal is
worth …") adds its figures to the facts before it (context.py). Facts about the same parties in
one article are merged into one (merge.py).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from pipelines.parse.language import detect_language

from .companies import CAPACITY_ROLES, CompanyMention, company_info, find_companies
from .modality import capacity_year, deal_status, negated_segments
from .numbers import Amount, find_amounts
from .roles import (
    COMPUTE_CUE,
    DEAL_CUE,
    INVEST_NOUN,
    ELLIPTICAL_INVESTOR_AFTER,
    INVEST_VERB,
    TENANT_AFTER,
    DealDraft,
    find_deals,
    find_investments,
    fundraiser,
    is_rival,
    party_mentions,
)
from .descriptors import resolve_descriptors
from .context import BOTH_PARTIES, COMPANY_CONTINUATION, CONTINUATION, DEFINITE_REFERENCE, Context
from .merge import is_headline, merge_facts
from .resources import deal_resource
from .sentences import split_sentences

# A real sentence never names this many companies; beyond it we stop looking (keeps adversarial input fast).
_MAX_MENTIONS_PER_SENTENCE = 200
_MAX_CONTINUATION_SENTENCES = 3
_MAX_SKIPPED_SENTENCES = 2  # sentences between a fact and the one adding its figures
_MONEY_MAX_DISTANCE = 90
_MONEY_SUBJECT_START = 12  # money this close to the start of a sentence is its subject ("Rund 1 Mrd. Euro …")


@dataclass(frozen=True)
class DealFact:
    buyer: str
    providers: list[str]
    resource: str
    gw: float | None
    gw_bound: str | None
    chips: int | None
    chips_bound: str | None
    usd: float | None
    usd_bound: str | None
    usd_vague: bool
    eur: float | None
    eur_bound: str | None
    eur_vague: bool
    year: int | None
    status: str
    evidence: str
    evidence_start: int
    evidence_end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class InvestmentFact:
    investor: str
    investee: str
    instrument: str
    usd: float | None
    usd_bound: str | None
    usd_vague: bool
    eur: float | None
    eur_bound: str | None
    eur_vague: bool
    shares: int | None
    evidence: str
    evidence_start: int
    evidence_end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ExtractedFacts:
    deals: list[DealFact] = field(default_factory=list)
    investments: list[InvestmentFact] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"deals": [d.to_dict() for d in self.deals], "investments": [i.to_dict() for i in self.investments]}


# --- figures -----------------------------------------------------------------------------

_EMPTY_FIGURES = {"gw": None, "gw_bound": None, "chips": None, "chips_bound": None, "usd": None,
                  "usd_bound": None, "usd_vague": False, "eur": None, "eur_bound": None, "eur_vague": False,
                  "shares": None}


def _figures(amounts: list[Amount], kinds: tuple[str, ...]) -> dict:
    """The first amount of each kind, as fact fields; vague chip counts are no count."""
    figures = dict(_EMPTY_FIGURES)
    for amount in amounts:
        if amount.kind not in kinds or figures[amount.kind] is not None:
            continue
        if amount.kind == "chips":
            if amount.vague:
                continue
            figures["chips"], figures["chips_bound"] = int(amount.value), amount.bound
        elif amount.kind == "shares":
            figures["shares"] = int(amount.value)
        else:
            figures[amount.kind], figures[amount.kind + "_bound"] = amount.value, amount.bound
            if amount.kind in ("usd", "eur"):
                figures[amount.kind + "_vague"] = amount.vague
    return figures


def _is_money(amount: Amount) -> bool:
    return amount.kind in ("usd", "eur") and amount.is_contract_value


# "15 Mrd. Dollar in Rechenzentren investieren", "8 Mrd. Dollar an dem Start-up beteiligt",
# "an $11 billion investment": money an investment cue follows
_INVEST_VERB_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:investier\w*|stecken|gesteckt|zu investieren|beteiligt)\b|"
    r"\s+(?:[\w-]+\s+)?(?:investment|Investition|capex|capital expenditure)"
)


_NAME_BETWEEN = re.compile(r"[,;–—]")
# "invest $50bn in data centres": spending on compute, not an equity stake
_CAPEX_AFTER = re.compile(
    r"(?:[^.;]|\.(?=\d)){0,40}?\b(?:in|into)\s+(?:(?:new|neue\w*|its|seine\w*|eigene\w*|the|die|den)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:[\w-]*data ?cent\w*|[\w-]*Rechenzentr\w*|infrastructure|[\w-]*Infrastruktur\w*|capacity|"
    r"[\w-]*Kapazit\w*|compute|computing|Rechenleistung|chips|GPUs)"
)  # a clause break between a company and a verb: not its subject


_OWN_SUPPLY_CLAUSE = re.compile(
    r"(?:[^.;,]){0,60}?\b(?:und|and)\s+(?:\w+\s+){0,2}?(?:liefert|liefern|supplies|supply|provides|delivers|"
    r"vermietet|rents|leases)\b"
)


def _invested_money(sentence: str, amount: Amount) -> bool:
    """Money right after an investment cue ("investiert 5 Mrd.", "invest up to $10bn") is not a deal value;
    nor is money before a German verb-final investment ("will 15 Mrd. Dollar in Rechenzentren investieren")."""
    if _INVEST_VERB_AFTER.match(sentence[amount.end : amount.end + 60]):
        return True
    before = sentence[max(0, amount.start - 45) : amount.start]
    cues = [m.end() for m in INVEST_VERB.finditer(before)]
    if re.match(r"\s+(?:in|an|into)\b", sentence[amount.end : amount.end + 10]):  # "Investition von X in Y"
        cues += [m.end() for m in INVEST_NOUN.finditer(before)]
    if not cues:
        return False
    return not DEAL_CUE.search(before[max(cues) :])


_CLAUSE_BREAK = re.compile(r"[,;:–—]")


def _own_project_money(sentence: str, amount: Amount) -> bool:
    """Money next to a company's own sites ("in die eigenen Rechenzentren …, die 30 Mrd. Dollar kosten", "its own
    data centres, which cost $30bn") is what it spends on them, not the value of a deal."""
    return any(m.end() <= amount.start <= m.end() + 60 or 0 <= m.start() - amount.end <= 40
               for m in _OWN_PROJECT.finditer(sentence))


# "is spending $11bn on buildings, power and cooling", "a pledge to spend $500bn in the US", "will 20 Mrd. Euro in
# Deutschland investieren": money spent on construction or in a country is no value of a deal with someone else
_SPEND_BEFORE = re.compile(r"(?i:\b(?:spend\w*|spent|pledg\w*|ausgeben|ausgegeben|gibt|steck\w*|invest\w*)\b"
                           r"(?:\s+(?:up to|bis zu|about|rund|etwa|more than|mehr als|über|nearly|fast))?\s*$)")
_ON_OWN_SITES_AFTER = re.compile(
    r"(?i:\s+(?:on|in|for|für|into)\s+(?:(?:the|new|neue\w*|de[mnr]|die|das)\s+)?"
    r"(?:buildings?|construction|Bau\b|Gebäude|Neubau\w*|land|Grundstück\w*|power and cooling|cooling|Kühlung|"
    r"the US|the U\.S\.|the United States|America|the UK|Britain|Germany|Europe|"
    r"den USA|den Vereinigten Staaten|Amerika|Deutschland|Europa|Großbritannien|Frankreich|France|Japan|India|Indien)\b)"
)


_SPEND_AFTER = re.compile(r"(?i:(?:[^.;,]){0,50}?\b(?:steck\w*|investier\w*|ausgeben|ausgibt|aus)\b)")


def _construction_money(sentence: str, amount: Amount) -> bool:
    site = _ON_OWN_SITES_AFTER.match(sentence, amount.end)
    return bool(site and (_SPEND_BEFORE.search(sentence[max(0, amount.start - 40) : amount.start])
                          or _SPEND_AFTER.match(sentence, site.end())))


def _closest_money(amounts: list[Amount], anchor: int, taken: set[int], sentence: str = "") -> list[Amount]:
    candidates = [a for a in amounts if _is_money(a) and a.start not in taken]
    # money after the cue belongs to it only within its clause ("Nvidia will 10 Mrd. investieren, Microsoft 5 Mrd.")
    candidates = [a for a in candidates if a.start < anchor or not _CLAUSE_BREAK.search(sentence, anchor, a.start)]
    candidates = [a for a in candidates if abs(a.start - anchor) <= _MONEY_MAX_DISTANCE]
    if not candidates:
        return []
    # money follows its cue ("investiert 5 Mrd. in", "a $350m stake") or sits right before it
    candidates = [a for a in candidates if a.start >= anchor or anchor - a.end <= 30]
    if not candidates:
        return []
    best = min(candidates, key=lambda a: (a.start < anchor, abs(a.start - anchor)))
    taken.add(best.start)
    return [best]


# --- the voice of a press release --------------------------------------------------------

# "About Anthropic" / "Über die Deutsche Telekom": the boilerplate line naming who issued a press release
_ABOUT_LINE = re.compile(r"^[ \t]*(?:About|Über)\s+(?:(?:die|der|das|the)\s+)?(?P<name>[^\n.:]{2,60}?)[ \t]*$", re.M)
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|[Ww]ir|[Uu]nser\w*|uns)\b")
_QUOTE_MARK = re.compile(r"[\"“”„«»]")


def _issuer(text: str) -> str | None:
    """The buying company a press release speaks for ("we", "our"), named in its "About …" line."""
    for line in _ABOUT_LINE.finditer(text):
        name = line.group("name")
        mentions = find_companies(name)
        if len(mentions) == 1 and (mentions[0].start, mentions[0].end) == (0, len(name.rstrip("’'s"))):
            info = company_info(mentions[0].name)
            return mentions[0].name if info and info.role in ("lab", "buyer") else None
    return None


# --- per sentence ------------------------------------------------------------------------


@dataclass
class _SentenceFacts:
    start: int
    end: int
    deals: list[dict] = field(default_factory=list)
    investments: list[dict] = field(default_factory=list)
    free_amounts: list[Amount] = field(default_factory=list)  # figures no fact in this sentence took
    names: set[str] = field(default_factory=set)
    party_names: list[str] = field(default_factory=list)  # in order, for the context of later sentences
    compute: bool = False  # speaks of compute
    tentative: list[dict] = field(default_factory=list)  # deals announced without the compute, which may follow
    raiser: str | None = None  # the company this sentence says raised a funding round


def _analyse(
    text: str, start: int, end: int, lang: str | None, last_investee: str | None, context: Context,
    issuer: str | None = None,
) -> _SentenceFacts:
    sentence = text[start:end]
    result = _SentenceFacts(start, end)
    mentions = find_companies(sentence)[:_MAX_MENTIONS_PER_SENTENCE]
    # "das Start-up", "the chip giant": the company of that kind just named
    described, unresolved = resolve_descriptors(sentence, mentions, context.history)
    mentions = sorted(mentions + described, key=lambda m: m.start)
    # a company named only as a rival is none a later "das Start-up" can mean
    context.remember([m.name for m in mentions if not is_rival(sentence, m)])
    result.names = {m.name for m in mentions}
    amounts = find_amounts(sentence, lang)
    parties = party_mentions(sentence, mentions)
    result.party_names = [m.name for m in parties if not m.via_product]
    result.compute = bool(COMPUTE_CUE.search(sentence))
    result.raiser = fundraiser(sentence, parties)
    pair = context.pair()
    both = BOTH_PARTIES.search(sentence) if pair else None
    if both:  # "Die beiden Konzerne wollen gemeinsam …": the two just named
        parties = sorted(parties + [CompanyMention(name, both.start(), both.start(), False) for name in pair],
                         key=lambda m: m.start)
    first_person = _FIRST_PERSON.search(sentence) if issuer and issuer not in result.names else None
    if (first_person and not _QUOTE_MARK.search(sentence)
            and not any(company_info(m.name).role in ("lab", "buyer") for m in parties)):
        # "Amazon remains our primary cloud provider" in Anthropic's press release: "our" is the issuer
        parties = sorted(parties + [CompanyMention(issuer, first_person.start(), first_person.start(), False)],
                         key=lambda m: m.start)
    negated = negated_segments(sentence)
    if negated == [(0, len(sentence))]:
        return result

    def clean(names: set[str], anchor: int) -> bool:
        """No party and not the cue stand in a denied or hedged part of the sentence."""
        positions = [m.start for m in parties if m.name in names] + ([anchor] if anchor >= 0 else [])
        return not any(s <= p < e or p == e == len(sentence) for p in positions for s, e in negated)

    taken: set[int] = set()
    for draft in find_investments(sentence, parties, last_investee, pair if both else None, context.buyer()):
        if not clean({draft.investor, draft.investee}, draft.anchor):
            continue
        money = _closest_money(amounts, draft.anchor, taken, sentence) if draft.anchor >= 0 else []
        shares = [a for a in amounts if a.kind == "shares"] if draft.instrument == "warrant" else []
        figures = _figures(money + shares, ("usd", "eur", "shares"))
        result.investments.append(
            {"investor": draft.investor, "investee": draft.investee, "instrument": draft.instrument,
             **{k: figures.get(k) for k in ("usd", "usd_bound", "usd_vague", "eur", "eur_bound", "eur_vague")},
             "shares": figures.get("shares")}
        )
    deal_amounts = [
        a for a in amounts
        if a.is_contract_value and a.start not in taken and a.kind in ("gw", "chips", "usd", "eur")
        and not (a.kind in ("usd", "eur") and (_invested_money(sentence, a) or _own_project_money(sentence, a)
                                                 or _construction_money(sentence, a)))
    ]
    # "three weeks after Nvidia said it intends to invest in the startup": an investor is no supplier here
    # ("Anthropic will invest $50bn in data centres built with Fluidstack" spends on compute: still a buyer)
    verbs = [verb.start() for verb in INVEST_VERB.finditer(sentence)
             if not _CAPEX_AFTER.match(sentence, verb.end())]
    # ("Nvidia ist an CoreWeave beteiligt und liefert die GPUs": an investor with a supply clause of its own still is)
    investors = {id(m) for m in parties for verb in verbs
                 if 0 <= verb - m.end <= 40 and not _NAME_BETWEEN.search(sentence, m.end, verb)
                 and not _OWN_SUPPLY_CLAUSE.match(sentence, verb)}
    # "Microsoft will invest $5bn in the startup, while Nvidia is committing up to $10bn": a second investor
    investors |= {id(m) for m in parties if verbs and m.start > verbs[0]
                  and ELLIPTICAL_INVESTOR_AFTER.match(sentence[m.end : m.end + 60])}
    deal_parties = [m for m in parties if id(m) not in investors]
    roles = {company_info(m.name).role for m in deal_parties}
    below = "hosting" if roles == {"hosting"} else "neocloud" if roles and roles <= {"neocloud", "hosting"} else None
    # an unresolved "the chip giant" / "das Start-up" is a party the sentence leaves open: none from context
    deal_args = (sentence, deal_parties, amounts, None if unresolved & {"lab", "startup"} else context.buyer(below),
                 None if unresolved - {"lab", "startup"} else context.provider())
    drafts = [d for d in find_deals(*deal_args, context_compute=context.compute())
              if clean({d.buyer, *d.providers}, d.anchor)]
    for draft in drafts:
        own = deal_amounts if len(drafts) == 1 else []  # an open list of suppliers shares no figure
        if len(drafts) > 1 and len(draft.providers) == 1:
            # "a 6-gigawatt agreement with AMD and a 10-gigawatt letter of intent with Nvidia": each its own figure
            own = [a for a in deal_amounts if _deal_phrase_before(sentence, a, draft.anchor, parties)]
        result.deals.append(_deal_dict(sentence, draft, own))
    if not drafts:
        # figures in a denied or hedged part of the sentence continue nothing
        result.free_amounts = [a for a in deal_amounts if not any(s <= a.start < e for s, e in negated)]
        if not negated:
            result.tentative = [_deal_dict(sentence, d, []) for d in find_deals(*deal_args, assume_compute=True)]
    return result


_DEAL_NOUN_WITH = re.compile(
    r"(?i:^[\w\s-]{0,25}?\b(?:deal|agreement|contract|order|letter of intent|pact|commitment|Vertrag|Auftrag|"
    r"Vereinbarung|Absichtserklärung|Bestellung|Deal)s?\s+(?:with|mit|from|von|bei)\s+(?:(?:the|de[mnr])\s+)?$)"
)


def _deal_phrase_before(sentence: str, amount: Amount, anchor: int, parties: list[CompanyMention]) -> bool:
    """Whether `amount` sizes the deal noun right before the party at `anchor` ("a 6-gigawatt agreement with AMD",
    "ein 6-Gigawatt-Vertrag mit AMD")."""
    if not 0 <= anchor - amount.end <= 45 or any(amount.end <= m.start < anchor for m in parties):
        return False
    return bool(_DEAL_NOUN_WITH.match(sentence[amount.end : anchor]))


def _deal_dict(sentence: str, draft: DealDraft, amounts: list[Amount]) -> dict:
    figures = _figures(amounts, ("gw", "chips", "usd", "eur"))
    del figures["shares"]
    return {"buyer": draft.buyer, "providers": sorted(draft.providers),
            "resource": deal_resource(sentence, draft.providers), **figures,
            "year": capacity_year(sentence), "status": deal_status(sentence)}


def _continues(text: str, previous: _SentenceFacts, current: _SentenceFacts) -> bool:
    """Whether `current` refers back to the facts of `previous` instead of stating new ones."""
    if current.deals or current.investments:
        return False
    if not current.free_amounts and capacity_year(text[current.start : current.end]) is None:
        return False
    if any(company_info(name).role != "chip" for name in current.names - _parties(previous)):
        return False  # a new company: a new subject, not more on the same deal (chip makes aside)
    opening = text[current.start : current.start + 100]
    sentence = text[current.start : current.end]
    money_first = [a for a in current.free_amounts if a.kind in ("usd", "eur") and a.start <= _MONEY_SUBJECT_START]
    return bool(CONTINUATION.search(opening) or COMPANY_CONTINUATION.search(opening) and DEAL_CUE.search(sentence)
                or money_first and not current.names and DEFINITE_REFERENCE.search(sentence, money_first[0].end)
                or _refers_back(sentence, current, _parties(previous)))


# "Schon im kommenden Jahr soll dadurch mehr als ein Gigawatt bereitstehen", "Under the deal, …": a reference to
# the deal just stated anywhere in the sentence
_ANAPHORA = re.compile(
    r"(?i:\b(?:dadurch|hierdurch|dafür|hierfür|thereby|through it|under it|as part of it|"
    r"in return|im Gegenzug|(?:es geht|geht es) um)\b)|"
    r"\b(?i:the|these|those|die|diese|den|dieser)\s+(?:[\w-]+\s+){0,2}?"
    r"(?i:chips|GPUs|TPUs|accelerators|processors|Beschleuniger\w*|Grafikprozessoren|Prozessoren|Systeme|systems|"
    r"servers|Server)\b"
)
# spending on one's own sites is no figure of a deal with someone else
_OWN_PROJECT = re.compile(
    r"(?i:\b(?:its own|their own|eigene[nmrs]?|seine[nmrs]? eigene\w*|ihre[nmrs]? eigene\w*)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:[\w-]*data ?cent\w*|[\w-]*Rechenzentr\w*|campus\w*|facilit\w*|infrastructure|"
    r"[\w-]*Infrastruktur))"
)


def _refers_back(sentence: str, current: _SentenceFacts, parties: set[str]) -> bool:
    """Whether a sentence with figures and no fact of its own speaks of the deal just stated: by a reference
    anywhere in it ("der Auftrag", "dadurch", "the chips"), or by naming or describing one of its parties
    ("Das Start-up", "Google's TPUs") in a sentence on a deal or compute. No company outside the deal (checked by
    the caller), no spending on its own sites."""
    if _OWN_PROJECT.search(sentence):
        return False
    if DEFINITE_REFERENCE.search(sentence) or _ANAPHORA.search(sentence):
        return True
    if not current.names and _PRONOUN_SUBJECT.match(sentence) and (DEAL_CUE.search(sentence)
                                                                    or _PAYMENT.search(sentence)):
        return True  # "It will pay $300bn for the capacity": the buyer just named
    # "CoreWeave will serve as anchor tenant": the party named in another role, not more on this deal
    if not current.names or not current.names <= parties or TENANT_AFTER.search(sentence):
        return False
    # "Der Facebook-Konzern zahlt dem Suchmaschinenkonzern 10 Mrd. Dollar": both parties and a payment say enough
    both = len(current.names) >= 2
    return bool((DEAL_CUE.search(sentence) or _PAYMENT.search(sentence)) and (COMPUTE_CUE.search(sentence) or both))


_PRONOUN_SUBJECT = re.compile(r"\W*(?:It|They|Sie)\s+(?:will|would|is|are|has|have|plans?|wants?|expects?|"
                             r"agreed|wird|werden|soll|sollen|will|wollen|hat|haben|zahl\w*|pay\w*)\b")
_PAYMENT = re.compile(r"(?i:\b(?:zahl\w*|bezahl\w*|pay(?:s|ing)?|paid)\b)")


def _parties(sentence: _SentenceFacts) -> set[str]:
    names = {d["buyer"] for d in sentence.deals} | {p for d in sentence.deals for p in d["providers"]}
    return names | {i["investor"] for i in sentence.investments} | {i["investee"] for i in sentence.investments}


def _fill(fact: dict, amounts: list[Amount], kinds: tuple[str, ...], year: int | None) -> dict:
    """Fill the figures a fact lacks from a continuing sentence; figures it has stay."""
    extra = _figures(amounts, kinds)
    for kind in kinds:
        if fact.get(kind) is None and extra.get(kind) is not None:
            fact[kind] = extra[kind]
            if kind != "shares":
                fact[kind + "_bound"] = extra[kind + "_bound"]
            if kind in ("usd", "eur"):
                fact[kind + "_vague"] = extra[kind + "_vague"]
    if "year" in fact and fact["year"] is None:
        fact["year"] = year
    return fact


# --- article -----------------------------------------------------------------------------


def extract_facts(text: str, lang: str | None = None) -> ExtractedFacts:
    """Deals and investments stated in `text` ('de'/'en' hint for `lang`; detected when None)."""
    if not text:
        return ExtractedFacts()
    lang = lang or detect_language(text)
    context = Context()
    deals: list[tuple[dict, int, int]] = []
    investments: list[tuple[dict, int, int]] = []
    last_investee: str | None = None
    previous: _SentenceFacts | None = None
    chain = gap = 0
    issuer = _issuer(text)
    for start, end in split_sentences(text):
        current = _analyse(text, start, end, lang, last_investee, context, issuer)
        context.push(current.party_names, current.compute)
        if (previous is not None and (previous.deals or previous.investments)
                and chain < _MAX_CONTINUATION_SENTENCES and _continues(text, previous, current)):
            year = capacity_year(text[start:end])
            span_start = previous.start
            for collection, facts, kinds in ((deals, previous.deals, ("gw", "chips", "usd", "eur")),
                                              (investments, previous.investments, ("usd", "eur"))):
                # money a continuing sentence commits to compute is no amount of the investment before it
                money_for = collection is deals or not (previous.deals or current.compute)
                for fact in facts:
                    _fill(fact, current.free_amounts if money_for else [], kinds, year)
                for i, (fact, s, _) in enumerate(collection):
                    if any(fact is f for f in facts):
                        collection[i] = (fact, s, end)
            chain += 1
            previous = _SentenceFacts(span_start, end, previous.deals, previous.investments, [], previous.names)
            continue
        if previous is not None and previous.tentative and not current.deals and not current.investments:
            sentence = text[start:end]
            tentative_parties = {d["buyer"] for d in previous.tentative} | {
                p for d in previous.tentative for p in d["providers"]}
            # "Microsoft baut die Partnerschaft mit Nebius aus. Der Softwarekonzern zahlt 17 Mrd. Dollar für
            # GPU-Kapazität": a party named again (or the deal referred to) with compute and figures
            # the make of the chips ("Nvidia GPUs") is no new party
            names = {n for n in current.names if n in tentative_parties or company_info(n).role != "chip"}
            refers = (current.free_amounts and names <= tentative_parties and COMPUTE_CUE.search(sentence)
                      and _refers_back(sentence, _SentenceFacts(start, end, names=names), tentative_parties))
            # "CoreWeave hat sich einen Fünfjahresvertrag mit OpenAI gesichert. Dessen Wert: 11,9 Mrd. Dollar.": a
            # contract with a seller of compute, valued by the next sentence
            sells_compute = any(company_info(p).role in ("cloud", *CAPACITY_ROLES)
                                for d in previous.tentative for p in d["providers"])
            valued = bool(sells_compute and not current.names and DEFINITE_REFERENCE.search(sentence)
                          and any(a.kind in ("usd", "eur") for a in current.free_amounts))
            refers = refers or valued
            if refers or not current.names and any(a.kind in ("gw", "chips") for a in current.free_amounts):
                # "X kündigt eine Kooperation mit Y an. In einer ersten Phase werden 8.000 GPUs eingesetzt."
                kinds = ("gw", "chips", "usd", "eur") if refers else ("gw", "chips")
                filled = [_fill(fact, current.free_amounts, kinds, capacity_year(sentence)) for fact in previous.tentative]
                deals += [(fact, previous.start, end) for fact in filled]
                # the deal now stands: later sentences may add to it ("The contract is valued at …")
                previous = _SentenceFacts(previous.start, end, filled, [], [], previous.names | current.names)
                chain = gap = 0
                continue
        if (previous is not None and gap < _MAX_SKIPPED_SENTENCES and not current.deals
                and not current.investments and not current.free_amounts and current.names <= _parties(previous)):
            gap += 1  # "Das teilten beide Unternehmen mit." between a deal and its figures
            continue
        chain = gap = 0
        deals += [(d, start, end) for d in current.deals]
        investments += [(i, start, end) for i in current.investments]
        if current.investments:
            last_investee = current.investments[-1]["investee"]
        elif current.raiser:
            last_investee = current.raiser
        previous = current if (current.deals or current.investments or current.tentative) else None
    headline = lambda start, end: is_headline(text, start, end)
    deal_facts = [
        DealFact(**fact, evidence=text[s:e], evidence_start=s, evidence_end=e)
        for fact, s, e in merge_facts(deals, lambda f: (f["buyer"], tuple(f["providers"])), headline)
    ]
    investment_facts = [
        InvestmentFact(**fact, evidence=text[s:e], evidence_start=s, evidence_end=e)
        for fact, s, e in merge_facts(investments, lambda f: (f["investor"], f["investee"]), headline)
    ]
    return ExtractedFacts(deal_facts, investment_facts)
