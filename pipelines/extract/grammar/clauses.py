"""How names stand to each other in a sentence: coordinated ("A, B und C"), alike ("Google, like Amazon, …"),
separated by a clause break."""

from __future__ import annotations

import re

from ..companies import CompanyMention

NAME_BETWEEN = re.compile(r"[,;–—]")  # a clause break between a name and a verb
NAME_BREAK = re.compile(r"[,;:–—]|\b(?:und|and|dass|that|which|die|der|das)\b")
NAME_LIST_GAP = re.compile(r"(?:\s|,|\bund\b|\band\b|\bsowie\b|\bde[mnr]\b|\bthe\b)*")


def unique(mentions: list[CompanyMention]) -> list[CompanyMention]:
    """The first mention of each company, in order."""
    seen, result = set(), []
    for m in mentions:
        if m.name not in seen:
            seen.add(m.name)
            result.append(m)
    return result


_COORDINATION = re.compile(
    r"(?:['’]?s)?(?:\s*,\s*(?:(?:and|und|sowie|or|oder)\s+)?|\s+(?:und|and|sowie|&|or|oder|as well as|ebenso wie|"
    r"wie auch|sowie auch|along with)\s+)"
    r"(?:(?:beim|vom|am|im|zum|zur)\s+(?:[\w-]+\s+){0,2}|(?:bei|an|in|von|mit|from|with|to|into|at|on)\s+)?"
    r"(?:(?:der|die|das|dem|den|the|its|seine[mnr]?|ihre[mnr]?)\s+(?:[\w-]+\s+){0,2})?"
)


# "Google hält ebenso wie Amazon Anteile an …", "Google, like Amazon, holds …": both do what the sentence says
_LIKEWISE = re.compile(
    r"(?:['’]?s)?(?:\s+[a-zäöüß]\w*)?,?\s+(?:(?:eben|genau)so wie|wie auch|just like|much like|like|as well as)\s+"
    r"(?:(?:der|die|das|the)\s+(?:[\w-]+\s+){0,2})?"
)


def coordinated(sentence: str, a: CompanyMention, b: CompanyMention) -> bool:
    """Whether the sentence joins two mentions as "A, B und C" / "A and the chip maker B"."""
    return b.start - a.end < 60 and bool(_COORDINATION.fullmatch(sentence, a.end, b.start))


def likewise(sentence: str, a: CompanyMention, b: CompanyMention) -> bool:
    """Whether `b` does what `a` does: "Google hält ebenso wie Amazon …", "Google, like Amazon, holds …"."""
    return 0 < b.start - a.end < 40 and bool(_LIKEWISE.fullmatch(sentence, a.end, b.start))


def strip_names(text: str, names: list[CompanyMention], offset: int) -> str:
    """`text` without the company names in it (positions relative to `offset`)."""
    for m in sorted(names, key=lambda m: m.start, reverse=True):
        text = text[: m.start - offset] + " " + text[m.end - offset :]
    return text
