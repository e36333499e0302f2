"""Which language version of a resource holds the words searched, so a result can say
"Found inside the PDF (French)" when the words are inside a file rather than on the page."""

import snowballstemmer
from django.db.models import Q

from resources.models import ResourceFile
from search.analysis import MIN_STEM_LENGTH, analysis_for
from search.models import DocumentText


def word_forms(term, languages):
    """The word and its stems in the languages searched: `formations` -> `format`."""
    forms = {term.lower()}
    for code in languages:
        name = analysis_for(code).snowball
        if name:
            stem = snowballstemmer.stemmer(name).stemWord(term.lower())
            if len(stem) >= MIN_STEM_LENGTH:
                forms.add(stem)
    return forms


def found_in_files(page_ids, clean, languages):
    """{resource page id: [language codes of its PDFs whose text holds every word]}: one
    query, the matching done by the database."""
    if not page_ids:
        return {}
    condition = Q(document__extracted_text__status=DocumentText.Status.EXTRACTED)
    for phrase in clean.phrases:
        condition &= Q(document__extracted_text__text__icontains=phrase)
    for term in clean.terms:
        either = Q()
        for form in word_forms(term, languages):
            either |= Q(document__extracted_text__text__icontains=form)
        condition &= either
    found = {}
    rows = ResourceFile.objects.filter(condition, page_id__in=page_ids).order_by("sort_order")
    for page_id, language in rows.values_list("page_id", "language"):
        found.setdefault(page_id, []).append(language)
    return found
