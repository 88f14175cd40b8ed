"""The parser's version: part of each article's parse key (`articles.parse_key`).

A document is parsed again when its bytes, its stored hints or its source's keywords changed, or
when this string differs from the one its article was parsed with. Bump it when a change to
`pipelines/parse/`, `pipelines/articles.py` or `pipelines/relevance.py` can change the article row of
an unchanged document (text, title, date, language, relevance).
"""

PARSER_VERSION = "parse-2025-12-04"
