"""Do no work twice: what says that a document is parsed, an article extracted, a table up to date.

No Dagster here. Three kinds of evidence:

- **parse key** per article (`articles.parse_key`): a hash of everything parsing reads (the raw
  bytes' SHA-256, the hints stored with them, the source's keywords for the relevance filter) and
  `PARSER_VERSION`. A document whose key is unchanged is not parsed again.
- **extraction input hash** per article (`extracted_articles`): an MD5 of the article row exactly
  as the extractor is given it, stored with `EXTRACTOR_VERSION`. An article whose hash and version
  are unchanged keeps its mentions; a new extractor version re-extracts every article once.
- **input fingerprints** of the derived assets (`asset_inputs`): a fingerprint of the rows they
  read, the files they apply (corrections.yaml) and the code or SQL that computes them. Equal to
  the recorded one: the table is still right, the asset skips its work and says so.

Fingerprints of rows use DuckDB's `hash()` (a row count, an XOR and a sum of the rows' hashes):
cheap on millions of rows and independent of row order. They are compared only with fingerprints
written by the same DuckDB version; a new version at worst recomputes once.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines.parse.version import PARSER_VERSION

# What parsing reads besides the bytes (see pipelines.articles.article_from_raw).
PARSE_INPUT_COLUMNS = ("source", "kind", "url", "external_id", "content_type", "body_sha256",
                       "title_hint", "published_hint", "lang_hint")


def parse_key(record: dict, keywords: tuple[str, ...]) -> str:
    """Hash of what an article row is computed from: equal keys, equal rows."""
    parts = [PARSER_VERSION, *(str(record.get(column)) for column in PARSE_INPUT_COLUMNS), *keywords]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def extraction_inputs_sql(articles_sql: str) -> str:
    """The extractor's input query (one row per article, as given to the extractor) with an MD5 of
    each whole row: if the extraction developer adds a column to the query, it is hashed too."""
    return (f"with extractor_input as (\n{articles_sql}\n)\n"
            "select article_id, md5(extractor_input::varchar) as input_hash from extractor_input")


def query_fingerprint(con: duckdb.DuckDBPyConnection, sql: str, params: dict | list | None = None) -> str:
    """Fingerprint of the rows a query returns, whatever their order."""
    count, xor, total = con.execute(
        f"with fingerprinted as (\n{sql}\n)\n"
        "select count(*), coalesce(bit_xor(hash(fingerprinted)), 0), coalesce(sum(hash(fingerprinted)::hugeint), 0)::varchar "
        "from fingerprinted",
        params or [],
    ).fetchall()[0]
    return f"{count}:{xor:x}:{total}"


def table_fingerprint(con: duckdb.DuckDBPyConnection, table: str) -> str:
    return query_fingerprint(con, f"select * from {table}")


def file_fingerprint(path: str | Path) -> str:
    """SHA-256 of a file's bytes; a missing file has a fingerprint too (it means: no corrections)."""
    path = Path(path)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"


def code_fingerprint(*modules: str) -> str:
    """SHA-256 of the source files (.py, .sql, .yaml) of modules or packages: a changed rule in the
    consolidation code recomputes the tables it produced, without anyone bumping a version."""
    digest = hashlib.sha256()
    for name in modules:
        module = importlib.import_module(name)
        origin = Path(module.__file__)
        files = sorted(p for p in origin.parent.rglob("*") if p.suffix in (".py", ".sql", ".yaml")) \
            if origin.name == "__init__.py" else [origin]
        for file in files:
            digest.update(str(file.relative_to(origin.parent)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Inputs:
    """What a derived asset is computed from, one fingerprint per part (tables, files, code, settings)."""

    parts: dict[str, str]

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(json.dumps(self.parts, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class Recorded:
    """The inputs a derived asset was last computed from, and what that computation reported."""

    fingerprint: str
    parts: dict[str, str]
    details: dict = field(default_factory=dict)
    recorded_at: datetime | None = None

    def unchanged(self, inputs: Inputs) -> bool:
        return self.fingerprint == inputs.fingerprint

    def changed_parts(self, inputs: Inputs) -> list[str]:
        return sorted(name for name in set(inputs.parts) | set(self.parts)
                      if inputs.parts.get(name) != self.parts.get(name))


def recorded_inputs(con: duckdb.DuckDBPyConnection, asset: str) -> Recorded | None:
    rows = con.execute("select fingerprint, parts, details, recorded_at from asset_inputs where asset = ?",
                       [asset]).fetchall()
    if not rows:
        return None
    fingerprint, parts, details, recorded_at = rows[0]
    return Recorded(fingerprint, json.loads(parts), json.loads(details) if details else {}, recorded_at)


def record_inputs(con: duckdb.DuckDBPyConnection, asset: str, inputs: Inputs, details: dict | None = None) -> None:
    """Remember what `asset` was computed from. Called after its table is committed: a crash in
    between leaves the old record, and the next run recomputes (never the other way round)."""
    con.execute(
        "insert or replace into asset_inputs (asset, fingerprint, parts, details, recorded_at) values (?, ?, ?, ?, ?)",
        [asset, inputs.fingerprint, json.dumps(inputs.parts, sort_keys=True),
         json.dumps(details or {}, sort_keys=True, default=str), datetime.now(UTC)],
    )


def forget_inputs(con: duckdb.DuckDBPyConnection, asset: str) -> None:
    """Make the next run recompute `asset` (its outputs were changed outside the pipeline)."""
    con.execute("delete from asset_inputs where asset = ?", [asset])


def skip_reason(recorded: Recorded) -> str:
    when = recorded.recorded_at.isoformat(timespec="seconds") if recorded.recorded_at else "an earlier run"
    return f"inputs unchanged since {when} ({', '.join(sorted(recorded.parts))}): the table is kept as it is"
