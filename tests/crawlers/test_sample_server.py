"""The sample server over real HTTP: the BUR-like API, the KKZ and schema.org sites, robots.txt."""

from __future__ import annotations

import json
import math
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.robotparser import RobotFileParser

import parsel
import pytest

from samples.faults import Fault
from samples.server import SampleServer

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def fetch(url: str, *, body: Any = None, token: str | None = None) -> tuple[int, dict, str]:
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


def login(server: SampleServer, user: str = "demo", key: str = "demo") -> tuple[int, dict]:
    status, _, text = fetch(
        f"{server.base_url}/bur/api/autoryzacja/logowanie",
        body={"nazwaUzytkownika": user, "kluczAutoryzacyjny": key},
    )
    return status, json.loads(text)


def bur_records(data_dir: Path) -> list[Any]:
    return json.loads((data_dir / "bur_uslugi.json").read_text(encoding="utf-8"))


def test_the_api_gives_a_token_for_the_sample_credentials_and_a_json_401_for_others(server):
    status, payload = login(server)
    assert status == 200 and payload["token"]
    status, payload = login(server, key="zły klucz")
    assert status == 401
    assert "komunikat" in payload


def test_the_service_list_needs_a_valid_bearer_token(server):
    url = f"{server.base_url}/bur/api/usluga?strona=1"
    assert fetch(url)[0] == 401
    assert fetch(url, token="made-up")[0] == 401
    token = login(server)[1]["token"]
    assert fetch(url, token=token)[0] == 200
    server.bur.expire_tokens()
    assert fetch(url, token=token)[0] == 401


def test_the_service_list_comes_25_a_page_in_the_bur_envelope(server, fixture_data):
    token = login(server)[1]["token"]
    total = len(bur_records(fixture_data))
    pages = math.ceil(total / 25)
    seen = []
    for page in range(1, pages + 2):
        status, _, text = fetch(f"{server.base_url}/bur/api/usluga?strona={page}", token=token)
        envelope = json.loads(text)
        assert status == 200
        assert envelope["strona"] == page
        assert envelope["elementyNaStrone"] == 25
        assert envelope["wszystkieElementy"] == total
        seen.extend(envelope["lista"])
    assert len(seen) == total  # the page after the last one is empty
    assert not any("_harmonogram" in record for record in seen)


def test_an_unknown_query_parameter_is_a_500_as_in_the_real_api(server):
    token = login(server)[1]["token"]
    status, _, _ = fetch(f"{server.base_url}/bur/api/usluga?strona=1&sortuj=data", token=token)
    assert status == 500


def test_the_voivodeship_filter_keeps_lubuskie_and_remote_services(server, fixture_data):
    records = [r for r in bur_records(fixture_data) if isinstance(r, dict)]
    records[0]["adres"]["idWojewodztwa"] = 7  # move one service to mazowieckie
    (fixture_data / "bur_uslugi.json").write_text(json.dumps(records), encoding="utf-8")
    token = login(server)[1]["token"]
    text = fetch(f"{server.base_url}/bur/api/usluga?idWojewodztwa=4", token=token)[2]
    assert json.loads(text)["wszystkieElementy"] == len(records) - 1


def test_the_schedule_of_a_service_is_served_from_its_private_key(server, fixture_data):
    record = next(r for r in bur_records(fixture_data) if r.get("_harmonogram"))
    token = login(server)[1]["token"]
    url = f"{server.base_url}/bur/api/usluga/{record['id']}/harmonogram?strona=1"
    status, _, text = fetch(url, token=token)
    assert status == 200
    assert json.loads(text)["lista"] == record["_harmonogram"]
    assert fetch(f"{server.base_url}/bur/api/usluga/1/harmonogram", token=token)[0] == 404


def test_a_service_has_a_public_page_without_login(server, fixture_data):
    record = next(r for r in bur_records(fixture_data) if r.get("id") and r.get("tytul"))
    status, _, text = fetch(f"{server.base_url}/bur/wyszukiwarka/uslugi/podglad?id={record['id']}")
    assert status == 200
    assert parsel.Selector(text).css("h1.service-name::text").get() == record["tytul"]


def test_robots_txt_allows_everything_but_admin(server):
    status, _, text = fetch(f"{server.base_url}/robots.txt")
    robots = RobotFileParser()
    robots.parse(text.splitlines())
    assert status == 200
    assert robots.can_fetch("LubuskieLLLBot", f"{server.base_url}/kkz/fixture/")
    assert not robots.can_fetch("LubuskieLLLBot", f"{server.base_url}/admin/")
    assert "sitemap.xml" in text


def test_an_unknown_address_is_a_404_html_page(server):
    status, headers, text = fetch(f"{server.base_url}/nie-ma-takiej-strony")
    assert status == 404
    assert headers["Content-Type"].startswith("text/html")
    assert "404" in text


def test_the_kkz_list_shows_ten_courses_a_page_and_links_the_next(server, fixture_data):
    courses = json.loads((fixture_data / "kkz_fixture.json").read_text(encoding="utf-8"))["courses"]
    first = parsel.Selector(fetch(f"{server.base_url}/kkz/fixture/")[2])
    links = first.css("ul.lista-kursow a")
    assert len(links) == min(10, len(courses))
    assert " ".join(links[0].xpath("string()").get().split()) == (
        f"{courses[0]['occupation']} – {courses[0]['code']} {courses[0]['qualification']}"
    )
    next_href = first.xpath('//a[contains(., "Następna")]/@href').get()
    assert next_href.endswith("?strona=2")
    second = parsel.Selector(fetch(server.base_url + next_href)[2])
    assert len(second.css("ul.lista-kursow a")) == len(courses) - 10
    assert second.xpath('//a[contains(., "Następna")]').get() is None


def test_a_kkz_course_page_labels_its_details(server, fixture_data):
    course = json.loads((fixture_data / "kkz_fixture.json").read_text(encoding="utf-8"))["courses"][
        0
    ]
    page = parsel.Selector(fetch(f"{server.base_url}/kkz/fixture/kursy/{course['slug']}.html")[2])
    labels = [" ".join(t.split()) for t in page.css("dt::text, td strong::text").getall()]
    assert {"Termin rozpoczęcia:", "Miejsce:", "Odpłatność:", "Forma:"} <= set(labels)
    assert course["description"] in page.css("div.opis p::text").get()


def test_a_jsonld_page_embeds_its_block_and_the_sitemap_lists_every_page(server, fixture_data):
    site = json.loads((fixture_data / "jsonld_fixture.json").read_text(encoding="utf-8"))
    base = f"{server.base_url}/{site['site']['url_path']}"
    sitemap = parsel.Selector(fetch(f"{base}/sitemap.xml")[2], type="xml")
    sitemap.remove_namespaces()
    locs = sitemap.xpath("//loc/text()").getall()
    assert len(locs) == len(site["pages"])
    good = next(p for p in site["pages"] if isinstance(p["jsonld"], dict))
    page = parsel.Selector(fetch(f"{base}/{good['slug']}.html")[2])
    block = page.xpath('//script[@type="application/ld+json"]/text()').get()
    assert json.loads(block) == good["jsonld"]
    index = parsel.Selector(fetch(f"{base}/")[2])
    assert len(index.css("ul.oferta a")) == len(site["pages"])


def test_a_fault_answers_in_place_of_the_page_as_many_times_as_asked(server):
    server.faults.add(Fault("/robots.txt", status=503, times=1))
    assert fetch(f"{server.base_url}/robots.txt")[0] == 503
    assert fetch(f"{server.base_url}/robots.txt")[0] == 200
    assert [s.status for s in server.requests.all("/robots.txt")] == [503, 200]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_server_runs_as_a_module_on_the_port_given(fixture_data):
    port = free_port()
    command = [sys.executable, "-m", "samples.server", "--port", str(port),
               "--data-dir", str(fixture_data)]  # fmt: skip
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert f":{port}" in process.stdout.readline()
        deadline = time.monotonic() + 10
        while True:
            try:
                assert fetch(f"http://127.0.0.1:{port}/robots.txt")[0] == 200
                break
            except urllib.error.URLError:
                if time.monotonic() > deadline:
                    pytest.fail("the server did not answer")
                time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(timeout=10)
