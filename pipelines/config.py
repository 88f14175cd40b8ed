"""The sources file: which documents the pipeline reads.

```yaml
sources:
  - name: sample-press      # unique, used in every table
    kind: directory         # directory | jsonl | feed | listing | sitemap
    path: press             # relative paths resolve against this file's folder
    lang: de                # optional hint; detected per document when absent
```

Errors name the file and the line at fault, because users edit this file by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

FILE_KINDS = ("directory", "jsonl")
WEB_KINDS = ("feed", "listing", "sitemap")
KINDS = FILE_KINDS + WEB_KINDS
LANGS = ("de", "en")

_KNOWN_KEYS = {
    "name", "kind", "path", "url", "lang", "keywords", "max_items",
    "link_selector", "next_selector", "max_pages", "since_days", "enabled",
}


class SourcesConfigError(ValueError):
    """The sources file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class SourceConfig:
    name: str
    kind: str
    path: Path | None = None
    url: str | None = None
    lang: str | None = None
    keywords: tuple[str, ...] = ()
    max_items: int | None = None
    link_selector: str | None = None     # listing: CSS selector of article links
    next_selector: str | None = None     # listing: CSS selector of the next-page link
    max_pages: int = 1                   # listing: pages followed at most
    since_days: int | None = None        # sitemap: keep entries this recent


def load_sources(path: Path | str) -> list[SourceConfig]:
    """Read and validate a sources file; disabled entries (`enabled: false`) are skipped."""
    path = Path(path)
    if not path.is_file():
        raise SourcesConfigError(f"sources file not found: {path}")
    text = _read_utf8(path)
    try:
        root = yaml.compose(text)
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise SourcesConfigError(_yaml_problem(path, error)) from error
    if root is None:
        raise SourcesConfigError(f"{path}: empty file; expected a `sources:` list")
    if not isinstance(document, dict) or not isinstance(document.get("sources"), list):
        raise SourcesConfigError(f"{path}: expected a top-level `sources:` list")

    entry_lines = _entry_lines(root)
    sources: list[SourceConfig] = []
    seen: set[str] = set()
    for index, entry in enumerate(document["sources"]):
        where = f"{path}, line {entry_lines[index]}" if index < len(entry_lines) else str(path)
        source = _parse_entry(entry, base=path.parent, where=where)
        if source.name in seen:
            raise SourcesConfigError(f"{where}: duplicate source name {source.name!r}")
        seen.add(source.name)
        if entry.get("enabled", True):
            sources.append(source)
    return sources


def _read_utf8(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start : error.start + 1].hex()
        raise SourcesConfigError(f"{path}, line {line}: not UTF-8 text (byte 0x{byte}); "
                                 "save the file as UTF-8") from None


def _yaml_problem(path: Path, error: yaml.YAMLError) -> str:
    """One line: where and what, instead of PyYAML's multi-line report."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    where = f"{path}, line {mark.line + 1}" if mark is not None else str(path)
    return f"{where}: not valid YAML: {problem}"


def _entry_lines(root: yaml.Node) -> list[int]:
    for key, value in getattr(root, "value", []):
        if getattr(key, "value", None) == "sources" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _parse_entry(entry: object, *, base: Path, where: str) -> SourceConfig:
    if not isinstance(entry, dict):
        raise SourcesConfigError(f"{where}: each source must be a mapping with name and kind")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SourcesConfigError(f"{where}: source without a `name`")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise SourcesConfigError(f"{where}: source {name!r}: unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
    unknown = set(entry) - _KNOWN_KEYS
    if unknown:
        raise SourcesConfigError(f"{where}: source {name!r}: unknown keys {sorted(unknown)}")
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise SourcesConfigError(f"{where}: source {name!r}: `enabled` must be true or false, not {enabled!r}")
    for key in ("path", "url", "link_selector", "next_selector"):
        value = entry.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise SourcesConfigError(f"{where}: source {name!r}: `{key}` must be a non-empty text, not {value!r}")

    lang = entry.get("lang")
    if lang is not None and lang not in LANGS:
        raise SourcesConfigError(f"{where}: source {name!r}: lang must be one of {LANGS} or absent, not {lang!r}")

    path = url = None
    if kind in FILE_KINDS:
        if not entry.get("path"):
            raise SourcesConfigError(f"{where}: source {name!r} of kind {kind} needs a `path`")
        path = (base / str(entry["path"])).resolve()
    else:
        url = entry.get("url")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise SourcesConfigError(f"{where}: source {name!r} of kind {kind} needs an http(s) `url`")
    if kind == "listing" and not entry.get("link_selector"):
        raise SourcesConfigError(f"{where}: listing source {name!r} needs a `link_selector` (CSS)")

    keywords = entry.get("keywords") or ()
    if isinstance(keywords, str) or not all(isinstance(k, str) for k in keywords):
        raise SourcesConfigError(f"{where}: source {name!r}: `keywords` must be a list of strings")

    return SourceConfig(
        name=name.strip(),
        kind=kind,
        path=path,
        url=url,
        lang=lang,
        keywords=tuple(keywords),
        max_items=_positive_int(entry, "max_items", name, where),
        link_selector=entry.get("link_selector"),
        next_selector=entry.get("next_selector"),
        max_pages=_positive_int(entry, "max_pages", name, where) or 1,
        since_days=_positive_int(entry, "since_days", name, where),
    )


def _positive_int(entry: dict, key: str, name: str, where: str) -> int | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise SourcesConfigError(f"{where}: source {name!r}: `{key}` must be a positive whole number, not {value!r}")
    return value
