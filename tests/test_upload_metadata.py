"""Nothing an uploaded image carries besides its pixels reaches the site: each crafted file
below hides a place or a name where a phone, a camera or an editing program puts one, is
uploaded through the admin, and neither the stored original nor its renditions may keep it.
The picture itself must survive: size, frames, durations, loop count, colour profile."""

import io
import json
import zlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images.models import Image
from wagtail.images.utils import get_allowed_image_extensions
from wagtail.models import Collection, UploadedFile

import pytest
from PIL import Image as PillowImage
from PIL import ImageChops, ImageCms, ImageSequence, PngImagePlugin

GPS_IFD = 0x8825
GPS_MAP_DATUM = 0x12
IMAGE_DESCRIPTION = 0x010E
ARTIST = 0x013B
INVALID_IMAGE = (
    "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
)
RENDITION_SPECS = ("width-400|format-jpeg", "width-400|format-webp")
# What a clean JPEG may hold before its image data: JFIF, the ICC profile (APP2; MPF, also
# APP2, is looked for by name), tables, frame header, restart interval. No EXIF/XMP (APP1),
# APP11 (JUMBF), comments.
JPEG_SEGMENTS = {0xE0, 0xE2, 0xDB, 0xC4, 0xC0, 0xC1, 0xC2, 0xDD, 0xDA}
PNG_CHUNKS = {b"IHDR", b"PLTE", b"tRNS", b"iCCP", b"IDAT", b"IEND", b"acTL", b"fcTL", b"fdAT"}


def located_exif(marker):
    """EXIF as a phone writes it: the place (GPS), a description and the owner's name."""
    exif = PillowImage.Exif()
    exif[IMAGE_DESCRIPTION] = f"{marker}-description"
    exif[ARTIST] = f"{marker}-owner"
    exif[GPS_IFD] = {
        1: "N",
        2: (54.0, 41.0, 13.0),
        3: "E",
        4: (25.0, 16.0, 47.0),
        GPS_MAP_DATUM: f"{marker}-gps",
    }
    return exif.tobytes()


def xmp(marker):
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
        '22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
        f'exif:GPSLatitude="54,41.2N" exif:GPSLongitude="25,16.8E" photoshop:City="{marker}-xmp"'
        "/></rdf:RDF></x:xmpmeta>"
    ).encode()


def picture(size, colour, mode="RGB"):
    """A plain picture with a block in another colour, so a turned or wrong frame shows."""
    image = PillowImage.new(mode, size, colour)
    image.paste(
        (20, 20, 200) + ((255,) if mode == "RGBA" else ()), (0, 0, size[0] // 3, size[1] // 3)
    )
    return image


def mpo_photo(marker):
    """A JPEG with a second image in its MPF segment, both with a place in their EXIF."""
    gain_map = picture((80, 60), (40, 200, 40))
    gain_map.encoderinfo = {"exif": located_exif(marker)}
    return encoded(
        picture((160, 120), (200, 40, 40)),
        "MPO",
        save_all=True,
        append_images=[gain_map],
        exif=located_exif(marker),
    )


def encoded(image, file_format, **options):
    buffer = io.BytesIO()
    image.save(buffer, file_format, **options)
    return buffer.getvalue()


def upload(client, name, data):
    response = client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return Image.objects.get(title=name)


def stored_bytes(image):
    with image.open_file() as stored:
        return stored.read()


def assert_clean(data, markers, what):
    """Neither the planted text nor any metadata Pillow reads is in `data`."""
    for marker in markers:
        assert marker.encode() not in data, f"{what} keeps {marker!r}"
    image = PillowImage.open(io.BytesIO(data))
    assert not image.getexif(), f"{what} has EXIF: {dict(image.getexif())}"
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "mpinfo"):
        assert key not in image.info, f"{what} keeps {key}"
    assert not getattr(image, "text", None), f"{what} keeps text: {image.text}"
    if image.format == "JPEG":
        assert set(jpeg_segments(data)) <= JPEG_SEGMENTS, f"{what}: {jpeg_segments(data)}"
        assert data.endswith(b"\xff\xd9"), f"{what} has bytes after its end"
    if image.format == "PNG":
        assert set(png_chunks(data)) <= PNG_CHUNKS, f"{what}: {png_chunks(data)}"


def assert_renditions_clean(image, markers):
    for spec in RENDITION_SPECS:
        rendition = image.get_rendition(spec)
        with default_storage.open(rendition.file.name) as stored:
            assert_clean(stored.read(), markers, f"rendition {spec}")


def assert_no_stored_original_contains(marker):
    _directories, files = default_storage.listdir("original_images")
    for name in files:
        with default_storage.open(f"original_images/{name}") as stored:
            assert marker.encode() not in stored.read(), name


def jpeg_segments(data):
    """The markers of a JPEG's segments up to its image data (SOS)."""
    markers, position = [], 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        markers.append(marker)
        if marker == 0xDA:
            break
        position += 2 + int.from_bytes(data[position + 2 : position + 4], "big")
    return markers


def with_jpeg_segment(data, marker, payload):
    """`data` with an APPn segment inserted right after the start marker."""
    segment = bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload
    return data[:2] + segment + data[2:]


def png_chunks(data):
    chunks, position = [], 8
    while position + 8 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        chunks.append(data[position + 4 : position + 8])
        position += 12 + length
    return chunks


def png_chunk(kind, payload):
    return (
        len(payload).to_bytes(4, "big")
        + kind
        + payload
        + zlib.crc32(kind + payload).to_bytes(4, "big")
    )


def with_png_chunk(data, kind, payload):
    """`data` with a chunk inserted just before IEND."""
    return data[:-12] + png_chunk(kind, payload) + data[-12:]


def close_to(colour, expected):
    """The same colour give or take what lossy compression changes."""
    return max(abs(a - b) for a, b in zip(colour, expected, strict=True)) < 8


def frames_of(image):
    return [
        (frame.convert("RGBA"), frame.info.get("duration"))
        for frame in ImageSequence.Iterator(image)
    ]


# --- the crafted files ---------------------------------------------------------


@pytest.mark.django_db
def test_an_mpo_jpeg_is_stored_as_its_primary_image_without_location(admin_client):
    # Apple HDR photos and many cameras: a second image (gain map, preview) in the MPF
    # segment, each with its own EXIF; Pillow opens the file as an animated "MPO".
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    primary = picture((160, 120), (200, 40, 40))
    gain_map = picture((80, 60), (40, 200, 40))
    gain_map.encoderinfo = {"exif": located_exif("GAINMAP")}
    data = encoded(
        primary,
        "MPO",
        save_all=True,
        append_images=[gain_map],
        exif=located_exif("PRIMARY"),
        icc_profile=srgb,
    )
    planted = ["PRIMARY", "GAINMAP"]
    assert all(marker.encode() in data for marker in planted)
    assert PillowImage.open(io.BytesIO(data)).format == "MPO"

    image = upload(admin_client, "hdr-photo.jpg", data)
    stored = stored_bytes(image)
    assert_clean(stored, planted, "the stored original")
    assert b"MPF\0" not in stored
    clean = PillowImage.open(io.BytesIO(stored))
    assert clean.format == "JPEG" and getattr(clean, "n_frames", 1) == 1
    assert clean.size == (160, 120) == (image.width, image.height)
    assert clean.info["icc_profile"] == srgb  # the colour profile stays
    assert close_to(clean.getpixel((150, 110)), (200, 40, 40))  # the primary image
    assert image.file_size == len(stored)
    assert_renditions_clean(image, planted)


@pytest.mark.django_db
def test_an_animated_webp_keeps_its_frames_but_not_its_exif_or_xmp(admin_client):
    colours = [(200, 40, 40), (40, 200, 40), (40, 40, 200)]
    frames = [picture((64, 48), colour) for colour in colours]
    data = encoded(
        frames[0],
        "WEBP",
        save_all=True,
        append_images=frames[1:],
        duration=[100, 150, 200],
        loop=3,
        exif=located_exif("WEBPEXIF"),
        xmp=xmp("WEBPXMP"),
    )
    planted = ["WEBPEXIF", "WEBPXMP", "GPSLatitude"]
    assert all(marker.encode() in data for marker in planted)

    image = upload(admin_client, "animation.webp", data)
    stored = stored_bytes(image)
    assert_clean(stored, planted, "the stored original")
    clean = PillowImage.open(io.BytesIO(stored))
    assert clean.format == "WEBP" and clean.n_frames == 3 and clean.size == (64, 48)
    assert clean.info["loop"] == 3
    for (frame, duration), colour, expected in zip(
        frames_of(clean), colours, [100, 150, 200], strict=True
    ):
        assert duration == expected
        assert close_to(frame.getpixel((60, 44))[:3], colour)
    assert_renditions_clean(image, planted)


@pytest.mark.django_db
def test_an_animated_gif_keeps_its_frames_and_transparency_but_not_its_comment(admin_client):
    frames = []
    for number in range(3):
        frame = PillowImage.new("P", (40, 30), 0)
        frame.putpalette([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255])
        frame.paste(1 + number, (number * 10, 5, number * 10 + 12, 20))  # moves over transparency
        frames.append(frame)
    data = encoded(
        frames[0],
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[80, 120, 160],
        loop=0,
        transparency=0,
        disposal=2,
        comment=b"GIFCOMMENT taken at home",
    )
    assert b"GIFCOMMENT" in data
    source = frames_of(PillowImage.open(io.BytesIO(data)))

    image = upload(admin_client, "animation.gif", data)
    stored = stored_bytes(image)
    assert_clean(stored, ["GIFCOMMENT"], "the stored original")
    clean = PillowImage.open(io.BytesIO(stored))
    assert clean.format == "GIF" and clean.n_frames == 3 and clean.info["loop"] == 0
    for (before, duration_before), (after, duration_after) in zip(
        source, frames_of(clean), strict=True
    ):
        assert duration_after == duration_before
        assert ImageChops.difference(before, after).getbbox() is None  # the same pixels
    assert_renditions_clean(image, ["GIFCOMMENT"])


@pytest.mark.django_db
def test_a_jpeg_loses_its_app11_jumbf_segment(admin_client):
    # APP11 holds JUMBF boxes: C2PA "content credentials" name the author and the device.
    jumbf = b"JP\0\0\0\0\0\1" + b"\0\0\0\x40jumb" + b"\0\0\0\x30jumdc2pa" + b"JUMBF author Olga"
    data = with_jpeg_segment(encoded(picture((120, 90), (200, 120, 40)), "JPEG"), 0xEB, jumbf)
    assert 0xEB in jpeg_segments(data)
    assert PillowImage.open(io.BytesIO(data)).size == (120, 90)

    image = upload(admin_client, "credentials.jpg", data)
    stored = stored_bytes(image)
    assert_clean(stored, ["JUMBF author", "c2pa"], "the stored original")
    assert PillowImage.open(io.BytesIO(stored)).size == (120, 90)
    assert_renditions_clean(image, ["JUMBF author", "c2pa"])


@pytest.mark.django_db
def test_a_png_loses_its_private_text_and_exif_chunks(admin_client):
    drawing = picture((90, 60), (0, 0, 0, 0), mode="RGBA")
    private_only = with_png_chunk(encoded(drawing, "PNG"), b"prVt", b"PRIVATECHUNK home address")
    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "PNGTEXT 54.68 N, 25.27 E")
    info.add_text("Author", "PNGZTEXT Olga", zip=True)
    info.add_itxt("Description", "PNGITXT Minsk", lang="en")
    info.add(b"tIME", bytes([7, 233, 5, 1, 12, 0, 0]))
    everything = with_png_chunk(
        encoded(drawing, "PNG", pnginfo=info, exif=located_exif("PNGEXIF")),
        b"prVt",
        b"PRIVATECHUNK home address",
    )
    planted = ["PRIVATECHUNK", "prVt", "PNGTEXT", "PNGZTEXT", "PNGITXT", "PNGEXIF", "tIME", "eXIf"]
    for number, data in enumerate([private_only, everything]):
        assert b"prVt" in data
        image = upload(admin_client, f"drawing-{number}.png", data)
        stored = stored_bytes(image)
        assert_clean(stored, planted, "the stored original")
        clean = PillowImage.open(io.BytesIO(stored))
        assert clean.mode == "RGBA" and clean.size == (90, 60)
        assert clean.getpixel((80, 50)) == (0, 0, 0, 0)
        assert clean.getpixel((5, 5)) == (20, 20, 200, 255)
        assert_renditions_clean(image, planted)


@pytest.mark.django_db
def test_a_jpeg_loses_what_follows_its_end(admin_client):
    # Anything after the end marker (a second file, a phone's depth data) is ignored by
    # viewers but served with the file.
    data = encoded(picture((120, 90), (40, 160, 90)), "JPEG") + b"TRAILER home address" * 20
    image = upload(admin_client, "trailer.jpg", data)
    stored = stored_bytes(image)
    assert_clean(stored, ["TRAILER"], "the stored original")
    assert PillowImage.open(io.BytesIO(stored)).size == (120, 90)
    assert_renditions_clean(image, ["TRAILER"])


@pytest.mark.django_db
def test_only_a_real_colour_profile_is_kept(admin_client):
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    photo = picture((120, 90), (200, 120, 40))
    profiled = upload(admin_client, "profiled.jpg", encoded(photo, "JPEG", icc_profile=srgb))
    assert PillowImage.open(io.BytesIO(stored_bytes(profiled))).info["icc_profile"] == srgb

    disguised = b"FAKEPROFILE home address " * 10  # labelled a profile, but none
    image = upload(admin_client, "disguised.jpg", encoded(photo, "JPEG", icc_profile=disguised))
    stored = stored_bytes(image)
    assert_clean(stored, ["FAKEPROFILE"], "the stored original")
    assert "icc_profile" not in PillowImage.open(io.BytesIO(stored)).info
    assert_renditions_clean(image, ["FAKEPROFILE"])


@pytest.mark.django_db
@pytest.mark.parametrize("extension", get_allowed_image_extensions())
def test_every_accepted_format_is_written_again_without_its_metadata(admin_client, extension):
    file_format = PillowImage.registered_extensions()[f".{extension}"]
    options = (
        {"comment": b"EVERYCOMMENT"} if file_format == "GIF" else {"exif": located_exif("EVERY")}
    )
    data = encoded(picture((120, 90), (200, 120, 40)), file_format, **options)
    image = upload(admin_client, f"photo.{extension}", data)
    stored = stored_bytes(image)
    assert_clean(stored, ["EVERY"], "the stored original")
    clean = PillowImage.open(io.BytesIO(stored))
    assert clean.format == file_format and clean.size == (120, 90)


# --- what cannot be cleaned, and other ways in --------------------------------


def truncated_jpeg():
    # Wagtail decodes the first frame to count its pixels and let Pillow's error through
    # (a server error) until this site's form caught it.
    photo = encoded(picture((400, 300), (200, 120, 40)), "JPEG")
    return photo[: len(photo) // 2]


def gif_cut_in_its_last_frame():
    # Wagtail's check passes (it decodes the first frame only); the file cannot be cleaned.
    frames = [PillowImage.effect_noise((200, 150), 60 + 40 * number) for number in range(3)]
    data = encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100)
    return data[: len(data) - 2000]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, make", [("truncated.jpg", truncated_jpeg), ("cut.gif", gif_cut_in_its_last_frame)]
)
def test_a_file_pillow_cannot_decode_is_refused_not_stored(admin_client, name, make):
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, make()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert INVALID_IMAGE in response.content.decode()
    assert not Image.objects.filter(title=name).exists()
    _directories, files = default_storage.listdir("original_images")
    assert not any(stored.startswith(name.split(".")[0]) for stored in files), files


@pytest.mark.django_db
def test_the_multiple_upload_keeps_no_location_while_details_are_pending(admin_client):
    # When a field other than the file fails (here a title over 255 characters), Wagtail
    # stores the file as an UploadedFile under /media/uploaded_files/ and creates the image
    # from it later: both copies must be clean.
    data = encoded(picture((120, 90), (200, 120, 40)), "JPEG", exif=located_exif("PENDING"))
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {
            "title": "x" * 300,
            "collection": Collection.get_first_root_node().pk,
            "files[]": SimpleUploadedFile("pending.jpg", data),
        },
    )
    assert response.status_code == 200
    assert "uploaded_file_id" in json.loads(response.content)
    upload_record = UploadedFile.objects.get()
    with upload_record.file.open("rb") as pending:
        assert_clean(pending.read(), ["PENDING"], "the pending upload")

    prefix = f"uploaded-image-{upload_record.pk}"
    response = admin_client.post(
        f"/admin/images/multiple/create_from_uploaded_image/{upload_record.pk}/",
        {
            f"{prefix}-title": "Pending photo",
            f"{prefix}-collection": Collection.get_first_root_node().pk,
            f"{prefix}-tags": "",
        },
    )
    assert json.loads(response.content)["success"], response.content
    image = Image.objects.get(title="Pending photo")
    assert_clean(stored_bytes(image), ["PENDING"], "the stored original")
    assert_no_stored_original_contains("PENDING")


@pytest.mark.django_db
def test_the_multiple_upload_cleans_what_it_saves_at_once(admin_client):
    data = mpo_photo("MULTIPLE")
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {
            "collection": Collection.get_first_root_node().pk,
            "files[]": SimpleUploadedFile("burst.jpg", data),
        },
    )
    image = Image.objects.get(pk=json.loads(response.content)["image_id"])
    assert_clean(stored_bytes(image), ["MULTIPLE"], "the stored original")
    assert (image.width, image.height) == (160, 120)


@pytest.mark.django_db
def test_a_file_stored_before_its_image_is_saved_is_replaced_by_a_clean_one():
    # What Wagtail's "create from uploaded file" view and a script may do: put the file in
    # storage first (file.save(..., save=False)), then save the image.
    data = encoded(picture((120, 90), (200, 120, 40)), "JPEG", exif=located_exif("STOREDFIRST"))
    image = Image(title="Stored first")
    image.file.save("stored-first.jpg", ContentFile(data), save=False)
    image.width, image.height = 120, 90  # as such code sets them itself
    image.save()
    assert_clean(stored_bytes(image), ["STOREDFIRST"], "the stored original")
    assert image.file_size == image.file.size
    assert_no_stored_original_contains("STOREDFIRST")  # the raw copy is gone too


@pytest.mark.django_db
def test_editing_an_image_keeps_its_file_and_a_replacement_is_cleaned(admin_client):
    image = upload(admin_client, "kept.png", encoded(picture((90, 60), (0, 90, 160)), "PNG"))
    name, data = image.file.name, stored_bytes(image)
    fields = {"title": "Kept, renamed", "collection": image.collection_id, "tags": ""}
    response = admin_client.post(f"/admin/images/{image.pk}/", fields)
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.title == "Kept, renamed"
    assert image.file.name == name and stored_bytes(image) == data  # not written again

    replacement = SimpleUploadedFile("replacement.jpg", mpo_photo("REPLACED"))
    response = admin_client.post(f"/admin/images/{image.pk}/", {**fields, "file": replacement})
    assert response.status_code == 302
    image.refresh_from_db()
    assert_clean(stored_bytes(image), ["REPLACED"], "the replacement")
    assert (image.width, image.height) == (160, 120)
