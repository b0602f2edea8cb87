"""Text of the chips saying what the words of a query were understood to mean (web.understood)."""

MESSAGES = {
    "pl": {
        "understood.label": "Tak rozumiemy Twoje słowa:",
        "understood.chip": "„{words}”: {meaning}",
        "understood.remove": "Szukaj tych słów dosłownie:",
    },
    "en": {
        "understood.label": "How we read your words:",
        "understood.chip": "“{words}”: {meaning}",
        "understood.remove": "Search these words literally:",
    },
    "uk": {
        "understood.label": "Так ми розуміємо ваші слова:",
        "understood.chip": "«{words}»: {meaning}",
        "understood.remove": "Шукати ці слова дослівно:",
    },
}
