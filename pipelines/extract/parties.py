"""Who an article names: the registry's companies and organisations the registry does not know.

Known companies come from the registry (companies.yaml), by name, alias or product. Organisations
outside it are recognised from the text by the rules of open_names.py (legal forms, descriptors,
abbreviations, public bodies, lists) and by the learned party tagger (model/tagger.py), which reads
the words around a name ("led by X", "X liefert Strom"). They keep the name the text uses
(names.clean_name) and are collected in the `company_candidates` table for review.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from .companies import company_info, canonical_company
from .document import Document
from .lexicon import lexicon
from .mentions import PartyMention, PartySource
from .model.tagger import PartyTagger
from .name_words import plausible_open_name
from .names import clean_name, name_occurrences
from .open_names import (acronym_mentions, apposition_mentions, descriptor_mentions, government_mentions,
                         legal_form_mentions, list_mentions, public_body_mentions)


class OpenKind(str, Enum):
    """What an organisation outside the registry is, from the words of its name."""
    INVESTOR = "investor"
    ENERGY = "energy"
    RESEARCH = "research"
    COMPANY = "company"


@dataclass
class Entity:
    """One organisation of the article with all its mentions."""
    name: str
    known: bool
    kind: str  # the registry role (lab, cloud, chip, …) or an OpenKind value prefixed "open_"
    mentions: list[PartyMention] = field(default_factory=list)

    @property
    def named(self) -> list[PartyMention]:
        """Mentions by name, not only by product."""
        return [m for m in self.mentions if m.source != PartySource.PRODUCT]


def open_kind(name: str) -> OpenKind:
    """ "Brightwater Capital" -> investor, "Stadtwerke Musterstadt" -> energy, "Universität X" -> research."""
    lex = lexicon()
    for cls, kind in (("org_investor_name", OpenKind.INVESTOR), ("org_energy_name", OpenKind.ENERGY),
                      ("org_research_name", OpenKind.RESEARCH)):
        if lex.search(cls, name):
            return kind
    return OpenKind.COMPANY


# Cue classes that stand right before or after a party of a deal or an investment ("von X", "led by X",
# "X liefert", "X invests"): a name the tagger finds elsewhere (a place, a product, a person) is no party.
_BEFORE_A_PARTY = frozenset({"from", "with", "by", "into", "to", "lead", "participate", "investor_noun",
                             "customer", "provider_noun", "list_marker"})
_AFTER_A_PARTY = frozenset({"supply", "acquire", "invest", "lease_out", "sign", "use", "access", "build",
                            "round", "deal_noun", "money_verb"})


_PARTY_POSITION_WORDS = 3
TAGGER_MIN_PROBABILITY = 0.5  # that a token is part of a name (CRF marginal); in_party_position filters the rest


def in_party_position(doc: Document, start: int, end: int) -> bool:
    """Whether a cue that introduces or follows a party stands within three words of the span."""
    sentence = doc.sentences[doc.sentence_index(start)]
    before = doc.tokens_between(sentence[0], start)[-_PARTY_POSITION_WORDS:]
    after = doc.tokens_between(end, sentence[1])[:_PARTY_POSITION_WORDS]
    if before and any(cls in _BEFORE_A_PARTY for cls, _, _ in doc.cues_between(before[0].start, start)):
        return True
    return bool(after) and any(cls in _AFTER_A_PARTY for cls, _, _ in doc.cues_between(end, after[-1].end))


def find_parties(doc: Document, tagger: PartyTagger | None = None) -> list[PartyMention]:
    """Every party mention in the article, in order, without overlaps (the registry wins)."""
    mentions = [PartyMention(m.name, m.start, m.end, PartySource.PRODUCT if m.via_product else PartySource.REGISTRY)
                for m in doc.registry]
    taken = [(m.start, m.end) for m in mentions]
    overlaps = lambda s, e: any(ts < e and s < te for ts, te in taken)
    vouched = (descriptor_mentions(doc) + apposition_mentions(doc) + acronym_mentions(doc) + public_body_mentions(doc)
               + government_mentions(doc))
    open_found = legal_form_mentions(doc) + vouched + list_mentions(doc, mentions + vouched)
    if tagger is not None:
        for span in tagger.tag(doc, TAGGER_MIN_PROBABILITY):
            if in_party_position(doc, span.start, span.end):
                open_found.append(PartyMention(clean_name(span.text), span.start, span.end, PartySource.TAGGER))
    accepted = []
    for m in sorted(open_found, key=lambda m: (m.start, -(m.end - m.start))):
        if overlaps(m.start, m.end) or not plausible_open_name(m.name):
            continue
        known = canonical_company(m.name)
        mentions.append(PartyMention(known, m.start, m.end, PartySource.REGISTRY) if known else m)
        taken.append((m.start, m.end))
        if not known:
            accepted.append(m)
    for m in _other_occurrences(doc, accepted):
        if not overlaps(m.start, m.end):
            mentions.append(m)
            taken.append((m.start, m.end))
    return sorted(mentions, key=lambda m: m.start)


def _other_occurrences(doc: Document, accepted: list[PartyMention]) -> list[PartyMention]:
    """Every other place where the article writes a name already recognised as an organisation: "Rebellions
    merged with …" is the party found in "invested in Rebellions" (one article names one organisation alike;
    the name found where a cue vouches for it, its other mentions give the decision layer their contexts)."""
    found = []
    for m in accepted:
        surface = doc.text[m.start:m.end]
        for start, end in name_occurrences(doc.text, surface):
            if start != m.start:
                found.append(PartyMention(m.name, start, end, m.source))
    return found


def group_entities(mentions: list[PartyMention]) -> dict[str, Entity]:
    """The article's organisations. A short open name that begins a longer one named in the article is the
    same organisation ("Brightwater" after "Brightwater Capital Partners"); a genitive "Quokkas" is "Quokka"."""
    open_names = Counter(m.name for m in mentions if not m.known)
    alias: dict[str, str] = {}
    for name in open_names:
        longer = [n for n in open_names if n != name and n.startswith(name + " ")]
        if longer:
            alias[name] = max(longer, key=lambda n: (open_names[n], len(n)))
        elif name.endswith("s") and name[:-1] in open_names:
            alias[name] = name[:-1]
    entities: dict[str, Entity] = {}
    for m in mentions:
        name = alias.get(m.name, m.name)
        if name not in entities:
            info = company_info(name) if m.known else None
            kind = info.role if info else f"open_{open_kind(name).value}"
            entities[name] = Entity(name, m.known, kind)
        entities[name].mentions.append(m if name == m.name else PartyMention(name, m.start, m.end, m.source))
    return entities
