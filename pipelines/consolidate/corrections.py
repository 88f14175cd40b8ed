"""Analyst corrections (`corrections.yaml`), applied on every consolidation run.

The file is a YAML list of entries (optionally under a top-level `corrections:` key). Each entry
has exactly one action key and a `reason`:

    - reject_mention: <deal mention_id>               # the deal mention is ignored
      reason: ...
    - reject_investment_mention: <investment mention_id>
      reason: ...
    - merge_deals: [<deal>, <deal>, ...]              # one deal, under the first deal's id
      reason: ...
    - split_mention: <deal mention_id>                # this mention becomes a deal of its own
      reason: ...
    - set_figure: {deal: <deal>, field: gw, value: 1.0, bound: at_least}
      reason: ...
    - set_figure: {investment: <investment>, field: usd, value: 2.0e9, bound: exact}
      reason: ...

A <deal> is a deal_id or the mention_id of any mention in the deal (mention ids never change, so
they are the sturdier reference); an <investment> is an investment_id or the mention_id of one of
its mentions. `deal_id:` / `investment_id:` are accepted as spellings of `deal:` / `investment:`.
`set_figure` fields: gw, chips, usd, eur (with `bound`, default exact, and for money `vague`,
default false; `value: null` removes the figure), year, status, resource for deals; usd, eur,
shares for investments.

Values must lie in the plausible ranges of `pipelines.plausibility` (the ones the asset checks use:
gw 0.001 to 100, chips up to 1e8, money $1k to $10tn, ...), and one field of one deal or investment
is set by one entry only. A malformed file raises CorrectionsError naming the entry at fault (and,
for a duplicate, the entry it repeats); a correction whose ids match nothing is not an error:
consolidation returns it among `unused_corrections`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pipelines.plausibility import FIGURE_RANGES, YEAR_RANGE

BOUNDS = ("exact", "approx", "at_least", "up_to")
RESOURCES = ("tpu", "gpu", "trainium", "custom_chip", "cloud", "datacenter", "power", "unspecified")
STATUSES = ("definitive", "loi", "unspecified")
DEAL_FIGURE_FIELDS = ("gw", "chips", "usd", "eur", "year", "status", "resource")
INVESTMENT_FIGURE_FIELDS = ("usd", "eur", "shares")
MONEY_FIELDS = ("usd", "eur")
INTEGER_FIELDS = ("chips", "shares", "year")

ACTIONS = ("reject_mention", "reject_investment_mention", "merge_deals", "split_mention", "set_figure")


class CorrectionsError(ValueError):
    """The corrections file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Correction:
    index: int                  # position in the file, from 1
    action: str                 # one of ACTIONS
    reason: str
    mention_id: str | None = None          # reject_mention, reject_investment_mention, split_mention
    deals: tuple[str, ...] = ()            # merge_deals
    target: str | None = None              # set_figure: deal or investment reference
    table: str = "deals"                   # "deals" or "investments": which consolidation uses it
    field: str | None = None               # set_figure
    value: Any = None
    bound: str | None = None
    vague: bool = False

    def describe(self) -> str:
        subject = self.mention_id or ", ".join(self.deals) or f"{self.target} {self.field}"
        return f"correction #{self.index} ({self.action} {subject})"


@dataclass(frozen=True)
class UnusedCorrection:
    correction: Correction
    problem: str

    def __str__(self) -> str:
        return f"{self.correction.describe()}: {self.problem}"


@dataclass(frozen=True)
class Corrections:
    entries: tuple[Correction, ...] = ()
    source: str = "<none>"

    def of(self, action: str, table: str | None = None) -> list[Correction]:
        return [c for c in self.entries if c.action == action and (table is None or c.table == table)]

    def __len__(self) -> int:
        return len(self.entries)


NO_CORRECTIONS = Corrections()


def load_corrections(path: str | Path) -> Corrections:
    """The corrections in a YAML file; a missing or empty file means no corrections."""
    path = Path(path)
    if not path.exists():
        return Corrections(source=str(path))
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CorrectionsError(f"{path}: not valid YAML: {error}") from error
    return parse_corrections(data, source=str(path))


def parse_corrections(data: Any, source: str = "<corrections>") -> Corrections:
    """Corrections from already parsed YAML: a list of entries, or a mapping holding the list under
    `corrections`."""
    if isinstance(data, dict):
        unknown = set(data) - {"corrections"}
        if unknown:
            raise CorrectionsError(f"{source}: unknown top-level key(s) {sorted(unknown)}; "
                                   "expected a list of corrections under `corrections:`")
        data = data.get("corrections")
    if data is None:
        return Corrections(source=source)
    if not isinstance(data, list):
        raise CorrectionsError(f"{source}: expected a list of corrections, got {type(data).__name__}")
    entries = tuple(_parse_entry(entry, index, source) for index, entry in enumerate(data, start=1))
    _refuse_duplicate_figures(entries, data, source)
    return Corrections(entries, source=source)


def _refuse_duplicate_figures(entries: tuple[Correction, ...], data: list, source: str) -> None:
    """Two set_figure entries for one field of one deal: which should win is the analyst's call."""
    first: dict[tuple, Correction] = {}
    for correction in entries:
        if correction.action != "set_figure":
            continue
        key = (correction.table, correction.target, correction.field)
        if key in first:
            raise CorrectionsError(
                f"{source}: correction #{correction.index} {_short(data[correction.index - 1])}: sets "
                f"{correction.field} of {correction.target} again (already set by correction "
                f"#{first[key].index}); keep one entry per field")
        first[key] = correction


def _parse_entry(entry: Any, index: int, source: str) -> Correction:
    def fail(problem: str) -> CorrectionsError:
        return CorrectionsError(f"{source}: correction #{index} {_short(entry)}: {problem}")

    if not isinstance(entry, dict):
        raise fail("expected a mapping with one action and a reason")
    actions = [key for key in entry if key in ACTIONS]
    if len(actions) != 1:
        raise fail(f"needs exactly one action among {', '.join(ACTIONS)} (found {actions or 'none'})")
    action = actions[0]
    unknown = set(entry) - {action, "reason"}
    if unknown:
        raise fail(f"unknown key(s) {sorted(unknown)}")
    reason = entry.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise fail("every correction needs a non-empty `reason`")
    reason = reason.strip()
    body = entry[action]

    if action in ("reject_mention", "reject_investment_mention", "split_mention"):
        table = "investments" if action == "reject_investment_mention" else "deals"
        return Correction(index, action, reason, mention_id=_id(body, action, fail), table=table)

    if action == "merge_deals":
        if not isinstance(body, list) or len(body) < 2:
            raise fail("merge_deals needs a list of at least two deal ids")
        deals = tuple(_id(item, "merge_deals item", fail) for item in body)
        if len(set(deals)) != len(deals):
            raise fail("merge_deals lists the same deal twice")
        return Correction(index, action, reason, deals=deals)

    # set_figure
    if not isinstance(body, dict):
        raise fail("set_figure needs a mapping: {deal: <id>, field: ..., value: ..., bound: ...}")
    aliases = {"deal_id": "deal", "investment_id": "investment"}
    body = {aliases.get(key, key): value for key, value in body.items()}
    unknown = set(body) - {"deal", "investment", "field", "value", "bound", "vague"}
    if unknown:
        raise fail(f"set_figure: unknown key(s) {sorted(unknown)}")
    if ("deal" in body) == ("investment" in body):
        raise fail("set_figure needs exactly one of `deal` (deal_id) or `investment` (investment_id)")
    table = "deals" if "deal" in body else "investments"
    target = _id(body["deal" if table == "deals" else "investment"], "set_figure target", fail)
    allowed = DEAL_FIGURE_FIELDS if table == "deals" else INVESTMENT_FIGURE_FIELDS
    name = body.get("field")
    if name not in allowed:
        raise fail(f"set_figure field must be one of {', '.join(allowed)} for {table} (got {name!r})")
    if "value" not in body:
        raise fail("set_figure needs a `value` (null removes the figure)")
    value, bound, vague = body["value"], body.get("bound"), body.get("vague", False)
    if name in ("status", "resource", "year"):
        if bound is not None or "vague" in body:
            raise fail(f"set_figure {name}: `bound` and `vague` do not apply")
        choices = {"status": STATUSES, "resource": RESOURCES}.get(name)
        if choices and value not in choices:
            raise fail(f"set_figure {name}: value must be one of {', '.join(choices)} (got {value!r})")
        if name == "year" and value is not None and (not _is_int(value) or value not in YEAR_RANGE):
            raise fail(f"set_figure year: value must be a year from {YEAR_RANGE.low:g} to {YEAR_RANGE.high:g} "
                       f"such as 2026 (got {value!r})")
        return Correction(index, action, reason, target=target, table=table, field=name, value=value)
    if value is None:
        if bound is not None:
            raise fail(f"set_figure {name}: value null (remove the figure) takes no bound")
    else:
        number = _number(value)
        if number is None or number < 0 or (name in INTEGER_FIELDS and number != int(number)):
            kind = "a whole number" if name in INTEGER_FIELDS else "a non-negative number"
            raise fail(f"set_figure {name}: value must be {kind} (got {value!r}); "
                       "write 38e9 or 38000000000 for $38bn, 1.5 for 1.5 GW, 1000000 chips")
        plausible = FIGURE_RANGES[name]
        if number not in plausible:
            raise fail(f"set_figure {name}: value {value!r} is outside the plausible range {plausible.describe()}")
        value = number
        bound = "exact" if bound is None else bound
        if bound not in BOUNDS:
            raise fail(f"set_figure {name}: bound must be one of {', '.join(BOUNDS)} (got {bound!r})")
    if not isinstance(vague, bool) or (vague and name not in MONEY_FIELDS):
        raise fail(f"set_figure {name}: `vague` is true or false, and only for usd or eur")
    value = None if value is None else (int(value) if name in INTEGER_FIELDS else float(value))
    return Correction(index, action, reason, target=target, table=table, field=name, value=value, bound=bound,
                      vague=vague)


def _id(value: Any, what: str, fail) -> str:
    if _is_int(value) and value >= 0:   # an unquoted id of digits only is read by YAML as a number
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise fail(f"{what}: expected an id (a string), got {value!r}")


def _number(value: Any) -> float | None:
    """A number from YAML; PyYAML reads 38e9 (no dot) as a string, so numeric strings count."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.replace("_", "").strip())
        except ValueError:
            return None
    if isinstance(value, (int, float)) and math.isfinite(value):
        return float(value)
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _short(entry: Any) -> str:
    text = repr(entry)
    return text if len(text) <= 120 else text[:117] + "..."
