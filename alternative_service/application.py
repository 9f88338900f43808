"""The application itself: the page's Russian wording with the reader's answers filled in.

Only ever rendered into the response (views.py); nothing here writes anything anywhere.
"""

import re

from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import PLACEHOLDER

# A blank for the date the reader writes by hand on the day he hands it in.
DATE_BLANK = "«____» ______________ 20___ г."


def values(form):
    """{placeholder: text} from a valid form, in the application's language (Russian)."""
    data = form.cleaned_data
    with translation.override("ru"):
        # "4 мая 2006" (the wording goes on "года рождения").
        birth_date = date_format(data["birth_date"], "j E Y")
    attachments = [item["wording_ru"] for item in form.chosen_attachments()]
    answers = {
        "commissariat": data["commissariat"].strip(),
        "name": data["full_name"].strip(),
        "birth_date": birth_date,
        "address": data["address"].strip(),
        "grounds": form.builder.grounds_choices_ru().get(data["grounds"], "").strip(),
        "reasons": data["reasons"].strip(),
        "witnesses": data["witnesses"].strip(),
        "attachments": "\n".join(f"{n}. {text}" for n, text in enumerate(attachments, 1)),
        "date": DATE_BLANK,
    }
    return {name: text.replace("\r\n", "\n").replace("\r", "\n") for name, text in answers.items()}


def fill(template, answers):
    """The wording as paragraphs of escaped HTML. A paragraph (or else a line) whose
    placeholders are all left empty is left out: no witnesses named, no witnesses paragraph.
    Unknown braces stay as they are."""
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", template.replace("\r\n", "\n").strip()):
        if _all_empty(block, answers):
            continue
        lines = [
            _fill_line(line, answers)
            for line in block.split("\n")
            if line.strip() and not _all_empty(line, answers)
        ]
        if lines:
            paragraphs.append("<p>" + "<br>".join(lines) + "</p>")
    return mark_safe("".join(paragraphs))  # noqa: S308 -- every part was escaped in _fill_line


def _all_empty(text, answers):
    known = [name for name in PLACEHOLDER.findall(text) if name in answers]
    return bool(known) and not any(answers[name] for name in known)


def _fill_line(line, answers):
    parts, position = [], 0
    for match in PLACEHOLDER.finditer(line):
        parts.append(escape(line[position : match.start()]))
        name = match.group(1)
        if name in answers:
            parts.append("<br>".join(escape(part) for part in answers[name].split("\n")))
        else:
            parts.append(escape(match.group()))
        position = match.end()
    parts.append(escape(line[position:]))
    return "".join(parts)
