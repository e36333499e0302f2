"""The portal's languages: the QualityRights e-training languages and the UN languages.

One table, read by settings (LANGUAGES, WAGTAIL_CONTENT_LANGUAGES, LANG_INFO) and by the
language switcher. To add a language, add a row here, run `manage.py makemessages -l CODE`
and translate the new catalogue (see README, "Adding a language").
"""

from django.conf.locale import LANG_INFO

# (code, English name, endonym). Endonyms are written as a speaker would head a menu item.
PORTAL_LANGUAGES = [
    ("en", "English", "English"),
    ("ar", "Arabic", "العربية"),
    ("hy", "Armenian", "Հայերեն"),
    ("bn", "Bengali", "বাংলা"),
    ("bs", "Bosnian", "Bosanski"),
    ("zh-hans", "Chinese (simplified)", "简体中文"),
    ("hr", "Croatian", "Hrvatski"),
    ("cs", "Czech", "Čeština"),
    ("et", "Estonian", "Eesti"),
    ("fil", "Filipino", "Filipino"),
    ("fr", "French", "Français"),
    ("id", "Indonesian", "Bahasa Indonesia"),
    ("it", "Italian", "Italiano"),
    ("ne", "Nepali", "नेपाली"),
    ("pl", "Polish", "Polski"),
    ("ru", "Russian", "Русский"),
    ("es", "Spanish", "Español"),
    ("tr", "Turkish", "Türkçe"),
    ("uk", "Ukrainian", "Українська"),
]

DEFAULT_LANGUAGE = "en"
LANGUAGES = [(code, name) for code, name, _ in PORTAL_LANGUAGES]
ENDONYMS = {code: endonym for code, _, endonym in PORTAL_LANGUAGES}

# Django ships no locale data for Filipino; without this entry get_language_info() fails.
EXTRA_LANG_INFO = {
    "fil": {"bidi": False, "code": "fil", "name": "Filipino", "name_local": "Filipino"},
}


def register_extra_lang_info():
    for code, info in EXTRA_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)


# How a language separates the items of a list; a comma and a space elsewhere.
LIST_SEPARATORS = {"ar": "، ", "zh-hans": "、"}


def list_separator(code):
    return LIST_SEPARATORS.get(code, ", ")


def bcp47(code):
    """Django's `zh-hans` is the BCP 47 tag `zh-Hans` (a script subtag is title case)."""
    primary, _, rest = code.partition("-")
    if len(rest) == 4:
        return f"{primary}-{rest.title()}"
    return code


def endonym(code):
    return ENDONYMS.get(code, code)
