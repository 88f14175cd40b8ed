"""The export root: which database it belongs to, dated folders published atomically, `latest`,
and nothing written outside it."""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MARKER = ".compute-deals-exports"
MANIFEST = "manifest.json"
LATEST = "latest"
_STALE_PARTIAL_S = 24 * 3600


class ExportError(RuntimeError):
    """An export that must not happen (wrong folder, path outside the root): nothing was written."""


@dataclass(frozen=True)
class ExportRoot:
    path: Path          # resolved
    database: Path      # the database whose exports live here

    def inside(self, target: Path) -> Path:
        """`target`, refused unless it resolves (links followed) inside the root."""
        resolved = target.resolve()
        if resolved != self.path and not resolved.is_relative_to(self.path):
            raise ExportError(f"refusing to write {target}: it resolves to {resolved}, outside the export root {self.path}")
        return target

    def day_folder(self, day: date) -> Path:
        return self.inside(self.path / day.isoformat())


def open_root(root: Path, database: Path) -> ExportRoot:
    """The export root for `database`, created if needed. Refused when it belongs to another
    database, or when it is a non-empty folder that is not an export root (a typo in `--out`
    must not scatter files into a home folder)."""
    root = Path(root).expanduser().resolve()
    database = Path(database).resolve()
    if root.exists() and not root.is_dir():
        raise ExportError(f"the export root {root} is a file, not a folder")
    marker = root / MARKER
    if marker.is_file():
        try:
            owner = Path(json.loads(marker.read_text(encoding="utf-8"))["database"])
        except (ValueError, KeyError, TypeError):
            raise ExportError(f"{marker} is damaged: delete it if {root} holds only exports of {database}") from None
        if owner != database:
            raise ExportError(f"the export root {root} holds the exports of {owner}, not of {database}: "
                              "choose another folder (--out, or COMPUTE_DEALS_EXPORTS)")
    else:
        if root.exists() and any(root.iterdir()):
            raise ExportError(f"{root} is not empty and is not an export root (no {MARKER} file): choose an empty "
                              "or new folder")
        root.mkdir(parents=True, exist_ok=True)
        marker.write_text(json.dumps({"database": str(database)}) + "\n", encoding="utf-8")
    return ExportRoot(root, database)


def new_partial(root: ExportRoot, day: date) -> Path:
    _remove_stale_partials(root)
    partial = root.inside(root.path / f".partial-{day.isoformat()}-{uuid.uuid4().hex[:8]}")
    partial.mkdir()
    return partial


def publish(root: ExportRoot, partial: Path, day: date) -> Path:
    """Move the finished `partial` folder to its dated name (replacing that day's earlier export)
    and point `latest` at it. A reader opening `latest/...` gets a complete export, old or new."""
    final = root.day_folder(day)
    old = None
    if final.is_symlink():
        final.unlink()
    elif final.exists():
        old = root.inside(root.path / f".old-{day.isoformat()}-{uuid.uuid4().hex[:8]}")
        final.rename(old)
    partial.rename(final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    _point_latest(root, final)
    return final


def _point_latest(root: ExportRoot, final: Path) -> None:
    latest = root.path / LATEST
    staged = root.inside(root.path / f".latest-{uuid.uuid4().hex[:8]}")
    try:
        os.symlink(final.name, staged, target_is_directory=True)  # relative: the root can move
    except OSError:  # no symlinks on this filesystem: a copy, swapped in
        shutil.copytree(final, staged)
    if latest.is_dir() and not latest.is_symlink():
        shutil.rmtree(latest)
    os.replace(staged, latest)  # atomic for a link


def previous_manifest(root: ExportRoot, *, excluding: date) -> dict | None:
    """The manifest of the most recent export other than `excluding`'s day (by export time)."""
    manifests = [m for folder, m in dated_exports(root) if folder.name != excluding.isoformat()]
    return max(manifests, key=lambda m: str(m.get("exported_at", "")), default=None)


def dated_exports(root: ExportRoot) -> list[tuple[Path, dict]]:
    """The dated folders of the root with their manifests (folders without one are not ours)."""
    exports = []
    for folder in root.path.iterdir():
        if folder.name.startswith(".") or folder.name == LATEST or folder.is_symlink() or not folder.is_dir():
            continue
        try:
            date.fromisoformat(folder.name)
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (ValueError, OSError):
            continue
        if isinstance(manifest, dict):
            exports.append((folder, manifest))
    return exports


def prune(root: ExportRoot, keep: int) -> list[str]:
    """Delete all but the `keep` most recent dated exports; returns the days deleted."""
    if keep <= 0:
        return []
    exports = sorted(dated_exports(root), key=lambda item: str(item[1].get("exported_at", "")), reverse=True)
    deleted = []
    for folder, _ in exports[keep:]:
        shutil.rmtree(root.inside(folder), ignore_errors=True)
        deleted.append(folder.name)
    return deleted


def _remove_stale_partials(root: ExportRoot) -> None:
    """Folders left by an export that crashed a day ago or more (a younger one may still be writing)."""
    now = time.time()
    for folder in root.path.glob(".partial-*"):
        if folder.is_dir() and not folder.is_symlink() and now - folder.stat().st_mtime > _STALE_PARTIAL_S:
            shutil.rmtree(folder, ignore_errors=True)
