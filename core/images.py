"""Images on public pages: the renditions the picture component asks for, and the removal
of metadata from uploads.

Why clean uploads: a phone photo carries EXIF with the place it was taken (GPS), the device
and often the owner's name; XMP, comments, PNG text and private chunks, JPEG APP segments
(APP11/JUMBF content credentials) and bytes after a JPEG's end can carry the same. Willow
copies EXIF into renditions, and the original file stays public under /media/original_images/
(its name can be read off any rendition's URL).

So every upload is decoded and written again from its pixels, whatever it seems to carry:
only what a viewer needs survives — pixels (turned upright by the EXIF orientation), every
frame of an animation with its durations and loop count, transparency, and the ICC colour
profile when it is a real one. A JPEG holding a second image in its MPF segment (Pillow's
"MPO": Apple HDR gain maps, cameras' previews) becomes a plain JPEG of its primary image.
A file Pillow cannot decode to the end, or in a format not handled here, is refused
(`core.image_forms.ImageForm` turns that into the form's "Upload a valid image" message)
rather than stored as it came. Renditions are made from the clean file, so they are clean too.
"""

import io
import os

from django.core.files.base import ContentFile
from django.db.models import Prefetch, prefetch_related_objects

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.utils.file import hash_filelike

from PIL import Image as PillowImage
from PIL import ImageCms, ImageSequence, JpegImagePlugin

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


class UnreadableImage(ValueError):
    """An upload Pillow cannot decode to its end, or in a format not cleaned here: it is
    refused, never stored as it came."""


class CleanedImageFile(ContentFile):
    """Bytes `strip_metadata` wrote. The upload form hands the model one of these, so that
    pre_save does not encode the picture a second time."""


# The formats uploads come in (WAGTAILIMAGES_EXTENSIONS, as Pillow names them) and the
# format their clean copy is written in. Pillow calls a JPEG with further images in its MPF
# segment "MPO"; its primary image becomes a plain JPEG.
CLEAN_FORMATS = {
    "JPEG": "JPEG",
    "MPO": "JPEG",
    "PNG": "PNG",
    "GIF": "GIF",
    "WEBP": "WEBP",
    "AVIF": "AVIF",
}
# Lossy formats written at a high quality: the original is what renditions are made from.
REENCODE_QUALITY = 90

ORIENTATION = 0x0112
# What ImageOps.exif_transpose does for each EXIF orientation, applied to every frame here.
UPRIGHT = {
    2: PillowImage.Transpose.FLIP_LEFT_RIGHT,
    3: PillowImage.Transpose.ROTATE_180,
    4: PillowImage.Transpose.FLIP_TOP_BOTTOM,
    5: PillowImage.Transpose.TRANSPOSE,
    6: PillowImage.Transpose.ROTATE_270,
    7: PillowImage.Transpose.TRANSVERSE,
    8: PillowImage.Transpose.ROTATE_90,
}


def strip_metadata(data):
    """The image file `data` written again from its pixels: same format (an MPO as a plain
    JPEG of its primary image), every frame of an animation with its durations and loop
    count, turned upright by its EXIF orientation, keeping only transparency and a valid
    ICC colour profile. Raises UnreadableImage for a file that cannot be cleaned."""
    try:
        with PillowImage.open(io.BytesIO(data)) as image:
            file_format = CLEAN_FORMATS.get(image.format)
            if file_format is None:
                raise UnreadableImage(f"{image.format} images are not cleaned here")
            upright = UPRIGHT.get(image.getexif().get(ORIENTATION))
            # An MPO's first frame is its primary image; the others are not kept.
            sources = [image] if file_format == "JPEG" else ImageSequence.Iterator(image)
            frames, durations = [], []
            for source in sources:
                frames.append(_clean_frame(source, upright))
                # Read after decoding: WebP and AVIF set a frame's duration when it is loaded.
                durations.append(source.info.get("duration", 0))
            options = _save_options(image, file_format, data, frames, durations)
            out = io.BytesIO()
            frames[0].save(out, file_format, **options)
    except UnreadableImage:
        raise
    except Exception as error:  # noqa: BLE001 — whatever Pillow fails on, the file is refused
        raise UnreadableImage(f"{type(error).__name__}: {error}") from error
    return out.getvalue()


def _clean_frame(frame, upright):
    """A frame's pixels (decoded to the end, turned upright) with no metadata but its
    transparency: a fresh image, so no encoder can copy anything from the source's info."""
    kept = {"transparency": frame.info["transparency"]} if "transparency" in frame.info else {}
    clean = frame.transpose(upright) if upright is not None else frame.copy()
    clean.info = kept
    return clean


def _save_options(image, file_format, data, frames, durations):
    options = {}
    if profile := _colour_profile(image.info.get("icc_profile")):
        options["icc_profile"] = profile
    if len(frames) > 1:
        options.update(save_all=True, append_images=frames[1:], duration=durations)
        if image.info.get("loop") is not None:  # a GIF without it plays once
            options["loop"] = image.info["loop"]
    if file_format == "JPEG":
        # The source's own quantisation and subsampling: as close to lossless as a
        # re-encoded JPEG gets.
        options["qtables"] = image.quantization
        options["subsampling"] = JpegImagePlugin.get_sampling(image)
        options["progressive"] = bool(image.info.get("progressive"))
    elif file_format == "PNG":
        options["optimize"] = True
        if len(frames) > 1 and image.info.get("default_image"):
            options["default_image"] = True  # the first image is a still, not a frame
    elif file_format == "GIF" and len(frames) > 1 and _has_transparency(frames):
        # Pillow hands out each frame composed on the ones before; with see-through pixels,
        # the viewer must clear the canvas between them or earlier frames show through.
        options["disposal"] = 2
    elif file_format == "WEBP":
        if _webp_is_lossless(data):
            options["lossless"] = True
        else:
            options["quality"] = REENCODE_QUALITY
        if "background" in image.info:
            options["background"] = image.info["background"]
    elif file_format == "AVIF":
        options["quality"] = REENCODE_QUALITY
    return options


def _colour_profile(icc_profile):
    """The ICC profile if it parses as one (colours depend on it), else None: arbitrary
    bytes labelled as a profile are not carried over."""
    if not icc_profile:
        return None
    try:
        ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
    except (OSError, ImageCms.PyCMSError):
        return None
    return icc_profile


def _has_transparency(frames):
    for frame in frames:
        if "transparency" in frame.info:
            return True
        if frame.mode in ("RGBA", "LA", "PA") and frame.getchannel("A").getextrema()[0] < 255:
            return True
    return False


def _webp_is_lossless(data):
    """Whether a WebP file holds only lossless (VP8L) image data: such a file (a drawing, a
    screenshot) is written losslessly again."""
    kinds = set()

    def walk(start, end):
        while start + 8 <= end:
            kind = data[start : start + 4]
            size = int.from_bytes(data[start + 4 : start + 8], "little")
            kinds.add(kind)
            if kind == b"ANMF":  # a frame: 16 bytes of position and timing, then its chunks
                walk(start + 8 + 16, min(start + 8 + size, end))
            start += 8 + size + (size & 1)

    walk(12, len(data))  # after "RIFF", the size and "WEBP"
    return b"VP8L" in kinds and b"VP8 " not in kinds


def strip_uploaded_image_metadata(sender, instance, raw=False, **kwargs):
    """pre_save of the image model: write a new file again from its pixels before it is
    stored. An UnreadableImage propagates: nothing is saved."""
    field_file = instance.file
    if not field_file or raw:
        return  # no file, or a fixture: rows of files stored before
    if field_file._committed:
        if not _stored_file_is_new(sender, instance):
            return  # no new file: an edit of title, tags, focal point…
    elif isinstance(getattr(field_file, "_file", None), CleanedImageFile):
        return  # the upload form cleaned it
    field_file.open("rb")
    field_file.seek(0)
    clean = strip_metadata(field_file.read())
    field_file.close()
    if field_file._committed:
        # Put in storage before the image was saved (Wagtail's "create from uploaded file"
        # view does so, as may a script): the raw copy must not stay public.
        field_file.storage.delete(field_file.name)
    # Assigning a new file makes Django read its width and height again (they swap when
    # the photo was turned upright).
    instance.file = CleanedImageFile(clean, name=os.path.basename(field_file.name))
    instance.file_size = len(clean)
    instance.file_hash = hash_filelike(io.BytesIO(clean))


def _stored_file_is_new(model, instance):
    """Whether the image's file, though already in storage, is not the one its row names."""
    if instance._state.adding:
        return True
    stored = model._default_manager.filter(pk=instance.pk).values_list("file", flat=True).first()
    return stored != instance.file.name


def strip_pending_upload_metadata(sender, instance, raw=False, **kwargs):
    """pre_save of Wagtail's UploadedFile: the multiple upload keeps an image there (under
    /media/uploaded_files/) while the editor completes fields its first form lacked."""
    field_file = instance.file
    if raw or not field_file or field_file._committed or instance.for_content_type_id is None:
        return
    if instance.for_content_type.model_class() is not get_image_model():
        return  # a document
    field_file.open("rb")
    field_file.seek(0)
    clean = strip_metadata(field_file.read())
    instance.file = CleanedImageFile(clean, name=os.path.basename(field_file.name))
