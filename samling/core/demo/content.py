"""The demo content: the two seed events as published, their networks, and an upcoming copy of each.

Everything here is taken from the two published texts in shared/seeds; where the model asks for
something the texts do not say (a Teams link, which is private anyway), it says so in a comment.
"""

DANISH_MUNICIPALITIES = [
    "Albertslund",
    "Allerød",
    "Assens",
    "Ballerup",
    "Billund",
    "Bornholm",
    "Brøndby",
    "Brønderslev",
    "Dragør",
    "Egedal",
    "Esbjerg",
    "Fanø",
    "Favrskov",
    "Faxe",
    "Fredensborg",
    "Fredericia",
    "Frederiksberg",
    "Frederikshavn",
    "Frederikssund",
    "Furesø",
    "Faaborg-Midtfyn",
    "Gentofte",
    "Gladsaxe",
    "Glostrup",
    "Greve",
    "Gribskov",
    "Guldborgsund",
    "Haderslev",
    "Halsnæs",
    "Hedensted",
    "Helsingør",
    "Herlev",
    "Herning",
    "Hillerød",
    "Hjørring",
    "Holbæk",
    "Holstebro",
    "Horsens",
    "Hvidovre",
    "Høje-Taastrup",
    "Hørsholm",
    "Ikast-Brande",
    "Ishøj",
    "Jammerbugt",
    "Kalundborg",
    "Kerteminde",
    "Kolding",
    "København",
    "Køge",
    "Langeland",
    "Lejre",
    "Lemvig",
    "Lolland",
    "Lyngby-Taarbæk",
    "Læsø",
    "Mariagerfjord",
    "Middelfart",
    "Morsø",
    "Norddjurs",
    "Nordfyns",
    "Nyborg",
    "Næstved",
    "Odder",
    "Odense",
    "Odsherred",
    "Randers",
    "Rebild",
    "Ringkøbing-Skjern",
    "Ringsted",
    "Roskilde",
    "Rudersdal",
    "Rødovre",
    "Samsø",
    "Silkeborg",
    "Skanderborg",
    "Skive",
    "Slagelse",
    "Solrød",
    "Sorø",
    "Stevns",
    "Struer",
    "Svendborg",
    "Syddjurs",
    "Sønderborg",
    "Thisted",
    "Tønder",
    "Tårnby",
    "Vallensbæk",
    "Varde",
    "Vejen",
    "Vejle",
    "Vesthimmerlands",
    "Viborg",
    "Vordingborg",
    "Ærø",
    "Aabenraa",
    "Aalborg",
    "Aarhus",
]

KL = {
    "slug": "kl",
    "name": "KL – Kommunernes Landsforening",
    "short_name": "KL",
    "country": "DK",
    "language": "da",
    "timezone": "Europe/Copenhagen",
    "website": "https://www.kl.dk/",
    "description": "KL er de danske kommuners interesse- og medlemsorganisation.",
    "members": DANISH_MUNICIPALITIES,
}

INDUSTRIKOMMUNER = {
    "slug": "svenska-industrikommuner",
    "name": "Svenska industrikommuner",
    "short_name": "",
    "country": "SE",
    "language": "sv",
    "timezone": "Europe/Stockholm",
    "website": "",
    "description": "Ett nätverk som knyter samman de svenska industrikommunerna.",
    "members": ["Oxelösund", "Skellefteå"],
}

KL_SERIES = {
    "slug": "kl-temasessioner-erhverv-og-turisme-2020",
    "title": "Digitale temasessioner forud for KL’s Erhvervs- og Turismekonference",
    "description": (
        "Forud for KL’s Erhvervs- og Turismekonference afholdes tre digitale temasessioner "
        "for kommunale erhvervschefer- og konsulenter."
    ),
    "planned_count": 3,
}

KL_PEOPLE = [
    {
        "name": "Jacob Becker-Christensen",
        "title": "CEO i LINX Association og privat innovationsrådgiver",
        "organisation": "",
    },
    {
        "name": "Magnus Skovrind Pedersen",
        "title": "Direktør",
        "organisation": "Tænketanken Demokratisk Erhverv",
    },
]

KL_EVENT = {
    "slug": "temasession-innovation-og-udvikling-i-hele-landet",
    "title": "Temasession om innovation og udvikling i hele landet",
    "subtitle": "Vil du blive skarpere på innovationsprojekter og demokratiske virksomhedsformer?",
    "summary": (
        "Forud for KL’s Erhvervs- og Turismekonference afholdes tre digitale temasessioner for "
        "kommunale erhvervschefer- og konsulenter. Den første session den 30. september sætter "
        "fokus på innovationsprojekter og nye idéer til erhvervsudvikling i landdistrikterne."
    ),
    "description": (
        "Det skal være muligt at bo og arbejde i hele Danmark selvom vækstvilkårene er "
        "forskellige. Kommunerne har her en vigtig opgave i, at virksomheder i hele landet har "
        "adgang til ny viden og modet på at innovere, og kommunerne kan understøtte "
        "virksomhedernes robusthed med den rette vejledning eller udviklingsaktiviteter. Det er "
        "fokus for KL’s digitale temasession om innovation og udvikling i hele landet, der dykker "
        "ned i innovation og landdistrikter i et spændende digitalt program.\n\n"
        "Den digitale temasession henvender sig til kommunale ledere og medarbejdere som arbejder "
        "med erhvervs-, landdistrikts- og turismeområdet, og sessionen afholdes den 30. september "
        "2020, kl. 12.30 - 15.30 på Microsoft Teams og tilmeldes via KL’s hjemmeside."
    ),
    "highlights": "",
    "audience": (
        "Kommunale ledere og medarbejdere som arbejder med erhvervs-, landdistrikts- og "
        "turismeområdet: kommunale erhvervschefer og -konsulenter."
    ),
    "language": "da",
    "timezone": "Europe/Copenhagen",
    "start": ("2020-09-30", "12:30"),
    "end": ("2020-09-30", "15:30"),
    "mode": "online",
    "registration_url": "https://www.kl.dk/",
    "registration_note": "Tilmelding via KL’s hjemmeside.",
    "announced_on": "2020-09-15",
    "series_position": 1,
    # The published text says "on Microsoft Teams"; the join link itself was never public.
    "online": {"platform": "teams", "join_url": "https://teams.microsoft.com/l/meetup-join/demo"},
    "tracks": [
        {"name": "Innovation", "kind": "parallel", "description": "Erfaringer med innovation"},
        {
            "name": "Landdistrikter",
            "kind": "parallel",
            "description": "Erfaringer med landdistriktsindsatsen",
        },
    ],
    "days": [
        {
            "date": "2020-09-30",
            "label": "",
            "intro": "",
            "items": [
                {
                    "kind": "talk",
                    "title": "Hvad er kommunens rolle i innovationsprojekter?",
                    "description": (
                        "Med den nylige udmelding fra GTS-institutterne og Innovationsfonden om "
                        "fælles fysisk tilstedeværelse i alle erhvervshusene er der kommet en "
                        "samlet regional indgang for virksomheder, der ønsker at skabe nye "
                        "innovative produkter. Men hvilke innovationsudfordringer står "
                        "virksomhederne overfor? Og hvilken rolle kan kommunerne spille, for at "
                        "udnytte innovationspotentialet på lokalt niveau?\n\n"
                        "Til at give et indledende oplæg omkring innovation kommer Jacob "
                        "Becker-Christensen, som er CEO i LINX Association og privat "
                        "innovationsrådgiver. Jacob kan sætte ord på industrielle såvel som "
                        "akademiske behov, baseret på knap 10 års karriere i krydsfeltet mellem "
                        "universiteter og erhvervsliv, så det giver mening for alle projektparter "
                        "– også en kommune.\n\n"
                        "Ved samarbejdsprojekter mellem f.eks. universiteter og private "
                        "virksomheder, lægger det danske innovationssystem stor vægt på det "
                        "betydelige og ambitiøse. Så meget at de mindre og lavpraktiske "
                        "projekter, hvad Jacob kalder mikroinnovation, faktisk bliver glemt. "
                        "Jacob Becker-Christensen mener, at vi skal byde eksperterne velkommen "
                        "på fabriksgulvet - det er dér selv lidt kan føre til meget."
                    ),
                    "roles": [
                        {
                            "person": "Jacob Becker-Christensen",
                            "function": "speaker",
                            "role_text": "CEO i LINX Association og privat innovationsrådgiver",
                        }
                    ],
                },
                {
                    "kind": "talk",
                    "title": "Er demokratiske virksomhedsformer bæredygtige i landdistrikter?",
                    "description": (
                        "Tænketanken Demokratisk Erhverv arbejder for at fremme og forene "
                        "demokratiske virksomheder, så dansk erhvervsliv understøtter et "
                        "involverende demokrati og finder løsningen på samtidens økonomiske, "
                        "miljømæssige og sociale udfordringer. Tænketanken er skabt af "
                        "medlemsorganisationer, som alle er demokratiske virksomheder.\n\n"
                        "Direktør Magnus Skovrind Pedersen giver oplæg og fortæller om "
                        "demokratiske virksomhedsformer og erfaringer med dem i landdistrikter. "
                        "Spørgsmålet er, om der er særlige evner hos demokratiske virksomheder? "
                        "Om de er mere levedygtige? Og hvordan viden om dem kan det anvendes i "
                        "kommunernes landdistriktsindsats?\n\n"
                        "Tænketanken er desuden i gang med et projekt, der skal udvikle "
                        "kursusmateriale for bl.a. kommunerne, så man bedre kan forholde sig til "
                        "virksomheder og iværksættere, som ønsker at bruge demokratiske "
                        "virksomhedsformer. Der vil være spritnye erfaringer fra det projekt, de "
                        "kan løfte lidt af sløret for."
                    ),
                    "roles": [
                        {
                            "person": "Magnus Skovrind Pedersen",
                            "function": "speaker",
                            "role_text": "Direktør, Tænketanken Demokratisk Erhverv",
                        }
                    ],
                },
                {
                    "kind": "group_work",
                    "title": "Gruppedrøftelse med konkrete erfaringer",
                    "description": (
                        "På baggrund af temaoplæggene vil kommunerne efterfølgende deltage i "
                        "sporopdelte gruppedrøftelser med hinanden. Med input fra kommunale "
                        "cases, og med inspiration fra de tematiske oplæg, kan kommunerne "
                        "diskutere og udveksle erfaringer indenfor enten innovation eller "
                        "landdistriktsindsatsen.\n\n"
                        "Gruppedrøftelserne skal give deltagerne konkrete værktøjer, og klæde dem "
                        "på til at arbejde videre med deres egen indsats indenfor innovation "
                        "og/eller landdistrikter."
                    ),
                    "sessions": [
                        {
                            "kind": "group_work",
                            "title": "Gruppedrøftelse: innovation",
                            "track": "Innovation",
                            "description": "Med input fra kommunale cases om innovation.",
                        },
                        {
                            "kind": "group_work",
                            "title": "Gruppedrøftelse: landdistriktsindsatsen",
                            "track": "Landdistrikter",
                            "description": "Med input fra kommunale cases om landdistrikter.",
                        },
                    ],
                },
            ],
        }
    ],
    "contacts": [],
    "attachments": [
        {
            "title": "Program til digital temasession 1",
            "file": "Program til digital temasession 1.pdf",
            "is_programme": True,
        }
    ],
}

SE_PEOPLE = [
    {
        "name": "Catharina Fredriksson",
        "title": "KSO i Oxelösund och sammankallande i Svenska industrikommuners arbetsutskott",
        "organisation": "Oxelösunds kommun",
        "municipality": "Oxelösund",
        "email": "catharina.fredriksson@oxelosund.se",
        "phone": "070-5515888",
    },
    {
        "name": "Lorents Burman",
        "title": "KSO i Skellefteå",
        "organisation": "Skellefteå kommun",
        "municipality": "Skellefteå",
    },
    {
        "name": "Ellen Heldahl",
        "title": (
            "tidigare förbundsjurist på SKR och sekreterare i innovationsupphandlingsutredningen"
        ),
        "organisation": "Svenskt Näringsliv",
    },
    {"name": "Klas Danerlov", "title": "samordnare för innovationsfrågor", "organisation": "SKR"},
    {
        "name": "Christer Asplund",
        "title": "moderator",
        "organisation": "",
        "email": "c.asplund@placeinvest.se",
        "phone": "070-7822650",
    },
    {
        "name": "Bengt Ivansson",
        "title": "f d näringslivschef i Skellefteå",
        "organisation": "",
    },
    {
        "name": "Marie Fossum Strannegård",
        "title": "VD",
        "organisation": "IVL, Svenska Miljöinstitutet",
    },
    {
        "name": "Kristina Sundin Jonsson",
        "title": "kommundirektör",
        "organisation": "Skellefteå kommun",
        "municipality": "Skellefteå",
    },
    {
        "name": "Peter J. Burman",
        "title": "chef Gruvautomationsprogrammet",
        "organisation": "Boliden",
    },
    {"name": "Karin Bodin", "title": "Koncern-VD", "organisation": "Polarbröd i Älvsbyn"},
    {
        "name": "Johan Scherlin",
        "title": "sekretariatet",
        "organisation": "Svenska industrikommuner",
        "email": "johan.scherlin@oxelosund.se",
        "phone": "070-9197135",
    },
]

WOOD_HOTEL = {
    "name": "The Wood Hotel",
    "street": "Torggatan 3",
    "postal_code": "",
    "city": "Skellefteå",
    "country": "SE",
    "email": "enjoy@woodhotel.se",
    "phone": "0910-488800",
}

INDUSTRIDAGEN = {
    "slug": "industridagen-2022",
    "title": "Industridagen",
    "subtitle": "Så tar vi Sverige till en innovationsstormakt!",
    "summary": (
        "Årets upplaga av Industridagen har flyttats från den 27 september till den 24 januari "
        '2022. Temat blir denna gång "SÅ TAR VI SVERIGE TILL EN INNOVATIONSSTORMAKT!" Hur detta '
        "kan gå till är i hög grad en industriell utmaning."
    ),
    "description": "",
    "highlights": "",
    "audience": "",
    "language": "sv",
    "timezone": "Europe/Stockholm",
    # Only the dates were published: times are not announced.
    "start": ("2022-01-24", "00:00"),
    "end": ("2022-01-24", "23:59"),
    "times_announced": False,
    "previous": ("2021-09-27", "00:00", "2021-09-27", "23:59"),
    "change_note": "",
    "changed_at": ("2021-11-01", "09:00"),
    "mode": "on_site",
    "days": [],
    "tracks": [],
    "contacts": [],
    "attachments": [],
}

SKELLEFTEA_EVENT = {
    "slug": "innovationsmotet-skelleftea-2021",
    "title": "Innovationsmötet med Svenska industrikommuner",
    "subtitle": "Skellefteå 25–26 november 2021",
    "summary": (
        "Vi själva i Svenska industrikommuner möts i Skellefteå den 25 – 26 november 2021 för att "
        "bearbeta innovationsfrågorna."
    ),
    "highlights": (
        "Detta knyter samman de olika industrikommunerna.\nSå kan vi materialisera nätverket."
    ),
    "description": (
        "Årets upplaga av Industridagen har flyttats från den 27 september till den 24 januari "
        '2022. Temat blir denna gång "SÅ TAR VI SVERIGE TILL EN INNOVATIONSSTORMAKT!" Hur detta '
        "kan gå till är i hög grad en industriell utmaning.\n\n"
        "Vi själva i Svenska industrikommuner möts i Skellefteå den 25 – 26 november 2021 för att "
        "bearbeta innovationsfrågorna. Dessa frågor har en viktig roll för alla "
        "industrikommunerna. Innovationsfrågan har många relevanta dimensioner. Hur kan vi t ex "
        "själva påverka förnyelsen via innovationsupphandlingar? Det handlar också om "
        "ledarskapsfrågor och hur den kommunala sektorn förmår att promovera innovationer i sin "
        "organisation liksom via sina bolag. Givetvis handlar det också om vilka önskemål Svenska "
        "industrikommuner har på andra aktörer i samhället."
    ),
    "audience": (
        "Kommunstyrelsens ordförande (KSO) och tjänstemän i Svenska industrikommuners "
        "medlemskommuner."
    ),
    "language": "sv",
    "timezone": "Europe/Stockholm",
    "start": ("2021-11-25", "09:00"),
    "end": ("2021-11-26", "13:00"),
    "mode": "on_site",
    "venue": "The Wood Hotel",
    "related": ["industridagen-2022"],
    "tracks": [
        {"name": "KSO-er (politiker)", "kind": "audience", "description": "Kommunpolitiker"},
        {"name": "Övriga (tjänstemän)", "kind": "audience", "description": "Tjänstemän"},
    ],
    "days": [
        {
            "date": "2021-11-25",
            "label": "DAG 1",
            "intro": (
                "Guidad tur ut till ett av Europas största industriprojekt: Northvolts "
                "anläggningar + några intressanta anhalter på väg dit och på väg därifrån"
            ),
            "items": [
                {
                    "start": "09:00",
                    "kind": "transport",
                    "title": "Bussen avgår från the Wood Hotel, Torggatan 3, Skellefteå centrum",
                    "location": "The Wood Hotel, Torggatan 3, Skellefteå centrum",
                },
                {
                    "start": "09:30",
                    "approximate": True,
                    "kind": "transport",
                    "title": "Upphämtning flygresenärer, guidning startar, Skellefteå flygplats",
                    "location": "Skellefteå flygplats",
                },
                {
                    "start": "12:00",
                    "kind": "meal",
                    "title": "Gemensam lunch på platsen för mötet, the Wood Hotel",
                    "location": "The Wood Hotel",
                },
                {
                    "start": "13:00",
                    "kind": "welcome",
                    "title": "Välkommen och inledning",
                    "description": (
                        "Catharina Fredriksson inleder mötet. Lorents Burman hälsar välkommen "
                        "till Skellefteå."
                    ),
                    "roles": [
                        {
                            "person": "Catharina Fredriksson",
                            "function": "speaker",
                            "role_text": (
                                "KSO i Oxelösund och sammankallande i Svenska industrikommuners "
                                "arbetsutskott"
                            ),
                        },
                        {
                            "person": "Lorents Burman",
                            "function": "host",
                            "role_text": "KSO i Skellefteå",
                        },
                    ],
                },
                {
                    "start": "13:15",
                    "end": "14:00",
                    "kind": "talk",
                    "title": (
                        "Innovationsupphandlingar. Så kan vi samarbeta mer kring upphandlingar!"
                    ),
                    "roles": [
                        {
                            "person": "Ellen Heldahl",
                            "function": "speaker",
                            "role_text": (
                                "Svenskt Näringsliv, tidigare förbundsjurist på SKR och "
                                "sekreterare i innovationsupphandlingsutredningen"
                            ),
                        }
                    ],
                },
                {
                    "start": "14:00",
                    "end": "14:40",
                    "kind": "talk",
                    "title": "Upphandling som främjar innovation. Hur kan SKR stödja utvecklingen?",
                    "description": (
                        "Om hur SKR stödjer innovationsarbete i kommuner och regioner och "
                        "samarbete med näringslivet."
                    ),
                    "roles": [
                        {
                            "person": "Klas Danerlov",
                            "function": "speaker",
                            "role_text": "samordnare för innovationsfrågor",
                        }
                    ],
                },
                {
                    "start": "14:40",
                    "end": "15:15",
                    "kind": "panel",
                    "title": "Dialog",
                    "description": (
                        "Ellen Heldahl, Klas Danerlov, mötesdeltagarna och moderator Christer "
                        "Asplund."
                    ),
                    "roles": [
                        {"person": "Ellen Heldahl", "function": "panelist", "role_text": ""},
                        {"person": "Klas Danerlov", "function": "panelist", "role_text": ""},
                        {
                            "person": "Christer Asplund",
                            "function": "moderator",
                            "role_text": "",
                        },
                    ],
                },
                {"start": "15:15", "end": "15:40", "kind": "break", "title": "Kaffepaus"},
                {
                    "start": "15:40",
                    "end": "16:15",
                    "kind": "talk",
                    "title": (
                        "Omstart Sverige (efter pandemin) och innovation. Näringslivskontorens "
                        "managementroll som katalysator för investeringar och etableringar"
                    ),
                    "roles": [
                        {
                            "person": "Bengt Ivansson",
                            "function": "speaker",
                            "role_text": "f d näringslivschef i Skellefteå",
                        }
                    ],
                },
                {
                    "start": "16:15",
                    "end": "17:00",
                    "kind": "talk",
                    "title": (
                        "Nysatsningar, innovationer och investeringar – nya vägar efter pandemin "
                        "och Omstart Sverige"
                    ),
                    "roles": [
                        {
                            "person": "Marie Fossum Strannegård",
                            "function": "speaker",
                            "role_text": "VD IVL, Svenska Miljöinstitutet",
                        }
                    ],
                },
                {
                    "start": "18:00",
                    "kind": "meal",
                    "title": "Gemensam middag på hotellet",
                    "location": "The Wood Hotel",
                    "description": (
                        "Kristina Sundin Jonsson, kvällens värd, hälsar välkommen till bords.\n\n"
                        "Middagstalare Peter J. Burman: Industriföretagets roll i "
                        "innovationsprocessen. 55 miljarder i omsättning med 6 000 anställda. "
                        "Boliden har en mycket aktiv roll i lokal upphandling och start-up "
                        "verksamhet."
                    ),
                    "roles": [
                        {
                            "person": "Kristina Sundin Jonsson",
                            "function": "host",
                            "role_text": "kommundirektör Skellefteå kommun",
                        },
                        {
                            "person": "Peter J. Burman",
                            "function": "dinner_speaker",
                            "role_text": "chef Gruvautomationsprogrammet Boliden",
                        },
                    ],
                },
            ],
        },
        {
            "date": "2021-11-26",
            "label": "DAG 2",
            "intro": "",
            "items": [
                {
                    "start": "09:00",
                    "end": "09:45",
                    "kind": "talk",
                    "title": "Entreprenörskap i ett omstartsperspektiv",
                    "description": (
                        "Karin Bodin har i dramatisk mening lett en omstart. Karins erfarenheter "
                        "har många konkreta inslag och vi får stifta bekantskap med "
                        "entreprenörskapets utmaningar och samspel med omgivande plats."
                    ),
                    "roles": [
                        {
                            "person": "Karin Bodin",
                            "function": "speaker",
                            "role_text": "Koncern-VD Polarbröd i Älvsbyn",
                        }
                    ],
                },
                {
                    "start": "09:45",
                    "end": "10:15",
                    "kind": "panel",
                    "title": (
                        "Årets Industridagar har haft som tema: "
                        '"Så tar vi Sverige till en Innovationsstormakt"'
                    ),
                    "description": (
                        "Förslagen är många. Men vad anser Svenska industrikommuner om "
                        "utmaningen och hur ska vi lyckas påverka utvecklingen? En chans för oss "
                        "i Svenska industrikommuner att göra vår röst hörd på Industridagen den "
                        "24 januari 2022.\n\nModerator leder samtalen."
                    ),
                },
                {
                    "start": "10:15",
                    "end": "11:15",
                    "kind": "group_work",
                    "title": "Separata samtal mellan KSO-er (politiker) respektive övriga (tjänstemän)",
                    "notes": "Kaffe serveras i anslutning till denna punkts start.",
                    "sessions": [
                        {
                            "kind": "group_work",
                            "title": "Samtal för KSO-er (politiker)",
                            "track": "KSO-er (politiker)",
                        },
                        {
                            "kind": "group_work",
                            "title": "Samtal för övriga (tjänstemän)",
                            "track": "Övriga (tjänstemän)",
                        },
                    ],
                },
                {
                    "start": "11:15",
                    "end": "12:00",
                    "kind": "business",
                    "title": "Gemensamma angelägenheter",
                    "description": "Första mötet efter pandemin och de digitala mötena",
                    "agenda": (
                        "Medlemsfrågor\nFramtida temata\nSponsorer\n"
                        "Stärkt synlighet för nätverket\nSammanfattning"
                    ),
                },
                {"start": "12:00", "end": "13:00", "kind": "meal", "title": "Gemensam lunch"},
            ],
        },
    ],
    "contacts": [
        {"person": "Johan Scherlin", "function": "sekretariatet"},
        {"person": "Christer Asplund", "function": "moderator"},
        {"person": "Catharina Fredriksson", "function": "sammankallande AU"},
        {"venue": "The Wood Hotel", "function": ""},
    ],
    "attachments": [],
}

# One upcoming copy of each seed event, open for registration with the options the seeds imply.
UPCOMING_COPIES = [
    {
        "source": "temasession-innovation-og-udvikling-i-hele-landet",
        "slug": "temasession-innovation-og-udvikling-2027",
        "title": "Temasession om innovation og udvikling i hele landet 2027",
        "start_date": "2027-09-29",
        "registration": {"capacity": 150, "closes": ("2027-09-27", "12:00")},
        "options": [
            {
                "key": "spor-innovation",
                "kind": "programme",
                "label": "Gruppedrøftelse: innovation",
                "choice_group": "Gruppedrøftelse – vælg spor",
                "group_required": True,
                "item": "Gruppedrøftelse: innovation",
            },
            {
                "key": "spor-landdistrikter",
                "kind": "programme",
                "label": "Gruppedrøftelse: landdistriktsindsatsen",
                "choice_group": "Gruppedrøftelse – vælg spor",
                "group_required": True,
                "item": "Gruppedrøftelse: landdistriktsindsatsen",
            },
        ],
        "registrants": 40,
    },
    {
        "source": "innovationsmotet-skelleftea-2021",
        "slug": "innovationsmotet-skelleftea-2027",
        "title": "Innovationsmötet med Svenska industrikommuner 2027",
        "subtitle": "Skellefteå 25–26 november 2027",
        "start_date": "2027-11-25",
        "summary": (
            "Vi i Svenska industrikommuner möts i Skellefteå den 25–26 november 2027 för att "
            "bearbeta innovationsfrågorna."
        ),
        "description": (
            "Vi i Svenska industrikommuner möts i Skellefteå den 25–26 november 2027 för att "
            "bearbeta innovationsfrågorna. Innovationsfrågan har många relevanta dimensioner: "
            "innovationsupphandlingar, ledarskapsfrågor och hur den kommunala sektorn förmår att "
            "promovera innovationer i sin organisation liksom via sina bolag."
        ),
        "registration": {"capacity": 60, "closes": ("2027-11-11", "23:59")},
        "options": [
            {
                "key": "buss",
                "kind": "bus",
                "label": "Guidad busstur till Northvolt (torsdag 09.00 från the Wood Hotel)",
                "capacity": 45,
                "item": "Bussen avgår från the Wood Hotel, Torggatan 3, Skellefteå centrum",
            },
            {
                "key": "flygplats",
                "kind": "pickup",
                "label": "Upphämtning på Skellefteå flygplats (ca 09.30)",
                "capacity": 20,
                "asks_arrival": True,
                "item": "Upphämtning flygresenärer, guidning startar, Skellefteå flygplats",
            },
            {
                "key": "lunch-1",
                "kind": "meal",
                "label": "Lunch torsdag",
                "item": "Gemensam lunch på platsen för mötet, the Wood Hotel",
            },
            {
                "key": "middag",
                "kind": "meal",
                "label": "Middag torsdag",
                "item": "Gemensam middag på hotellet",
            },
            {
                "key": "lunch-2",
                "kind": "meal",
                "label": "Lunch fredag",
                "item": "Gemensam lunch",
            },
            {
                "key": "samtal-politiker",
                "kind": "programme",
                "label": "Samtal för KSO-er (politiker)",
                "choice_group": "Separata samtal fredag 10.15",
                "group_required": True,
                "item": "Samtal för KSO-er (politiker)",
            },
            {
                "key": "samtal-tjansteman",
                "kind": "programme",
                "label": "Samtal för övriga (tjänstemän)",
                "choice_group": "Separata samtal fredag 10.15",
                "group_required": True,
                "item": "Samtal för övriga (tjänstemän)",
            },
        ],
        "registrants": 0,
    },
]

# Demo registrants: Danish names, spread over municipalities as real sign-ups are (a few large
# municipalities send several people, many send one).
DEMO_FIRST_NAMES = [
    "Anne",
    "Mette",
    "Lars",
    "Søren",
    "Camilla",
    "Jens",
    "Hanne",
    "Mads",
    "Louise",
    "Peter",
    "Karen",
    "Rasmus",
    "Line",
    "Niels",
    "Sofie",
    "Thomas",
    "Ida",
    "Morten",
    "Birgitte",
    "Jonas",
]
DEMO_LAST_NAMES = [
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Østergaard",
]
DEMO_MUNICIPALITIES = [
    "Aarhus",
    "Aarhus",
    "Aarhus",
    "Aalborg",
    "Aalborg",
    "Odense",
    "Odense",
    "København",
    "Esbjerg",
    "Vejle",
    "Herning",
    "Ærø",
    "Lolland",
    "Thisted",
    "Bornholm",
    "Tønder",
    "Skive",
    "Varde",
    "Lemvig",
    "Samsø",
]

DEMO_PASSWORD = "samling-demo"

DEMO_ACCOUNTS = [
    {"email": "admin@kl.demo", "role": "admin", "network": "kl", "name": ("Karen", "Larsen")},
    {
        "email": "organiser@kl.demo",
        "role": "organiser",
        "network": "kl",
        "name": ("Ole", "Nielsen"),
    },
    {
        "email": "admin@industrikommuner.demo",
        "role": "admin",
        "network": "svenska-industrikommuner",
        "name": ("Johan", "Scherlin"),
    },
    {
        "email": "checkin@industrikommuner.demo",
        "role": "checkin",
        "network": "svenska-industrikommuner",
        "name": ("Eva", "Lind"),
    },
]
