"""How common a word is in German and in English (Zipf scale), for telling names from words.

German capitalises every noun, so a capital letter says little. What does: "Rechenzentrum" is a
common German word and no English one; "Bertelsmann" or "Microsoft" are as common in both
languages as names are; "Nscale" is in neither. The table is built once from the wordfreq
package's frequency lists by `bench/train_extractor.py --vocabulary` and committed (single words
with their frequencies, no text).
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

VOCABULARY_FILE = Path(__file__).with_name("files") / "common_words.tsv.gz"
TOP_WORDS = 50_000  # per language


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[float, float]]:
    if not VOCABULARY_FILE.exists():
        return {}
    table = {}
    with gzip.open(VOCABULARY_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, de, en = line.rstrip("\n").split("\t")
            table[word] = (float(de), float(en))
    return table


def zipf(word: str) -> tuple[float, float]:
    """(German, English) Zipf frequency of the lower-cased word; 0 where it is not among the common words."""
    return _table().get(word.lower(), (0.0, 0.0))


def build_vocabulary(path: Path = VOCABULARY_FILE, top: int = TOP_WORDS) -> int:
    """Write the table from wordfreq (a training-time dependency: `pip install -e ".[train]"`)."""
    from wordfreq import top_n_list, zipf_frequency

    words = sorted(set(top_n_list("de", top)) | set(top_n_list("en", top)))
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(path, "wb", mtime=0) as raw:  # mtime 0: the same words give the same bytes
        for word in words:
            if "\t" in word or "\n" in word:
                continue
            line = f"{word}\t{zipf_frequency(word, 'de'):.1f}\t{zipf_frequency(word, 'en'):.1f}\n"
            raw.write(line.encode("utf-8"))
    _table.cache_clear()
    return len(words)
