"""Who an article names: the registry's companies and organisations the registry does not know.

Known companies come from the registry (companies.yaml), by name, alias or product. Organisations
outside it are recognised from the text: by a legal form after a capitalised name ("Stadtwerke
Musterstadt GmbH", "Quokka Compute Inc.") and by the learned party tagger (model/tagger.py),
which reads the words around a name ("led by X", "X liefert Strom"). They keep the name the text
uses (names.clean_name) and are collected in the `company_candidates` table for review.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from .companies import company_info, canonical_company
from .document import Document
from .lexicon import lexicon
from .names import clean_name, name_occurrences
from .model.tagger import PartyTagger
from .model.vocabulary import zipf


class PartySource(str, Enum):
    REGISTRY = "registry"  # a name or alias in companies.yaml
    PRODUCT = "product"  # a product that points at its maker ("TPU" -> Google)
    LEGAL_FORM = "legal_form"  # a capitalised name before GmbH, AG, Inc., Ltd. …
    LIST = "list"  # a capitalised name listed together with other organisations ("led by X, with A, B and C")
    TAGGER = "tagger"  # recognised by the learned tagger


class OpenKind(str, Enum):
    """What an organisation outside the registry is, from the words of its name."""
    INVESTOR = "investor"
    ENERGY = "energy"
    RESEARCH = "research"
    COMPANY = "company"


@dataclass(frozen=True)
class PartyMention:
    name: str
    start: int
    end: int
    source: PartySource

    @property
    def known(self) -> bool:
        return self.source in (PartySource.REGISTRY, PartySource.PRODUCT)


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


_CAPITALISED = r"[A-ZÄÖÜ0-9][\w&.’'-]*"
_NAME_BEFORE_FORM = re.compile(
    rf"(?P<name>(?:{_CAPITALISED}\s+(?:(?:&|und|and|of|de|für)\s+)?){{0,4}}{_CAPITALISED})\s*,?\s+"
    r"(?P<form>GmbH(?:\s*&\s*Co\.\s*KG)?|AG|SE|KGaA|Inc\.?|Corp\.?|Corporation|Ltd\.?|LLC|plc|PLC|S\.A\.|N\.V\.|Limited)"
    r"(?![\w])"
)
_MAX_NAME_WORDS = 6


def open_kind(name: str) -> OpenKind:
    """ "Brightwater Capital" -> investor, "Stadtwerke Musterstadt" -> energy, "Universität X" -> research."""
    lex = lexicon()
    for cls, kind in (("org_investor_name", OpenKind.INVESTOR), ("org_energy_name", OpenKind.ENERGY),
                      ("org_research_name", OpenKind.RESEARCH)):
        if lex.search(cls, name):
            return kind
    return OpenKind.COMPANY


def legal_form_mentions(doc: Document) -> list[PartyMention]:
    """Names ending in a legal form ("Stadtwerke Musterstadt GmbH", the form dropped) or in a word that ends
    company names ("Sakana AI", "Harbor Peak Ventures", "Lindenhof Labs", kept): lexicon classes legal_form and
    org_name_suffix."""
    found = []
    for m in _NAME_BEFORE_FORM.finditer(doc.text):
        name = clean_name(m.group(0))
        if name and len(name.split()) <= _MAX_NAME_WORDS:
            start = doc.text.find(name.split()[0], m.start())
            found.append(PartyMention(name, start, m.end("form"), PartySource.LEGAL_FORM))
    suffix = lexicon().pattern("org_name_suffix")
    for s_start, s_end in doc.sentences:
        for start, end in _name_runs(doc, s_start, s_end):
            words = doc.text[start:end].split()
            if len(words) < 2 or not suffix.fullmatch(words[-1]) or suffix.fullmatch(words[0]):
                continue
            # "Sakana AI"; "Die Sakana AI", "Tokyo-based Sakana AI", "Start-up Sakana AI": the words before dropped
            kept = _trim_leading_words(words)
            if len(kept) >= 2 and not suffix.fullmatch(kept[0]) and len(kept) <= _MAX_NAME_WORDS:
                name = clean_name(" ".join(kept))
                found.append(PartyMention(name, end - len(" ".join(kept)), end, PartySource.LEGAL_FORM))
    return found


_HYPHEN_ADJECTIVE = re.compile(r"\w+-[a-zäöüß]")  # "Tokyo-based", "US-amerikanische"


def _trim_leading_words(words: list[str]) -> list[str]:
    """A run of capitalised words without the descriptions before the name: function words ("Die"), common
    words ("Start-up", "Chipkonzern"), hyphenated adjectives ("Tokyo-based")."""
    function = lexicon().pattern("function_word")
    company_noun = lexicon().pattern("company_noun")
    while len(words) > 2 and (function.fullmatch(words[0]) or _common_word(words[0]) or company_noun.fullmatch(words[0])
                              or _HYPHEN_ADJECTIVE.match(words[0])):
        words = words[1:]
    return words


_SEPARATOR = re.compile(r"\s*(?:,\s*(?:(?:and|und|sowie|or|oder)\s+)?|\s+(?:and|und|sowie|or|oder|as well as|plus)\s+)")
_CONNECTOR_WORDS = {"&", "of", "de", "for", "für"}
_LIST_MIN_ITEMS = 3  # a list of names this long is a list of organisations even when none is known


def _name_runs(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words in text[start:end] ("Nexus Venture Partners", "Alice & Bob")."""
    runs: list[list[int]] = []
    previous_end = None
    for token in doc.tokens_between(start, end):
        word = token.text
        capital = bool(re.match(r"[A-ZÄÖÜ]", word) or word.isdigit() and len(word) <= 4)
        joins = runs and previous_end is not None and doc.text[previous_end : token.start] in (" ", "")
        if capital and joins and runs[-1][1] == previous_end:
            runs[-1][1] = token.end
        elif word in _CONNECTOR_WORDS and runs and runs[-1][1] == previous_end and doc.text[previous_end : token.start] == " ":
            runs[-1].append(-1)  # provisional: kept only if a capitalised word follows
            runs[-1][1] = token.end
        elif capital:
            runs.append([token.start, token.end])
        previous_end = token.end
    cleaned = []
    for run in runs:
        s, e = run[0], run[1]
        text = doc.text[s:e]
        while text.split() and text.split()[-1] in _CONNECTOR_WORDS:  # "Alice &" without "Bob"
            text = text.rsplit(" ", 1)[0] if " " in text else ""
        if re.search(r"[^\W\d_]", text) and not text.split()[-1].isdigit():
            cleaned.append((s, s + len(text)))
    return cleaned


def list_mentions(doc: Document, known: list[PartyMention]) -> list[PartyMention]:
    """Names listed with other organisations: "angeführt von Accel, mit Lightspeed, Saab und Prima Materia",
    "investors include Nexus Venture Partners, TVS Capital and Blackstone". A list counts when it names a
    known organisation or has at least three names; German common nouns ("Rechenzentren") are no names."""
    found = []
    for s_start, s_end in doc.sentences:
        runs = _name_runs(doc, s_start, s_end)
        groups: list[list[tuple[int, int]]] = []
        for run in runs:
            if groups and _SEPARATOR.fullmatch(doc.text[groups[-1][-1][1] : run[0]]):
                groups[-1].append(run)
            else:
                groups.append([run])
        for group in groups:
            if len(group) < 2:
                continue
            has_known = any(any(m.start < e and s < m.end for m in known) for s, e in group)
            if not has_known and len(group) < _LIST_MIN_ITEMS:
                continue
            for s, e in group:
                if any(m.start < e and s < m.end for m in known):
                    continue
                name = clean_name(doc.text[s:e])
                if _common_word(name):
                    continue
                found.append(PartyMention(name, s, e, PartySource.LIST))
    return found


_COMPOUND_TAIL = 5  # letters: the shortest common German noun that ends a compound ("-werke", "-technik")


def _common_word(name: str) -> bool:
    """A single common word of either language ("Rechenzentren", "Cloud", "However") is no name, nor a German
    compound ending in one ("Netzwerktechnik")."""
    words = name.split()
    if len(words) != 1:
        return False
    word = words[0].split("-")[-1]
    de, en = zipf(word)
    if de >= 2.5 and en < 1.5 or en >= 3.5 and de < 1.5 or min(de, en) >= 4.0:
        return True
    return any(zipf(word[i:])[0] >= 3.0 and zipf(word[i:])[0] - zipf(word[i:])[1] >= 1.5
               for i in range(3, len(word) - _COMPOUND_TAIL + 1))


def _plausible_open_name(name: str) -> bool:
    """A recognised name worth a party: starts with a capital or digit, has a letter, is not a lone function word,
    a month, a plural of a chip ("GPUs") or a title (lexicon class not_a_name), nor a number of things
    ("24 Rechenzentren"), and has no more than six words."""
    if not name or not re.match(r"[A-ZÄÖÜ0-9]", name) or not re.search(r"[^\W\d_]", name):
        return False
    words = name.split()
    if len(name) < 2 or len(words) > _MAX_NAME_WORDS:
        return False
    if words[0].isdigit() and len(words) == 2 and _common_word(words[1]):
        return False
    lex = lexicon()
    if lex.pattern("function_word").fullmatch(name) or lex.pattern("not_a_name").fullmatch(words[0]):
        return False
    return not (len(words) == 1 and lex.pattern("not_a_name").fullmatch(name))


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
    open_found = legal_form_mentions(doc) + list_mentions(doc, mentions)
    if tagger is not None:
        for span in tagger.tag(doc, TAGGER_MIN_PROBABILITY):
            if in_party_position(doc, span.start, span.end):
                open_found.append(PartyMention(clean_name(span.text), span.start, span.end, PartySource.TAGGER))
    accepted = []
    for m in sorted(open_found, key=lambda m: (m.start, -(m.end - m.start))):
        if overlaps(m.start, m.end) or not _plausible_open_name(m.name):
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
