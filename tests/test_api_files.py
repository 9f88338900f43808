"""The open-data API lists only files that live public pages show; the admin API lists only
files of collections the user may use; a search there never answers with a 500."""

import io

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, ReferenceIndex

import pytest
from PIL import Image as PillowImage

from translation.teams import collection_name, translators_group_name


def png_file(name="unused.png"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


def listed_ids(client, endpoint, **params):
    response = client.get(f"/api/v2/{endpoint}/", {"limit": 100, **params})
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def ids_on_live_pages(model):
    from website.api import used_on_live_pages

    return set(model.objects.filter(pk__in=used_on_live_pages(model)).values_list("pk", flat=True))


@pytest.mark.django_db
def test_only_images_that_live_pages_show_are_listed(client, demo_content):
    unused = Image.objects.create(title="A translator's draft upload", file=png_file())
    listed = listed_ids(client, "images")
    assert unused.pk not in listed
    assert listed  # the demo's news lead images and figures are public
    for image_id in listed:
        assert ReferenceIndex.objects.filter(
            to_content_type__model="image", to_object_id=str(image_id)
        ).exists()
    response = client.get(f"/api/v2/images/{unused.pk}/")
    assert response.status_code == 404
    assert unused.file.url not in client.get("/api/v2/images/").content.decode()


@pytest.mark.django_db
def test_an_image_is_listed_while_a_live_page_shows_it(client, demo_content):
    from news.models import NewsPage

    news = NewsPage.objects.filter(locale__language_code="en").live().first()
    shown = Image.objects.create(title="New lead image", file=png_file("lead.png"))
    drafted = Image.objects.create(title="Only in a draft", file=png_file("draft.png"))

    news.lead_image = shown
    news.lead_image_alt = "A poster"
    news.save_revision().publish()
    assert shown.pk in listed_ids(client, "images")

    news.lead_image = drafted
    news.save_revision()  # a draft: readers still see `shown`
    listed = listed_ids(client, "images")
    assert shown.pk in listed and drafted.pk not in listed

    news.unpublish()
    assert shown.pk not in listed_ids(client, "images")


@pytest.mark.django_db
def test_only_documents_that_live_pages_offer_are_listed(client, demo_content):
    unused = Document.objects.create(
        title="Internal notes", file=SimpleUploadedFile("notes.txt", b"private")
    )
    listed = listed_ids(client, "documents")
    assert unused.pk not in listed
    assert listed == ids_on_live_pages(Document)


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["images", "documents"])
@pytest.mark.parametrize("query", ['"', '"poster', 'poster"', "AND", "*", "\x00"])
def test_odd_searches_of_files_answer_without_an_error(client, demo_content, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/", {"search": query})
    assert response.status_code in (200, 400)
    assert "application/json" in response["Content-Type"]


@pytest.mark.django_db
def test_a_translator_sees_only_files_of_their_own_collection_in_the_admin_api(
    demo_content, django_user_model
):
    from django.contrib.auth.models import Group

    translator = django_user_model.objects.create_user("tr-uk", "t@example.org", "pw-12345678")
    translator.groups.add(Group.objects.get(name=translators_group_name("uk")))
    own = Image.objects.create(
        title="Ukrainian poster",
        file=png_file("own.png"),
        collection=Collection.objects.get(name=collection_name("uk")),
    )
    others = Image.objects.create(
        title="German poster",
        file=png_file("other.png"),
        collection=Collection.objects.get(name=collection_name("de")),
    )
    client = Client()
    client.force_login(translator)
    response = client.get("/admin/api/main/images/", {"limit": 100})
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert own.pk in ids
    assert others.pk not in ids
    assert client.get(f"/admin/api/main/images/{others.pk}/").status_code == 404
