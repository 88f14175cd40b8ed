"""Canonical URLs: one article, one URL, whatever feed, share button or AMP cache led to it.

Conservative on purpose: only changes that cannot point to a different document
(case of scheme/host, default ports, fragments, tracking parameters, AMP variants,
parameter order, a trailing index.html). Trailing slashes and other paths are kept,
since some servers serve different pages for /a and /a/.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that only say who sent the reader, never which article.
_TRACKING_PARAMS = {
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
    "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "ref", "ref_src", "ref_url", "referrer",
    "cmpid", "xtor", "spm", "ocid", "smid", "smtyp", "mkt_tok", "trk", "sr_share",
    "vero_id", "ito", "__twitter_impression", "s_cid", "wt_mc", "wt_zmc",
    "amp",  # ?amp / ?amp=1 selects the AMP rendering of the same article
}
# Analytics suites name their parameters by prefix: Google (utm_), Webtrekk/Mapp used by
# heise and others (wt_), AT Internet used by Spiegel and Zeit (at_), comScore (ns_),
# Piwik/Matomo (pk_, mtm_), HubSpot (_hs, hsa_), Olytics (oly_).
_TRACKING_PREFIXES = ("utm_", "wt_", "at_", "ns_", "pk_", "mtm_", "_hs", "hsa_", "oly_")
_TRACKING_VALUES = {("outputtype", "amp")}

_DEFAULT_PORTS = {"http": "80", "https": "443"}
_AMP_CACHE_HOST = re.compile(r"\.cdn\.ampproject\.org$")
_AMP_SUFFIX = re.compile(r"\.amp(?=(\.html?)?$)")
_INDEX_PAGE = re.compile(r"/index\.html?$", re.IGNORECASE)


def canonicalize_url(url: str) -> str:
    """Normalise an article URL; returns the input stripped if it is not a web URL."""
    try:
        return _canonicalize(url.strip())
    except Exception:  # malformed ports, odd IPv6 brackets: keep what we were given
        return url.strip() if isinstance(url, str) else url


def _canonicalize(url: str) -> str:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return url
    path, query = parts.path, parts.query
    host = parts.hostname.rstrip(".")  # urlsplit already lowercases it

    if _AMP_CACHE_HOST.search(host):
        unwrapped = _unwrap_amp_cache(path, query)
        if unwrapped:
            return _canonicalize(unwrapped)

    if host.startswith("amp."):
        host = host[len("amp."):]
    netloc = host
    if ":" in host:  # IPv6 literal
        netloc = f"[{host}]"
    if parts.port is not None and str(parts.port) != _DEFAULT_PORTS.get(scheme):
        netloc += f":{parts.port}"
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"

    return urlunsplit((scheme, netloc, _clean_path(path), _clean_query(query), ""))


def _clean_path(path: str) -> str:
    if not path:
        return "/"
    segments = path.split("/")
    # AMP as a whole path segment, first (/amp/news/...) or last (/news/.../amp/)
    if len(segments) > 2 and segments[1].lower() == "amp":
        del segments[1]
    trailing_slash = segments[-1] == ""
    body = segments[:-1] if trailing_slash else segments
    if len(body) > 1 and body[-1].lower() == "amp":
        body = body[:-1]
        trailing_slash = True
    path = "/".join(body) + ("/" if trailing_slash else "")
    path = _AMP_SUFFIX.sub("", path)
    path = _INDEX_PAGE.sub("/", path)
    return path or "/"


def _clean_query(query: str) -> str:
    if not query:
        return ""
    kept = [
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True)
        if not _is_tracking(key, value)
    ]
    return urlencode(sorted(kept), doseq=False)


def _is_tracking(key: str, value: str) -> bool:
    key = key.lower()
    return (
        key in _TRACKING_PARAMS
        or key.startswith(_TRACKING_PREFIXES)
        or (key, value.lower()) in _TRACKING_VALUES
    )


def _unwrap_amp_cache(path: str, query: str) -> str | None:
    """Google's AMP cache: /c/s/www.example.com/a/b → https://www.example.com/a/b."""
    match = re.match(r"^/[cvi]/(s/)?([^/]+)(/.*)?$", path)
    if not match:
        return None
    scheme = "https" if match.group(1) else "http"
    rest = match.group(3) or "/"
    return f"{scheme}://{match.group(2)}{rest}" + (f"?{query}" if query else "")
