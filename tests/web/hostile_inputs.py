"""Hostile inputs for the pages and the API, each with a name its test id carries.

Values are query-string values (percent-encoded by the test client unless `RAW` says the
escape is sent as written); `PATHS` are paths sent as they are.
"""

from __future__ import annotations

# fmt: off
VALUES: dict[str, str] = {
    "overlong": "spawanie " * 2000,
    "overlong-word": "a" * 30_000,  # the test client sends URLs up to 64 kB
    "nul": "spaw\x00anie",
    "control-bytes": "\x01\x02\x1b[31m\x7f\x08",
    "crlf-header-injection": "x\r\nSet-Cookie: owned=1",
    "huge-number": "9" * 400,
    "int64-overflow": "9223372036854775808",
    "negative": "-1",
    "minus-zero": "-0",
    "float-exponent": "1e309",
    "nan": "NaN",
    "infinity": "Infinity",
    "empty": "",
    "whitespace": " \t\n ",
    "sql-quote": "' OR '1'='1' --",
    "sql-union": "1 UNION SELECT password FROM users--",
    "sql-semicolon": "x'; DROP TABLE offer; --",
    "tantivy-syntax": 'title:(a OR b) AND "unclosed +-~*^2 [1 TO *]',
    "html-script": "<script>alert(1)</script>",
    "html-attribute": '"><img src=x onerror=alert(1)>',
    "html-svg": "<svg/onload=alert(1)>",
    "javascript-url": "javascript:alert(document.cookie)",
    "template-injection": "{{ 7*7 }}{% raw %}${7*7}#{7*7}",
    "format-string": "%s%s%s%n{0}{}",
    "path-traversal": "../../../../etc/passwd",
    "encoded-traversal": "..%2f..%2f..%2fetc%2fpasswd",
    "rtl-override": "\u202espawanie\u202d",
    "zero-width": "spa\u200bwa\u200dnie\ufeff",
    "combining": "s\u0301\u0302\u0303" * 50,
    "emoji": "🔥👩‍🔧🏳️‍🌈",
    "astral": "\U0001d54a\U0001f600\U0010ffff",
    "lone-surrogate-escape": "\\ud800",
    "polish": "Zażółć gęślą jaźń",
    "fullwidth": "ｓｐａｗａｎｉｅ",
    "json": '{"$where": "1"}',
    "coordinates-out-of-range": "999,999",
    "date-garbage": "2026-13-45",
    "date-far": "99999-01-01",
}

# Invalid UTF-8 and odd escapes, sent as they are in the query string.
RAW_QUERIES: dict[str, str] = {
    "invalid-utf8": "q=%FF%FE%FD",
    "overlong-utf8": "q=%C0%AF",
    "lone-surrogate-utf8": "q=%ED%A0%80",
    "truncated-escape": "q=%E2%82",
    "bare-percent": "q=100%",
    "nul-escape": "q=%00",
    "repeated-parameters": "q=a&q=b&page=1&page=2&page=-3&kind=kkz&kind=course&kind=",
    "many-parameters": "&".join(f"p{i}=x" for i in range(500)),
    "empty-names": "=&==&&&=x",
}

PATHS: dict[str, str] = {
    "offer-huge-id": "/oferty/" + "9" * 400,
    "offer-int64": "/oferty/9223372036854775808",
    "offer-json-int64": "/oferty/9223372036854775808.json",
    "offer-zero": "/oferty/0",
    "offer-negative": "/oferty/-5",
    "offer-text": "/oferty/abc",
    "offer-script": "/oferty/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "api-offer-huge": "/api/v1/offers/" + "9" * 400,
    "api-offer-float": "/api/v1/offers/1.5",
    "api-offer-exponent": "/api/v1/offers/1e3",
    "api-offer-script": "/api/v1/offers/%3Cscript%3E",
    "static-traversal": "/static/../../../etc/passwd",
    "static-encoded-traversal": "/static/..%2f..%2f..%2fetc%2fpasswd",
    "static-double-encoded": "/static/%252e%252e%252fsettings.py",
    "double-slash": "//evil.example/",
    "backslash": "/\\evil.example",
    "nul-in-path": "/oferty/1%00",
    "invalid-utf8-path": "/%FF%FE",
    "long-path": "/" + "a" * 8000,
    "dot-segments": "/./api/../api/v1/offers",
}

# Where each value is put: every parameter the pages and the API read.
PARAMETERS = [
    "q", "page", "per_page", "sort", "kind", "powiat", "price_max", "hours_min", "start_from",
    "near", "radius_km", "free", "lang", "format", "limit",
]
ENDPOINTS = {"/": PARAMETERS, "/api/v1/offers": PARAMETERS, "/api/v1/suggest": ["q", "limit"]}
# fmt: on
