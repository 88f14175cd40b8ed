"""Rules that recognise organisations the registry does not know, from the words around their names.

Each rule is a function over the analysed article that returns party mentions under the name the
text uses (names.clean_name): a legal form or a word that ends company names ("Quokka Compute Inc.",
"Sakana AI"), a noun that describes the name before or after it ("der Energiekonzern Engie",
"ParTec, a German supercomputing company"), an abbreviation in brackets ("Los Alamos National
Laboratory (LANL)"), a word of research centres and public bodies ("University of Michigan"), and
a list with other organisations ("led by X, with A, B and C"). parties.py combines them with the
registry and the learned tagger.
"""

from __future__ import annotations

import re

from .document import Document
from .lexicon import lexicon
from .mentions import PartyMention, PartySource
from .name_words import MAX_NAME_WORDS, common_word, name_runs, names_something, proper_word, trim_leading_words
from .names import clean_name, name_occurrences


_CAPITALISED = r"[A-ZÄÖÜ0-9][\w&.’'-]*"
_NAME_BEFORE_FORM = re.compile(
    rf"(?P<name>(?:{_CAPITALISED}\s+(?:(?:&|und|and|of|de|für)\s+)?){{0,4}}{_CAPITALISED})\s*,?\s+"
    r"(?P<form>GmbH(?:\s*&\s*Co\.\s*KG)?|AG|SE|KGaA|Inc\.?|Corp\.?|Corporation|Ltd\.?|LLC|plc|PLC|S\.A\.|N\.V\.|Limited)"
    r"(?![\w])"
)


def legal_form_mentions(doc: Document) -> list[PartyMention]:
    """Names ending in a legal form ("Stadtwerke Musterstadt GmbH", the form dropped) or in a word that ends
    company names ("Sakana AI", "Harbor Peak Ventures", "Lindenhof Labs", kept): lexicon classes legal_form and
    org_name_suffix."""
    found = []
    for m in _NAME_BEFORE_FORM.finditer(doc.text):
        name = clean_name(m.group(0))
        if name and len(name.split()) <= MAX_NAME_WORDS:
            start = doc.text.find(name.split()[0], m.start())
            found.append(PartyMention(name, start, m.end("form"), PartySource.LEGAL_FORM))
    suffix = lexicon().pattern("org_name_suffix")
    for s_start, s_end in doc.sentences:
        for start, end in name_runs(doc, s_start, s_end):
            words = doc.text[start:end].split()
            if len(words) < 2 or not suffix.fullmatch(words[-1]) or suffix.fullmatch(words[0]):
                continue
            # "Sakana AI"; "Die Sakana AI", "Tokyo-based Sakana AI", "Start-up Sakana AI": the words before dropped
            kept = trim_leading_words(words)
            if len(kept) >= 2 and not suffix.fullmatch(kept[0]) and not kept[0].isdigit() and len(kept) <= MAX_NAME_WORDS:
                name = clean_name(" ".join(kept))
                found.append(PartyMention(name, end - len(" ".join(kept)), end, PartySource.LEGAL_FORM))
    return found


def descriptor_mentions(doc: Document) -> list[PartyMention]:
    """A capitalised name right after a noun that says it is an organisation (lexicon classes company_noun and
    investor_noun): "der Energiekonzern Engie", "die Private-Equity-Firma NGP", "US-Investoren Silver Lake",
    "pharmaceutical company Lilly", "chip startup Rebellions", "early backer Benchmark Capital". A common word
    there ("dem Unternehmen Zugang", "the company Thursday") is no name."""
    found = []
    descriptors = [(s, e) for s, e in _descriptor_nouns(doc) if e == len(doc.text) or doc.text[e] == " "]
    if not descriptors:
        return found
    for s_start, s_end in doc.sentences:
        for start, end in name_runs(doc, s_start, s_end):
            # the descriptor right before the run ("company Lilly"), or the first capitalised one inside it
            # ("Energiekonzern Engie", "Neocloud-Anbieter Nebius Group NV"): the name is what follows it
            cue_end = min((e for s, e in descriptors if start - 1 <= e < end and (e >= start or doc.text[e:start] == " ")),
                          default=None)
            if cue_end is None:
                continue
            name_start = max(start, cue_end + 1)
            words = doc.text[name_start:end].split()
            if not words or not proper_word(words[0]) or len(words) > MAX_NAME_WORDS or _names_a_person(doc, name_start, end):
                continue
            found.append(PartyMention(clean_name(" ".join(words)), name_start, end, PartySource.DESCRIPTOR))
    return found


def _descriptor_nouns(doc: Document) -> list[tuple[int, int]]:
    """Where a noun for an organisation stands (lexicon classes company_noun, investor_noun). English writes them in
    lower case: a capitalised "Group" or "Fund" is part of a name ("Softbank Group Corp")."""
    return [(s, e) for cls, s, e in doc.cues if cls in ("company_noun", "investor_noun")
            and (doc.lang != "en" or doc.text[s:e].islower())]


def _names_a_person(doc: Document, start: int, end: int) -> bool:
    """A title of a person (lexicon class person) in the span or among the three words before it."""
    before = doc.tokens_between(doc.sentences[doc.sentence_index(start)][0], start)[-3:]
    begin = before[0].start if before else start
    return any(cls == "person" for cls, _, _ in doc.cues_between(begin, end))


_APPOSITION_WORDS = 6  # words between the article and the noun: "a German modular supercomputing company"
_APPOSITION_ENDS = frozenset({",", ";", ".", ")", "–", "—", "of", "for", "based", "that", "which", "in", "von", "für",
                              "aus", "mit", "der", "die", "das", "im"})
_CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "–", "—"})


def apposition_mentions(doc: Document) -> list[PartyMention]:
    """A capitalised name followed by a description that says it is an organisation: "ParTec, a German modular
    supercomputing company, …", "KT, South Korea's top telecom company", "Intersect, einem Anbieter von Energie-
    und Rechenzentrumsinfrastruktur". The description ends at the noun (lexicon class company_noun or
    investor_noun) and the noun ends the clause or continues it as a description does ("of", "von", "based")."""
    found = []
    nouns = dict(_descriptor_nouns(doc))
    if not nouns:
        return found
    place, function = lexicon().pattern("place_preposition"), lexicon().pattern("function_word")
    for s_start, s_end in doc.sentences:
        tokens = doc.tokens_between(s_start, s_end)
        index = {t.start: i for i, t in enumerate(tokens)}
        for start, end in name_runs(doc, s_start, s_end):
            i = index.get(start)
            j = next((k for k, t in enumerate(tokens) if t.start >= end), None)
            if i is None or j is None or tokens[j].text != ",":
                continue
            before = [t.text for t in tokens[max(0, i - 2):i]]
            if before and (place.fullmatch(before[-1]) or len(before) == 2 and place.fullmatch(before[0])
                           and function.fullmatch(before[1])):
                continue  # "in Texas, the company …", "In the Pacific Northwest, …": a place
            # German describes with a genitive after the noun ("Tessaray, die Entwickler optischer Bauteile")
            german = doc.lang == "de" and j + 1 < len(tokens) and function.fullmatch(tokens[j + 1].text)
            for k in range(j + 1, min(j + 2 + _APPOSITION_WORDS, len(tokens))):
                if tokens[k].text in _CLAUSE_MARKS:
                    break
                noun_end = nouns.get(tokens[k].start)
                if noun_end is None:
                    continue
                if _names_a_person(doc, tokens[j].start, noun_end):
                    break  # "Sungkyue Shin, chief financial officer of the company": a person
                after = next((t for t in tokens[k + 1:] if t.start >= noun_end), None)
                if after is None or after.text.lower() in _APPOSITION_ENDS or german:
                    words = trim_leading_words(doc.text[start:end].split())
                    if proper_word(words[0]) and len(words) <= MAX_NAME_WORDS:
                        text = " ".join(words)
                        found.append(PartyMention(clean_name(text), end - len(text), end, PartySource.DESCRIPTOR))
                break
    return found


_ACRONYM_AFTER = re.compile(r"\s*\(([A-ZÄÖÜ][A-Za-zÄÖÜ&-]{1,7})\)")


def acronym_mentions(doc: Document) -> list[PartyMention]:
    """A name the text abbreviates in brackets, and the abbreviation wherever the article uses it again:
    "Los Alamos National Laboratory (LANL)", "Leibniz-Rechenzentrum (LRZ)", "Mitsubishi UFJ Financial Group
    (MUFG)". The name begins with the abbreviation's first letter; "Power Purchase Agreement (PPA)", all common
    words, is no organisation."""
    found = []
    for s_start, s_end in doc.sentences:
        for start, end in name_runs(doc, s_start, s_end):
            m = _ACRONYM_AFTER.match(doc.text, end)
            if not m or sum(c.isupper() for c in m.group(1)) < 2:
                continue
            acronym = m.group(1)
            words = doc.text[start:end].split()
            while words and words[0][0] != acronym[0]:
                words = words[1:]
            initials = len(re.findall(r"(?:^|[\s-])[A-ZÄÖÜ]", " ".join(words)))
            if not words or len(words) > MAX_NAME_WORDS or initials < max(2, sum(c.isupper() for c in acronym) - 1) \
                    or not names_something(words):
                continue
            name_start = end - len(" ".join(words))
            name = clean_name(" ".join(words))
            found.append(PartyMention(name, name_start, end, PartySource.ACRONYM))
            found += [PartyMention(name, a, b, PartySource.ACRONYM) for a, b in name_occurrences(doc.text, acronym)
                      if a != m.start(1)]
    return found


def public_body_mentions(doc: Document) -> list[PartyMention]:
    """A run of capitalised words with a word of research centres and public bodies (lexicon class
    org_research_name) and a name of its own, a word that is no common word: "University of Michigan",
    "Forschungszentrum Jülich", "Los Alamos National Laboratory", "Leibniz Universität Hannover". Capitalised
    German nouns ("Regierung Investitionen") have no word of their own."""
    found = []
    research = lexicon().pattern("org_research_name")
    for s_start, s_end in doc.sentences:
        for start, end in name_runs(doc, s_start, s_end):
            words = doc.text[start:end].split()
            first = next((i for i, w in enumerate(words) if research.fullmatch(w) or proper_word(w)), len(words))
            words = words[first:]  # "Die University of Michigan", "Das Forschungszentrum Jülich" without the article
            text = " ".join(words)
            if not 2 <= len(words) <= MAX_NAME_WORDS or not any(research.fullmatch(w) for w in words) and not \
                    any(research.fullmatch(f"{a} {b}") for a, b in zip(words, words[1:])):
                continue
            generic = {i for m in research.finditer(text) for i in range(len(text[:m.start()].split()),
                                                                         len(text[:m.end()].split()))}
            if not any(proper_word(w) for i, w in enumerate(words) if i not in generic):
                continue  # "the Research Center": no name of its own
            found.append(PartyMention(clean_name(text), end - len(text), end, PartySource.PUBLIC_BODY))
    return found


_COUNTRY_BEFORE = re.compile(r"(?:(?<![\w.])(?P<abbr>U\.S\.|U\.K\.|E\.U\.|[A-Z]{2,3})[ -]"
                             r"|(?<![\w.])(?P<words>[A-Z][a-z]+(?: [A-Z][a-z]+)?) )$")


def government_mentions(doc: Document) -> list[PartyMention]:
    """A government named by its country, under one name in both languages: "the South Korean government" ->
    "South Korean Government", "the U.S. government" and "die US-Regierung" -> "US Government" (lexicon class
    government). German capitalises every noun, so there only an abbreviation names the country."""
    found = []
    for cls, g_start, g_end in doc.cues:
        if cls != "government" or doc.lang == "en" and not doc.text[g_start:g_end].islower():
            continue
        m = _COUNTRY_BEFORE.search(doc.text, max(0, g_start - 30), g_start)
        if not m or m.group("words") and (doc.lang == "de" or not all(proper_word(w) for w in m.group("words").split())):
            continue
        country = (m.group("abbr") or m.group("words")).replace(".", "")
        found.append(PartyMention(f"{country} Government", m.start(), g_end, PartySource.PUBLIC_BODY))
    return found


_SEPARATOR = re.compile(r"\s*(?:,\s*(?:(?:and|und|sowie|or|oder)\s+)?|\s+(?:and|und|sowie|or|oder|as well as|plus)\s+)")
_LIST_MIN_ITEMS = 3  # a list of names this long is a list of organisations even when none is known


def list_mentions(doc: Document, known: list[PartyMention]) -> list[PartyMention]:
    """Names listed with other organisations: "angeführt von Accel, mit Lightspeed, Saab und Prima Materia",
    "investors include Nexus Venture Partners, TVS Capital and Blackstone". A list counts when it names a
    known organisation or has at least three names; German common nouns ("Rechenzentren") are no names."""
    found = []
    for s_start, s_end in doc.sentences:
        runs = name_runs(doc, s_start, s_end)
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
                if common_word(name):
                    continue
                found.append(PartyMention(name, s, e, PartySource.LIST))
    return found
