"""Demo home pages, one per portal language.

The statement paraphrases the WHO QualityRights objectives (shared/LANGUAGE.md); it is
written for the demo. Translations await native-speaker review (docs/translation.md).
"""

from wagtail.models import Locale, Page, Site

from countries.models import StoryPage
from home.models import FeaturedResource, FeaturedStory, HomePage
from resources.models import ResourcePage

TITLE = "WHO QualityRights"

# language code: (intro, e-training heading, e-training link text)
HOME_TEXT = {
    "en": (
        "WHO QualityRights helps countries make mental health services respect human rights "
        "and support recovery. This portal is where country teams share what they do, and "
        "where everyone can find the QualityRights materials in their language.",
        "Take the QualityRights e-training",
        "Start the e-training on mental health, recovery and community inclusion",
    ),
    "ar": (
        "تساعد مبادرة QualityRights التابعة لمنظمة الصحة العالمية البلدان على جعل خدمات "
        "الصحة النفسية تحترم حقوق الإنسان وتدعم التعافي. في هذه البوابة تتبادل الفرق "
        "القُطرية ما تقوم به، ويجد الجميع مواد QualityRights بلغتهم.",
        "شارك في التدريب الإلكتروني QualityRights",
        "ابدأ التدريب الإلكتروني حول الصحة النفسية والتعافي والإدماج في المجتمع",
    ),
    "hy": (
        "ԱՀԿ QualityRights նախաձեռնությունն օգնում է երկրներին, որպեսզի հոգեկան առողջության "
        "ծառայությունները հարգեն մարդու իրավունքները և աջակցեն ապաքինմանը։ Այս պորտալում "
        "երկրների թիմերը կիսվում են իրենց աշխատանքով, և յուրաքանչյուրը կարող է գտնել "
        "QualityRights նյութերը իր լեզվով։",
        "Անցեք QualityRights էլեկտրոնային դասընթացը",
        "Սկսել էլեկտրոնային դասընթացը հոգեկան առողջության, ապաքինման և համայնքում ներառման մասին",
    ),
    "bn": (
        "WHO QualityRights দেশগুলিকে মানসিক স্বাস্থ্য সেবাকে মানবাধিকারের প্রতি শ্রদ্ধাশীল ও "
        "সুস্থতার পথে সহায়ক করে তুলতে সাহায্য করে। এই পোর্টালে দেশের দলগুলি তাদের কাজের কথা "
        "জানায়, আর সবাই নিজের ভাষায় QualityRights-এর উপকরণ খুঁজে পায়।",
        "QualityRights ই-প্রশিক্ষণ নিন",
        "মানসিক স্বাস্থ্য, সুস্থতা ও সমাজে অন্তর্ভুক্তি বিষয়ে ই-প্রশিক্ষণ শুরু করুন",
    ),
    "bs": (
        "WHO QualityRights pomaže državama da usluge mentalnog zdravlja poštuju ljudska "
        "prava i podržavaju oporavak. Na ovom portalu timovi iz država dijele šta rade, a "
        "svi mogu pronaći QualityRights materijale na svom jeziku.",
        "Pohađajte QualityRights e-obuku",
        "Započnite e-obuku o mentalnom zdravlju, oporavku i uključenosti u zajednicu",
    ),
    "zh-hans": (
        "世卫组织 QualityRights 倡议帮助各国使精神卫生服务尊重人权并支持康复。在这个门户网站上，"
        "各国团队分享他们的工作，每个人都可以找到用自己语言编写的 QualityRights 材料。",
        "参加 QualityRights 在线培训",
        "开始学习关于精神卫生、康复和社区融入的在线培训",
    ),
    "hr": (
        "WHO QualityRights pomaže državama da usluge za mentalno zdravlje poštuju ljudska "
        "prava i podupiru oporavak. Na ovom portalu timovi iz država dijele što rade, a "
        "svatko može pronaći QualityRights materijale na svojem jeziku.",
        "Pohađajte QualityRights e-edukaciju",
        "Započnite e-edukaciju o mentalnom zdravlju, oporavku i uključenosti u zajednicu",
    ),
    "cs": (
        "Iniciativa WHO QualityRights pomáhá zemím, aby služby v oblasti duševního zdraví "
        "respektovaly lidská práva a podporovaly zotavení. Na tomto portálu sdílejí národní "
        "týmy svou práci a každý zde najde materiály QualityRights ve svém jazyce.",
        "Absolvujte e-learning QualityRights",
        "Začít e-learning o duševním zdraví, zotavení a začlenění do komunity",
    ),
    "et": (
        "WHO QualityRights aitab riikidel muuta vaimse tervise teenused inimõigusi "
        "austavaks ja taastumist toetavaks. Selles portaalis jagavad riikide meeskonnad oma "
        "tööd ning igaüks leiab QualityRightsi materjalid oma keeles.",
        "Läbige QualityRightsi e-koolitus",
        "Alusta e-koolitust vaimse tervise, taastumise ja kogukonda kaasamise kohta",
    ),
    "fil": (
        "Tinutulungan ng WHO QualityRights ang mga bansa upang igalang ng mga serbisyo sa "
        "kalusugang pangkaisipan ang karapatang pantao at suportahan ang paggaling. Sa "
        "portal na ito, ibinabahagi ng mga pangkat ng bansa ang kanilang ginagawa, at "
        "mahahanap ng lahat ang mga materyales ng QualityRights sa sarili nilang wika.",
        "Kunin ang QualityRights e-training",
        "Simulan ang e-training tungkol sa kalusugang pangkaisipan, paggaling at pagsasama "
        "sa komunidad",
    ),
    "fr": (
        "L'initiative QualityRights de l'OMS aide les pays à rendre les services de santé "
        "mentale respectueux des droits humains et favorables au rétablissement. Sur ce "
        "portail, les équipes nationales partagent leur travail et chacun peut trouver les "
        "ressources QualityRights dans sa langue.",
        "Suivez la formation en ligne QualityRights",
        "Commencer la formation en ligne sur la santé mentale, le rétablissement et "
        "l'inclusion dans la communauté",
    ),
    "id": (
        "WHO QualityRights membantu negara-negara agar layanan kesehatan jiwa menghormati "
        "hak asasi manusia dan mendukung pemulihan. Di portal ini, tim negara berbagi apa "
        "yang mereka kerjakan, dan semua orang dapat menemukan materi QualityRights dalam "
        "bahasanya sendiri.",
        "Ikuti pelatihan daring QualityRights",
        "Mulai pelatihan daring tentang kesehatan jiwa, pemulihan, dan inklusi dalam masyarakat",
    ),
    "it": (
        "L'iniziativa QualityRights dell'OMS aiuta i Paesi a rendere i servizi di salute "
        "mentale rispettosi dei diritti umani e di sostegno al percorso di recovery. Su "
        "questo portale i gruppi nazionali condividono il loro lavoro e tutti possono "
        "trovare i materiali QualityRights nella propria lingua.",
        "Segui la formazione online QualityRights",
        "Inizia la formazione online su salute mentale, recovery e inclusione nella comunità",
    ),
    "ne": (
        "WHO QualityRights ले देशहरूलाई मानसिक स्वास्थ्य सेवाहरूले मानव अधिकारको सम्मान गर्ने र "
        "पुनर्लाभमा सहयोग गर्ने बनाउन मद्दत गर्छ। यस पोर्टलमा देशका टोलीहरूले आफ्नो काम साझा "
        "गर्छन्, र सबैले आफ्नै भाषामा QualityRights सामग्री भेट्टाउन सक्छन्।",
        "QualityRights ई-तालिम लिनुहोस्",
        "मानसिक स्वास्थ्य, पुनर्लाभ र समुदायमा समावेशीकरणसम्बन्धी ई-तालिम सुरु गर्नुहोस्",
    ),
    "pl": (
        "Inicjatywa WHO QualityRights pomaga państwom sprawić, by usługi w zakresie zdrowia "
        "psychicznego szanowały prawa człowieka i wspierały zdrowienie. Na tym portalu "
        "zespoły krajowe dzielą się swoją pracą, a każdy może znaleźć materiały "
        "QualityRights w swoim języku.",
        "Weź udział w szkoleniu online QualityRights",
        "Rozpocznij szkolenie online o zdrowiu psychicznym, zdrowieniu i włączeniu społecznym",
    ),
    "ru": (
        "Инициатива ВОЗ QualityRights помогает странам сделать так, чтобы службы охраны "
        "психического здоровья уважали права человека и поддерживали восстановление. На "
        "этом портале национальные команды рассказывают о своей работе, и каждый может "
        "найти материалы QualityRights на своём языке.",
        "Пройдите онлайн-курс QualityRights",
        "Начать онлайн-курс о психическом здоровье, восстановлении и включении в жизнь общества",
    ),
    "es": (
        "La iniciativa QualityRights de la OMS ayuda a los países a lograr que los servicios "
        "de salud mental respeten los derechos humanos y apoyen la recuperación. En este "
        "portal, los equipos nacionales comparten lo que hacen y todas las personas pueden "
        "encontrar los materiales de QualityRights en su idioma.",
        "Haga la formación en línea QualityRights",
        "Empezar la formación en línea sobre salud mental, recuperación e inclusión en la "
        "comunidad",
    ),
    "tr": (
        "DSÖ QualityRights, ülkelerin ruh sağlığı hizmetlerini insan haklarına saygılı ve "
        "iyileşmeyi destekleyen hizmetlere dönüştürmesine yardım eder. Bu portalda ülke "
        "ekipleri yaptıkları çalışmaları paylaşır ve herkes QualityRights materyallerini "
        "kendi dilinde bulabilir.",
        "QualityRights e-eğitimine katılın",
        "Ruh sağlığı, iyileşme ve topluma katılım e-eğitimine başlayın",
    ),
    "uk": (
        "Ініціатива ВООЗ QualityRights допомагає країнам зробити так, щоб служби "
        "психічного здоров'я поважали права людини та підтримували відновлення. На цьому "
        "порталі національні команди діляться своєю роботою, і кожен може знайти матеріали "
        "QualityRights своєю мовою.",
        "Пройдіть онлайн-курс QualityRights",
        "Почати онлайн-курс про психічне здоров'я, відновлення та інклюзію в громаді",
    ),
}


def _fill(page, code):
    page.title = TITLE
    page.intro, page.etraining_heading, page.etraining_link_text = HOME_TEXT[code]


def load(stdout):
    """Create (or refresh) the English home, make it the default site's root, and give
    it a published translation in every other locale. Returns the English home."""
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        # The tree's root comes with Wagtail's migrations; a flushed database lacks it.
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=english)
        )
        # Wagtail's migrations leave a plain "Welcome" page where the home page belongs.
        Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
        home = HomePage(slug="home", locale=english)
        _fill(home, "en")
        root.add_child(instance=home)
    _fill(home, "en")
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    # `make demo` serves at http://127.0.0.1:8000; full URLs (hreflang, canonical) use it.
    site.hostname, site.port, site.site_name = "127.0.0.1", 8000, "WHO QualityRights portal"
    site.root_page = home
    site.save()

    for locale in Locale.objects.exclude(pk=english.pk):
        translated = home.get_translation_or_none(locale)
        if translated is None:
            translated = home.copy_for_translation(locale)
        translated = translated.specific
        _fill(translated, locale.language_code)
        translated.save_revision().publish()
    stdout.write(f"Home pages: {HomePage.objects.count()}")
    return home


FEATURED_STORIES = [
    ("kenya", "peer-supporters-join-the-team"),
    ("ghana", "peer-supporters-join-the-team"),
]
FEATURED_RESOURCES = [
    "qualityrights-e-training",
    "qualityrights-assessment-toolkit",
    "self-help-tool-recovery-planning",
]


def feature(stdout):
    """The editors' choice on the English home page, once stories and resources exist."""

    home = english_home()
    if home.featured_stories.exists() or home.featured_resources.exists():
        return
    stories = [
        StoryPage.objects.get(locale=home.locale, slug=slug, url_path__contains=f"/{country}/")
        for country, slug in FEATURED_STORIES
    ]
    resources = [ResourcePage.objects.get(locale=home.locale, slug=s) for s in FEATURED_RESOURCES]
    home.featured_stories = [
        FeaturedStory(story=story, sort_order=n) for n, story in enumerate(stories)
    ]
    home.featured_resources = [
        FeaturedResource(resource=r, sort_order=n) for n, r in enumerate(resources)
    ]
    home.save_revision().publish()
    stdout.write(f"Featured on the home page: {len(stories)} stories, {len(resources)} resources")


def english_home():
    return HomePage.objects.get(locale__language_code="en")
