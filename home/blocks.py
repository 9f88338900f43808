"""StreamField blocks shared by every body field on the site (news, guides, campaign pages).

No embed block on purpose: embeds load third-party content, which readers must not be exposed to.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(help_text="A short heading for the section that follows.")

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, help_text="Who said or wrote it.")

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(required=False, help_text="Link text; the document title if empty.")

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_link_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="components/blocks/paragraph_block.html",
    )
    quote = QuoteBlock()
    image = ImageBlock(template="components/blocks/image_block.html")
    document = DocumentLinkBlock()

    class Meta:
        verbose_name = _("body")
