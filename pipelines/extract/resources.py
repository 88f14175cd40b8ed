"""What a deal supplies: tpu, gpu, trainium, custom_chip, cloud, datacenter, power or unspecified."""

from __future__ import annotations

import re

from .companies import Resource, Role, company_info

_RESOURCE_CUES = [
    (Resource.TPU, re.compile(r"TPU|Tensor Processing")),
    (Resource.TRAINIUM, re.compile(r"Trainium|Tranium")),
    (Resource.CUSTOM_CHIP, re.compile(r"(?i:custom|maßgeschneidert|eigene[nr]? (?:KI-)?(?:Chips|Beschleuniger)|own (?:AI )?chips|ASIC|in-house)")),
    (Resource.POWER, re.compile(r"(?i:\bStrom\w*|electricity|power purchase|Energieversorgung|Windkraft|Solar)")),
    (Resource.GPU, re.compile(r"(?i:GPU|Grafikprozessor|Blackwell|Instinct|Rubin|Hopper|H100|GB[23]00|Nvidia-Chips|accelerator)")),
    (Resource.CLOUD, re.compile(r"(?i:cloud|Azure|\bAWS\b|compute capacity|Rechenleistung|Computerleistung|Cloud-Dienste)")),
    (Resource.DATACENTER, re.compile(r"(?i:data ?cent(?:er|re)|Rechenzentr|campus|Standort|\bsites?\b)")),
]


def _role(name: str) -> Role | None:
    info = company_info(name)
    return info.role if info else None


def deal_resource(sentence: str, providers: tuple[str, ...]) -> Resource:
    """The first resource the sentence names that fits the providers, else what the provider supplies."""
    for resource, pattern in _RESOURCE_CUES:
        if pattern.search(sentence):
            if resource == Resource.TPU and "Google" not in providers:
                continue
            if resource == Resource.TRAINIUM and "Amazon" not in providers:
                continue
            if resource == Resource.POWER and not any(_role(p) == Role.ENERGY for p in providers):
                continue
            return resource
    defaults = {info.resource for p in providers if (info := company_info(p))} - {None}
    return defaults.pop() if len(defaults) == 1 else Resource.UNSPECIFIED
