"""Which of the four languages a programme is in, and its time zone."""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import PLACES, TIMEZONES

# Frequent words that tell the languages apart. Danish and Norwegian share most words, so
# their lists hold the spellings where they differ (af/av, hvad/hva, efter/etter, ...).
_MARKERS = {
    "da": ("af", "hvad", "efter", "mellem", "jeg", "mig", "dig", "nu", "bliver", "frokost",
           "oplæg", "velkomst", "kommunerne", "deltagere", "også", "ikke", "hvordan", "hvor",
           "være", "fra", "skal", "kan", "vil", "og", "det", "der", "til", "som", "med",
           "den", "en", "et", "på", "ved", "dag", "tak", "spørgsmål", "gennem", "nogle",
           "mere", "blive", "udvikling", "arbejde", "sammen", "hos", "kl", "præsentation",
           "afslutning", "erfaringer", "udfordringer", "næste", "landdistrikter", "virksomheder"),
    "nb": ("av", "hva", "etter", "mellom", "meg", "deg", "blir", "lunsj", "innlegg",
           "velkommen", "kommunene", "deltakere", "også", "ikke", "hvordan", "hvor", "være",
           "fra", "skal", "kan", "vil", "og", "det", "der", "til", "som", "med", "den", "en",
           "et", "på", "ved", "dag", "takk", "spørsmål", "gjennom", "noen", "mer", "bli",
           "utvikling", "arbeid", "sammen", "hos", "kl", "presentasjon", "avslutning",
           "erfaringer", "utfordringer", "neste", "samarbeid", "ordfører", "fylke", "kunnskap"),
    "sv": ("och", "att", "är", "för", "med", "på", "av", "som", "det", "till", "om", "en",
           "ett", "vi", "hur", "kan", "har", "från", "inte", "också", "välkommen", "lunch",
           "kaffe", "dag", "mötet", "kommunerna", "samt", "eller", "efter", "mellan", "frågor",
           "innovation", "vad", "ska", "under", "både", "där", "sig", "oss", "detta", "denna",
           "inledning", "avslutning", "arbete", "kl", "fika", "utveckling", "tillsammans"),
    "en": ("the", "and", "of", "to", "in", "for", "with", "on", "is", "are", "by", "from",
           "this", "that", "we", "will", "be", "at", "an", "as", "our", "welcome", "lunch",
           "coffee", "break", "session", "day", "meeting", "presentation", "discussion",
           "registration", "dinner", "how", "what", "closing", "opening", "remarks", "panel"),
}  # fmt: skip
_LETTERS = {"da": "æø", "nb": "æø", "sv": "äö", "en": ""}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 200_000  # characters; enough to decide, and keeps 5 MB inputs fast


def detect_language(text: str) -> str:
    """'da', 'sv', 'nb' or 'en' for a programme text (English when nothing tells)."""
    sample = (text or "")[:_SAMPLE].casefold()
    words = Counter(_WORD.findall(sample))
    scores = dict.fromkeys(_MARKERS, 0.0)
    for lang, markers in _MARKERS.items():
        for marker in set(markers):
            scores[lang] += words.get(marker, 0)
    for lang, letters in _LETTERS.items():
        for letter in letters:
            scores[lang] += 0.3 * sample.count(letter)
    # Words only one of Danish and Norwegian spells this way weigh more than the shared ones.
    for da_word, nb_word in (("af", "av"), ("hvad", "hva"), ("efter", "etter"),
                             ("mellem", "mellom"), ("frokost", "lunsj"), ("oplæg", "innlegg"),
                             ("bliver", "blir"), ("spørgsmål", "spørsmål"), ("tak", "takk"),
                             ("gennem", "gjennom"), ("nogle", "noen"), ("mere", "mer"),
                             ("arbejde", "arbeid"), ("deltagere", "deltakere"),
                             ("velkomst", "velkommen"), ("kommunerne", "kommunene"),
                             ("præsentation", "presentasjon"), ("afslutning", "avslutning")):  # fmt: skip
        scores["da"] += 3 * words.get(da_word, 0)
        scores["nb"] += 3 * words.get(nb_word, 0)
    if "å" in sample and "ä" not in sample:
        scores["nb"] += 0.1 * sample.count(" å ")
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    return best if scores[best] > 0 else "en"


def timezone_for(text: str, language: str) -> str:
    """The time zone of the place the text names most, else the language's."""
    sample = (text or "")[:_SAMPLE].casefold()
    words = Counter(re.findall(r"\w+", sample))
    counts = {zone: sum(words.get(place, 0) for place in places) for zone, places in PLACES.items()}
    zone, count = max(counts.items(), key=lambda kv: kv[1])
    if count == 0:
        return TIMEZONES.get(language, "Europe/London")
    own = TIMEZONES.get(language)
    if own in counts and counts[own] == count:
        return own
    return zone
