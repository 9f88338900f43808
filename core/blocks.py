"""StreamField blocks shared by every body field on the site (news, guides, campaign pages).

No embed block on purpose: embeds load third-party content, which readers must not be exposed to.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from .images import prefetch_picture_renditions

ALT_TEXT_HELP = _(
    "Alt text is read aloud to blind readers and shown instead of the image when it is "
    "turned off to save data or fails to load on a slow connection: say in one sentence "
    "what the image shows that matters for the text. Mark the image as decorative only "
    "if it adds nothing to the text. Translators translate the alt text with the page."
)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Text"), help_text=_("A short heading for the section that follows.")
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Text"))
    attribution = blocks.CharBlock(
        label=_("Attribution"), required=False, help_text=_("Who said or wrote it.")
    )

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Label"), required=False, help_text=_("Link text; the document title if empty.")
    )

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_link_block.html"


class FigureBlock(blocks.StructBlock):
    """An image in the text: alt text (or marked decorative), optional caption and credit.
    Rendered through templates/components/picture.html (AVIF, WebP, JPEG in three widths)."""

    image = ImageBlock(label=_("Image"), help_text=ALT_TEXT_HELP)
    caption = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=250,
        help_text=_("Shown under the image. Optional."),
    )
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=120,
        help_text=_(
            "Who made the image, e.g. 'Connection e.V.'. Shown after 'Image:'. "
            "Never name a person the image could put at risk."
        ),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image_block.html"

    def bulk_to_python(self, values):
        figures = super().bulk_to_python(values)
        # All renditions of the body's images in one query.
        prefetch_picture_renditions(figure["image"] for figure in figures)
        return figures


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="components/blocks/paragraph_block.html",
    )
    quote = QuoteBlock(label=_("Quote"))
    image = FigureBlock(label=_("Image"))
    document = DocumentLinkBlock(label=_("Document"))

    class Meta:
        verbose_name = _("body")
