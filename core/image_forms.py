"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): an upload is written again
without its metadata while the form is validated (core/images.py), so a file that cannot be
is refused with the form's "Upload a valid image" message instead of being stored."""

from django.core.exceptions import ValidationError

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .images import CleanedImageFile, UnreadableImage, strip_metadata


class CleanedImageField(WagtailImageField):
    """Wagtail's image field, returning the upload written again without its metadata."""

    def to_python(self, data):
        try:
            upload = super().to_python(data)
        except OSError:
            # Wagtail decodes the image to count its pixels but lets Pillow's error through
            # (a truncated JPEG was a server error).
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from None
        if upload is None:
            return None
        upload.seek(0)
        try:
            clean = strip_metadata(upload.read())
        except UnreadableImage:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from None
        return CleanedImageFile(clean, name=upload.name)


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")  # absent from the multiple upload's edit forms
        if isinstance(field, WagtailImageField):
            self.fields["file"] = CleanedImageField(
                label=field.label,
                required=field.required,
                widget=field.widget,
                max_length=field.max_length,
                initial=field.initial,
                disabled=field.disabled,
            )
