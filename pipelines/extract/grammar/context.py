"""What the sentences before say: the companies just named and references back to them.

News text leaves parties implicit: "Dafür wurde mit Oracle eine Vereinbarung geschlossen" (the lab
of the sentence before buys), "Die beiden Konzerne wollen gemeinsam …" (the two just named),
"Der Vertrag hat ein Volumen von …" (figures for the deal just stated).
"""

from __future__ import annotations

import re

from ..companies import Role, company_info

# Words between article and noun: adjectives, names and figures ("Der insgesamt 38 Milliarden Dollar
# schwere Deal", "The Industrial AI Cloud"), but no second noun phrase ("das Unternehmen eine Investition").
_MODIFIERS = r"(?:(?!(?:ein|eine[nmrs]?|a|an|the|der|die|das|den|dem|des)\s)[\w$€.,-]+\s+){0,5}?"
# A sentence opening with a definite reference to the deal or the capacity continues it.
_REFERENCE = (
    r"(?:(?i:its|dessen|deren)\s+(?:[\w-]+\s+){0,2}?(?i:(?:contract|deal|total) value|[\w-]*[Vv]olumen|Vertragswert|"
    r"Auftragswert|Gesamtwert|Wert)\b|"
    r"(?i:the|this|that|der|die|das|diese[rs]?|den|dem|im rahmen der|under the|as part of the)\s+" + _MODIFIERS +
    r"(?i:deal|agreement|contract|partnership|pact|investment|commitment|expansion|rollout|facilit\w+|"
    r"sites|data cent\w+|Deal|Vertrag|Vereinbarung|Partnerschaft|Investition\w*|Abkommen|Auftrag|Kooperation|"
    r"Zusammenarbeit|Rollout|Erweiterung|Anlagen?|Rechenzentren|capacity|compute|[\w-]*[Vv]olumen|"
    r"[\w-]*[Kk]apazität\w*|Rechenleistung|[\w-]*[Cc]loud|factory|[\w-]*[Ff]abrik|[\w-]*[Cc]luster|project|"
    r"[\w-]*[Pp]rojekt|[\w-]*[Vv]orhaben|supercomputer|Supercomputer|lease|"
    # "Its total contract value is …", "Dessen Wert: …", "beläuft sich der Vertragswert auf …"
    r"(?:contract|deal|total|transaction) value|Vertragswert|Auftragswert|Gesamtwert|Wert)s?\b)"
)
# A sentence opening with a definite reference to the deal or the capacity continues it.
CONTINUATION = re.compile(
    r"^\W*(?:Dahinter|Dabei|Damit|Darin|Hierbei|Hierfür|Hinzu kommen)\b|"
    r"^\W*(?:[\w-]+,?\s+){0,4}?" + _REFERENCE
)
# "Around €1 billion is going into the project", "Rund 2 Mrd. Euro fließen in das Vorhaben": a sentence whose
# subject is the money and which names the deal or its capacity later on continues it too.
DEFINITE_REFERENCE = re.compile(r"\b" + _REFERENCE)
# "Das Unternehmen will 750 MW erwerben": the company continues the deal only with a deal verb.
COMPANY_CONTINUATION = re.compile(
    r"^\W*(?:[\w-]+\s+){0,4}?(?i:the|der|die|das)\s+(?:[\w-]+\s+){0,2}?(?i:[\w-]*(?:company|firm|Unternehmen|konzern))\b"
)
BOTH_PARTIES = re.compile(
    r"(?i:\b(?:die beiden|beide)\s+(?:[\w-]+\s+)?(?:Unternehmen|Konzerne|Firmen|Partner|[\w-]*[Rr]iesen|[\w-]*[Gg]iganten)\b|"
    r"\b(?:the two|both)\s+(?:[\w-]+\s+)?(?:companies|firms|partners|giants)\b|"
    r"\b(?:[Tt]ogether|[Jj]ointly),?\s+they\b|\bthey\s+(?:will\s+)?(?:together|jointly)\b|"
    r"\b[Gg]emeinsam\s+(?:wollen|werden|sollen|liefern|bauen|stellen)\s+sie\b|\bsie\s+(?:wollen\s+|werden\s+)?gemeinsam\b)"
)


_CONTEXT_SENTENCES = 2


class Context:
    """Companies named in the last sentences: the other side of a deal a sentence leaves implicit."""

    def __init__(self) -> None:
        self.recent: list[list[str]] = []
        self.previous_compute = False
        self.history: list[list[str]] = []  # every company each sentence names or describes, for descriptors

    def remember(self, names: list[str]) -> None:
        self.history = (self.history + [names])[-4:]

    def push(self, names: list[str], compute: bool) -> None:
        self.recent = (self.recent + [names])[-_CONTEXT_SENTENCES:]
        self.previous_compute = compute

    def compute(self) -> bool:
        return self.previous_compute

    def pair(self) -> tuple[str, str] | None:
        """The two companies of the sentence before, if it named exactly two."""
        names = list(dict.fromkeys(self.recent[-1])) if self.recent else []
        return (names[0], names[1]) if len(names) == 2 else None

    def _latest(self, wanted) -> str | None:
        for names in reversed(self.recent):
            for name in reversed(names):
                if wanted(company_info(name).role):
                    return name
        return None

    def buyer(self, below: Role | None = None) -> str | None:
        """The lab just named; for a GPU cloud (`below`=NEOCLOUD) also a hyperscaler renting from it; for a
        data-centre landlord (`below`=HOSTING) also a GPU cloud."""
        if below == "neocloud":
            return self._latest(lambda role: role in (Role.LAB, Role.BUYER, Role.CLOUD))
        if below == "hosting":  # a data-centre landlord also leases to GPU clouds
            return self._latest(lambda role: role in (Role.LAB, Role.BUYER, Role.CLOUD, Role.NEOCLOUD))
        return self._latest(lambda role: role == Role.LAB)

    def provider(self) -> str | None:
        return self._latest(lambda role: role in (Role.CLOUD, Role.NEOCLOUD, Role.HOSTING, Role.CHIP))



