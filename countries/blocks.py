"""StreamField blocks for stories. Each block enforces what makes it accessible or
ethical: alt text or an explicit decorative flag, consent for quotes, a transcript for
video, a resource from the library rather than a loose file."""

from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text=_(
            "Tick only if the image adds nothing to the text; it is then hidden "
            "from screen readers."
        ),
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        # A draft may wait for the alt text (an autosave runs while it is being written).
        if self.is_deferred_validation:
            return value
        if not value["decorative"] and not value["alt_text"].strip():
            raise StructBlockValidationError(
                {"alt_text": ErrorList([_("Add alt text, or mark the image as decorative.")])}
            )
        return value

    class Meta:
        icon = "image"
        template = "countries/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(max_length=200, help_text=_("Who said it, and their role."))
    consent = blocks.BooleanBlock(
        required=True,
        help_text=_("I confirm the person agreed to be quoted by name, on this portal."),
    )

    class Meta:
        icon = "openquote"
        template = "countries/blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text=_("The video's address, e.g. on YouTube or Vimeo."))
    title = blocks.CharBlock(max_length=200)
    transcript = blocks.TextBlock(
        help_text=_("Everything said and shown, for people who cannot hear or see the video.")
    )

    class Meta:
        icon = "media"
        template = "countries/blocks/video.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=40, help_text=_("For example 1,200 or 38%."))
    label = blocks.CharBlock(max_length=200, help_text=_("What the number counts."))
    date = blocks.CharBlock(max_length=40, help_text=_("When, e.g. March 2024."))
    source = blocks.CharBlock(
        max_length=200, help_text=_('Where it comes from. Write "sample data" if invented.')
    )

    class Meta:
        icon = "snippet"
        template = "countries/blocks/key_figure.html"


class ResourceLinkBlock(blocks.StructBlock):
    resource = blocks.PageChooserBlock(page_type="resources.ResourcePage")
    note = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text=_("Optional: why this resource matters to the story, in one sentence."),
    )

    class Meta:
        icon = "doc-full"
        template = "countries/blocks/resource_link.html"


class StoryBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="countries/blocks/text.html")
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    key_figure = KeyFigureBlock()
    resource_link = ResourceLinkBlock()
