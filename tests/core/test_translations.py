import gettext
from pathlib import Path

import polib
import pytest

import samling

pytestmark = pytest.mark.unit

LOCALE = Path(samling.__file__).parent / "locale"
LANGUAGES = ["da", "sv", "nb", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_empty_or_fuzzy_entries(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    """The shipped .mo must hold every translation of the .po (run `make messages`)."""
    folder = LOCALE / language / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    with open(folder / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogues_have_the_same_messages(language):
    def ids(code):
        po = polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))
        return {(e.msgctxt, e.msgid) for e in po}

    assert ids(language) == ids("en")
