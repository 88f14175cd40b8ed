"""One sentence as the deal rules read it: its cue, whether it speaks of compute and has figures, the companies
that can be parties, and the buyer the companies' roles suggest.

The views are computed on first use, so a sentence that the first rules decide costs nothing more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..companies import CAPACITY_ROLES, CompanyMention, Role, company_info, role_rank
from ..numbers import Amount
from .clauses import coordinated, unique
from .cues import ACQUIRE_OR_DEPLOY, COMPUTE_CUE, DEAL_CUE, POWER_CUE
from .party_filter import is_chip_modifier, product_maker

# "Der US-Softwarekonzern will …": the subject is a company the sentence does not name
_DESCRIBED_SUBJECT = re.compile(
    r"\W*(?:Der|Die|Das|The)\s+(?:[\w-]+\s+)?(?:[\w-]*[Kk]onzern|Unternehmen|company|firm|[\w-]*giant|[\w-]*[Rr]iese|"
    r"[\w-]*[Hh]ersteller|maker|[\w-]*[Aa]nbieter|provider|Start-up|startup)\b"
)
# "plant mit AMD und Nvidia 16 Gigawatt": "with" right before a company is a deal cue of its own
_WITH_PARTY = re.compile(r"\b(?:[Mm]it|[Ww]ith)\s+(?:(?:de[mnr]|the|dessen|deren|its|seine[mnr]?|ihre[mnr]?)\s+)?(?:[\w-]+\s+)?$")
BUILD_FOR = re.compile(
    r"(?i:\b(?:build\w*|built|construct\w*|develop\w*|bau\w*|errichte\w*|entwickel\w*)\b[^;]{0,60}?\b(?:for|für)\s+)"
)
# "CoreWeave will serve as anchor tenant", "… wird als Ankermieter dienen": the one named is the customer
TENANT_AFTER = re.compile(
    r"(?i:\s+(?:will |wird )?(?:serve[sd]? |act\w* |dien\w* )?(?:as|als) (?:the |an? |der |die )?(?:anchor |Anker)?"
    r"[- ]?(?:tenant|Mieter|customer|Kunde))"
)
_FOR_THEN_BUILT = re.compile(r"(?i:\bfür\s+(?:[\w-]+\s+){1,3}?(?:errichtet|gebaut|erbaut)\b)")
# "its stake in Nvidia", "Aktien von Intel": a company named as an equity holding is no party to a compute deal
_EQUITY_OBJECT_BEFORE = re.compile(
    r"(?i:\b(?:stakes?|holdings?|shares|stock|Anteil\w*|Beteiligung\w*|Aktien\w*|Aktienpaket\w*)\s+"
    r"(?:in|of|an|von|at|bei)\s+(?:(?:de[mnr]|the)\s+)?(?:[\w-]+\s+){0,2}$)"
)
_JOINT = re.compile(r"(?i:gemeinsam mit|zusammen mit|in Kooperation mit|in Partnerschaft mit|together with|"
                    r"jointly with|in cooperation with|in collaboration with|in partnership with)\s*$")
LIST_MARKER = re.compile(r"(?i:including|darunter|such as|wie etwa|unter anderem|among them|both|sowohl|\bdeals\b|"
                          r"agreements|Verträge|Vereinbarungen|Deals\b|each|jeweils|separate)")
# "Verträge über zusammen mehr als 60 Mrd. Dollar", "contracts worth a combined $60bn": one total for the whole list
_COMBINED_TOTAL = re.compile(
    r"(?i:\b(?:zusammen(?!\s+mit\b)|insgesamt|zusammengenommen|combined|collectively|in total|a total of|in aggregate)\b)"
)
_OPEN_LIST = re.compile(r"(?i:\b(?:darunter|including|such as|wie etwa|unter anderem|among them|among others|etwa)\b)")
_EACH = re.compile(r"(?i:\b(?:each|jeweils|je\b|respectively|beziehungsweise|bzw\.))")


def is_joint(sentence: str, providers: list[CompanyMention], figures: bool) -> bool:
    """Whether the providers supply together ("gemeinsam mit AMD und Nvidia", "contracts worth a combined $60bn
    with A, B and C"): one deal with all of them, not one per provider."""
    if len(providers) < 2 or len(providers) > 6:
        return False
    if not all(coordinated(sentence, a, b) for a, b in zip(providers, providers[1:])):
        return False
    if figures and _COMBINED_TOTAL.search(sentence) and not _EACH.search(sentence) and not _OPEN_LIST.search(sentence):
        return True
    if len(providers) > 3:
        return False
    before = sentence[max(0, providers[0].start - 40) : providers[0].start]
    if _JOINT.search(before):
        return True
    return figures and bool(re.search(r"(?i:\b(?:mit|with)\s+(?:de[mnr]\s+|the\s+)?(?:[\w-]+\s+){0,2}$)", before)) and not (
        LIST_MARKER.search(sentence)
    )


@dataclass
class DealSentence:
    """The input of the deal rules (mentions and amounts relative to the sentence).

    `context_buyer` / `context_provider` are the AI lab / supplier named in the sentences just before: the other
    side when a sentence with figures names only one. `context_compute`: the sentence before spoke of compute.
    `assume_compute` finds the deal a sentence announces when the compute comes only in the next sentence.
    """

    sentence: str
    mentions: list[CompanyMention]
    amounts: list[Amount]
    context_buyer: str | None = None
    context_provider: str | None = None
    context_compute: bool = False
    assume_compute: bool = False

    @cached_property
    def cue(self) -> re.Match | None:
        """The deal cue: a deal word, "builds … for", "für … errichtet", or "with" right before a company."""
        sentence = self.sentence
        return DEAL_CUE.search(sentence) or BUILD_FOR.search(sentence) or _FOR_THEN_BUILT.search(sentence) or next(
            (_WITH_PARTY.search(sentence, max(0, m.start - 30), m.start) for m in self.mentions
             if _WITH_PARTY.search(sentence, max(0, m.start - 30), m.start)), None)

    @cached_property
    def priced(self) -> bool:
        """The sentence gives a figure of a deal (money, power or an exact chip count)."""
        return any(a.is_contract_value and (a.kind != "chips" or not a.vague) for a in self.amounts)

    @cached_property
    def has_compute(self) -> bool:
        # a GPU cloud or a chip maker in a priced deal sells compute, whatever the sentence calls it
        compute_seller = self.priced and any(company_info(m.name).role in (*CAPACITY_ROLES, Role.CHIP)
                                             for m in self.mentions)
        return bool(self.assume_compute or COMPUTE_CUE.search(self.sentence) or self.context_compute and self.priced
                    or compute_seller or any(a.kind in ("gw", "chips") for a in self.amounts))

    @cached_property
    def named(self) -> list[CompanyMention]:
        """Companies the sentence names itself (no product, no "the two companies")."""
        return [m for m in self.mentions if m.start != m.end and not m.via_product]

    @cached_property
    def referenced(self) -> set[str]:
        """Companies the sentence refers to without naming them ("the two companies", "together they")."""
        return {m.name for m in self.parties_with_referenced if m.start == m.end}

    @cached_property
    def maker(self) -> str | None:
        return product_maker(self.sentence, self.mentions)

    @cached_property
    def parties_with_referenced(self) -> list[CompanyMention]:
        sentence = self.sentence
        # chip products ("GB300", "Blackwell") say which chips, not who sells them, unless the sentence names no
        # supplier but says a company uses or gets them ("Anthropic erhält Zugriff auf 500.000 Instinct-GPUs")
        return [
            m for m in self.mentions
            if company_info(m.name).role not in (Role.INVESTOR, Role.COMPONENT)
            and not (m.via_product and company_info(m.name).role == Role.CHIP and m.name != self.maker)
            and not _EQUITY_OBJECT_BEFORE.search(sentence[max(0, m.start - 50) : m.start])
        ]

    @cached_property
    def parties(self) -> list[CompanyMention]:
        """The companies that can be parties of a compute deal, each once."""
        sentence = self.sentence
        parties = self.parties_with_referenced
        maker = self.maker
        if not POWER_CUE.search(sentence):
            parties = [m for m in parties if company_info(m.name).role != Role.ENERGY or m.name in self.referenced]
        if not ACQUIRE_OR_DEPLOY.search(sentence):
            # "the deal provides Meta with Nvidia's GPUs", "deliver NVIDIA AI capacity to Microsoft":
            # the make of the chips, not a seller
            parties = [m for m in parties if company_info(m.name).role != Role.CHIP or m.name == maker
                       or not is_chip_modifier(sentence, m)]
        return unique(parties)

    # --- the buyer by role, when no phrase of the sentence says who buys ---------------------------------

    @cached_property
    def role_buyer(self) -> tuple[str | None, bool]:
        """The buyer the companies' roles suggest, and whether it comes from the sentences before.

        Of several labs, the one nearest before the first supplier ("Anders als OpenAI, das mit AMD …"); a
        sentence naming only suppliers has the lab just named as buyer. None: the sentence states no deal.
        """
        parties = self.parties
        buyers = [p for p in parties if company_info(p.name).role in (Role.LAB, Role.BUYER)]
        single = len(parties) == 1
        if buyers:
            suppliers = [p for p in parties if company_info(p.name).role not in (Role.LAB, Role.BUYER)]
            first_supplier = suppliers[0].start if suppliers else len(self.sentence)
            return min(buyers, key=lambda p: (role_rank(p.name), p.start > first_supplier,
                                              abs(first_supplier - p.start))).name, False
        if self.context_buyer and (single and self.priced or LIST_MARKER.search(self.sentence)) and not (
                _DESCRIBED_SUBJECT.match(self.sentence)):
            if single and TENANT_AFTER.match(self.sentence[parties[0].end : parties[0].end + 40]):
                return None, True  # "CoreWeave will serve as anchor tenant": the one named is the customer
            return self.context_buyer, True  # the sentence names only suppliers; the customer just named buys
        return min(parties, key=lambda p: (role_rank(p.name), p.start)).name, False

    @cached_property
    def role_providers(self) -> list[CompanyMention]:
        """The companies ranking below the role buyer: its suppliers."""
        buyer = self.role_buyer[0]
        return [p for p in self.parties if role_rank(p.name) > role_rank(buyer) and p.name != buyer]
