"""Text of the countries demo. Statuses are those of the QualityRights launch material;
everything else (stories, indicator values, e-training languages) is written for the demo
and says so on the page."""

import datetime

# Section titles in every portal language, so the header menu is localized.
SECTIONS = {
    "countries": {
        "en": "Countries",
        "ar": "البلدان",
        "hy": "Երկրներ",
        "bn": "দেশসমূহ",
        "bs": "Države",
        "zh-hans": "国家",
        "hr": "Države",
        "cs": "Země",
        "et": "Riigid",
        "fil": "Mga bansa",
        "fr": "Pays",
        "id": "Negara",
        "it": "Paesi",
        "ne": "देशहरू",
        "pl": "Kraje",
        "ru": "Страны",
        "es": "Países",
        "tr": "Ülkeler",
        "uk": "Країни",
    },
    "stories": {
        "en": "Stories",
        "ar": "قصص",
        "hy": "Պատմություններ",
        "bn": "গল্প",
        "bs": "Priče",
        "zh-hans": "故事",
        "hr": "Priče",
        "cs": "Příběhy",
        "et": "Lood",
        "fil": "Mga kuwento",
        "fr": "Récits",
        "id": "Cerita",
        "it": "Storie",
        "ne": "कथाहरू",
        "pl": "Historie",
        "ru": "Истории",
        "es": "Historias",
        "tr": "Hikâyeler",
        "uk": "Історії",
    },
}
SECTION_INTROS = {
    "countries": "The countries taking part in WHO QualityRights, and how far they have come.",
    "stories": "What country teams are doing with WHO QualityRights, in their own words.",
}

# English short name: (ISO code, WHO region, status, e-training languages offered there)
COUNTRIES = {
    "Bosnia and Herzegovina": ("BA", "eur", "implementing", ["bs", "hr", "sr"]),
    "Czechia": ("CZ", "eur", "implementing", ["cs"]),
    "Ghana": ("GH", "afr", "implementing", ["en"]),
    "Kenya": ("KE", "afr", "implementing", ["en", "sw"]),
    "Philippines": ("PH", "wpr", "implementing", ["en", "fil"]),
    "Türkiye": ("TR", "eur", "implementing", ["tr"]),
    "Zimbabwe": ("ZW", "afr", "implementing", ["en"]),
    "Armenia": ("AM", "eur", "planning", ["hy"]),
    "Croatia": ("HR", "eur", "planning", ["hr"]),
    "Estonia": ("EE", "eur", "planning", ["et"]),
    "France": ("FR", "eur", "planning", ["fr"]),
    "Indonesia": ("ID", "sear", "planning", ["id"]),
    "Italy": ("IT", "eur", "planning", ["it"]),
    "Paraguay": ("PY", "amr", "planning", ["es"]),
    "Poland": ("PL", "eur", "planning", ["pl"]),
}

SUMMARY = {
    "implementing": "{name} is implementing WHO QualityRights. It was one of the early "
    "adopters of the QualityRights e-training.",
    "planning": "{name} is planning to implement WHO QualityRights.",
}
SAMPLE_NOTE = (
    "<p><b>Sample content.</b> Apart from the status, this page was written for the demo: "
    "the e-training languages, the stories and the indicator values are sample data, not "
    "WHO figures.</p>"
)

# slug: (English name, sort order)
INDICATOR_TYPES = {
    "etraining-enrolled": ("E-training learners enrolled", 1),
    "etraining-completed": ("E-training learners completed", 2),
    "services-assessed": ("Services assessed with the QualityRights toolkit", 3),
    "trained-face-to-face": ("People trained face to face", 4),
    "laws-policies-reformed": ("Laws or policies reformed", 5),
}
INDICATOR_NAMES = {
    "fr": {
        "etraining-enrolled": "Personnes inscrites à la formation en ligne",
        "etraining-completed": "Personnes ayant terminé la formation en ligne",
        "services-assessed": "Services évalués avec la boîte à outils QualityRights",
        "trained-face-to-face": "Personnes formées en présentiel",
        "laws-policies-reformed": "Lois ou politiques réformées",
    },
    "ar": {
        "etraining-enrolled": "المسجلون في التدريب الإلكتروني",
        "etraining-completed": "من أتموا التدريب الإلكتروني",
        "services-assessed": "الخدمات المقيَّمة بمجموعة أدوات QualityRights",
        "trained-face-to-face": "من تلقوا تدريبًا حضوريًا",
        "laws-policies-reformed": "القوانين أو السياسات التي أُصلحت",
    },
}
SAMPLE_SOURCE = "sample data"
DATES = [datetime.date(2022, 12, 31), datetime.date(2023, 12, 31), datetime.date(2024, 12, 31)]

# Stories: (slug, title, summary, body paragraph, objectives, topics, key figure)
STORIES = [
    (
        "peer-supporters-join-the-team",
        "Peer supporters join the mental health team in {name}",
        "Sample story, written for the demo. People with lived experience now work as paid "
        "peer supporters in two community services.",
        "Peer supporters listen, share their own recovery and help people plan the support "
        "they want. Staff say the way they talk with people who use services has changed.",
        ["participation", "community"],
        ["peer-support", "lived-experience"],
        ("12", "peer supporters employed"),
    ),
    (
        "staff-complete-the-etraining",
        "Staff in {name} complete the QualityRights e-training together",
        "Sample story, written for the demo. A whole service took the e-training as a team "
        "and agreed on three changes to make first.",
        "The team chose to end the use of restraint, to offer supported decision-making and "
        "to ask people who use the service to review each change.",
        ["capacity"],
        ["ending-coercion", "legal-capacity"],
        ("85", "staff members completed the e-training"),
    ),
]
# French and Arabic versions of the first story, for the countries that have them.
STORY_TRANSLATIONS = {
    "fr": (
        "Des pairs aidants rejoignent l'équipe de santé mentale au {name}",
        "Récit d'exemple, écrit pour la démonstration. Des personnes ayant une expérience "
        "vécue travaillent désormais comme pairs aidants rémunérés dans deux services de "
        "proximité.",
        "Les pairs aidants écoutent, partagent leur propre rétablissement et aident chacun à "
        "choisir le soutien qu'il souhaite. Le personnel dit que sa façon de parler avec les "
        "personnes qui utilisent les services a changé.",
    ),
    "ar": (
        "داعمو الأقران ينضمون إلى فريق الصحة النفسية في {name}",
        "قصة نموذجية كُتبت لأغراض العرض. يعمل الآن أشخاص لديهم تجربة معيشة بوصفهم داعمي "
        "أقران بأجر في خدمتين مجتمعيتين.",
        "يستمع داعمو الأقران ويشاركون تجربتهم في التعافي ويساعدون كل شخص على اختيار الدعم "
        "الذي يريده. ويقول الموظفون إن طريقة حديثهم مع مستخدمي الخدمات قد تغيّرت.",
    ),
}
# Country names and summaries for the translated countries.
COUNTRY_TRANSLATIONS = {
    "Kenya": {"fr": "Kenya", "ar": "كينيا"},
    "Ghana": {"fr": "Ghana", "ar": "غانا"},
}
SUMMARY_TRANSLATIONS = {
    "fr": "Le {name} met en œuvre QualityRights de l'OMS. Il a été l'un des premiers pays "
    "à adopter la formation en ligne QualityRights.",
    "ar": "تنفّذ {name} مبادرة QualityRights التابعة لمنظمة الصحة العالمية، وكانت من أوائل "
    "البلدان التي اعتمدت التدريب الإلكتروني QualityRights.",
}
SAMPLE_NOTE_TRANSLATIONS = {
    "fr": "<p><b>Contenu d'exemple.</b> À part le statut, cette page a été écrite pour la "
    "démonstration : les chiffres sont des données d'exemple, pas des chiffres de l'OMS.</p>",
    "ar": "<p><b>محتوى نموذجي.</b> باستثناء الحالة، كُتبت هذه الصفحة لأغراض العرض: الأرقام "
    "بيانات نموذجية وليست أرقامًا صادرة عن منظمة الصحة العالمية.</p>",
}
