"""Images on public pages: the renditions the picture component asks for, and the removal
of metadata from uploads.

Why strip uploads: a phone photo carries EXIF with the place it was taken (GPS), the device
and often the owner's name. Willow copies EXIF into JPEG and PNG renditions, and the
original file stays public under /media/original_images/ (its name can be read off any
rendition's URL). So the file is cleaned before it is stored, and everything made from it
is clean too.
"""

import io

from django.core.files.base import ContentFile
from django.db.models import Prefetch, prefetch_related_objects

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.utils.file import hash_filelike

# What templates/components/picture.html asks for: AVIF and WebP for the browsers that read
# them, JPEG for the others, each 400, 800 and 1200 pixels wide. Keep the two in step
# (tests/test_images.py compares them).
PICTURE_FILTERS = ("format-{avif,webp,jpeg}", "width-{400,800,1200}")
PICTURE_SPECS = tuple(Filter.expand_spec(list(PICTURE_FILTERS)))


def prefetch_picture_renditions(images):
    """Load the picture renditions of all `images` in one query (instead of one per image
    when the rendition cache is cold)."""
    images = [image for image in images if image is not None]
    if not images:
        return
    rendition_model = get_image_model().get_rendition_model()
    prefetch_related_objects(
        images,
        Prefetch(
            "renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=PICTURE_SPECS),
        ),
    )


# --- metadata -----------------------------------------------------------------

# Pillow's names for metadata it reads: EXIF, XMP (JPEG, WebP, PNG), comments, Photoshop/IPTC.
METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc")
# What a clean file keeps: the colour profile and PNG/GIF transparency.
KEPT_INFO = ("icc_profile", "transparency")
SAVE_OPTIONS = {
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
    "AVIF": {"quality": 90},
    "GIF": {},
}


def has_metadata(image):
    """Whether a Pillow image carries metadata beyond pixels, colour profile and transparency."""
    if image.getexif():
        return True
    if any(key in image.info for key in METADATA_KEYS):
        return True
    return bool(getattr(image, "text", None))  # PNG text chunks (author, place, software…)


def strip_metadata(data):
    """The image file `data` without its metadata, turned upright by its EXIF orientation
    (which goes with the rest); None if there is nothing to remove or the file is not one
    this can rewrite (animations stay as they are; Wagtail's validation deals with the rest)."""
    from PIL import Image as PillowImage
    from PIL import ImageOps, JpegImagePlugin

    try:
        with PillowImage.open(io.BytesIO(data)) as image:
            if getattr(image, "is_animated", False) or not has_metadata(image):
                return None
            file_format = image.format
            if file_format != "JPEG" and file_format not in SAVE_OPTIONS:
                return None
            options = dict(SAVE_OPTIONS.get(file_format, {}))
            if file_format == "JPEG":
                # The source's own quantisation and subsampling: as close to lossless as a
                # re-encoded JPEG gets.
                options["qtables"] = image.quantization
                options["subsampling"] = JpegImagePlugin.get_sampling(image)
            clean = ImageOps.exif_transpose(image)
            clean.info = {key: image.info[key] for key in KEPT_INFO if key in image.info}
            if "icc_profile" in clean.info:
                options["icc_profile"] = clean.info["icc_profile"]
            if getattr(clean, "text", None):
                clean.text.clear()
            out = io.BytesIO()
            clean.save(out, file_format, **options)
    except (OSError, ValueError, SyntaxError):
        return None
    return out.getvalue()


def strip_uploaded_image_metadata(sender, instance, **kwargs):
    """pre_save of the image model: clean a newly uploaded file before it is stored."""
    field_file = instance.file
    if not field_file or getattr(field_file, "_committed", True):
        return  # no new file: an edit of title, tags, focal point…
    field_file.open("rb")
    field_file.seek(0)
    data = field_file.read()
    clean = strip_metadata(data)
    field_file.seek(0)
    if clean is None:
        return
    # Assigning a new file makes Django read its width and height again (they swap when
    # the photo was turned upright).
    instance.file = ContentFile(clean, name=field_file.name)
    instance.file_size = len(clean)
    instance.file_hash = hash_filelike(io.BytesIO(clean))
