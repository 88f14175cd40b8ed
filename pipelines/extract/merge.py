"""One fact per deal or investment and article, from the sentences that state it."""

from __future__ import annotations

_FIGURE_KEYS = ("gw", "chips", "usd", "eur", "shares")


def _significant_digits(value: float) -> int:
    return len(f"{value:.6g}".replace(".", "").replace("-", "").split("e")[0].strip("0"))


def merge_facts(facts: list[tuple[dict, int, int]], key, is_headline) -> list[tuple[dict, int, int]]:
    """One fact per key: the body sentence with most figures is the base; others fill its gaps.

    Where two sentences give nearly the same figure, the more precise one wins ("$14.2B" over "$14B").
    """
    groups: dict = {}
    for fact, start, end in facts:
        groups.setdefault(key(fact), []).append((fact, start, end))
    merged = []
    for items in groups.values():
        count = lambda item: sum(item[0].get(k) is not None for k in _FIGURE_KEYS)
        base, start, end = max(items, key=lambda item: (count(item), not is_headline(item[1], item[2]), -item[1]))
        base = dict(base)
        for other, _, _ in sorted(items, key=lambda item: item[1]):
            for k in _FIGURE_KEYS:
                mine, theirs = base.get(k), other.get(k)
                if mine and theirs and abs(mine - theirs) <= 0.1 * mine and (
                    _significant_digits(theirs) > _significant_digits(mine)
                ):
                    base[k] = theirs
                    for suffix in ("_bound", "_vague"):
                        if k + suffix in other:
                            base[k + suffix] = other[k + suffix]
            for k, v in other.items():
                if base.get(k) is None and v is not None:
                    base[k] = v
                    for suffix in ("_bound", "_vague"):
                        if k + suffix in other:
                            base[k + suffix] = other[k + suffix]
            if base.get("instrument") == "unspecified" and other.get("instrument") not in (None, "unspecified"):
                base["instrument"] = other["instrument"]
            if base.get("resource") == "unspecified" and other.get("resource") not in (None, "unspecified"):
                base["resource"] = other["resource"]
        merged.append((base, start, end))
    return sorted(merged, key=lambda item: item[1])




def is_headline(text: str, start: int, end: int) -> bool:
    """A first line without closing punctuation: headlines round figures ("$14B" for $14.2B)."""
    return text.rfind("\n", 0, start) == -1 and text[end - 1 : end] not in ".!?\"”“'" and (
        end == len(text) or text[end : end + 1] == "\n"
    )


