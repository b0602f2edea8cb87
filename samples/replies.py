"""What a sample route returns, and the HTML frame the sample sites share.

The frame is deliberately a little messy, like the sites it imitates: a navigation bar,
a cookie banner, inline styles, a footer with the institution's address.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)

    def send(self, handler: BaseHTTPRequestHandler) -> None:
        """Write this reply to the client of `handler`: status, headers, body."""
        handler.send_response(self.status)
        handler.send_header("Content-Type", self.content_type)
        handler.send_header("Content-Length", str(len(self.body)))
        for name, value in self.headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(self.body)


def json_reply(payload: Any, status: int = 200) -> Reply:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return Reply(status, body, "application/json; charset=utf-8")


def html_reply(text: str, status: int = 200) -> Reply:
    return Reply(status, text.encode("utf-8"))


def text_reply(text: str, content_type: str = "text/plain; charset=utf-8") -> Reply:
    return Reply(200, text.encode("utf-8"), content_type)


def not_found(message: str = "Nie znaleziono strony.") -> Reply:
    body = f"<h1>404</h1><p>{escape(message)}</p><p><a href='/'>Strona główna</a></p>"
    return html_reply(frame("Nie znaleziono (404)", body), status=404)


def frame(title: str, body: str, *, site_name: str = "", footer: str = "", head: str = "") -> str:
    """A whole HTML page around `body` (which is already escaped HTML)."""
    site = escape(site_name or "Przykładowe serwisy")
    return f"""<!DOCTYPE html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} | {site}</title>
<link rel="stylesheet" href="/static/style.css?v=3">
{head}
</head>
<body class="page">
<div id="cookie-banner" class="cookies" style="position:fixed;bottom:0">
  Ta strona używa plików cookie. <a href="#" class="btn-accept">Akceptuję</a>
</div>
<header class="top">
  <div class="logo"><a href="/">{site}</a></div>
  <nav class="menu"><ul>
    <li><a href="/">Start</a></li><li><a href="#">Aktualności</a></li>
    <li><a href="#">Rekrutacja</a></li><li><a href="/admin/">Panel</a></li>
    <li><a href="#">Kontakt</a></li>
  </ul></nav>
</header>
<main id="content">
<!-- treść -->
{body}
</main>
<footer class="stopka"><div class="wrap">{footer}
  <p class="small">&copy; 2026 {site}. Dane przykładowe – oferty zmyślone.</p>
</div></footer>
</body>
</html>
"""
