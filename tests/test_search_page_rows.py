"""A search's hits are Page objects made straight from their rows (search/page_rows.py):
the same objects Django makes, without the constructors that cost a search page 8–10 ms."""

from django.db.models import F

from wagtail.models import Locale, Page

import pytest

from search import page_rows as page_rows_module
from search import views
from search.page_rows import page_rows

pytestmark = pytest.mark.django_db


def state(page):
    """What Django's construction leaves on a page loaded from the database."""
    values = {k: v for k, v in page.__dict__.items() if k != "_state"}
    return type(page), values, page.get_deferred_fields(), page._state.adding, page._state.db


@pytest.mark.parametrize("fields", [None, views.HIT_FIELDS])
def test_the_objects_are_those_django_makes(demo_content, fields):
    pages = Page.objects.filter(depth__gte=2).order_by("path")
    if fields:
        pages = pages.only(*fields)
    made = list(page_rows(pages))
    assert len(made) > 20
    assert [state(p) for p in made] == [state(p) for p in pages]
    for page in made[-3:]:  # what the cards ask of a hit works on it
        assert page.specific.pk == page.pk
        assert page.url


def test_search_hits_are_made_from_rows_on_the_engine_of_the_pass(demo_content, monkeypatch):
    """Through every backend's own way of reading the hits (a ranked query on the database,
    the ids from the node then the rows), the page constructor is left out."""
    from wagtail.models.pages import AbstractPage

    made = []
    original = AbstractPage.__init__

    def counting(self, *args, **kwargs):
        if type(self) is Page:  # the hits (a profile's rules are read as profiles)
            made.append(self)
        original(self, *args, **kwargs)

    # Wagtail's own constructor counted in its place, so that Page gains none of its own
    # (which would rightly make page_rows use the full construction).
    monkeypatch.setattr(AbstractPage, "__init__", counting)
    page_rows_module._made_from_rows.cache_clear()
    found = views.search_locale("conscientious objection", Locale.objects.get(language_code="en"))
    assert found.pages, "the demo content has pages about conscientious objection"
    assert not made, f"{len(made)} hits made through the constructor"


def test_annotations_and_select_related_are_kept(demo_content):
    pages = Page.objects.filter(depth=2)
    annotated = page_rows(pages.annotate(doubled=F("depth") * 2))
    assert {p.doubled for p in annotated} == {4}
    joined = list(page_rows(pages.select_related("locale")))  # the full construction
    assert joined and all(Page.locale.is_cached(p) for p in joined)


def test_a_model_with_a_constructor_of_its_own_is_made_the_usual_way(demo_content, monkeypatch):
    """A Wagtail release that gives Page a constructor doing something for loaded rows too
    must not be skipped silently."""
    module = page_rows_module
    made = []

    def page_init(self, *args, **kwargs):
        made.append(self)
        super(Page, self).__init__(*args, **kwargs)

    monkeypatch.setattr(Page, "__init__", page_init, raising=False)
    module._made_from_rows.cache_clear()
    try:
        pages = list(page_rows(Page.objects.filter(depth=2)))
    finally:
        monkeypatch.undo()
        module._made_from_rows.cache_clear()
    assert pages and len(made) == len(pages)
