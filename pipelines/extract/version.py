"""The extractor's version: part of what says whether an article was already extracted.

`extracted_articles.extractor_version` keeps the version each article's mentions came from. A run
re-extracts an article when its text (or anything else the extractor is given) changed, or when
this string differs from the stored one; so bump it whenever a change to the rules, the company
registry or a model file can change what is extracted from an unchanged article. Any string does;
it may later be derived from the model file (a hash of its bytes, say).
"""

EXTRACTOR_VERSION = "rules-2025-12-04"
