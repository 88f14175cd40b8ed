"""Find company mentions in German and English text and fold them to canonical names.

The names live in companies.yaml so that adding a company is a data change. Matching is
case-sensitive (so the English word "meta" or German "arm" are not companies) with an
ALL-CAPS variant of every name, because press releases write "NVIDIA" and "HUMAIN". A text
written in lower case (a transcript, a forum post) is matched without regard to case: there the
case says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import yaml

REGISTRY_PATH = Path(__file__).with_name("companies.yaml")



class Role(StrEnum):
    """What a company of the registry is, as far as compute deals go (`role:` in companies.yaml)."""
    LAB = "lab"  # an AI lab: buys compute
    BUYER = "buyer"  # another large buyer of compute (Meta, Apple, a telecom)
    CLOUD = "cloud"  # a hyperscaler: sells cloud, buys chips
    NEOCLOUD = "neocloud"  # a GPU cloud
    HOSTING = "hosting"  # a data-centre landlord (often a former bitcoin miner) leasing space and power
    CHIP = "chip"  # a chip maker
    ENERGY = "energy"  # a power supplier
    COMPONENT = "component"  # makes parts (memory, networking), no party to a compute deal
    INVESTOR = "investor"  # a fund or investment firm


class Resource(StrEnum):
    """What a deal supplies; the registry names a company's usual one (`resource:` in companies.yaml)."""
    TPU = "tpu"
    TRAINIUM = "trainium"
    CUSTOM_CHIP = "custom_chip"
    GPU = "gpu"
    CLOUD = "cloud"
    DATACENTER = "datacenter"
    POWER = "power"
    UNSPECIFIED = "unspecified"


# Role order: who is the more likely buyer when two companies meet in a deal sentence.
ROLE_RANK = {Role.LAB: 0, Role.BUYER: 1, Role.CLOUD: 2, Role.NEOCLOUD: 3, Role.HOSTING: 3.5, Role.CHIP: 4,
             Role.ENERGY: 5, Role.COMPONENT: 8, Role.INVESTOR: 9}
# Roles that sell compute capacity (GPU cloud or data-centre space) rather than chips.
CAPACITY_ROLES = (Role.NEOCLOUD, Role.HOSTING)

# After a name: genitive ("Googles", "OpenAI's", "Nvidia’s") or a hyphen compound ("AMD-Chips").
_GENITIVE = r"(?:['’]s|s(?![\w])|['’](?![\w]))?"
_CONTEXT_CHARS = 40


@dataclass(frozen=True)
class CompanyMention:
    name: str  # canonical
    start: int
    end: int
    via_product: bool


@dataclass(frozen=True)
class CompanyInfo:
    name: str
    role: Role
    resource: Resource | None
    ignore_after: tuple[re.Pattern, ...]
    ignore_before: tuple[re.Pattern, ...]
    needs_context: tuple[re.Pattern, ...]
    context_surfaces: frozenset[str] = frozenset()  # aliases that are common words and need the context too


@dataclass(frozen=True)
class _Registry:
    info: dict[str, CompanyInfo]
    surface_to_name: dict[str, tuple[str, bool]]  # surface form -> (canonical, via_product)
    folded_to_name: dict[str, str]  # lower-case alias -> canonical
    pattern: re.Pattern
    lower_to_name: dict[str, tuple[str, bool]]  # lower-case surface form -> (canonical, via_product)
    pattern_any_case: re.Pattern


@lru_cache(maxsize=1)
def _registry() -> _Registry:
    data = yaml.safe_load(REGISTRY_PATH.read_text(encoding="utf-8"))
    info: dict[str, CompanyInfo] = {}
    surfaces: dict[str, tuple[str, bool]] = {}
    folded: dict[str, str] = {}
    for name, entry in data.items():
        entry = entry or {}
        info[name] = CompanyInfo(
            name=name,
            role=Role(entry.get("role", "lab")),
            resource=Resource(entry["resource"]) if entry.get("resource") else None,
            ignore_after=tuple(re.compile(p) for p in entry.get("ignore_after", [])),
            ignore_before=tuple(re.compile(p + "$") for p in entry.get("ignore_before", [])),
            needs_context=tuple(re.compile(p) for p in entry.get("needs_context", [])),
            context_surfaces=frozenset(a.lower() for a in entry.get("context_aliases", [])),
        )
        for surface, via_product in [(name, False)] + [(a, False) for a in entry.get("aliases", [])] + [
            (a, False) for a in entry.get("context_aliases", [])] + [
            (p, True) for p in entry.get("products", [])
        ]:
            for form in {surface, surface.upper()}:
                surfaces.setdefault(form, (name, via_product))
            if not via_product:
                folded[surface.lower()] = name
    alternation = "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w.])({alternation}){_GENITIVE}(?![\w])")
    lower = {}
    for surface, value in surfaces.items():
        lower.setdefault(surface.lower(), value)
    return _Registry(info, surfaces, folded, pattern, lower, re.compile(pattern.pattern, re.IGNORECASE))


def company_info(name: str) -> CompanyInfo | None:
    return _registry().info.get(name)


def role_rank(name: str) -> int:
    info = company_info(name)
    return ROLE_RANK.get(info.role, 5) if info else 5


def canonical_company(name: str) -> str | None:
    """Canonical name for a company name or alias ("AWS" -> "Amazon"); None if unknown."""
    if not name:
        return None
    registry = _registry()
    key = name.strip()
    if key in registry.surface_to_name:
        return registry.surface_to_name[key][0]
    key = re.sub(r"(?:['’]s|['’])$", "", key)
    return registry.folded_to_name.get(key.lower())


def _context_allows(info: CompanyInfo, surface: str, text: str, start: int, end: int) -> bool:
    after = text[end : end + _CONTEXT_CHARS]
    before = text[max(0, start - _CONTEXT_CHARS) : start]
    if any(p.match(after) for p in info.ignore_after):
        return False
    if any(p.search(before) for p in info.ignore_before):
        return False
    risky = surface.lower() in info.context_surfaces if info.context_surfaces else surface.lower() == info.name.lower()
    if info.needs_context and risky:
        # "Arm Holdings" needs no context; "Arm" (or an alias listed as context_aliases) does
        return any(p.match(after) or p.search(before) for p in info.needs_context)
    return True


_LETTERS_PER_CAPITAL = 300  # normal prose has a capital every 15 to 40 letters, even a sentence of one long clause


def written_in_lower_case(text: str) -> bool:
    """A text (nearly) without capital letters, whose case says nothing about names: "openai signs with amd",
    also with a headline or a byline in normal case above it (one capital in 300 letters at most). Decided the
    same for the whole article and for each of its sentences."""
    letters = sum(c.isalpha() for c in text)
    return letters > 0 and sum(c.isupper() for c in text) * _LETTERS_PER_CAPITAL <= letters


def find_companies(text: str) -> list[CompanyMention]:
    """All company mentions in `text`, in order; spans cover the name without genitive suffix."""
    registry = _registry()
    any_case = written_in_lower_case(text)
    mentions = []
    for match in (registry.pattern_any_case if any_case else registry.pattern).finditer(text):
        surface = match.group(1)
        name, via_product = registry.lower_to_name[surface.lower()] if any_case else registry.surface_to_name[surface]
        start, end = match.start(1), match.end(1)
        if _context_allows(registry.info[name], surface, text, start, end):
            mentions.append(CompanyMention(name, start, end, via_product))
    return mentions
