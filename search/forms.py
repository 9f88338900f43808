"""The admin form of the editors' search synonyms."""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm

from core.lemmas import tokens, words


def country_choices():
    """The countries of the knowledge base by code, named in the admin's language."""
    from wagtail.models import Locale

    from knowledge.models import Country

    names = {}
    active = Locale.get_active().pk
    for code, name, locale_id in Country.objects.values_list("code", "name", "locale_id"):
        if locale_id == active or code not in names:
            names[code] = name
    return sorted(names.items(), key=lambda item: item[1])


def _is_translation(instance):
    """Whether `instance` translates a group of another language, whose country and breadth
    it copies: wagtail-localize made it from one, or (a group no sync made, as the demo's)
    the English group with its translation key exists."""
    from django.conf import settings

    from wagtail_localize.models import TranslationSource

    if instance.pk is None or instance.locale_id is None:
        return False
    sources = TranslationSource.objects.filter(object_id=instance.translation_key)
    if sources.exists():
        return sources.exclude(locale_id=instance.locale_id).exists()
    english = type(instance).objects.filter(
        translation_key=instance.translation_key, locale__language_code=settings.LANGUAGE_CODE
    )
    return english.exclude(pk=instance.pk).exists()


class SearchSynonymForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("country")
        if field is not None:
            self.fields["country"] = forms.ChoiceField(
                choices=[("", "—")] + country_choices(),
                required=False,
                label=field.label,
                help_text=field.help_text,
            )
        if _is_translation(self.instance):
            for name in ("country", "broad"):
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[
                        name
                    ].help_text = "Copied from the group this one translates: change it there."

    def clean_terms(self):
        from .stopwords import is_stop_word
        from .synonyms import MAX_TERM_LENGTH, MAX_TERM_WORDS, MAX_TERMS, split_terms

        text = self.cleaned_data["terms"]
        terms = split_terms(text)
        language = self.instance.locale.language_code if self.instance.locale_id else None
        problems = []
        if len(terms) < 2:
            problems.append("A group needs at least two words or phrases.")
        if len(terms) > MAX_TERMS:
            problems.append(f"At most {MAX_TERMS} words or phrases in one group.")
        for term in terms:
            words = tokens(term)
            if not words:
                problems.append(f"“{term[:40]}” has no letters or digits.")
            elif len(term) > MAX_TERM_LENGTH or len(words) > MAX_TERM_WORDS:
                problems.append(
                    f"“{term[:40]}…” is too long: at most {MAX_TERM_WORDS} words and "
                    f"{MAX_TERM_LENGTH} characters."
                )
            elif language and all(is_stop_word(w, language) for w in words):
                problems.append(
                    f"“{term}” is only small words: it would match nearly every page. A comma "
                    "separates terms; write a phrase with a comma on one line without it."
                )
        problems += self._terms_of_other_groups(terms)
        if problems:
            raise forms.ValidationError(problems)
        return text

    def _terms_of_other_groups(self, terms):
        """A term in two groups of one language: only one of them would be applied."""
        if not self.instance.locale_id:
            return []
        mine = {" ".join(words(t)): t for t in terms}
        others = type(self.instance).objects.filter(locale_id=self.instance.locale_id)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        problems = []
        for group in others.only("terms"):
            for term in group.term_list():
                typed = mine.pop(" ".join(words(term)), None)
                if typed is not None:
                    problems.append(
                        f"“{typed}” is in the group “{group}” already: a word or phrase "
                        "belongs to one group (add the other words there)."
                    )
        return problems
