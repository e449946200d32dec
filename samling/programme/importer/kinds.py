"""The kind of an item from its words, in Danish, Swedish, Norwegian and English.

Rules are tried in order and the first that matches wins; the order encodes the README's
priorities: registration is `other` even with coffee, a meal beats the mingle or coffee that
comes with it, mingling beats coffee, a transport beats the tour it leads to, group work beats
the wrap-up of groups, and a plain discussion is `other` only when nothing else speaks.
"""

from __future__ import annotations

import functools
import re

KINDS = ("talk", "panel", "break", "meal", "welcome", "closing", "excursion", "transport",
         "group_work", "networking", "business", "other")  # fmt: skip


_TOKEN = re.compile(r"[\w&'-]+")
_PREFIXES: dict[re.Pattern, frozenset[str]] = {}


def _words(*stems: str) -> re.Pattern:
    # Each entry is a regex fragment matched from a word start; a trailing "\b" is added unless
    # the fragment ends in "*" (a stem).
    parts = [s[:-1] if s.endswith("*") else s + r"\b" for s in stems]
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(parts) + ")", re.IGNORECASE)
    # The first letters of each entry's first word: a title sharing none is skipped without
    # running the long alternation (which costs time on every character).
    _PREFIXES[pattern] = frozenset(_TOKEN.findall(s.casefold())[0][:3] for s in stems)
    return pattern


def _prefixes(text: str) -> frozenset[str]:
    out = set()
    for word in _TOKEN.findall(text.casefold()):
        out.update((word[:1], word[:2], word[:3]))
    return frozenset(out)


_REGISTRATION = _words(
    "registrering*", "registration*", "register*", "check-in", "check in", "indskrivning",
    "indtjekning", "innsjekking", "incheckning", "inskrivning", "ankomst*", "arrival*",
    r"dørene (?:åbnes|åpnes|åpner)", "doors open*", "dörrarna öppnas", "andakt*", "devotion*",
    "morgensang", "morgonbön", "fri tid", "fritid", "free time", "egen tid", "tid på egen hånd",
    "fri aften", "fri kväll", "free evening", "til rådighed", "ankomme*", "arrive*",
)  # fmt: skip
_MEAL = _words(
    "frokost*", "lunch*", "lunsj*", "middag*", "dinner*", "breakfast*", "morgenmad*",
    "frukost*", "aftensmad*", "festmiddag*", "buffet*", "brunch*", "supper*", "kvällsmat*",
    "kveldsmat*", "måltid*", "mat", "mad", "maten", "maden", "spisning", "spise*", "food",
    "banquet*", "gallamiddag*", "julefrokost*", "julbord*", "julebord*", "grill*", "bbq",
    "smørrebrød", "middagen", "aftenmad", "aftensmåltid", "luncheon",
)  # fmt: skip
_NETWORKING = _words(
    "mingel*", "mingl*", "mingle*", "reception*", "mottagning", "mottakelse", "netværk*",
    "nätverk*", "nettverk*", "networking*", "network meeting", "get-together", "get together",
    "velkomstdrink*", "välkomstdrink*", "aperitif*", "apéritif*", "forfriskning*",
    "drinks", "socialt samvær", "sosialt", "socializing", "socialising", "netwerk*",
)  # fmt: skip
_BREAK = _words(
    "kaffe*", "fika*", "pause*", "paus", "pauser", "break", "breaks", "coffee*", "te", "tea",
    "thé", "kaffepaus*", "eftermiddagskaffe*", "formiddagskaffe*", "förmiddagskaffe*",
    "refreshments", "benstræk*", "bensträck*", "strekk på beina", "smörgås*", "sandwich*",
    "frugt", "frukt", "kage", "kaka", "kake", "bolle*",
)  # fmt: skip
_TRANSPORT = _words(
    "bus", "buss", "bussen", "bussar", "busser", "bussene", "bustransport*", "bus transfer",
    "avgang*", "avgång*", "afgang*", "departure*", "departs", "departing", "hjemrejse*", "hjemreise*",
    "hemresa*", "hemfärd*", "hemreise*", "afrejse*", "avresa*", "avreise*", "retur", "returnerer", "return", "returning",
    "return to", "return trip", "transfer", "transfers", "transfer to", "transport", "transport til", "shuttle*", "upphämtning*",
    "pickup", "pick-up", "pick up", "afhentning", "henting", "kørsel", "körning",
    "ferge*", "færge*", "färja*", "ferry", "tog til", "tåg till", "train to", "flight*",
    "afgår", "avgår", "går fra", "går från", "leaves from", "hjemtur", "hemtur",
)  # fmt: skip
_EXCURSION = _words(
    "besøg", "besøget", "besøk", "besøket", "besök", "besöket", "besöken", "visit", "visits", "visiting", "tour", "tours", "touren", "turen", "rundvisning*", "rundtur*", "omvisning*",
    "guidet*", "guidad*", "guided*", "guidning*", "guiding*", "ekskursion*", "exkursion*", "excursion*",
    "studiebesøg*", "studiebesök*", "studietur*", "studieresa*", "byvandring*", "stadsvandring*",
    "bytur*", "vandring*", "field trip*", "site visit*", "sightseeing*", "udflugt*",
    "utflykt*", "ekskursjon*", "befaring*", "virksomhedsbesøg*", "bedriftsbesøk*",
)  # fmt: skip
_GROUP_WORK = _words(
    "workshop*", "gruppearbejde*", "gruppearbeid*", "grupparbete*", "gruppdiskussion*",
    "gruppediskussion*", "gruppedrøftelse*", "gruppedrøftinger*", "gruppesamtale*",
    "gruppsamtal*", "gruppevis", "gruppvis", "i grupper", "i grupperna", "i gruppene",
    "i grupperne", "group work*", "group discussion*", "groups", "breakout*", "break-out*",
    "collaboration session*", "working session*", "work session*", "arbejdsgruppe*",
    "arbeidsgruppe*", "arbetsgrupp*", "separata*", "separate*", "respektive", "hver for sig",
    "var för sig", "hver for seg", "world café*", "world cafe*", "dialogcafé*", "café-dialog*",
    "idéudvikling*", "idéverksted*", "idéverkstad*", "verksted*", "verkstad*", "laboratori*",
    "hackathon*", "erfaringsudveksling*", "erfaringsutveksling*", "erfarenhetsutbyte*",
    "exchange of experience*", "tilbakemelding fra grupp*", "report back*", "report-back*",
    "feedback from (?:the )?groups", "opsamling fra grupp*", "fremlæggelse fra grupp*",
    "gruppe*", "grupp", "grupper", "grupperna", "group", "team work*", "teamwork*",
    "brainstorm*", "speed dating*", "matchmaking*", "walk and talk", "walk & talk",
)  # fmt: skip
_WELCOME = _words(
    "velkomst*", "velkommen*", "välkommen*", "välkomna*", "välkomst*", "welcome*",
    "åbning*", "åpning*", "öppning*", "opening*", "åbner", "åpner", "öppnar", "kick-off*",
    "kickoff*", "indledning*", "innledning*", "inledning*", "introduktion*", "introduksjon*",
    "introduction*", "intro", "goddag", "godmorgen", "god morgen", "good morning",
)  # fmt: skip
_INTRO_TO_TOPIC = re.compile(
    r"\b(?:introduktion|introduksjon|introduction|intro|indledning|innledning|inledning)"
    r"\s+(?:til|till|to|af|av|of|om|on|about|i|in)\s+\w",
    re.IGNORECASE,
)
_CLOSING = _words(
    "afslutning*", "avslutning*", "avslut*", "afrunding*", "avrunding*", "afrund*", "avrund*",
    "tak for i dag", "takk for i dag", "tack för idag", "tack för i dag", "tak for nu",
    "closing*", "close of*", "close$", "and close", "wrap-up", "wrap up", "wrapping up", "sum up", "sum-up",
    "summing up", "final remarks", "concluding*", "conclusion*", "farvel", "hejdå", "goodbye",
    "opsamling*", "oppsummering*", "sammanfattning*", "summering*", "opsummering*",
    "slutord", "slutsats*", "afsluttende*", "avsluttende*", "avslutande*", "evaluering*",
    "utvärdering*", "evaluation*", "tak for", "takk for", "tack för", "thank you", "thanks",
    "vel hjem", "rejse hjem", "på gensyn", "på återseende",
)  # fmt: skip
_BUSINESS = _words(
    "forhandling*", "förhandling*", "årsmøde*", "årsmøte*", "årsmöte*", "generalforsamling*",
    "generalförsamling*", "general assembly", "annual general meeting", "agm",
    "annual meeting", "sammanträde*", "stämma*", "stämman", "fullmäktige*", "landsmøde*",
    "landsmøte*", "landsmöte*", "repræsentantskab*", "representantskap*",
    "dagsorden*", "dagordning*", "föredragningslista*", "beslut*", "vedtak*", "vedtagelse*",
    "budget*", "budsjett*", "regnskab*", "regnskap*", "årsregnskab*", "årsredovisning*",
    "årsberetning*", "årsberättelse*", "årsmelding*", "verksamhetsberättelse*", "beretning*",
    "vedtægt*", "vedtekt*", "stadga*", "stadgar*", "valg", "valget", "valg av", "valg af",
    "val av", "val till", "election*", "elections", "innkomne*", "indkomne*", "inkomna*",
    "annual report*", "årsrapport*", "accounts", "financial statements", "motioner", "motionssvar", "indkomne forslag",
    "innkomne forslag", "inkomna förslag", "angelägenhet*", "anliggende*", "eventuelt",
    "övriga frågor", "any other business", "aob", "medlemsmøde*", "medlemsmøte*",
    "medlemsmöte*", "medlemsfrågor", "bestyrelsesmøde*", "styremøte*", "styrelsemöte*",
    "styrelsesmøde*", "ordinær*", "ordinarie", "protokol*", "protokoll*", "konstituering*",
    "konstituerende", "konstituerande", "planning", "planlægning*", "planlegging*",
    "planering*", "handlingsplan*", "verksamhetsplan*", "virksomhedsplan*", "arbeidsplan*",
    "fastställande", "godkendelse*", "godkjenning*", "godkännande*", "approval of",
    "quorum", "beslutningsdygtig*", "ansvarsfrihet", "decharge", "kontingent*",
    "medlemsavgift*", "årsavgift*", "revisor*", "valgkomit*", "valberedning*",
)  # fmt: skip
_PANEL = _words(
    "panel*", "paneldebat*", "debat*", "debatt*", "dialog*", "samtale*", "samtal*",
    "conversation*", "fireside*", "rundebordssamtale*", "rundbordssamtal*", "round table*",
    "roundtable*", "interview*", "intervju*", "podiedebat*", "podium*", "duel*", "duell*",
    "talkshow*", "talk show*", "paneldiskussion*", "paneldiskusjon*", "in conversation",
)  # fmt: skip
_OTHER = _words(
    "q&a", "q & a", "questions", "spørgsmål*", "spørsmål*", "frågor*", "frågestund*",
    "spørretime*", "spørgetime*", "diskussion*", "diskusjon*", "discussion*", "drøftelse*",
    "drøfting*", "debrief*", "plenum", "plenary", "fotografering*", "photo", "group photo", "foto", "gruppefoto", "gruppfoto",
)  # fmt: skip
_TALK = _words(
    "oplæg*", "dataoplæg*", "foredrag*", "föredrag*", "föreläsning*", "forelæsning*",
    "forelesning*", "presentation*", "præsentation*", "presentasjon*", "keynote*", "innlegg*",
    "indlæg*", "inlägg*", "talk*", "lecture*", "speech*", "tale", "tal", "case*",
)  # fmt: skip
_DESCRIPTION_PANEL = re.compile(
    r"\b(?:moderator\w*|samtal\w*|samtale\w*|panel\w*|debat\w*|dialog\w*|conversation\w*)",
    re.IGNORECASE,
)

_RULES = (
    ("other", _REGISTRATION),
    ("meal", _MEAL),
    ("networking", _NETWORKING),
    ("transport", _TRANSPORT),
    ("excursion", _EXCURSION),
    ("break", _BREAK),
    ("group_work", _GROUP_WORK),
    ("welcome", _WELCOME),
    ("closing", _CLOSING),
    ("business", _BUSINESS),
    ("panel", _PANEL),
    ("talk", _TALK),
    ("other", _OTHER),
)


def classify(title: str | None, description: str = "", has_speakers: bool = False) -> str:
    """The item's kind; `talk` when nothing in the title says otherwise."""
    text = title or ""
    head = re.match(r"^([^:]{2,40}):\s+\S", text)
    if head and len(head.group(1).split()) <= 3:
        # "Panel: The future of rural transport": the format before the colon decides.
        kind = _first_rule(head.group(1))
        if kind is not None:
            return kind
    kind = _first_rule(text)
    if kind is not None:
        return kind
    if description and _DESCRIPTION_PANEL.search(description):
        return "panel"  # "Moderator leder samtalen." under a titled theme
    return "talk"


def has_kind_word(title: str | None) -> bool:
    """Whether any rule speaks for the title (so its kind is not a default guess)."""
    return bool(title) and _first_rule(title) is not None


@functools.lru_cache(maxsize=2048)
def _first_rule(text: str) -> str | None:
    text = text[:300]
    present = _prefixes(text)

    def search(pattern: re.Pattern) -> re.Match | None:
        return pattern.search(text) if present & _PREFIXES[pattern] else None

    transport, excursion = search(_TRANSPORT), search(_EXCURSION)
    if transport and excursion and not search(_REGISTRATION) and not search(_MEAL):
        # "Bus to the plant visit" goes, "Study visit by bus" visits: the first word leads.
        return "transport" if transport.start() < excursion.start() else "excursion"
    for kind, pattern in _RULES:
        if not search(pattern):
            continue
        if (
            kind == "welcome"
            and _INTRO_TO_TOPIC.search(text)
            and not re.search(r"velkom|välkom|welcom", text, re.IGNORECASE)
        ):
            return "talk"  # "Introduksjon til dagens tema" introduces a topic
        if kind == "excursion" and re.search(r"\bguid\w*\s+(?:til|till|to)\b", text, re.I):
            continue
        return kind
    return None
