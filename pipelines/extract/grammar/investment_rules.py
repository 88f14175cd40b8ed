"""Who invests in whom within one sentence: the ordered investment rules.

An investment needs an investment cue (investiert in, Beteiligung an, stake in, backed by, warrant …); the
investor stands before an active cue and the investee after it.

`INVESTMENT_RULES` is applied in order; the first rule that decides wins, and every investment names its rule.
A tuple in the list is a group whose rules all add what they find (one sentence may state shares received, an
investment verb and a stake). To add a rule: write `rule(s: InvestmentSentence) -> list[InvestmentDraft] | None`
with a docstring giving a German and an English example, put it in the list, and add a test named after it.
"""

from __future__ import annotations

import re

from ..companies import CompanyMention, Role, company_info, find_companies
from .clauses import NAME_BETWEEN, NAME_LIST_GAP, coordinated, likewise, strip_names, unique
from .cues import INVEST_NOUN, INVESTOR_NOUN, INVESTORS_FOLLOW, RECEIVE_VERB, WARRANT, words
from .drafts import Instrument, InvestmentDraft, apply_rules
from .investment_sentence import (
    ELLIPTICAL_INVESTOR_AFTER,
    INVESTEE_BEFORE,
    OBJECT_BEFORE,
    SALE_BEFORE,
    SHARES_AFTER,
    WITH_INVESTED_AFTER,
    InvestmentSentence,
    dedupe,
)

_FUNDING_ROUND = re.compile(
    r"(?i:(?:(?:funding|financing|investment|Finanzierungs|Investitions)[ -]?(?:round|runde)|"
    r"Seri(?:es|e)[ -][A-H]\d?(?:[ -](?:round|Runde|funding|Finanzierungsrunde))?)\s+(?:\S+\s+){0,4}?"
    r"(?:for|of|in|von|für|bei|des|der)\s+(?:(?:de[mnrs]|the)\s+)?(?:[\w-]+\s+){0,3}?)"
)
_UNNAMED_INVESTEE = re.compile(
    r"(?i:\b(?:in|into|an|bei)\s+(?:the|de[mnr]|das|die)\s+(?:[\w-]+\s+)?(?:start-?up|company|firm|lab|Start-up|"
    r"Unternehmen|KI-Entwickler|KI-Firma|KI-Labor|AI developer|AI lab)\b)"
)
_RECEIVE_BEFORE = re.compile(r"(?i:" + words("receive_verb") + r"\s+$)")
_STAKE_IN_BEFORE = re.compile(
    r"(?i:\b(?:stake|Beteiligung|Anteil|shares|Aktien)\b(?:[^.;]|\.(?=\d)){0,40}?\b(?:in|an|of|von|at)\s+"
    r"(?:(?:de[mnr]|the)\s+)?$)"
)
_RECEIVE = re.compile(words("receive_verb", "hold_verb"))
# "received warrants from AMD", "was granted warrants by AMD", "erhält von AMD Optionsscheine": the source issues
_SOURCE_BEFORE = re.compile(r"(?i:\b(?:by|from|von|vom|seitens)\s+(?:(?:the|de[mnr])\s+)?(?:[\w-]+\s+)?$)")
_SALE_AFTER = re.compile(r"[^,;.]{0,80}?\b(?:verkauft|veräußert|abgestoßen|abgegeben|zu Geld gemacht)\b")
_OWN_SHARE_AFTER = re.compile(
    r"(?:['’]s)?\s*,\s*(?P<clause>(?:die|der|das|which|who|that)\s+[^,;]{0,50}?"
    r"(?:[$€]\s?\d|\d[\d.,]*\s*(?:Mrd|Milliard|Mio|Million|bn|billion|million)))"
)
_ALONGSIDE_BEFORE = re.compile(r"(?i:\b(?:neben|außer|besides|alongside|apart from|next to|like|wie)\s+(?:de[mnr]\s+|the\s+)?$)")
_FRONTED_OBJECT_BEFORE = re.compile(r"(?:^|[.;:]\s*)\W*(?i:in|an|bei|beim)\s+$")
_BACKING_BEFORE = re.compile(r"(?i:back\w*)\s+$")
_STAKE_TAIL = re.compile(r"(?i:\s*(?:(?:von|of)\s+[^.]{0,40}?\s+)?(?:in|an|into|at)\b)")
_COMPOUND_NOUN_GAP = re.compile(r"[\s-]|['’]?s\s+(?:[\w-]+\s+){0,2}")
_INVESTOR_OF_AFTER = re.compile(r"(?i:\s*(?:in|of|von|bei|des|der|at)\b)")


def warrant(s: InvestmentSentence) -> list[InvestmentDraft] | None:
    """Warrants: the holder invests in the issuer, whose shares the warrants are on (investor = holder).

    The issuer is the company whose shares they are ("AMD-Aktien", "shares of TeraWulf"), else the source ("from
    AMD", "von AMD", "by AMD"), else the subject of a granting verb; a receiving or holding verb makes its subject
    the holder.

    de: "AMD gewährt OpenAI Optionsscheine auf bis zu 160 Millionen AMD-Aktien."
    de: "Im Gegenzug erhält OpenAI von AMD Optionsscheine auf bis zu 160 Millionen Aktien."
    en: "AMD granted OpenAI warrants to acquire up to 160 million shares of AMD."
    en: "OpenAI was granted warrants by AMD for up to 160 million shares."
    """
    sentence, parties = s.sentence, s.parties
    found = WARRANT.search(sentence)
    if not found:
        return None
    named = unique(parties)
    if len(named) == 1:  # "erhält Microsoft Optionsscheine auf … Hut 8-Aktien": the issuer named by its shares
        named += [m for m in find_companies(sentence) if m.start > found.start() and m.name != named[0].name
                  and SHARES_AFTER.match(sentence, m.end)][:1]
    if len(named) < 2:
        return []
    issuer, holder = named[0], named[1]
    if (_RECEIVE.search(sentence[issuer.end : found.start()])
            or _RECEIVE_BEFORE.search(sentence[max(0, issuer.start - 25) : issuer.start])):
        issuer, holder = holder, issuer  # "Google received warrants", "erhält Google Optionsscheine"
    if (_SOURCE_BEFORE.search(sentence[max(0, holder.start - 40) : holder.start])
            and not _SOURCE_BEFORE.search(sentence[max(0, issuer.start - 40) : issuer.start])):
        issuer, holder = holder, issuer  # "OpenAI was granted warrants by AMD", "Von AMD erhält OpenAI …"
    # the company whose shares the warrants are on: "auf … TeraWulf-Aktien", "a stake of 5% in Cipher"
    on_shares = [m for m in find_companies(sentence) if m.start > found.start() and m.name != holder.name
                 and (SHARES_AFTER.match(sentence, m.end)
                      or _STAKE_IN_BEFORE.search(sentence[max(0, m.start - 60) : m.start]))]
    if on_shares:
        issuer = on_shares[0]
    return [InvestmentDraft(holder.name, issuer.name, Instrument.WARRANT, -1)]


def investors_follow(s: InvestmentSentence) -> list[InvestmentDraft] | None:
    """Investors listed after "led by" / "angeführt von" / "investors include": each invests in the company named
    before (or the one the sentences before said raised money).

    de: "Mistral AI sammelt 1,7 Mrd. Euro ein, angeführt von ASML, beteiligt waren auch Nvidia und Microsoft."
    en: "Mistral raised €1.7bn in a round led by ASML, with participation from Nvidia."
    """
    sentence, parties = s.sentence, s.parties
    follow = INVESTORS_FOLLOW.search(sentence)
    if not follow:
        return None
    investors = unique([m for m in parties if m.start >= follow.end()])
    # "Neben ASML zogen auch bisherige Geldgeber mit": a fellow investor, not the investee
    before = [m for m in parties if m.end <= follow.start()
              and not _ALONGSIDE_BEFORE.search(sentence[max(0, m.start - 25) : m.start])]
    investee = before[-1].name if before else s.last_investee
    if not investee:
        return []
    # a round's investors share its total: an amount only where a clause on the investor gives its own
    # ("angeführt von SoftBank, die bis zu 30 Mrd. Dollar beisteuern soll")
    return [
        InvestmentDraft(m.name, investee, Instrument.EQUITY, own.start("clause") if own else -1)
        for m in investors if m.name != investee
        for own in [_OWN_SHARE_AFTER.match(sentence, m.end)]
    ]


def funding_round(s: InvestmentSentence) -> list[InvestmentDraft] | None:
    """A funding round for a named company: every other company in the sentence (no lab) invests in it; the
    round's total is no single investor's amount.

    de: "SoftBank führt eine Finanzierungsrunde für OpenAI über 40 Mrd. Dollar an, auch Microsoft ist dabei."
    en: "SoftBank led a $40bn funding round for OpenAI, with Microsoft also participating."
    """
    sentence, parties = s.sentence, s.parties
    round_ = _FUNDING_ROUND.search(sentence)
    if not round_:
        return None
    investee = next((m for m in parties if m.start >= round_.end() - 1 and
                     re.match(r"\s*$", sentence[round_.end() : m.start])), None)
    if not investee:
        return None
    investors = unique([m for m in parties if m.name != investee.name and company_info(m.name).role != Role.LAB])
    return [InvestmentDraft(m.name, investee.name, Instrument.EQUITY, -1) for m in investors]


def shares_received(s: InvestmentSentence) -> list[InvestmentDraft] | None:
    """A company receives another's shares: it holds equity in the issuer.

    de: "Im Gegenzug erhält OpenAI CoreWeave-Aktien im Wert von 350 Mio. Dollar."
    en: "OpenAI receives CoreWeave shares worth $350m."
    """
    sentence, parties, drafts = s.sentence, s.parties, []
    for issuer in find_companies(sentence):  # "CoreWeave-Aktien" is no party of a deal, but the issuer here
        if not SHARES_AFTER.match(sentence, issuer.end):
            continue
        receive = list(RECEIVE_VERB.finditer(sentence, max(0, issuer.start - 60), issuer.start))
        if not receive or NAME_BETWEEN.search(sentence, receive[-1].end(), issuer.start):
            continue
        verb = receive[-1]
        inverted = [m for m in parties if verb.end() <= m.start < issuer.start and m.name != issuer.name]
        subject = [m for m in parties if m.end <= verb.start() and m.name != issuer.name
                   and not NAME_BETWEEN.search(sentence, m.end, verb.start())]
        holder = (inverted or subject[-1:] or [None])[0]
        if holder is not None:
            drafts.append(InvestmentDraft(holder.name, issuer.name, Instrument.EQUITY, issuer.start))
    return drafts or None


def relative_investee(s: InvestmentSentence) -> list[InvestmentDraft] | None:
    """An investment verb in a relative clause on the investee: the company named before it invests.

    de: "Amazon stärkt Anthropic, an dem es mit 8 Mrd. Dollar beteiligt ist."
    en: "Microsoft backs OpenAI, in which it has invested $13bn."
    """
    drafts = [InvestmentDraft(investor.name, investee.name, Instrument.EQUITY, verb.start())
              for verb in s.verbs for investor, investee in [s.relative_investee(verb) or (None, None)] if investor]
    return drafts or None


def invest_verb(s: InvestmentSentence) -> list[InvestmentDraft] | None:
    """An investment verb: its subject invests in the company behind "in"/"an"/"backing" (German verb-final and
    fronted objects too); a second investor stated elliptically invests in the same; an investee the sentence
    leaves unnamed ("in the startup") is the lab of the sentence or the one just named.

    de: "Google hat 2 Mrd. Dollar in Anthropic gesteckt."
    en: "Nvidia will invest up to $100bn in OpenAI, and Microsoft up to $5bn."
    """
    sentence, parties, drafts = s.sentence, s.parties, []
    investees: list[str] = []
    pending: list[tuple[CompanyMention, int]] = []  # investors whose investee the sentence names elsewhere
    for verb in s.verbs:
        relative = s.relative_investee(verb)
        if relative:
            investees.append(relative[1].name)
            continue
        # the subject; in German verb-final clauses the investee ("in Anthropic") also precedes the verb
        before = [m for m in parties if m.end <= verb.start()
                  and not (OBJECT_BEFORE.search(sentence[max(0, m.start - 60) : m.start])
                           and not NAME_BETWEEN.search(sentence, m.end, verb.start()))]
        if not before:
            # "Beide Partner beteiligen sich an Anthropic: …": the investee, for the investors named later
            investees += [m.name for m in s.investee_after(verb.end(), "")]
            continue
        investor = before[-1]
        found = s.investee_after(verb.end(), investor.name)
        if not found:  # German verb-final: "Google hat 3 Mrd. Dollar in Anthropic gesteckt"
            found = [m for m in s.investee_after(investor.end, investor.name) if m.end <= verb.start()]
        if not found:  # fronted object: "An Lambda ist Nvidia beteiligt", "In Anthropic hat Google 2 Mrd. gesteckt"
            fronted = [m for m in parties if m.end <= investor.start and m.name != investor.name
                       and _FRONTED_OBJECT_BEFORE.search(sentence[max(0, m.start - 12) : m.start])
                       and not NAME_BETWEEN.search(sentence, m.end, verb.start())]
            found = fronted[-1:]
        if found:
            investees += [m.name for m in found]
            alike = [p for p in parties if p.name not in {investor.name, *(m.name for m in found)}
                     and (likewise(sentence, investor, p) or likewise(sentence, p, investor))]
            # "Google und Amazon sind beide an Anthropic beteiligt": every subject coordinated before the investor
            nearest = investor
            for m in reversed([m for m in parties if m.end <= investor.start]):
                if m.name in {a.name for a in alike} | {investor.name} or not coordinated(sentence, m, nearest):
                    break
                alike.append(m)
                nearest = m
            drafts += [InvestmentDraft(i.name, m.name, Instrument.EQUITY, verb.start())
                       for i in [investor] + alike for m in found]
        else:
            pending.append((investor, verb.start()))
        # "Nvidia will invest up to $10bn and Microsoft up to $5bn": the elliptical second investor
        for m in parties:
            if m.start > verb.end() and ELLIPTICAL_INVESTOR_AFTER.match(sentence[m.end : m.end + 40]):
                pending.append((m, m.start))
    if pending:
        target, pending = _pending_investee(s, investees, pending)
        if target:
            drafts += [InvestmentDraft(m.name, target, Instrument.EQUITY, pos) for m, pos in pending if m.name != target]
    return drafts or None


def _pending_investee(s: InvestmentSentence, investees: list[str], pending: list[tuple[CompanyMention, int]]
                      ) -> tuple[str | None, list[tuple[CompanyMention, int]]]:
    """The investee of investors whose own clause names none: one named elsewhere in the sentence, the company
    "backed", one of "the two companies", or the lab an unnamed "the startup" stands for."""
    sentence, parties = s.sentence, s.parties
    target = investees[0] if investees else None
    if target is None:
        backing = [m for m in parties if INVESTEE_BEFORE.search(sentence[max(0, m.start - 12) : m.start])
                   and _BACKING_BEFORE.search(sentence[max(0, m.start - 12) : m.start])]
        target = backing[0].name if backing else None
    if target is None and s.pair and len(pending) == 1 and pending[0][0].name in s.pair:
        target = s.pair[1] if pending[0][0].name == s.pair[0] else s.pair[0]  # "the two … and X invested"
    if target is None and _UNNAMED_INVESTEE.search(sentence):
        # "Microsoft, which has invested $13bn in the startup": the lab of the sentence or the one just named
        labs = [m.name for m in parties if company_info(m.name).role == Role.LAB and m.name not in
                {p.name for p, _ in pending}]
        subject = parties[0]
        if not labs and len(pending) == 1 and company_info(pending[0][0].name).role == Role.LAB and (
                company_info(subject.name).role != Role.LAB and subject.start < pending[0][0].start):
            # "Nvidia kündigte an, OpenAI Systeme zu liefern und 100 Mrd. Dollar in das Unternehmen zu
            # investieren", "Amazon is Anthropic's biggest backer and has put $8bn into the company": the lab
            # nearest the verb is the company referred to; the subject of the sentence invests
            return pending[0][0].name, [(subject, pending[0][1])]
        target = labs[0] if labs else s.context_lab
    return target, pending


def stake_noun(s: InvestmentSentence) -> list[InvestmentDraft] | None:
    """A stake noun: the company before it holds a stake in the company behind "in"/"an".

    de: "Google hält ebenso wie Amazon Anteile an Anthropic."
    en: "Nvidia holds a 7% stake in CoreWeave."
    """
    sentence, parties, drafts = s.sentence, s.parties, []
    for noun in INVEST_NOUN.finditer(sentence):
        before = [m for m in parties if m.end <= noun.start()]
        if SALE_BEFORE.search(sentence[max(0, noun.start() - 50) : noun.start()]) or _SALE_AFTER.match(
                sentence, noun.end()):
            continue  # "sold its stake in Nvidia", "seine Beteiligung an Arm verkauft"
        if not before or not _STAKE_TAIL.match(sentence[noun.end() : noun.end() + 80]):
            continue
        investors = [before[-1]]  # "Google hält ebenso wie Amazon Anteile an Anthropic": both
        while len(investors) < len(before) and (coordinated(sentence, before[-len(investors) - 1], investors[0])
                                                or likewise(sentence, before[-len(investors) - 1], investors[0])):
            investors.insert(0, before[-len(investors) - 1])
        for investee in s.investee_after(noun.end(), before[-1].name):
            drafts += [InvestmentDraft(m.name, investee.name, Instrument.EQUITY, noun.start()) for m in investors]
    return drafts or None


def investor_noun(s: InvestmentSentence) -> list[InvestmentDraft] | None:
    """An investor noun: "a Lambda shareholder", "Anthropic's biggest backer", "Investoren von X", and the
    appositive "beim Investor Microsoft" next to a lab.

    de: "Nvidia ist Kunde, Lieferant und Lambda-Aktionär."
    en: "Amazon is Anthropic's largest backer with $8bn invested."
    """
    sentence, parties = s.sentence, s.parties
    noun = INVESTOR_NOUN.search(sentence)
    if not noun:
        return None
    # "a Lambda shareholder", "Lambda-Aktionär", "Anthropic's biggest backer"
    compound = [m for m in parties if m.end <= noun.start() and _COMPOUND_NOUN_GAP.fullmatch(sentence, m.end, noun.start())]
    subject = [m for m in parties if m.end <= noun.start() and (not compound or m.name != compound[0].name)]
    if compound and subject:  # "Nvidia is a buyer, supplier and a Lambda shareholder"
        # "… Anthropic's largest backer with $8bn invested": the amount belongs to the backer
        with_money = WITH_INVESTED_AFTER.match(sentence, noun.end())
        return [InvestmentDraft(subject[0].name, compound[0].name, Instrument.EQUITY,
                                noun.end() if with_money else -1)]
    before = unique([m for m in parties if m.end <= noun.start()])
    after = [m for m in parties if m.start >= noun.end()]
    if before and after and _INVESTOR_OF_AFTER.match(sentence[noun.end() : noun.end() + 30]):
        investee = after[0].name
        return [InvestmentDraft(m.name, investee, Instrument.UNSPECIFIED, -1) for m in before if m.name != investee]
    if after and re.match(r"\s*$", sentence[noun.end() : after[0].start]):
        # appositive "beim Investor Microsoft will OpenAI …": the lab in the sentence is the investee
        investor = after[0]
        labs = [m for m in parties if m.name != investor.name and company_info(m.name).role == Role.LAB]
        # "von OpenAI, SoftBank, Oracle und dem Investor MGX": named in one list with the lab, not its investor
        labs = [m for m in labs if not (m.end <= noun.start() and NAME_LIST_GAP.fullmatch(
            strip_names(sentence[m.end : noun.start()], [p for p in parties if m.end <= p.start < noun.start()],
                        m.end)))]
        if labs:
            return [InvestmentDraft(investor.name, labs[0].name, Instrument.UNSPECIFIED, -1)]
    return []


# The order is the precedence: a warrant, a list of a round's investors and a round for a named company say more
# than an investment verb; an investor noun is the last resort.
INVESTMENT_RULES = (
    warrant,
    investors_follow,
    funding_round,
    (shares_received, relative_investee, invest_verb, stake_noun),
    investor_noun,
)


def find_investments(
    sentence: str,
    mentions: list[CompanyMention],
    last_investee: str | None,
    pair: tuple[str, str] | None = None,
    context_lab: str | None = None,
) -> list[InvestmentDraft]:
    """Investments and warrants stated in one sentence; see InvestmentSentence."""
    s = InvestmentSentence(sentence, mentions, last_investee, pair, context_lab)
    if not s.parties:
        return []
    return dedupe(apply_rules(INVESTMENT_RULES, s))
