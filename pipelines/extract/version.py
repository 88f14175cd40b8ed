"""The extractor's version: part of what says whether an article was already extracted.

`extracted_articles.extractor_version` keeps the version each article's mentions came from. A run
re-extracts an article when its text (or anything else the extractor is given) changed, or when
this version differs from the stored one. The version is the code's release string plus a digest
of the committed model files and of the vocabulary (registry, lexicon), so retraining the model or
adding a company re-extracts by itself; bump CODE_VERSION when a change to the rules' code can
change what is extracted from an unchanged article.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

CODE_VERSION = "grammar+model-2026-12-05"
_EXTRACT = Path(__file__).parent
_DATA_FILES = ("companies.yaml", "descriptors.yaml", "lexicon/de.yaml", "lexicon/en.yaml",
               "model/files/decision.json", "model/files/trees.json", "model/files/party_tagger.crfsuite",
               "model/files/common_words.tsv.gz")


def _data_digest() -> str:
    digest = hashlib.sha256()
    for name in _DATA_FILES:
        path = _EXTRACT / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()[:12]


EXTRACTOR_VERSION = f"{CODE_VERSION}+{_data_digest()}"
