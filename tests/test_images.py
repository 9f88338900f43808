"""Images as readers get them: a <picture> with AVIF and WebP sources and a JPEG fallback in
three widths, alt text in the reader's language, no layout shift, files from this site only,
and no location or camera data in anything an uploaded photo becomes."""

import io
import json
import re
from html.parser import HTMLParser

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.images.models import Image
from wagtail.models import Collection

import pytest
from PIL import Image as PillowImage
from PIL import features

from core.blocks import FigureBlock
from core.images import PICTURE_SPECS
from demo import data as demo_data
from news.models import NewsPage

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description photoshop:City="Vilnius"/></x:xmpmeta>'


def _item_with_image(image_title):
    return next(
        item
        for item in demo_data.news()["items"]
        if item.get("lead_image", {}).get("image") == image_title
    )


MATERIAL_TITLE = _item_with_image("Poster: broken rifle")["title"]
POSTER_ALT = _item_with_image("Poster: broken rifle")["lead_image"]["alt"]
DOTS_ALT = _item_with_image("Graphic: signatures of the appeals")["lead_image"]["alt"]


class PictureParser(HTMLParser):
    """The <source>s and <img> of every <picture> in a page."""

    def __init__(self):
        super().__init__()
        self.pictures = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self._inside = True
            self.pictures.append({"sources": [], "img": None})
        elif tag == "source" and self._inside:
            self.pictures[-1]["sources"].append(attrs)
        elif tag == "img" and self._inside:
            self.pictures[-1]["img"] = attrs

    def handle_endtag(self, tag):
        if tag == "picture":
            self._inside = False


def pictures_in(html):
    parser = PictureParser()
    parser.feed(html)
    return parser.pictures


def srcset_urls(srcset):
    """[(url, width)] of a width-described srcset."""
    return [(url, int(width[:-1])) for url, width in (item.split() for item in srcset.split(", "))]


def open_media(url):
    """A Pillow image of a file this site serves under MEDIA_URL (nothing else is accepted)."""
    assert url.startswith(settings.MEDIA_URL), f"{url} is not served from this site's media"
    with default_storage.open(url[len(settings.MEDIA_URL) :]) as stored:
        return PillowImage.open(io.BytesIO(stored.read()))


def assert_no_metadata(image, what):
    assert not image.getexif(), f"{what} has EXIF: {dict(image.getexif())}"
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop"):
        assert key not in image.info, f"{what} keeps {key}"


def test_this_pillow_encodes_avif_and_webp():
    # The picture component offers AVIF first; without the codec Wagtail would fail to
    # make the renditions, so the deployment must have it.
    assert features.check("avif") and features.check("webp")


# --- what readers get ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language_code", ["en", "de", "ru", "uk", "be"])
def test_a_news_item_shows_its_lead_image_as_avif_webp_and_jpeg(demo_content, language_code):
    english = NewsPage.objects.get(locale__language_code="en", title=MATERIAL_TITLE)
    page = english.get_translation(_locale(language_code))
    response = Client().get(page.url)
    assert response.status_code == 200
    html = response.content.decode()

    [picture] = pictures_in(html)
    types = [source["type"] for source in picture["sources"]]
    assert types == ["image/avif", "image/webp"]
    for source, pillow_format in zip(picture["sources"], ["AVIF", "WEBP"], strict=True):
        assert source["sizes"]
        urls = srcset_urls(source["srcset"])
        assert [width for _url, width in urls] == [400, 800, 1200]
        for url, width in urls:
            served = open_media(url)
            assert served.format == pillow_format, url
            assert served.width == width

    img = picture["img"]
    expected_alt = POSTER_ALT if language_code == "en" else _phrase(language_code, POSTER_ALT)
    assert img["alt"] == expected_alt
    # At the top of the page: fetched at once, not when the reader scrolls (body images are lazy).
    assert img["loading"] == "eager" and img["decoding"] == "async"
    fallback = open_media(img["src"])
    assert fallback.format == "JPEG"
    # The space the image takes is known before it arrives (16:9 drawing).
    assert (int(img["width"]), int(img["height"])) == fallback.size
    assert int(img["width"]) * 9 == int(img["height"]) * 16
    assert [w for _url, w in srcset_urls(img["srcset"])] == [400, 800, 1200]
    # Same origin only: the Content-Security-Policy allows images from 'self'.
    assert "img-src 'self'" in response["Content-Security-Policy"]
    assert not re.search(r'src(set)?="(https?:)?//', html)
    # Caption and credit under the image.
    assert "<figcaption>" in html and "Connection e.V." in html


def _locale(language_code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=language_code)


def _phrase(language_code, english):
    return demo_data.phrasebook(language_code)[english]  # KeyError: the demo lost it


@pytest.mark.django_db
def test_every_demo_language_has_news_with_lead_images(demo_content):
    for code in ["en", "de", "ru", "uk", "be"]:
        with_images = NewsPage.objects.live().filter(
            locale__language_code=code, lead_image__isnull=False
        )
        assert with_images.count() >= (2 if code in ("en", "de", "be") else 1), code
    translated = NewsPage.objects.get(
        locale__language_code="be", lead_image__title="Graphic: signatures of the appeals"
    )
    assert translated.lead_image_alt == _phrase("be", DOTS_ALT)


@pytest.mark.django_db
def test_the_component_asks_for_the_renditions_that_are_prefetched(demo_content):
    page = NewsPage.objects.get(locale__language_code="en", title=MATERIAL_TITLE)
    page.lead_image.renditions.all().delete()
    cache.clear()
    Client().get(page.url)
    made = set(page.lead_image.renditions.values_list("filter_spec", flat=True))
    assert made == set(PICTURE_SPECS)
    assert len(PICTURE_SPECS) == 9


# --- alt text ------------------------------------------------------------------


def drawn_image(title, size=(1600, 900), colour=(20, 90, 160)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


@pytest.mark.django_db
def test_an_image_in_the_text_needs_alt_text_or_the_decorative_mark(demo_content):
    image = drawn_image("block-alt")
    block = FigureBlock()
    missing = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}})
    with pytest.raises(ValidationError):
        block.clean(missing)
    decorative = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": True}})
    block.clean(decorative)
    html = block.render(decorative)
    [picture] = pictures_in(html)
    assert picture["img"]["alt"] == ""  # present and empty: screen readers skip it


@pytest.mark.django_db
def test_a_lead_image_needs_alt_text_or_the_decorative_mark(demo_content):
    page = NewsPage.objects.get(locale__language_code="en", title=MATERIAL_TITLE)
    page.lead_image_alt = "  "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "lead_image_alt" in error.value.message_dict
    page.lead_image_decorative = True
    page.full_clean()
    html = Client().get(page.url).content.decode()  # the live version still has its alt
    assert pictures_in(html)[0]["img"]["alt"] == POSTER_ALT


@pytest.mark.django_db
def test_images_in_the_text_cost_the_same_queries_however_many(demo_content):
    page = NewsPage.objects.get(locale__language_code="en", title=MATERIAL_TITLE)
    images = [drawn_image(f"body-{number}", colour=(number * 40, 60, 90)) for number in range(4)]

    def queries_with(count):
        page.body = json.dumps(
            [
                {
                    "type": "image",
                    "value": {
                        "image": {"image": image.pk, "alt_text": f"Image {n}", "decorative": False},
                        "caption": f"Caption {n}",
                        "credit": "",
                    },
                }
                for n, image in enumerate(images[:count])
            ]
        )
        page.save_revision().publish()
        client = Client()
        cache.clear()  # renditions cached by earlier tests were rolled back with them
        client.get(page.url)  # makes the renditions
        cache.clear()  # a cold rendition cache: each image would need its own query
        with CaptureQueriesContext(connection) as queries:
            html = client.get(page.url).content.decode()
        assert len(pictures_in(html)) == count + 1  # and the lead image
        return len(queries)

    assert queries_with(4) == queries_with(1)


# --- metadata ------------------------------------------------------------------


def photo_with_location(size=(1200, 800)):
    """A JPEG as a phone writes it: GPS position, camera, XMP with a city, a comment, and an
    orientation tag saying it must be turned by 90°."""
    image = PillowImage.new("RGB", size, (200, 120, 40))
    image.paste((20, 20, 200), (0, 0, size[0] // 2, size[1] // 4))
    exif = PillowImage.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[ORIENTATION] = 6
    exif[GPS_IFD] = {1: "N", 2: (54.0, 41.0, 13.0), 3: "E", 4: (25.0, 16.0, 47.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes(), xmp=XMP, comment=b"home address")
    data = buffer.getvalue()
    # The photo really carries what must disappear.
    check = PillowImage.open(io.BytesIO(data))
    assert check.getexif().get_ifd(GPS_IFD)[2] == (54.0, 41.0, 13.0)
    assert "xmp" in check.info and check.info["comment"] == b"home address"
    return data


@pytest.mark.django_db
def test_an_uploaded_photo_keeps_no_location_in_the_original_or_any_rendition(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Photo from a phone",
            "file": SimpleUploadedFile("IMG_0001.jpg", photo_with_location()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    image = Image.objects.get(title="Photo from a phone")

    with image.open_file() as stored:
        data = stored.read()
    original = PillowImage.open(io.BytesIO(data))
    assert_no_metadata(original, "the stored original")
    # Turned upright before the orientation tag went, and the model knows the new size.
    assert original.size == (800, 1200) == (image.width, image.height)
    assert image.file_size == len(data)

    for spec in [*PICTURE_SPECS, "original", "width-400"]:
        rendition = image.get_rendition(spec)
        assert_no_metadata(open_media(rendition.url), spec)
    assert open_media(image.get_rendition("format-jpeg|width-400").url).size == (400, 600)


@pytest.mark.django_db
def test_png_text_chunks_are_removed_and_drawings_stay_pngs(demo_content):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "54.68 N, 25.27 E")
    buffer = io.BytesIO()
    PillowImage.new("RGBA", (300, 200), (0, 0, 0, 0)).save(buffer, "PNG", pnginfo=info)
    image = Image.objects.create(
        title="png with text", file=ImageFile(buffer, name="with-text.png")
    )
    with image.open_file() as stored:
        cleaned = PillowImage.open(io.BytesIO(stored.read()))
    assert not cleaned.text and cleaned.mode == "RGBA"

    # Every upload is written again (tests/test_upload_metadata.py); a drawing stays a PNG.
    demo = Image.objects.get(title="Poster: broken rifle")
    with demo.open_file() as stored:
        assert stored.read().startswith(b"\x89PNG")
    assert demo.width == 1600
