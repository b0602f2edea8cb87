"""What the search page says when not every word matched, when it shows offers outside the
place asked for, and when nothing was found (issue 13: search.relaxing, _results.html)."""

MESSAGES = {
    "pl": {
        "honesty.partial": "Brak ofert ze wszystkimi słowami; pokazujemy oferty z częścią słów.",
        "honesty.partial.words": "Słowa: {words}.",
        "honesty.place": "Brak takich ofert w miejscu: {places}. Pokazujemy najbliższe oferty "
        "poza nim, z odległością.",
        "honesty.help.heading": "Co może pomóc",
        "honesty.help.drop": "Bez filtra „{label}”",
        "honesty.help.drop.count.1": "1 oferta",
        "honesty.help.drop.count.few": "{n} oferty",
        "honesty.help.drop.count.many": "{n} ofert",
        "honesty.help.related": "Pokrewne kwalifikacje:",
        "honesty.help.nearest": "Najbliższe oferty poza wybranym miejscem ({place}):",
        "honesty.started": "rozpoczęte {date}",
        "honesty.none.hint": "Spróbuj innego słowa albo mniej słów.",
    },
    "en": {
        "honesty.partial": "No offers with all the words; showing offers with some of them.",
        "honesty.partial.words": "Words: {words}.",
        "honesty.place": "No such offers in: {places}. Showing the nearest offers outside it, "
        "with their distance.",
        "honesty.help.heading": "What may help",
        "honesty.help.drop": "Without the filter “{label}”",
        "honesty.help.drop.count.1": "1 offer",
        "honesty.help.drop.count.other": "{n} offers",
        "honesty.help.related": "Related qualifications:",
        "honesty.help.nearest": "The nearest offers outside the place you chose ({place}):",
        "honesty.started": "started {date}",
        "honesty.none.hint": "Try another word, or fewer words.",
    },
    "uk": {
        "honesty.partial": "Немає пропозицій з усіма словами; показуємо пропозиції з частиною "
        "слів.",
        "honesty.partial.words": "Слова: {words}.",
        "honesty.place": "Немає таких пропозицій у місці: {places}. Показуємо найближчі "
        "пропозиції поза ним, з відстанню.",
        "honesty.help.heading": "Що може допомогти",
        "honesty.help.drop": "Без фільтра «{label}»",
        "honesty.help.drop.count.one": "{n} пропозиція",
        "honesty.help.drop.count.few": "{n} пропозиції",
        "honesty.help.drop.count.many": "{n} пропозицій",
        "honesty.help.drop.count.other": "{n} пропозиції",
        "honesty.help.related": "Споріднені кваліфікації:",
        "honesty.help.nearest": "Найближчі пропозиції поза вибраним місцем ({place}):",
        "honesty.started": "розпочато {date}",
        "honesty.none.hint": "Спробуйте інше слово або менше слів.",
    },
}
