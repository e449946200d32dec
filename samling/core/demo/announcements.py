"""The demo's news post: KL's article of 15 September 2020 announcing the first theme session.

Taken from shared/seeds (the KL article): headline, date, lead, text and the programme PDF it
links to. Loaded idempotently: an existing post is left as it is.
"""

import datetime as dt
import zoneinfo
from pathlib import Path

from django.core.files import File

from samling.announcements.models import Announcement
from samling.announcements.services import save_announcement
from samling.events.models import Event
from samling.networks.models import Network

FILES = Path(__file__).parent

KL_ANNOUNCEMENT = {
    "network": "kl",
    "slug": "vil-du-blive-skarpere-paa-innovationsprojekter",
    "title": ("Vil du blive skarpere på innovationsprojekter og demokratiske virksomhedsformer?"),
    # The article gives the date only.
    "published_at": dt.datetime(2020, 9, 15, tzinfo=zoneinfo.ZoneInfo("Europe/Copenhagen")),
    "lead": (
        "Forud for KL’s Erhvervs- og Turismekonference afholdes tre digitale temasessioner for "
        "kommunale erhvervschefer- og konsulenter. Den første session den 30. september sætter "
        "fokus på innovationsprojekter og nye idéer til erhvervsudvikling i landdistrikterne."
    ),
    "body": "\n\n".join(
        [
            "Temasession om innovation og udvikling i hele landet",
            "Det skal være muligt at bo og arbejde i hele Danmark selvom vækstvilkårene er "
            "forskellige. Kommunerne har her en vigtig opgave i, at virksomheder i hele landet har "
            "adgang til ny viden og modet på at innovere, og kommunerne kan understøtte "
            "virksomhedernes robusthed med den rette vejledning eller udviklingsaktiviteter. Det "
            "er fokus for KL’s digitale temasession om innovation og udvikling i hele landet, der "
            "dykker ned i innovation og landdistrikter i et spændende digitalt program.",
            "Den digitale temasession henvender sig til kommunale ledere og medarbejdere som "
            "arbejder med erhvervs-, landdistrikts- og turismeområdet, og sessionen afholdes den "
            "30. september 2020, kl. 12.30 - 15.30 på Microsoft Teams og tilmeldes via KL’s "
            "hjemmeside.",
            "Hvad er kommunens rolle i innovationsprojekter?",
            "Med den nylige udmelding fra GTS-institutterne og Innovationsfonden om fælles fysisk "
            "tilstedeværelse i alle erhvervshusene er der kommet en samlet regional indgang for "
            "virksomheder, der ønsker at skabe nye innovative produkter. Men hvilke "
            "innovationsudfordringer står virksomhederne overfor? Og hvilken rolle kan kommunerne "
            "spille, for at udnytte innovationspotentialet på lokalt niveau?",
            "Til at give et indledende oplæg omkring innovation kommer Jacob Becker-Christensen, "
            "som er CEO i LINX Association og privat innovationsrådgiver. Jacob kan sætte ord på "
            "industrielle såvel som akademiske behov, baseret på knap 10 års karriere i "
            "krydsfeltet mellem universiteter og erhvervsliv, så det giver mening for alle "
            "projektparter – også en kommune.",
            "Ved samarbejdsprojekter mellem f.eks. universiteter og private virksomheder, lægger "
            "det danske innovationssystem stor vægt på det betydelige og ambitiøse. Så meget at de "
            "mindre og lavpraktiske projekter, hvad Jacob kalder mikroinnovation, faktisk bliver "
            "glemt. Jacob Becker-Christensen mener, at vi skal byde eksperterne velkommen på "
            "fabriksgulvet - det er dér selv lidt kan føre til meget.",
            "Er demokratiske virksomhedsformer bæredygtige i landdistrikter?",
            "Tænketanken Demokratisk Erhverv arbejder for at fremme og forene demokratiske "
            "virksomheder, så dansk erhvervsliv understøtter et involverende demokrati og finder "
            "løsningen på samtidens økonomiske, miljømæssige og sociale udfordringer. Tænketanken "
            "er skabt af medlemsorganisationer, som alle er demokratiske virksomheder.",
            "Direktør Magnus Skovrind Pedersen giver oplæg og fortæller om demokratiske "
            "virksomhedsformer og erfaringer med dem i landdistrikter. Spørgsmålet er, om der er "
            "særlige evner hos demokratiske virksomheder? Om de er mere levedygtige? Og hvordan "
            "viden om dem kan det anvendes i kommunernes landdistriktsindsats?",
            "Tænketanken er desuden i gang med et projekt, der skal udvikle kursusmateriale for "
            "bl.a. kommunerne, så man bedre kan forholde sig til virksomheder og iværksættere, som "
            "ønsker at bruge demokratiske virksomhedsformer. Der vil være spritnye erfaringer fra "
            "det projekt, de kan løfte lidt af sløret for.",
            "Gruppedrøftelse med konkrete erfaringer",
            "På baggrund af temaoplæggene vil kommunerne efterfølgende deltage i sporopdelte "
            "gruppedrøftelser med hinanden. Med input fra kommunale cases, og med inspiration fra "
            "de tematiske oplæg, kan kommunerne diskutere og udveksle erfaringer indenfor enten "
            "innovation eller landdistriktsindsatsen.",
            "Gruppedrøftelserne skal give deltagerne konkrete værktøjer, og klæde dem på til at "
            "arbejde videre med deres egen indsats indenfor innovation og/eller landdistrikter.",
            "Se programmet her",
        ]
    ),
    "event": "temasession-innovation-og-udvikling-i-hele-landet",
    # The same PDF the demo attaches to the event (samling/core/demo/).
    "attachment": ("Program til digital temasession 1", "Program til digital temasession 1.pdf"),
}


def create_demo_announcements() -> None:
    data = KL_ANNOUNCEMENT
    network = Network.objects.get(slug=data["network"])
    if Announcement.objects.filter(network=network, slug=data["slug"]).exists():
        return
    announcement = Announcement(
        network=network,
        slug=data["slug"],
        title=data["title"],
        lead=data["lead"],
        body=data["body"],
        published_at=data["published_at"],
    )
    title, filename = data["attachment"]
    with open(FILES / filename, "rb") as handle:
        save_announcement(
            announcement,
            events=Event.objects.filter(slug=data["event"]),
            new_attachments=[(title, File(handle, name=filename))],
        )
