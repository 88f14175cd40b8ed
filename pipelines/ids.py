"""Stable ids: hashes of what identifies a row, so re-runs update rows instead of adding them."""

import hashlib


def stable_hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]
