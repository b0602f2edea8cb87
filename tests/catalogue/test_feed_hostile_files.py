"""Feed files whose bytes or quotes would make a reader lose rows or garble text: each is
refused whole (a `FeedError`, so the run fails and withdraws nothing) or row by row with its
reason, never read as fewer rows or as mojibake."""

from __future__ import annotations

import pytest

from catalogue.feeds import FeedError, read_feed
from catalogue.feeds.files import decode, read_table
from catalogue.normalise.text import looks_garbled

HEADER = "id_oferty;tytul;url;miejscowosc"


def thirty_rows(broken: dict[int, str] | None = None) -> list[str]:
    """A header and 30 offers K-1…K-30; `broken` replaces the line of an offer."""
    rows = [f"K-{i};Kurs nr {i};https://x.example/k/{i};Żary" for i in range(1, 31)]
    for number, line in (broken or {}).items():
        rows[number - 1] = line
    return [HEADER, *rows]


def as_bytes(lines: list[str], encoding: str = "utf-8") -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def test_thirty_good_rows_are_thirty_offers():
    assert len(read_feed(as_bytes(thirty_rows()), source="t").offers) == 30


def test_a_quote_opened_and_never_closed_fails_the_file_instead_of_swallowing_rows():
    data = as_bytes(thirty_rows({21: 'K-21;"Kurs nr 21 z cudzysłowem;https://x.example/k/21;Żary'}))
    with pytest.raises(FeedError) as error:
        read_feed(data, source="t")
    message = str(error.value)
    assert message.startswith("wiersz 22, kolumna tytul: cudzysłów otwarty w tej komórce")
    assert "9 kolejnych wierszy pliku" in message


def test_a_stray_quote_closed_rows_later_fails_the_file_too():
    data = as_bytes(
        thirty_rows({5: 'K-5;"Kurs nr 5;https://x.example/k/5;Żary', 8: 'K-8;Kurs" nr 8;x;Żary'})
    )
    with pytest.raises(FeedError, match="wiersz 6, kolumna tytul: cudzysłów otwarty"):
        read_feed(data, source="t")


def test_a_description_over_several_lines_in_quotes_is_one_cell():
    lines = thirty_rows({3: 'K-3;"Kurs nr 3\nDwa dni: piątek; sobota\nZapisy w sekretariacie";'
                            "https://x.example/k/3;Żary"})  # fmt: skip
    offers = {o.external_id: o for o in read_feed(as_bytes(lines), source="t").offers}
    assert len(offers) == 30 and offers["K-3"].title.startswith("Kurs nr 3\nDwa dni")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("K-12;Kurs nr 12;dodatkowe pole;https://x.example/k/12;Żary", "wiersz 13 ma 5 pól"),
        ("K-12;Kurs nr 12 https://x.example/k/12;Żary", "wiersz 13 ma 3 pola"),
    ],
)
def test_a_row_whose_field_count_differs_from_the_header_fails_the_file(line, expected):
    with pytest.raises(FeedError) as error:
        read_feed(as_bytes(thirty_rows({12: line})), source="t")
    assert str(error.value).startswith(expected)
    assert "nagłówek ma 4" in str(error.value)


def test_empty_cells_at_the_end_of_a_row_do_not_count_as_fields():
    data = as_bytes(thirty_rows({12: "K-12;Kurs nr 12;https://x.example/k/12;Żary;;"}))
    assert len(read_feed(data, source="t").offers) == 30


def test_a_hand_written_file_whose_rows_skip_empty_trailing_cells_is_read():
    lines = [
        HEADER + ";cena;opis",
        "A;Kurs A;https://x.example/a;Żary",
        "B;Kurs B;https://x.example/b",
    ]
    assert len(read_feed(as_bytes(lines), source="t").offers) == 2


# --- bytes: decode by evidence ------------------------------------------------------------------


def test_one_bad_byte_in_a_utf8_file_fails_it_with_the_byte_position_not_as_windows_1250():
    lines = thirty_rows({20: "K-20;Obsługa kas fiskalnych;https://x.example/k/20;Żary"})
    data = as_bytes(lines)
    position = data.index("Obsługa".encode()) + 3
    data = data[:position] + b"\xff" + data[position:]
    with pytest.raises(FeedError) as error:
        read_feed(data, source="t")
    assert str(error.value) == (
        f"plik nie jest poprawnym tekstem UTF-8: niepoprawny bajt 0xFF w linii 21 (bajt {position})"
        "; zapisz go w UTF-8 (lub cały w Windows-1250)"
    )


def test_a_whole_windows_1250_file_of_polish_text_is_read_as_such():
    data = as_bytes(thirty_rows({20: "K-20;Obsługa kas fiskalnych;https://x.example/k/20;Łęknica"}),
                    "cp1250")  # fmt: skip
    text, encoding = decode(data)
    assert encoding == "windows-1250" and "Obsługa kas fiskalnych;https" in text


def test_bytes_that_decode_as_windows_1250_but_read_as_no_polish_are_refused():
    data = as_bytes(
        ["id_oferty;tytul;url", "1;Kurs \xa9\xae\xb5\xd7;https://x.example/1"], "cp1250"
    )
    with pytest.raises(FeedError, match="niepoprawny bajt 0xA9 w linii 2"):
        read_table(data)


@pytest.mark.parametrize(
    "text",
    ["ObsĹ‚uga kas fiskalnych", "Kurs jÄ™zyka angielskiego", "SpawaÅ‚ MAG", "GÃ³ra", "Å»ary"],
)
def test_mojibake_is_recognised(text):
    assert looks_garbled(text)


@pytest.mark.parametrize(
    "text",
    ["Obsługa kas fiskalnych", "Żary – kurs „Spawacz”", "Café Crème", "ASCII", "KURS PÓŁROCZNY"],
)
def test_polish_and_other_honest_text_is_not_mojibake(text):
    assert not looks_garbled(text)


def test_a_row_with_mojibake_is_rejected_with_its_reason_and_the_rest_is_stored():
    lines = thirty_rows({20: "K-20;ObsĹ‚uga kas fiskalnych;https://x.example/k/20;Żary"})
    result = read_feed(as_bytes(lines), source="t")
    assert len(result.offers) == 29
    (bad,) = result.rejected
    assert bad.reason == (
        "wiersz 21: tekst w kolumnie tytul wygląda na źle odczytane polskie znaki "
        "(„ObsĹ‚uga kas fiskalnych”); zapisz plik w UTF-8"
    )
