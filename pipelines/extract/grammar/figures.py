"""The figures of a fact as values: power and chip counts as a `Quantity`, dollars and euros as `Money`."""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..numbers import Amount, Bound


@dataclass(frozen=True)
class Quantity:
    """Gigawatts or a chip count, with how the text qualifies it ("bis zu 6 GW": 6, UP_TO)."""
    value: float
    bound: Bound


@dataclass(frozen=True)
class Money:
    """An amount of dollars or euros; `vague` for "tens of billions" (recorded as its lower bound)."""
    value: float
    bound: Bound
    vague: bool = False


def _significant_digits(value: float) -> int:
    return len(f"{value:.6g}".replace(".", "").replace("-", "").split("e")[0].strip("0"))


@dataclass
class Figures:
    """The figures of one fact; None where the text states none."""
    gw: Quantity | None = None
    chips: Quantity | None = None
    usd: Money | None = None
    eur: Money | None = None
    shares: int | None = None

    @classmethod
    def first_of(cls, amounts: list[Amount], kinds: tuple[str, ...]) -> Figures:
        """The first amount of each kind among `kinds`; a vague chip count is no count."""
        figures = cls()
        for amount in amounts:
            if amount.kind not in kinds or getattr(figures, amount.kind) is not None:
                continue
            if amount.kind == "chips":
                if not amount.vague:
                    figures.chips = Quantity(int(amount.value), amount.bound)
            elif amount.kind == "shares":
                figures.shares = int(amount.value)
            elif amount.kind == "gw":
                figures.gw = Quantity(amount.value, amount.bound)
            else:
                setattr(figures, amount.kind, Money(amount.value, amount.bound, amount.vague))
        return figures

    def count(self) -> int:
        return sum(getattr(self, f.name) is not None for f in fields(self))

    def fill(self, other: Figures, kinds: tuple[str, ...] = ("gw", "chips", "usd", "eur", "shares")) -> None:
        """Take the figures of `other` this one lacks; the figures it has stay."""
        for kind in kinds:
            if getattr(self, kind) is None and getattr(other, kind) is not None:
                setattr(self, kind, getattr(other, kind))

    def refine(self, other: Figures) -> None:
        """Where `other` gives nearly the same figure more precisely ("$14.2B" for "$14B"), take it."""
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            mine_value = mine if f.name == "shares" else mine and mine.value
            theirs_value = theirs if f.name == "shares" else theirs and theirs.value
            if mine_value and theirs_value and abs(mine_value - theirs_value) <= 0.1 * mine_value and (
                    _significant_digits(theirs_value) > _significant_digits(mine_value)):
                setattr(self, f.name, theirs)

    def columns(self, kinds: tuple[str, ...]) -> dict:
        """The figures as the flat columns of the mention tables: gw, gw_bound, …, usd, usd_bound, usd_vague."""
        row: dict = {}
        for kind in kinds:
            value = getattr(self, kind)
            if kind == "shares":
                row["shares"] = value
                continue
            row[kind] = value.value if value else None
            row[kind + "_bound"] = value.bound if value else None
            if kind in ("usd", "eur"):
                row[kind + "_vague"] = value.vague if value else False
        return row
