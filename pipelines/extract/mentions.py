"""A party mention: where an article names an organisation, and what recognised it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class PartySource(str, Enum):
    REGISTRY = "registry"  # a name or alias in companies.yaml
    PRODUCT = "product"  # a product that points at its maker ("TPU" -> Google)
    LEGAL_FORM = "legal_form"  # a capitalised name before GmbH, AG, Inc., Ltd. …
    LIST = "list"  # a capitalised name listed together with other organisations ("led by X, with A, B and C")
    DESCRIPTOR = "descriptor"  # a capitalised name right after a noun for a company ("der Energiekonzern Engie")
    ACRONYM = "acronym"  # a name the text abbreviates in brackets ("Los Alamos National Laboratory (LANL)")
    PUBLIC_BODY = "public_body"  # a name with a word of research centres or public bodies ("University of Michigan")
    TAGGER = "tagger"  # recognised by the learned tagger


@dataclass(frozen=True)
class PartyMention:
    name: str
    start: int
    end: int
    source: PartySource

    @property
    def known(self) -> bool:
        return self.source in (PartySource.REGISTRY, PartySource.PRODUCT)
