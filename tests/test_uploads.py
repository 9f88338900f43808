"""Uploads through the admin: a file of the wrong type or too big gets a clear message and
nothing is saved."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

import pytest

# A 1×1 GIF; padding after its trailer keeps it a valid GIF of any size.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def upload(admin_client, url, name, content):
    return admin_client.post(
        url,
        {
            "title": "Upload test",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def upload_image(admin_client, name, content):
    return upload(admin_client, "/admin/images/add/", name, content)


def upload_document(admin_client, name, content):
    return upload(admin_client, "/admin/documents/add/", name, content)


def form_errors(response):
    form = response.context and response.context.get("form")
    return form.errors if form else response.content[:500]


@pytest.mark.django_db
def test_an_allowed_image_is_saved(admin_client):
    response = upload_image(admin_client, "dot.gif", GIF)
    assert response.status_code == 302, form_errors(response)
    assert Image.objects.filter(title="Upload test").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content", [("drawing.svg", SVG), ("dot.exe", GIF), ("dot.html", GIF)]
)
def test_an_image_of_another_type_is_refused(admin_client, name, content):
    response = upload_image(admin_client, name, content)
    assert response.status_code == 200
    assert "Not a supported image format. Supported formats: AVIF, GIF, JPG, JPEG, PNG, WEBP" in (
        response.content.decode()
    ), form_errors(response)
    assert not Image.objects.filter(title="Upload test").exists()


@pytest.mark.django_db
def test_an_image_over_the_size_limit_is_refused(admin_client):
    too_big = GIF + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = upload_image(admin_client, "huge.gif", too_big)
    assert response.status_code == 200
    assert "This file is too big (10.0\xa0MB). Maximum filesize 10.0\xa0MB." in (
        response.content.decode()
    )
    assert not Image.objects.filter(title="Upload test").exists()


@pytest.mark.django_db
def test_an_allowed_document_is_saved(admin_client):
    response = upload_document(admin_client, "leaflet.pdf", b"%PDF-1.4 leaflet")
    assert response.status_code == 302, form_errors(response)
    assert Document.objects.filter(title="Upload test").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["payload.exe", "page.html", "script.js", "drawing.svg"])
def test_a_document_of_another_type_is_refused(admin_client, name):
    response = upload_document(admin_client, name, b"content")
    assert response.status_code == 200
    extension = name.rsplit(".", 1)[1]
    html = response.content.decode()
    assert f"File extension \u201c{extension}\u201d is not allowed." in html
    assert "Allowed extensions are: csv, docx, odt, pdf, pptx, rtf, txt, xlsx, zip." in html
    assert not Document.objects.filter(title="Upload test").exists()


@pytest.mark.django_db
def test_a_document_over_the_size_limit_is_refused(admin_client):
    too_big = b"%PDF-1.4" + b"\0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    response = upload_document(admin_client, "huge.pdf", too_big)
    assert response.status_code == 200
    assert "This file is too big (20.0\xa0MB). Maximum filesize 20.0\xa0MB." in (
        response.content.decode()
    )
    assert not Document.objects.filter(title="Upload test").exists()


@pytest.mark.django_db
def test_an_oversized_form_body_is_refused_before_it_is_read(client, demo_content):
    from campaign.models import AppealPage, Signatory

    appeal = AppealPage.objects.get(locale__language_code="en", slug="appeal-bundestag")
    response = client.post(
        appeal.url + "sign/",
        {"name": "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE, "contact_email": "a@example.org"},
    )
    assert response.status_code == 400
    assert not Signatory.objects.filter(contact_email="a@example.org").exists()
