"""A small threaded HTTP server for the sample sites, built from the data files at request time.

    with SampleServer() as server:          # 127.0.0.1, a free port
        crawl(..., base_url=server.base_url)

    python -m samples.server --port 8001

It serves a BUR-like API under `/bur/api` (sample login `demo`, key `demo`) with the public
service pages under `/bur/wyszukiwarka/`, each KKZ institution under `/kkz/<slug>/`, each
schema.org site under `/<url_path>/` with its `sitemap.xml`, a `/robots.txt` that disallows
`/admin/`, and a 404 page. Tests make it misbehave through `server.faults` and read what it
was asked in `server.requests`.
"""

from __future__ import annotations

import argparse
import threading
from collections.abc import Mapping
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from samples import bur_site, jsonld_site, kkz_site
from samples.dataset import DATA_DIR, DataStore, SampleData, site_path
from samples.faults import FaultPlan, RequestLog
from samples.replies import Reply, frame, html_reply, not_found, text_reply

SAMPLE_CREDENTIALS = {"demo": "demo"}  # nazwaUzytkownika -> kluczAutoryzacyjny


class SampleServer:
    def __init__(
        self,
        data_dir: Path | str = DATA_DIR,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        credentials: Mapping[str, str] | None = None,
        token_ttl: float = 3600.0,
    ) -> None:
        self.data = DataStore(Path(data_dir))
        self.bur = bur_site.BurApi(credentials or SAMPLE_CREDENTIALS, token_ttl)
        self.faults = FaultPlan()
        self.requests = RequestLog()
        self._httpd = _HTTPServer((host, port), self)
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else host
        return f"http://{name}:{port}"

    def start(self) -> SampleServer:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted (the command-line use)."""
        try:
            self._httpd.serve_forever(poll_interval=0.5)
        except KeyboardInterrupt:
            pass
        finally:
            self._httpd.server_close()

    def __enter__(self) -> SampleServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def answer(self, method: str, path: str, query: dict[str, str], request: _Handler) -> Reply:
        reply = self.faults.take(method, path, query)
        if reply is None:
            reply = self._route(method, path, query, request)
        self.requests.record(method, path, query, reply.status, request.headers.get("User-Agent"))
        return reply

    def _route(self, method: str, path: str, query: dict[str, str], request: _Handler) -> Reply:
        data = self.data.get()
        base_url = f"http://{request.headers.get('Host') or self.base_url.split('//')[1]}"
        if path.startswith(bur_site.API_PREFIX + "/"):
            return self._bur_api(method, path, query, request, data)
        if method != "GET":
            return Reply(405, b"Method Not Allowed", "text/plain", {"Allow": "GET"})
        if path == "/robots.txt":
            return robots_txt(data, base_url)
        if path == "/":
            return home_page(data)
        if path.startswith("/admin"):
            return html_reply(frame("Panel", "<h1>Dostęp tylko dla pracowników</h1>"), 403)
        if path == bur_site.PUBLIC_PAGE:
            return bur_site.public_page(data, query)
        if path.startswith(kkz_site.PREFIX + "/"):
            return kkz_site.route(data.kkz, path, query)
        found = data.jsonld_site_for(path)
        if found is not None:
            return jsonld_site.route(found[1], found[2], base_url)
        return not_found()

    def _bur_api(
        self, method: str, path: str, query: dict[str, str], request: _Handler, data: SampleData
    ) -> Reply:
        if path == bur_site.API_PREFIX + "/autoryzacja/logowanie":
            if method != "POST":
                return bur_site.error(405, "Dozwolona metoda: POST.")
            return self.bur.login(request.read_body())
        if method != "GET":
            return bur_site.error(405, "Dozwolona metoda: GET.")
        if not self.bur.authorised(request.headers.get("Authorization")):
            return bur_site.error(401, "Brak ważnego tokenu. Zaloguj się ponownie.")
        return self.bur.handle_get(data, path, query)


class _HTTPServer(ThreadingHTTPServer):
    """The listening socket; its handlers answer for `sample`."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], sample: SampleServer) -> None:
        super().__init__(address, _Handler)
        self.sample = sample


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer  # the one that made this handler: BaseServer has no `sample`
    server_version = "SampleSites/1.0"

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _serve(self, method: str) -> None:
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        sample = self.server.sample
        try:
            reply = sample.answer(method, parts.path, query, self)
        except Exception as exc:  # a broken data file must show as a 500, not a dropped socket
            reply = Reply(500, f"Błąd serwera przykładowego: {exc!r}".encode(), "text/plain")
        reply.send(self)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the request log is in SampleServer.requests


def robots_txt(data: SampleData, base_url: str) -> Reply:
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", ""]
    lines += [f"Sitemap: {base_url}/{site_path(site)}/sitemap.xml" for site in data.jsonld.values()]
    return text_reply("\n".join(lines) + "\n")


def home_page(data: SampleData) -> Reply:
    links = [f"<li>BUR: API pod /bur/api, {len(data.bur)} usług (login demo, klucz demo)</li>"]
    links += [
        f"<li><a href='/kkz/{slug}/'>{escape(site['institution']['name'])}</a> – KKZ</li>"
        for slug, site in data.kkz.items()
    ]
    links += [
        f"<li><a href='/{site_path(site)}/'>{escape(site['site']['name'])}</a> – schema.org</li>"
        for site in data.jsonld.values()
    ]
    body = "<h1>Przykładowe serwisy</h1><ul>" + "".join(links) + "</ul>"
    return html_reply(frame("Przykładowe serwisy", body))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the sample sites over HTTP.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    server = SampleServer(args.data_dir, host=args.host, port=args.port)
    print(f"Serwer przykładowy: {server.base_url}  (BUR: login demo, klucz demo)", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
