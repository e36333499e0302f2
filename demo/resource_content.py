"""Demo data for the library: the taxonomies and the WHO QualityRights materials named in
the QualityRights fact sheet. Every description is written for the demo and says so;
the files are generated samples (resources/sample_files.py), not the WHO publications.
"""

TYPES = {
    "guidance": "Guidance",
    "training-module": "Training module",
    "toolkit": "Toolkit",
    "poster": "Poster",
    "video": "Video",
    "infographic": "Infographic",
    "policy-brief": "Policy brief",
    "report": "Report",
    "e-learning-course": "E-learning course",
    "self-help-tool": "Self-help tool",
    "advocacy-material": "Advocacy material",
}

AUDIENCES = {
    "lived-experience": "People with lived experience",
    "families": "Families and supporters",
    "care-providers": "Health and social care providers",
    "policy-makers": "Policy makers",
    "opds-and-ngos": "Organisations of persons with disabilities and NGOs",
    "humanitarian-workers": "Humanitarian workers",
    "lawyers-and-judges": "Lawyers and judges",
    "academics": "Academics",
    "teachers-and-students": "Teachers and students",
    "community-leaders": "Community and spiritual leaders",
}

TRANSLATED_INDEX_TITLES = {
    "ar": "مكتبة الموارد",
    "fr": "Bibliothèque de ressources",
    "es": "Biblioteca de recursos",
    "ru": "Библиотека материалов",
    "zh-hans": "资源库",
}

DEMO_NOTE = "Sample description written for the demo portal."
ALL_AUDIENCES = list(AUDIENCES)

# slug, title, type, year, topics, audiences, file languages, summary, extra fields
RESOURCES = [
    {
        "slug": "core-training-mental-health-disability-human-rights",
        "title": "QualityRights core training: mental health, disability and human rights",
        "type": "training-module",
        "year": 2019,
        "topics": ["stigma-and-discrimination", "lived-experience", "recovery"],
        "audiences": ALL_AUDIENCES,
        "files": ["en", "fr", "ar", "es", "ru"],
        "summary": "A core training module for everyone. It explains the rights of people "
        "with psychosocial, intellectual or cognitive disabilities and how to respect them.",
        "access": ["has_accessible_pdf"],
    },
    {
        "slug": "core-training-legal-capacity",
        "title": "QualityRights core training: legal capacity and the right to decide",
        "type": "training-module",
        "year": 2019,
        "topics": ["legal-capacity"],
        "audiences": ["lived-experience", "care-providers", "lawyers-and-judges", "families"],
        "files": ["en", "fr"],
        "summary": "A core training module about the right to make your own decisions, and "
        "how supported decision-making works in practice.",
    },
    {
        "slug": "core-training-freedom-from-coercion",
        "title": "QualityRights core training: freedom from coercion, violence and abuse",
        "type": "training-module",
        "year": 2019,
        "topics": ["ending-coercion"],
        "audiences": ["care-providers", "lived-experience", "policy-makers"],
        "files": ["en", "es"],
        "summary": "A core training module about coercive practices in mental health "
        "services and how to prevent violence and abuse.",
    },
    {
        "slug": "specialised-training-ending-seclusion-and-restraint",
        "title": "QualityRights specialised training: strategies to end seclusion and restraint",
        "type": "training-module",
        "year": 2019,
        "topics": ["ending-coercion", "service-transformation"],
        "audiences": ["care-providers", "policy-makers"],
        "files": ["en", "fr", "ar"],
        "summary": "A specialised module for services that want to stop using seclusion "
        "and restraint, step by step.",
    },
    {
        "slug": "specialised-training-supported-decision-making",
        "title": "QualityRights specialised training: supported decision-making and advance "
        "planning",
        "type": "training-module",
        "year": 2019,
        "topics": ["legal-capacity", "recovery"],
        "audiences": ["lived-experience", "families", "care-providers"],
        "files": ["en", "uk"],
        "summary": "A specialised module on supporters, advance plans and how people stay in "
        "charge of decisions about their lives.",
    },
    {
        "slug": "qualityrights-e-training",
        "title": "QualityRights e-training on mental health, recovery and community inclusion",
        "type": "e-learning-course",
        "year": 2022,
        "topics": ["recovery", "community-inclusion", "legal-capacity", "ending-coercion"],
        "audiences": ALL_AUDIENCES,
        "files": [],
        "links": ["en", "fr", "es", "ar", "ru"],
        "summary": "A free online course for anyone. It takes you through human rights, "
        "recovery and community inclusion at your own pace.",
        "extra": "Nearly 30,000 people had completed the e-training at its global launch "
        "(WHO, April 2022, 11 languages).",
    },
    {
        "slug": "self-help-tool-recovery-planning",
        "title": "Person-centred recovery planning for mental health and well-being: "
        "self-help tool",
        "type": "self-help-tool",
        "year": 2019,
        "topics": ["recovery", "lived-experience"],
        "audiences": ["lived-experience", "families"],
        "files": ["en", "fr", "es", "ar", "bn"],
        "summary": "A tool you can use on your own or with a supporter to write your own "
        "recovery plan.",
        "access": ["has_easy_read", "has_accessible_pdf"],
    },
    {
        "slug": "guidance-peer-support-groups",
        "title": "Peer support groups by and for people with lived experience",
        "type": "guidance",
        "year": 2019,
        "topics": ["peer-support", "lived-experience"],
        "audiences": ["lived-experience", "opds-and-ngos"],
        "files": ["en", "es"],
        "summary": "Guidance on starting and running a peer support group.",
    },
    {
        "slug": "guidance-one-to-one-peer-support",
        "title": "One-to-one peer support by and for people with lived experience",
        "type": "guidance",
        "year": 2019,
        "topics": ["peer-support", "recovery"],
        "audiences": ["lived-experience", "care-providers"],
        "files": ["en", "fr"],
        "summary": "Guidance on offering one-to-one peer support, for peer supporters and "
        "the services that employ them.",
    },
    {
        "slug": "guidance-civil-society-organisations",
        "title": "Civil society organizations to promote human rights in mental health and "
        "related areas",
        "type": "guidance",
        "year": 2019,
        "topics": ["civil-society"],
        "audiences": ["opds-and-ngos", "lived-experience"],
        "files": ["en", "fr"],
        "summary": "Guidance on setting up and running a civil society organisation that "
        "works for human rights in mental health.",
    },
    {
        "slug": "guidance-advocacy",
        "title": "Advocacy for mental health, disability and human rights",
        "type": "advocacy-material",
        "year": 2019,
        "topics": ["civil-society", "law-and-policy-reform"],
        "audiences": ["opds-and-ngos", "lived-experience", "families"],
        "files": ["en", "ar"],
        "summary": "Guidance on planning advocacy campaigns that change laws, policies and "
        "services.",
    },
    {
        "slug": "qualityrights-assessment-toolkit",
        "title": "WHO QualityRights assessment toolkit",
        "type": "toolkit",
        "year": 2012,
        "topics": ["assessing-services", "service-transformation"],
        "audiences": ["care-providers", "policy-makers", "opds-and-ngos"],
        "files": ["en", "fr", "es", "ru", "cs"],
        "summary": "A toolkit to assess whether mental health and social care services "
        "respect human rights, and to plan improvements.",
    },
    {
        "slug": "transforming-services-promoting-rights",
        "title": "Transforming services and promoting human rights",
        "type": "guidance",
        "year": 2019,
        "topics": ["service-transformation", "assessing-services"],
        "audiences": ["care-providers", "policy-makers"],
        "files": ["en", "tr"],
        "summary": "Guidance for services that want to change their practice so that it "
        "respects human rights.",
    },
    {
        "slug": "guidance-community-mental-health-services",
        "title": "Guidance on community mental health services: promoting person-centred and "
        "rights-based approaches",
        "type": "guidance",
        "year": 2021,
        "topics": ["community-inclusion", "service-transformation"],
        "audiences": ["policy-makers", "care-providers"],
        "files": ["en", "fr", "es", "ru", "zh-hans"],
        "summary": "Good practice from community mental health services around the world "
        "that respect human rights and support recovery.",
        "access": ["has_accessible_pdf"],
    },
    {
        "slug": "technical-packages-community-mental-health",
        "title": "Technical packages on community mental health services",
        "type": "guidance",
        "year": 2021,
        "topics": ["community-inclusion", "service-transformation"],
        "audiences": ["policy-makers", "care-providers"],
        "files": ["en"],
        "summary": "Technical packages that go with the guidance on community mental health "
        "services, one for each kind of service.",
    },
    {
        "slug": "mental-health-human-rights-legislation",
        "title": "Mental health, human rights and legislation: guidance and practice",
        "type": "guidance",
        "year": 2023,
        "publisher": "World Health Organization and Office of the United Nations High "
        "Commissioner for Human Rights",
        "topics": ["law-and-policy-reform", "legal-capacity", "ending-coercion"],
        "audiences": ["policy-makers", "lawyers-and-judges", "opds-and-ngos"],
        "files": ["en", "fr", "es", "ar", "ru", "zh-hans"],
        "summary": "WHO and OHCHR guidance for lawmakers on mental health laws that are in "
        "line with the CRPD.",
    },
    {
        "slug": "guidance-mental-health-policies",
        "title": "Guidance on mental health policies and strategic action plans",
        "type": "policy-brief",
        "year": 2025,
        "topics": ["law-and-policy-reform"],
        "audiences": ["policy-makers"],
        "files": ["en", "fr"],
        "summary": "Guidance for governments writing mental health policies and action plans "
        "based on human rights.",
    },
    {
        "slug": "poster-recovery-is-personal",
        "title": "Poster: recovery is a personal journey",
        "type": "poster",
        "year": 2024,
        "topics": ["recovery"],
        "audiences": ["lived-experience", "families", "community-leaders"],
        "posters": ["en", "ar", "fr"],
        "summary": "A sample poster for waiting rooms and community centres.",
    },
    {
        "slug": "poster-my-decision",
        "title": "Poster: my life, my decisions",
        "type": "poster",
        "year": 2024,
        "topics": ["legal-capacity"],
        "audiences": ["lived-experience", "care-providers"],
        "posters": ["en", "es"],
        "summary": "A sample poster about supported decision-making.",
    },
    {
        "slug": "video-what-qualityrights-means",
        "title": "Video: what QualityRights means for people who use services",
        "type": "video",
        "year": 2024,
        "topics": ["lived-experience", "recovery"],
        "audiences": ALL_AUDIENCES,
        "captions": ["en", "fr", "ar"],
        "summary": "A short sample video with captions and a transcript.",
    },
    {
        "slug": "video-ending-seclusion",
        "title": "Video: services that stopped using seclusion and restraint",
        "type": "video",
        "year": 2024,
        "topics": ["ending-coercion", "service-transformation"],
        "audiences": ["care-providers", "policy-makers"],
        "captions": ["en", "es"],
        "summary": "A short sample video with captions and a transcript.",
    },
]

# Two resources translated for the demo, to show locale trees next to the fallback.
TRANSLATIONS = {
    "self-help-tool-recovery-planning": {
        "fr": (
            "Planification du rétablissement centrée sur la personne : outil d'auto-assistance",
            "Un outil à utiliser seul ou avec une personne de soutien pour écrire son propre "
            "plan de rétablissement.",
        ),
        "ar": (
            "التخطيط للتعافي المتمحور حول الشخص: أداة للمساعدة الذاتية",
            "أداة تستخدمها وحدك أو مع شخص داعم لكتابة خطة التعافي الخاصة بك.",
        ),
    },
    "mental-health-human-rights-legislation": {
        "fr": (
            "Santé mentale, droits humains et législation : orientations et pratiques",
            "Des orientations de l'OMS et du HCDH pour des lois sur la santé mentale "
            "conformes à la CDPH.",
        ),
        "ar": (
            "الصحة النفسية وحقوق الإنسان والتشريعات: إرشادات وممارسات",
            "إرشادات من منظمة الصحة العالمية والمفوضية السامية لحقوق الإنسان لقوانين صحة "
            "نفسية تتماشى مع اتفاقية حقوق الأشخاص ذوي الإعاقة.",
        ),
    },
}

CAPTION_CUES = {
    "en": [
        (0, 4, "This is a sample video for the demo portal."),
        (4, 9, "QualityRights helps services respect human rights."),
        (9, 14, "People with lived experience take part in every step."),
    ],
    "fr": [
        (0, 4, "Ceci est une vidéo d'exemple pour le portail de démonstration."),
        (4, 9, "QualityRights aide les services à respecter les droits humains."),
        (9, 14, "Les personnes concernées participent à chaque étape."),
    ],
    "ar": [
        (0, 4, "هذا فيديو تجريبي لبوابة العرض."),
        (4, 9, "تساعد QualityRights الخدمات على احترام حقوق الإنسان."),
        (9, 14, "يشارك الأشخاص ذوو التجربة المعاشة في كل خطوة."),
    ],
    "es": [
        (0, 4, "Este es un video de ejemplo para el portal de demostración."),
        (4, 9, "QualityRights ayuda a los servicios a respetar los derechos humanos."),
        (9, 14, "Las personas con experiencia vivida participan en cada paso."),
    ],
}
