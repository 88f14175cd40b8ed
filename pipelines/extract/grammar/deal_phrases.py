"""Deal rules that read who buys from a phrase of the sentence: a list of suppliers, the passive, "lease … to",
a tenant, "from X", "build … for", a supply verb.

Each rule takes a `DealSentence` and returns None when its phrase is not there (the next rule is asked), or
the deals the phrase states. Their order is `DEAL_RULES` in deal_rules.py.
"""

from __future__ import annotations

import re

from ..companies import Role, company_info, role_rank
from .clauses import NAME_BREAK, coordinated, unique
from .cues import ACQUIRE, SUPPLY_VERB
from .deal_sentence import BUILD_FOR, DealSentence, is_joint
from .drafts import DealDraft
from .party_filter import NON_PARTY_BEFORE

# "OpenAI's suppliers include …", "OpenAI's web of suppliers, which includes …", "Zu den Lieferanten von OpenAI
# gehören …", "Die Anbieter von OpenAI sind unter anderem …": every company listed supplies the owner
_SUPPLIER_NOUN = re.compile(
    r"(?i:\b(?:suppliers|providers|compute providers|cloud providers|Lieferanten|Zulieferern?|Anbietern?|"
    r"Rechenzentrumspartnern?|Cloud-Anbietern?)\b)"
)
_LIST_VERB_AFTER = re.compile(
    r"(?i:,?\s*(?:(?:which|that)\s+)?(?:includes?|including|such as|gehören|zählen|sind unter anderem|darunter|"
    r"are|sind)\b\s*:?\s*$)"
)
_OWNER_AFTER_NOUN = re.compile(r"(?i:\s+(?:von|des|of)\s+$)")


_SUPPLIER_ROLE_NOUN = re.compile(
    r"(?i:\s+(?:is|remains|was|ist|bleibt|war|wird)\s+(?:(?:also|auch|weiterhin|still|nach wie vor)\s+)?(?:(?:trotz|despite)"
    r"[^,;]{0,40}?\s+)?$)"
)
_OWNED_SUPPLIER_AFTER = re.compile(
    r"(?:['’]s?|s)\s+(?:(?:main|primary|largest|biggest|most important|key|wichtigste\w*|größte\w*|"
    r"bevorzugte\w*)\s+)?(?:cloud provider|cloud partner|training partner|compute provider|chip supplier|"
    r"Cloud-Anbieter|Cloudanbieter|Cloud-Partner|Trainingspartner|Chiplieferant)\b"
)
_OWNER_BEFORE_NOUN = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,4}")
# "Oracle wird von AMD mit 50.000 GPUs beliefert", "Anthropic is supplied by Microsoft": the subject receives
_PASSIVE_AUX = re.compile(r"\b(?:wird|werden|wurde|wurden|is|are|was|were|will be|being)\b")
_PASSIVE_PARTICIPLE = re.compile(
    r"\b(?:beliefert|versorgt|ausgestattet|bedient|supplied|provided|served|equipped|hosted)\b"
)
_AGENT_BEFORE = re.compile(r"(?i:\b(?:von|vom|by)\s+(?:(?:de[mnr]|the)\s+)?(?:[\w-]+\s+){0,3}?)$")
_BUILT_PARTICIPLE = re.compile(r"\b(?:errichtet|gebaut|erbaut|built|constructed|developed)\b")
_FOR_BEFORE = re.compile(r"(?i:\b(?:für|for)\s+(?:(?:de[mnr]|die|das|the)\s+)?(?:[\w-]+\s+){0,2}?)$")
# "lease 168MW … to Fluidstack", "vermietet Rechenleistung an Microsoft": whoever it is leased to buys
_LEASE_TO = re.compile(
    r"(?i:\b(?:lease[sd]?|leasing|(?:sub)?let(?:s|ting)?|rent(?:s|ed|ing)?(?= out)|vermiet\w*)\b[^.;]{0,90}?"
    r"\b(?:to|an)\s+(?:(?:the|de[mnr]|die)\s+)?(?:[\w-]+\s+){0,2}?)$"
)
_LEASE_VERB = re.compile(r"(?i:\b(?:lease[sd]?|leasing|(?:sub)?let(?:s|ting)?|rent(?:s|ed|ing)?|vermiet\w*)\b)")
_TENANT_NOUN_BETWEEN = re.compile(
    r"(?i:^(?:['’]s?|\s+(?:hat|has|have|had|gewinnt|gewann|won|wins|signed|landed)\b)[^.;,:]{0,40}?"
    r"\b(?:Mieter|Kunden?|Ankerkunden?|Ankermieter|Großkunden?|tenants?|customers?|clients?)\b"
    r"\s*(?:(?:is|are|was|were|ist|sind|war|waren|gewonnen)\b\s*)?[:–—]?\s*$)"
)
_FROM_BEFORE = re.compile(r"(?i:\b(?:from|von|bei|beim|aus|vom)\s+(?:(?:de[mnrs]|the|its|seine[nm]?)\s+)?(?:[\w-]+\s+){0,3}?)$")
_POSSESSIVE_CAPACITY = re.compile(
    r"['’]s?\s+(?:\w+\s+){0,2}(?:compute|capacity|cloud|GPUs|TPUs|chips|accelerators|servers|data ?cent\w*|"
    r"Rechenzentr\w*|Kapazit\w*)"
)


def owned_supplier(d: DealSentence) -> list[DealDraft] | None:
    """A company named as another's supplier: the first supplies the second.

    de: "Amazon bleibt Anthropics wichtigster Cloud-Anbieter."
    en: "Google is Meta's main cloud provider."
    """
    if not (d.has_compute or d.context_compute):
        return None
    named = d.named
    for a, owner in zip(named, named[1:]):
        if (a.name != owner.name and _SUPPLIER_ROLE_NOUN.search(d.sentence[a.end : owner.start])
                and _OWNED_SUPPLIER_AFTER.match(d.sentence, owner.end)
                and company_info(owner.name).role in (Role.LAB, Role.BUYER)):
            return [DealDraft(owner.name, (a.name,), a.start)]
    return None


def supplier_list(d: DealSentence) -> list[DealDraft] | None:
    """A list of a company's suppliers: every company listed supplies the owner.

    de: "Zu den Lieferanten von OpenAI gehören Oracle, Microsoft und CoreWeave, die Rechenleistung bereitstellen."
    en: "OpenAI's compute suppliers include Oracle, Microsoft and CoreWeave."
    """
    if not (d.has_compute or d.context_compute):
        return None
    sentence, named = d.sentence, d.named
    noun = _SUPPLIER_NOUN.search(sentence)
    if not noun:
        return None
    # the owner: "OpenAI's (existing web of) suppliers" or "Lieferanten von OpenAI"
    owner = next((m for m in reversed(named) if m.end <= noun.start() and
                  _OWNER_BEFORE_NOUN.fullmatch(sentence, m.end, noun.start())), None)
    rest = noun.end()
    if owner is None:
        owner = next((m for m in named if m.start >= noun.end() and _OWNER_AFTER_NOUN.fullmatch(
            sentence[noun.end() : m.start].rstrip() + " ")), None)
        rest = owner.end if owner else rest
    if owner is None or company_info(owner.name).role not in (Role.LAB, Role.BUYER):
        return None
    listed = [m for m in named if m.start >= rest and m.name != owner.name]
    if not listed or not _LIST_VERB_AFTER.search(sentence[rest : listed[0].start]):
        return None
    chain = [listed[0]]
    for m in listed[1:]:
        if not coordinated(sentence, chain[-1], m):
            break
        chain.append(m)
    return [DealDraft(owner.name, (m.name,), m.start) for m in unique(chain)] or None


def passive_supply(d: DealSentence) -> list[DealDraft] | None:
    """A company supplied by another: the subject buys from the agent.

    de: "Oracle wird von AMD mit 50.000 GPUs beliefert."
    en: "Anthropic is supplied by Microsoft with GPU capacity."
    """
    sentence, parties = d.sentence, d.parties
    for aux in _PASSIVE_AUX.finditer(sentence):
        participle = _PASSIVE_PARTICIPLE.search(sentence, aux.end(), aux.end() + 140)
        if not participle:
            continue
        subject = [p for p in parties if p.end <= aux.start() and p.start != p.end]
        if not subject or NAME_BREAK.search(sentence, subject[-1].end, aux.start()):
            continue
        # the agent: "von AMD" between auxiliary and German participle, or "by Microsoft" after the English one
        agents = [p for p in parties if p.name != subject[-1].name and aux.end() <= p.start <= participle.end() + 60
                  and _AGENT_BEFORE.search(sentence[max(0, p.start - 40) : p.start])]
        if agents:
            return [DealDraft(subject[-1].name, (agents[0].name,), participle.start())]
    return None


def passive_build_for(d: DealSentence) -> list[DealDraft] | None:
    """Something built by one company for another: whoever it is built for buys from the builder.

    de: "Das Rechenzentrum wird vom Entwickler Crusoe für Oracle errichtet."
    en: "The data centre is being built by Crusoe for Oracle."
    """
    sentence, parties = d.sentence, d.parties
    for aux in _PASSIVE_AUX.finditer(sentence):
        participle = _BUILT_PARTICIPLE.search(sentence, aux.end(), aux.end() + 120)
        if not participle:
            continue
        window = [p for p in parties if aux.end() <= p.start <= participle.end() + 60 and p.start != p.end
                  and not (p.start > participle.end() and re.search(r"[,;:–—]", sentence[participle.end() : p.start]))]
        agents = [p for p in window if _AGENT_BEFORE.search(sentence[max(0, p.start - 40) : p.start])]
        customers = [p for p in window if _FOR_BEFORE.search(sentence[max(0, p.start - 30) : p.start])]
        if agents and customers and agents[0].name != customers[0].name:
            return [DealDraft(customers[0].name, (agents[0].name,), participle.start())]
    return None


def lease_to(d: DealSentence) -> list[DealDraft] | None:
    """Capacity leased to a company: it buys from the landlord named before (or the supplier just named).

    de: "IREN vermietet Rechenleistung an Microsoft."
    en: "Applied Digital will lease 168 MW of capacity to CoreWeave."
    """
    sentence, parties = d.sentence, d.parties
    for m in parties:
        if m.start == m.end or not _LEASE_TO.search(sentence[max(0, m.start - 130) : m.start]):
            continue
        verbs = [v for v in _LEASE_VERB.finditer(sentence, 0, m.start)]
        if not verbs:
            continue
        landlords = [p for p in parties if p.end <= verbs[-1].start() and p.name != m.name and p.start != p.end]
        if landlords:
            return [DealDraft(m.name, (landlords[-1].name,), verbs[-1].start())]
        if (d.context_provider and d.context_provider != m.name and d.priced
                and role_rank(d.context_provider) > role_rank(m.name)):
            return [DealDraft(m.name, (d.context_provider,), verbs[-1].start())]
    return None


def tenant(d: DealSentence) -> list[DealDraft] | None:
    """A company named as another's tenant or customer: the tenant buys.

    de: "Lambda hat für seine GPU-Cloud einen prominenten Mieter: Nvidia."
    en: "CoreWeave's largest GPU cloud customer is Microsoft."
    """
    named = [p for p in d.parties if p.start != p.end]
    for a, b in zip(named, named[1:]):
        if a.name != b.name and _TENANT_NOUN_BETWEEN.search(d.sentence[a.end : b.start]):
            return [DealDraft(b.name, (a.name,), b.start)]
    return None


def from_x(d: DealSentence) -> list[DealDraft] | None:
    """A buying verb with "from X" / "bei X" / "X's capacity": X provides, the other party buys.

    de: "OpenAI bezieht Chips von Nvidia, AMD und Broadcom."
    en: "Meta rents GPU capacity from CoreWeave."
    """
    sentence, parties = d.sentence, d.parties
    acquire = ACQUIRE.search(sentence)
    if not acquire or len(parties) < 2:
        return None
    for m in parties:
        # "from X", not "Abhängigkeit von X" / "dependence on X"
        from_x = (_FROM_BEFORE.search(sentence[max(0, m.start - 40) : m.start])
                  and not NON_PARTY_BEFORE.search(sentence[max(0, m.start - 60) : m.start]))
        their_capacity = m.start > acquire.start() and _POSSESSIVE_CAPACITY.match(sentence[m.end : m.end + 50])
        if not (from_x or their_capacity):
            continue
        others = [p for p in parties if p.name != m.name]
        earlier = [p for p in others if p.start < m.start]
        # "Oracle is not the only supplier; OpenAI also rents from CoreWeave": the subject of its own clause
        cut = max((b.end() for b in re.finditer(r"[;:]", sentence, 0) if b.end() <= m.start), default=0)
        in_clause = [p for p in earlier if p.start >= cut]
        if cut and earlier and not in_clause:  # the subject is a description resolved to a name before
            in_clause = [min(earlier, key=lambda p: (role_rank(p.name), p.start))]
        earlier = in_clause or earlier
        buyer = earlier[0] if earlier else min(others, key=lambda p: (role_rank(p.name), p.start))
        # "rents capacity from Microsoft, …, and from CoreWeave": every "from" names a supplier;
        # "bezieht Chips von Nvidia, AMD und Qualcomm": so does every company coordinated with it
        listed = [m]
        for p in parties:
            if p.start > listed[-1].start and p.name != buyer.name and coordinated(sentence, listed[-1], p):
                listed.append(p)
        if len(listed) > 1 and is_joint(sentence, listed, d.priced):
            return [DealDraft(buyer.name, tuple(sorted(p.name for p in listed)), m.start)]
        more = [p for p in parties if p.start > m.start and p.name != buyer.name
                and (_FROM_BEFORE.search(sentence[max(0, p.start - 40) : p.start])
                     or _POSSESSIVE_CAPACITY.match(sentence[p.end : p.end + 50]))]
        return [DealDraft(buyer.name, (p.name,), p.start) for p in unique(listed + more)]
    return None


def build_for(d: DealSentence) -> list[DealDraft] | None:
    """One company builds for another: whoever it is built for buys.

    de: "Crusoe baut für Oracle ein Rechenzentrum in Texas."
    en: "Nscale is building a data centre for Microsoft."
    """
    sentence, parties = d.sentence, d.parties
    build = BUILD_FOR.search(sentence)
    if not build:
        return None
    builders = [p for p in parties if p.end <= build.start()]
    customer = next((p for p in parties if p.start >= build.end() - 1 and
                     re.fullmatch(r"(?:[\w-]+\s+){0,2}", sentence[build.end() : p.start])), None)
    if builders and customer and builders[-1].name != customer.name:
        return [DealDraft(customer.name, (builders[-1].name,), build.start())]
    return None


def supply_verb(d: DealSentence) -> list[DealDraft] | None:
    """A supply verb between a supplier and a buyer ranking above it: the subject supplies.

    de: "Nvidia liefert an OpenAI zehn Gigawatt an Systemen."
    en: "AMD will provide OpenAI with six gigawatts of GPUs."
    """
    sentence, parties = d.sentence, d.parties
    supply = SUPPLY_VERB.search(sentence)
    if not supply:
        return None
    before = [p for p in parties if p.end <= supply.start()]
    after = [p for p in parties if p.start >= supply.end()]
    if before and after and role_rank(before[-1].name) > role_rank(after[0].name):
        return [DealDraft(after[0].name, (before[-1].name,), supply.start())]
    return None
