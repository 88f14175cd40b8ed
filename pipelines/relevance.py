"""A bilingual (German/English) relevance filter: is an article about AI compute deals?

It is tuned for recall. The extractor downstream is precise, so this filter only has to drop
what is clearly off-topic (sports, recipes, smartphone reviews, politics with no compute in it).
Every decision comes with a reason a person can read, so they can see why an article was dropped.

    >>> r = judge_relevance("Anthropic mietet TPUs bei Google", "Der Vertrag umfasst ein Gigawatt.", "de")
    >>> r.relevant, r.reason
    (True, 'kept: compute terms (TPUs, Gigawatt) and companies (Anthropic, Google)')

The rule, applied in this order:

1. Text that is empty or only whitespace: dropped, ``"dropped: no text"``.
2. Source keywords: when ``keywords`` has at least one non-blank entry, at least one of them must be a
   case-insensitive substring of title + text. Otherwise: ``"dropped: source keywords not found (KI, Chips)"``.
3. Title and text are scanned for three vocabularies (case-insensitive, whole words with German
   compounds, see below):

   * **compute/deal terms**, grouped into concepts. A concept is *strong* when it is about compute
     on its own (data centre/Rechenzentrum, GW/MW, GPU, TPU, Trainium, AI chips, accelerator,
     supercomputer, AI infrastructure, compute capacity, GPU model names such as H100 or
     Blackwell). It is *weak* when it needs a company next to it to mean anything (Chips, Cloud,
     server, compute, semiconductor, hyperscaler, Rechenleistung, invest/Beteiligung/stake,
     funding round/Finanzierungsrunde, warrant/Optionsschein, power supply such as
     Strombedarf or PPA);
   * **companies**: the companies of the one registry the extractor uses (``pipelines/extract/companies.yaml``:
     AI labs, clouds, chip makers, data-centre operators, energy suppliers and AI investors), by canonical name
     ("AWS" is Amazon, "DeepMind" is Google); a product name ("ChatGPT") is no company;
   * **near misses**, which never count but are named in the reason when an article is dropped
     (iPhone, smartphone, a lone "chip", processor, AI/KI).

4. The article is **kept** when

   * (A) it has at least one compute/deal term (strong or weak) AND at least one company, or
   * (B) its strong score is at least 2: each distinct strong concept counts 1, and a strong concept
     found in the title counts 1 more (the title weighs more). Power units (GW, MW) and the
     word "accelerator" get no title bonus, as they also head energy news and start-up
     accelerator stories.

   Otherwise it is **dropped**, and the reason names what was missing and what was found.

Examples of reasons::

    kept: compute terms (Gigawatt, TPU, Rechenzentrum) and companies (Anthropic, Google)
    kept: strong compute terms (Rechenzentren, Gigawatt)
    kept: strong compute term in title (KI-Rechenzentrum)
    dropped: no compute terms (only: Apple, iPhone, Chip)
    dropped: no company and too few strong compute terms (only: Cloud)
    dropped: source keywords not found (KI, Chips)

Decisions worth knowing:

* A smartphone review that mentions Apple and its "chip" is **dropped**: Apple is a company of the
  registry (it buys compute), but a lone singular "chip"/"Chip" is not a compute term; only the plural
  "Chips", "KI-Chips"/"AI chips" and compounds such as "Chiphersteller" or "chip exports" are. A review
  of a phone from a listed company (Google, Samsung) that also says "Cloud" or "Rechenleistung" is
  kept: that is the price of recall.
* Plain deal words (Deal, Vertrag, contract, agreement) are not terms, so a football report about
  a sponsorship contract with Telekom is dropped.
* Companies are matched as the extractor matches them: whole words, case-sensitive (plus an
  ALL-CAPS form), with the German genitive s ("Nvidias", "Googles"), so "Metaverse", "Meta-Analyse"
  and "the oracle" are not companies; the registry's context rules keep "Robinson Crusoe" out. Short
  uppercase abbreviations of terms (GW, MW, HPC, PPA) are matched case-sensitively.
* Terms with a distinctive German stem match inside compounds ("Großrechenzentrum",
  "Rechenzentrumsbetreiber", "KI-Rechenzentrum"); other terms must stand as a word, where a
  hyphen separates words ("Nvidia-Chips", "KI-Chips"), so "Kartoffelchips" and
  "Wahlbeteiligung" do not match. The reason shows the whole compound as written.
* ``lang`` is accepted but both vocabularies are always applied: German tech news uses English
  terms (Cloud, GPU, Data Center) and English quotes German company names.
* Only the first ``MAX_SCAN_CHARS`` characters of the text are scanned; all patterns are
  precompiled and linear in the text, and ``judge_relevance`` never raises: any input, of any
  type, gets a ``Relevance``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from pipelines.extract.companies import find_companies

__all__ = ["Relevance", "judge_relevance", "MAX_SCAN_CHARS"]

MAX_SCAN_CHARS = 200_000
_MAX_LISTED = 8  # items listed per group in a reason

# How matching works (for speed): the text is lowercased once (length-preserving) and scanned with
# case-sensitive, lowercase patterns, so the regex engine skips non-matching branches on their first
# character. Entries that are case-sensitive ("GW", "AWS", a capital "Meta") are then checked on the
# original text at the same offsets. A whole word must not touch a letter on either side; digits and
# hyphens are boundaries, so "1GW", "KI-Chips" and "Nvidia-Chips" match, "Kartoffelchips" and
# "Metaverse" do not. Stems match anywhere, also inside compounds ("Großrechenzentrum").
_NOT_LETTER_NEXT = r"(?![^\W\d_])"
_SP = r"[-\s]?"  # "data center", "data-center", "datacenter"


@dataclass(frozen=True, slots=True)
class _Concept:
    label: str
    words: str = ""   # lowercase regex for whole words (a hyphen ends a word)
    stems: str = ""   # lowercase regex for distinctive stems that may sit anywhere inside a compound
    exact: str = ""   # case-sensitive whole words ("GW", "HPC"), written as they must appear
    strong: bool = False
    title_bonus: bool = True


# --- compute/deal terms --------------------------------------------------------------------------
_TERMS: tuple[_Concept, ...] = (
    # strong: about compute on their own
    _Concept("data centre", strong=True,
             stems=r"rechenzentr\w*|datenzentr\w*",  # Rechenzentrum/-zentren/-zentrums, Großrechenzentrum
             words=rf"data{_SP}cent(?:er|re)s?|server{_SP}farm\w*"),
    _Concept("power capacity", strong=True, title_bonus=False,  # also heads energy news
             stems=r"gigawatt\w*|megawatt\w*|terawatt\w*",
             exact=r"GWh?|MWh?"),
    _Concept("GPU", strong=True,
             stems=r"grafikprozessor\w*",
             words=r"gpus?|graphics\s+process(?:ing\s+units?|ors?)"),
    _Concept("GPU model", strong=True, title_bonus=False,  # "A100" is also a Berlin motorway
             exact=r"A100|H100|H200|H800|H20|B100|B200|B300|GB200|GB300|GH200|MI\d{3}X?|Blackwell|Vera\s+Rubin"),
    _Concept("TPU", strong=True, words=r"tpus?|tpuv\d\w*|tensor\s+processing\s+units?"),
    _Concept("Trainium", strong=True, stems=r"trainium\w*|inferentia\w*"),
    _Concept("AI chips", strong=True,
             words=r"(?:ki|ai)(?:-|\s+)?(?:chips?|prozessor(?:en)?|processors?|halbleiter\w*)"),
    _Concept("accelerator", strong=True, title_bonus=False,  # also start-up accelerators
             words=r"accelerators?|beschleuniger\w*"),
    _Concept("supercomputer", strong=True,
             stems=r"supercomput\w*|superrechner\w*|hochleistungsrechn\w*|exascale\w*",
             exact=r"HPC"),
    _Concept("AI infrastructure", strong=True,
             stems=r"recheninfrastruktur\w*",
             words=r"(?:ki|ai)(?:-|\s+)?(?:infrastruktur\w*|infrastructure|fabrik\w*|factor(?:y|ies)|gigafa[ck]tor\w*)"
                   r"|comput(?:e|ing)\s+infrastructure"),
    _Concept("compute capacity", strong=True,
             stems=r"rechenkapazit\w*|rechenressourc\w*",
             words=r"comput(?:e|ing)\s+(?:capacity|capacities|resources|clusters?)"
                   r"|(?:ki|ai)(?:-|\s+)?(?:kapazität\w*|capacity|capacities|compute)"),
    # weak: need a company next to them
    _Concept("chips", words=(
        r"chips|chipmakers?|semiconductors?|halbleiter\w*"
        r"|chip(?:-|\s+)?(?:hersteller|fabrik|konzern|riese|industrie|fertigung|produktion|lieferung"
        r"|deal|export|design|käuf|kauf|bestellung|order|maker|sales|supply|supplies|shortage|demand)\w*")),
    _Concept("cloud", words=(
        r"cloud\s+(?:computing|provider|providers|services?|contract|contracts|deal|infrastructure|capacity)"
        r"|cloud(?:-?(?:anbieter|dienst|geschäft|sparte|vertrag|verträge|kapazität|computing|provider"
        r"|infrastruktur)\w*)?")),
    _Concept("compute", words=r"compute"),
    _Concept("servers", words=r"servers?|server(?:n|kapazität\w*|racks?)"),
    _Concept("computing power", words=r"rechenleistung\w*|comput(?:e|ing)\s+power"),
    _Concept("hyperscaler", words=r"hyperscal\w*"),
    _Concept("investment", words=(
        r"invest(?:s|ed|ing|ment|ments|or|ors)?|investier\w*|investition\w*|investment\w*|investor\w*"
        r"|beteiligung\w*|stakes?|funding\s+rounds?|finanzierungsrunde\w*|valuation"
        r"|warrants?|optionsschein\w*"), exact=r"Series\s+[A-H]"),
    _Concept("power supply", words=(
        r"strombedarf\w*|stromverbrauch\w*|stromliefer\w*|stromabnahme\w*|strombezug\w*"
        r"|power\s+purchase\s+agreements?|power\s+demand|electricity"), exact=r"PPAs?"),
)

# --- near misses: never count, only named in the reason of a dropped article -----------------------
_NEAR_MISSES: dict[str, tuple[str, str]] = {
    "iPhone": (r"iphones?", ""),
    "iPad": (r"ipads?", ""),
    "Smartphone": (r"smartphones?", ""),
    "Chip": (r"chip", ""),
    "Prozessor": (r"prozessor(?:en)?|processors?", ""),
    "KI/AI": (r"ki|ai", "KI|AI"),
}


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str                      # "term", "company" or "near"
    key: str                       # concept label, company name or near-miss name
    pattern: re.Pattern[str]       # this entry alone, matched at a hit's start to tell which entry it is
    check: re.Pattern[str] | None  # must match the original text at the hit's start


def _build() -> tuple[re.Pattern[str], tuple[_Entry, ...], re.Pattern[str], tuple[_Entry, ...]]:
    """Two scanners (whole words, and stems inside compounds) plus their entries in alternation order.

    The scanners have no capture groups: with them the regex engine cannot reject a branch by its
    first character and gets about 20 times slower. A hit is attributed afterwards by matching the
    entries one by one at its start, which gives the branch the alternation took.
    """
    words: list[_Entry] = []
    stems: list[_Entry] = []

    def add(into: list[_Entry], kind: str, key: str, pattern: str, check: str = "") -> None:
        boundary = _NOT_LETTER_NEXT if into is words else ""
        into.append(_Entry(kind, key, re.compile(f"(?:{pattern}){boundary}"), re.compile(check) if check else None))

    for concept in _TERMS:  # terms come first, so "KI-Chips" is a term before "KI" is a near miss
        if concept.words:
            add(words, "term", concept.label, concept.words)
        if concept.exact:
            add(words, "term", concept.label, concept.exact.lower(), f"(?:{concept.exact}){_NOT_LETTER_NEXT}")
        if concept.stems:
            add(stems, "term", concept.label, concept.stems)
    for name, (pattern, check) in _NEAR_MISSES.items():
        add(words, "near", name, pattern, check)

    def scanner(entries: list[_Entry], prefix: str) -> re.Pattern[str]:
        return re.compile(prefix + "(?:" + "|".join(e.pattern.pattern for e in entries) + ")")

    # a whole word starts where no letter precedes it (digits and hyphens are fine: "1GW", "KI-Chips")
    return scanner(words, r"(?<![^\W\d_])"), tuple(words), scanner(stems, ""), tuple(stems)


_WORD_RE, _WORD_ENTRIES, _STEM_RE, _STEM_ENTRIES = _build()
_TERM_BY_LABEL = {concept.label: concept for concept in _TERMS}

# soft hyphens and zero-width characters vanish; typographic hyphens and spaces become plain ones;
# "İ" is the one character whose lowercase is longer, so it becomes "I" to keep offsets aligned
_CLEAN = str.maketrans({
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u0130": "I",
})
_TOKEN_CHARS_MAX = 40  # how far a shown term may grow into its compound


@dataclass(frozen=True, slots=True)
class Relevance:
    """The decision, its reason, and what was found (terms as written, companies by canonical name)."""

    relevant: bool
    reason: str
    terms: tuple[str, ...] = ()
    strong_terms: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        try:
            value = str(value)
        except Exception:
            return ""
    value = unicodedata.normalize("NFC", value[: MAX_SCAN_CHARS * 2])[:MAX_SCAN_CHARS]
    return value.translate(_CLEAN)


def _as_keywords(keywords: object) -> tuple[str, ...]:
    if keywords is None:
        return ()
    if isinstance(keywords, str):
        keywords = (keywords,)
    try:
        items = list(keywords)  # type: ignore[call-overload]
    except Exception:
        return ()
    return tuple(k for k in (_as_text(item).strip() for item in items) if k)


def _compound(text: str, start: int, end: int) -> str:
    """The whole (hyphenated) compound around a match: "Chips" in "Nvidia-Chips" shows as "Nvidia-Chips"."""
    lo = start
    while lo > 0 and start - lo < _TOKEN_CHARS_MAX and (text[lo - 1].isalnum() or text[lo - 1] == "-"):
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < _TOKEN_CHARS_MAX and (text[hi].isalnum() or text[hi] == "-"):
        hi += 1
    return text[lo:hi].strip("-") or text[start:end]


@dataclass
class _Found:
    terms: dict[str, str]      # concept label -> first compound as written
    companies: dict[str, str]  # name -> name
    near: dict[str, str]       # name -> name


def _scan(text: str, found: _Found) -> None:
    """Add each concept's, company's and near miss's first occurrence in ``text``, in order of appearance,
    keeping what ``found`` already holds (the title is scanned before the text)."""
    lower = text.lower()
    if len(lower) != len(text):  # cannot happen after _CLEAN; keep offsets aligned regardless
        lower = "".join(ch.lower()[:1] or ch for ch in text)
    hits = []
    for scanner, entries in ((_WORD_RE, _WORD_ENTRIES), (_STEM_RE, _STEM_ENTRIES)):
        seen: set[str] = set()
        known: dict[str, _Entry | None] = {}  # original spelling -> entry (None: failed its case check)
        for match in scanner.finditer(lower):
            start, end = match.span()
            spelling = text[start:end]
            if spelling not in known:
                entry = next((e for e in entries if e.pattern.match(lower, start)), None)
                if entry is not None and entry.check is not None and not entry.check.match(text, start):
                    entry = None
                known[spelling] = entry
            entry = known[spelling]
            if entry is not None and entry.key not in seen:  # only each key's first hit matters
                seen.add(entry.key)
                hits.append((start, end, entry.kind, entry.key))
    # companies come from the one registry (companies.yaml), by canonical name; a product ("ChatGPT") is no company
    seen_companies: set[str] = set()
    for mention in find_companies(text):
        if not mention.via_product and mention.name not in seen_companies:
            seen_companies.add(mention.name)
            hits.append((mention.start, mention.end, "company", mention.name))
    for start, end, kind, key in sorted(hits):
        target = {"term": found.terms, "company": found.companies, "near": found.near}[kind]
        if key not in target:
            target[key] = _compound(text, start, end) if kind == "term" else key


def _listing(items: Iterable[str]) -> str:
    items = list(dict.fromkeys(items))
    shown = items[:_MAX_LISTED]
    if len(items) > _MAX_LISTED:
        shown.append(f"+{len(items) - _MAX_LISTED} more")
    return ", ".join(shown)


def judge_relevance(title: str, text: str, lang: str | None = None, keywords: tuple[str, ...] = ()) -> Relevance:
    """Decide whether an article is about AI compute deals; see the module docstring for the rule."""
    try:
        return _judge(title, text, keywords)
    except Exception as exc:  # pragma: no cover - defensive: a filter error must not lose an article
        return Relevance(True, f"kept: relevance check failed ({type(exc).__name__})")


def _judge(title: object, text: object, keywords: object) -> Relevance:
    title_s, text_s = _as_text(title), _as_text(text)
    if not text_s.strip():
        return Relevance(False, "dropped: no text")

    wanted = _as_keywords(keywords)
    if wanted:
        haystack = f"{title_s}\n{text_s}".casefold()
        if not any(k.casefold() in haystack for k in wanted):
            return Relevance(False, f"dropped: source keywords not found ({_listing(wanted)})")

    found = _Found({}, {}, {})
    _scan(title_s, found)
    in_title = dict(found.terms)
    _scan(text_s, found)

    terms = tuple(found.terms.values())
    strong = tuple(shown for label, shown in found.terms.items() if _TERM_BY_LABEL[label].strong)
    title_bonus = tuple(shown for label, shown in in_title.items()
                        if _TERM_BY_LABEL[label].strong and _TERM_BY_LABEL[label].title_bonus)
    companies = tuple(found.companies)
    details = {"terms": terms, "strong_terms": strong, "companies": companies}

    if terms and companies:
        return Relevance(True, f"kept: compute terms ({_listing(terms)}) and companies ({_listing(companies)})",
                         **details)
    if len(strong) >= 2:
        return Relevance(True, f"kept: strong compute terms ({_listing(strong)})", **details)
    if strong and title_bonus:
        return Relevance(True, f"kept: strong compute term in title ({_listing(title_bonus)})", **details)
    if not terms:
        seen = list(companies) + list(found.near)
        only = f" (only: {_listing(seen)})" if seen else ""
        return Relevance(False, f"dropped: no compute terms{only}", **details)
    return Relevance(False, f"dropped: no company and too few strong compute terms (only: {_listing(terms)})",
                     **details)
