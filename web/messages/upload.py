"""Text of the panel's file upload (`/panel/import`: web/routes/panel_upload.py)."""

MESSAGES = {
    "pl": {
        "upload.title": "Wgraj ofertę z pliku",
        "upload.intro": (
            "Wgraj plik CSV lub XLSX z ofertami: jeden wiersz to jeden termin, kolumny jak w "
            "szablonie. Najpierw sprawdzimy każdy wiersz i pokażemy błędy i ostrzeżenia; oferty "
            "opublikujemy dopiero, gdy to potwierdzisz."
        ),
        "upload.template": "Pobierz szablon pliku (XLSX)",
        "upload.back": "Wróć do panelu",
        "upload.form.title": "Sprawdź plik",
        "upload.file": "Plik z ofertami (CSV lub XLSX)",
        "upload.file.hint": (
            "Najwyżej {mb} MB i {rows} wierszy. Wymagane kolumny: id_oferty, tytul, url."
        ),
        "upload.file.missing": "Wybierz plik CSV lub XLSX do sprawdzenia.",
        "upload.submit": "Sprawdź plik",
        "upload.recent": "Ostatnio wgrane pliki",
        "upload.recent.caption": "Ostatnio wgrane pliki i wynik ich sprawdzenia",
        "upload.recent.none": "Nie wgrano jeszcze żadnego pliku.",
        "upload.col.file": "Plik",
        "upload.col.when": "Wgrano",
        "upload.col.rows": "Wiersze",
        "upload.col.errors": "Błędy",
        "upload.col.warnings": "Ostrzeżenia",
        "upload.col.state": "Stan",
        "upload.col.row": "Wiersz",
        "upload.col.column": "Kolumna",
        "upload.col.code": "Kod",
        "upload.col.message": "Opis",
        "upload.state": "Stan",
        "upload.state.checked": "sprawdzony, czeka na publikację",
        "upload.state.publishing": "trwa publikacja (odśwież stronę, by zobaczyć wynik)",
        "upload.state.published": "opublikowany",
        "upload.state.discarded": "odrzucony",
        "upload.result.title": "Wynik sprawdzenia pliku",
        "upload.file_error": "Nie można sprawdzić pliku",
        "upload.again": "Wgraj poprawiony plik",
        "upload.summary": (
            "Wiersze: {rows}, oferty: {offers}. Błędy: {errors}, ostrzeżenia: {warnings}."
        ),
        "upload.publish.title": "Publikacja",
        "upload.publish.text": (
            "Można opublikować ofert: {offers} (wierszy: {rows}). Oferty nowej instytucji i "
            "oferty ze znaczną zmianą (np. ceny lub tytułu) trafią najpierw do koordynatora."
        ),
        "upload.publish.held": (
            "Oferty, w których choć jeden wiersz ma błąd, nie zostaną opublikowane: popraw je "
            "w pliku z problemami i wgraj go ponownie."
        ),
        "upload.publish.button": "Opublikuj oferty bez błędów ({offers})",
        "upload.publish.none": (
            "Żadnej oferty nie można opublikować: popraw błędy i wgraj plik ponownie."
        ),
        "upload.discard": "Odrzuć ten plik",
        "upload.download.title": "Plik z problemami",
        "upload.download.text": (
            "Wiersze z problemami z dwiema dodatkowymi kolumnami: kody i opisy problemów. "
            "Popraw go i wgraj ponownie; dodatkowe kolumny zostaną pominięte."
        ),
        "upload.download.xlsx": "Pobierz wiersze z problemami (XLSX)",
        "upload.download.csv": "Pobierz wiersze z problemami (CSV)",
        "upload.errors.title": "Błędy",
        "upload.errors.text": "Oferta z błędem w którymkolwiek wierszu nie zostanie opublikowana.",
        "upload.errors.none": "Brak błędów.",
        "upload.warnings.title": "Ostrzeżenia",
        "upload.warnings.text": "Sprawdź je; oferty z ostrzeżeniami zostaną opublikowane.",
        "upload.warnings.none": "Brak ostrzeżeń.",
        "upload.more": "…i {n} kolejnych: wszystkie są w pliku z problemami.",
        "upload.done.published": "Oferty z pliku zostały zapisane.",
        "upload.done.counts": (
            "Opublikowane: {active}, czekają na koordynatora: {review}, bez zmian: {unchanged}."
        ),
        "upload.done.discarded": "Plik został odrzucony; nic z niego nie opublikowano.",
        "upload.back_to_uploads": "Wróć do wgrywania plików",
    },
    "en": {
        "upload.title": "Upload offers from a file",
        "upload.intro": (
            "Upload a CSV or XLSX file of offers: one row per edition, columns as in the "
            "template. We check every row first and show the errors and warnings; the offers "
            "are published only once you confirm."
        ),
        "upload.template": "Download the file template (XLSX)",
        "upload.back": "Back to the panel",
        "upload.form.title": "Check a file",
        "upload.file": "File of offers (CSV or XLSX)",
        "upload.file.hint": (
            "At most {mb} MB and {rows} rows. Required columns: id_oferty, tytul, url."
        ),
        "upload.file.missing": "Choose a CSV or XLSX file to check.",
        "upload.submit": "Check the file",
        "upload.recent": "Recent uploads",
        "upload.recent.caption": "Recently uploaded files and what their check found",
        "upload.recent.none": "No file has been uploaded yet.",
        "upload.col.file": "File",
        "upload.col.when": "Uploaded",
        "upload.col.rows": "Rows",
        "upload.col.errors": "Errors",
        "upload.col.warnings": "Warnings",
        "upload.col.state": "State",
        "upload.col.row": "Row",
        "upload.col.column": "Column",
        "upload.col.code": "Code",
        "upload.col.message": "Description",
        "upload.state": "State",
        "upload.state.checked": "checked, awaiting publication",
        "upload.state.publishing": "being published (reload the page to see the result)",
        "upload.state.published": "published",
        "upload.state.discarded": "discarded",
        "upload.result.title": "File check",
        "upload.file_error": "The file cannot be checked",
        "upload.again": "Upload a corrected file",
        "upload.summary": "Rows: {rows}, offers: {offers}. Errors: {errors}, warnings: {warnings}.",
        "upload.publish.title": "Publishing",
        "upload.publish.text": (
            "Offers that can be published: {offers} ({rows} rows). A new institution's offers "
            "and offers with a large change (e.g. of price or title) go to the coordinator first."
        ),
        "upload.publish.held": (
            "Offers with an error in any row will not be published: correct them in the "
            "problems file and upload it again."
        ),
        "upload.publish.button": "Publish the offers without errors ({offers})",
        "upload.publish.none": "No offer can be published: correct the errors and upload again.",
        "upload.discard": "Discard this file",
        "upload.download.title": "Problems file",
        "upload.download.text": (
            "The rows with problems, with two more columns: the problems' codes and "
            "descriptions. Correct it and upload it again; the two columns are ignored."
        ),
        "upload.download.xlsx": "Download the rows with problems (XLSX)",
        "upload.download.csv": "Download the rows with problems (CSV)",
        "upload.errors.title": "Errors",
        "upload.errors.text": "An offer with an error in any of its rows is not published.",
        "upload.errors.none": "No errors.",
        "upload.warnings.title": "Warnings",
        "upload.warnings.text": "Check them; offers with warnings are published.",
        "upload.warnings.none": "No warnings.",
        "upload.more": "…and {n} more: all are in the problems file.",
        "upload.done.published": "The file's offers have been saved.",
        "upload.done.counts": (
            "Published: {active}, awaiting the coordinator: {review}, unchanged: {unchanged}."
        ),
        "upload.done.discarded": "The file was discarded; nothing from it was published.",
        "upload.back_to_uploads": "Back to file uploads",
    },
}
