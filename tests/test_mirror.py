"""The static mirror copy (`manage.py export_mirror`, docs/mirrors.md): the demo exported into a
temporary directory is complete in five languages, every link of every file leads to a file of
the copy (or is an outside link of the content), nothing points at the export's host, nothing
private or editorial is in it, forms that need the server say where to go instead, and a
re-export after a publish touches only that page and the pages listing it.

The copy is made once for this module, inside a transaction rolled back at the end, so the
private page, the draft and the mirror address added for it do not reach other tests."""

import hashlib
import html
import io
import json
import posixpath
import re
from urllib.parse import unquote, urlsplit

from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.models import Locale, PageViewRestriction

import pytest

from mirror.export import Exporter, export

# The module's copy is made in a module-scoped fixture, outside any test's database: without
# the mark, a run of this module alone set up no test database (pytest-django sets up only
# the databases its marked tests ask for) and exported the developer's db.sqlite3.
pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "de", "ru", "uk", "be"]
ATTRIBUTE = re.compile(r"""\s(href|src|action|srcset)="([^"]*)\"""")
TAG = re.compile(r"<(a|link|img|source|script|form|iframe)\b[^>]*>", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")
DRAFT_MARKER = "Unpublished draft text of the mirror test"
PRIVATE_MARKER = "Private page of the mirror test"
PRIVATE_BODY = "Only for those with the password: the mirror test's private text"
MIRROR_URL = "http://mirrorexampleabcdefgh.onion/"


@pytest.fixture(scope="module")
def copy(tmp_path_factory, django_db_setup, django_db_blocker):
    """The demo's copy, with a private page, a draft and one mirror address added first."""
    directory = tmp_path_factory.mktemp("mirror") / "copy"
    with django_db_blocker.unblock(), transaction.atomic():
        from mirror.models import MirrorAddress, PendingMirrorExport
        from news.models import NewsPage

        MirrorAddress.objects.create(
            url=MIRROR_URL, kind="onion", note="Tor", locale=Locale.get_default()
        )
        news = NewsPage.objects.live().filter(locale__language_code="en").first()
        # A draft of a published page: its text must not reach the copy.
        news.title = DRAFT_MARKER
        news.save_revision()
        private = news.get_parent().specific.add_child(
            instance=NewsPage(
                title=PRIVATE_MARKER,
                slug="mirror-test-private",
                date=news.date,
                teaser=PRIVATE_MARKER,
                body=[("paragraph", f"<p>{PRIVATE_BODY}</p>")],
                locale=news.locale,
            )
        )
        private.save_revision().publish()
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        PendingMirrorExport.objects.all().delete()
        exporter = Exporter(directory)
        summary = exporter.export_all()
        yield {
            "dir": directory,
            "summary": summary,
            "exporter": exporter,
            "blocker": django_db_blocker,
        }
        transaction.set_rollback(True)


def files(directory, *suffixes):
    return [p for p in directory.rglob("*") if p.is_file() and p.suffix in suffixes]


def read(path):
    return path.read_text("utf-8")


def links_of(text, suffix):
    """(tag name, attribute, url) of every link in an HTML, XML or CSS file."""
    if suffix == ".css":
        return [("css", "url", u) for u in CSS_URL.findall(text)]
    if suffix == ".xml":
        found = [("feed", "href", html.unescape(u)) for u in re.findall(r'href="([^"]*)"', text)]
        found += [("feed", "link", html.unescape(u)) for u in re.findall(r"<link>([^<]*)<", text)]
        return found
    found = []
    for tag in TAG.finditer(text):
        name = tag.group(1).lower()
        for attribute, value in ATTRIBUTE.findall(tag.group(0)):
            value = html.unescape(value)
            urls = (
                [p.strip().split()[0] for p in value.split(",")]
                if attribute == "srcset"
                else [value]
            )
            found += [(name, attribute, u) for u in urls if u]
    return found


def main_host():
    from mirror.export import main_site_url

    return urlsplit(main_site_url()).netloc


def test_export_reports_no_missing_link(copy):
    assert copy["summary"]["missing"] == 0, copy["summary"]["missing_urls"]


def test_every_link_leads_to_a_file_of_the_copy(copy):
    """Relative links resolve to files; absolute ones are outside links of the content (never
    an image, a stylesheet or a script), the main site's sign and list links, the mirrors and
    the quick exit; none names the host the copy was rendered from."""
    root = copy["dir"]
    broken, resources, export_host = [], [], []
    for path in files(root, ".html", ".xml", ".css"):
        text = read(path)
        assert "testserver" not in text, path
        for tag, _attribute, url in links_of(text, path.suffix):
            if url.startswith(("#", "mailto:", "tel:", "data:")):
                continue
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//"):
                if tag != "a" and not (tag == "feed" and parts.netloc == main_host()):
                    resources.append((path, tag, url))
                continue
            if url.startswith("/"):
                export_host.append((path, url))
                continue
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(str(path.relative_to(root))), unquote(parts.path))
            )
            if not (root / target).is_file():
                broken.append((str(path.relative_to(root)), url))
    assert not broken, broken[:10]
    assert not resources, resources[:10]
    assert not export_host, export_host[:10]


def test_links_to_the_main_site_are_only_the_allowed_ones(copy):
    root = copy["dir"]
    host = main_host()
    for path in files(root, ".html"):
        for tag in TAG.finditer(read(path)):
            source = tag.group(0)
            for _attribute, url in ATTRIBUTE.findall(source):
                parts = urlsplit(html.unescape(url))
                if parts.netloc == host:
                    # The sign and address links, and pages the copy leaves out (private).
                    private = copy["exporter"]._is_restricted(parts.path)
                    assert "data-mirror-keep" in source or private, (path, source)


def test_every_language_and_section_is_in_the_copy(copy):
    from knowledge.queries import profiles_for_locale
    from knowledge.situations import SITUATIONS

    root = copy["dir"]
    with copy["blocker"].unblock():
        for code in LANGUAGES:
            assert (root / code / "index.html").is_file()
            assert (root / code / "knowledge" / "index.html").is_file()
            assert (root / code / "knowledge" / "compare" / "index.html").is_file()
            assert (root / code / "knowledge" / "changes" / "atom" / "index.xml").is_file()
            assert (root / code / "news" / "atom" / "index.xml").is_file()
            assert (root / code / "mirrors" / "index.html").is_file()
            answers = list((root / code / "knowledge" / "situation").glob("index_country-*"))
            profiles = profiles_for_locale(Locale.objects.get(language_code=code))
            assert len(answers) == len(profiles) * len(SITUATIONS)
            index = json.loads(read(root / code / "search" / "search-index.json"))
            assert len(index) > 10
            assert all(not url.startswith(("/", "http")) for url in (e["url"] for e in index))
    news_pages = list((root / "en" / "news").glob("index_page-*.html"))
    assert news_pages, "the news list's further pages"
    assert list((root / "en" / "news").glob("index_country-*.html")), "the news filter pages"
    assert list(root.rglob("media/images/*.avif")), "the image renditions"
    assert (root / "static" / "css" / "site.css").is_file()
    assert (root / "static" / "js" / "quick-exit.js").is_file()
    assert (root / "index.html").is_file()


def test_the_guide_is_links_to_its_answers_not_a_form(copy):
    guide = read(copy["dir"] / "ru" / "knowledge" / "situation" / "index.html")
    assert "situation-form" not in guide
    answers = re.findall(r'href="(index_country-[^"]+)"', guide)
    assert len(answers) >= 7
    answer = read(copy["dir"] / "ru" / "knowledge" / "situation" / answers[0].split("#")[0])
    assert 'id="answer"' in answer


def test_no_form_posts_and_signing_points_to_the_main_site(copy):
    root = copy["dir"]
    sign_pages = []
    for path in files(root, ".html"):
        text = read(path)
        assert 'method="post"' not in text.lower(), path
        assert "csrfmiddlewaretoken" not in text, path
        if "mirror-sign-elsewhere" in text:
            sign_pages.append(text)
    assert sign_pages, "the appeal's sign page"
    from mirror.export import main_site_url

    with copy["blocker"].unblock():
        main = main_site_url()
    assert any(f'href="{main}/' in text and "/sign/" in text for text in sign_pages)


def test_the_application_builder_sends_readers_to_the_main_site(copy):
    """The builder's answer needs the server: in a copy its page says where to use it
    (its form would post to nowhere)."""
    root = copy["dir"]
    from mirror.export import main_site_url

    with copy["blocker"].unblock():
        main = main_site_url()
    builders = [
        read(path)
        for path in files(root, ".html")
        if "alternative-service-application" in str(path.relative_to(root))
    ]
    assert len(builders) >= 10  # Russia and Belarus, five languages
    for text in builders:
        assert "mirror-form-elsewhere" in text
        # The same page on the main site, where the form works.
        assert re.search(
            rf'href="{re.escape(main)}/[a-z]{{2}}/knowledge/alternative-service-application-', text
        ), text[:300]


def test_a_watcher_learns_nothing_editorial_from_the_copy(copy):
    root = copy["dir"]
    with copy["blocker"].unblock():
        users = list(get_user_model().objects.all())
    # No private page's text, file or address reaches the copy (as on the live site, no list
    # shows it); a link to one could only lead to the main site, where it asks for the password.
    secrets = [DRAFT_MARKER, PRIVATE_BODY, "/admin/", "/_util/", "csrfmiddlewaretoken"]
    secrets += [u.email for u in users if u.email]
    secrets += [u.get_full_name() for u in users if len(u.get_full_name()) > 6]
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js", ".css"):
            text = read(path)
            for secret in secrets:
                assert secret not in text, (path, secret)
            for link in re.findall(r'href="([^"]*mirror-test-private[^"]*)"', text):
                assert link.startswith("http"), (path, link)  # the main site's, not a file
    assert not list(root.rglob("*mirror-test-private*"))


def test_every_page_of_the_copy_says_it_is_a_mirror_and_lists_the_others(copy, client):
    root = copy["dir"]
    pages = [p for p in files(root, ".html") if 'http-equiv="refresh"' not in read(p)]
    pages = [p for p in pages if p != root / "index.html"]
    for path in pages:
        text = read(path)
        assert "mirror-notice" in text, path
    notice = read(root / "de" / "index.html")
    assert MIRROR_URL in notice
    listing = read(root / "ru" / "mirrors" / "index.html")
    assert MIRROR_URL in listing


def test_every_page_of_the_copy_sends_no_referrer(copy):
    """A copy on object storage or opened from a file has no Referrer-Policy header: a link in
    the content (a court's site, a news source) would tell that site the copy's address, which
    a censor wants to learn and block. The pages say no-referrer themselves."""
    root = copy["dir"]
    for path in files(root, ".html"):
        text = read(path)
        if 'http-equiv="refresh"' in text or path == root / "index.html":
            continue  # a redirect to a file of the copy, the language list: no outside links
        assert '<meta name="referrer" content="no-referrer">' in text, path


@pytest.mark.django_db
def test_the_live_site_shows_no_mirror_notice(client):
    response = client.get("/ru/")
    assert b"mirror-notice" not in response.content
    assert b'href="/ru/mirrors/"' in response.content  # but links the list
    assert client.get("/ru/mirrors/").status_code == 200


def test_the_search_page_of_the_copy_searches_without_a_server(copy):
    page = read(copy["dir"] / "ru" / "search" / "index.html")
    assert 'src="search-index.js"' in page
    assert "<noscript>" in page and MIRROR_URL in page.split("<noscript>")[1]
    assert "suggest" not in page
    index = read(copy["dir"] / "ru" / "search" / "search-index.js")
    assert index.startswith("window.mirrorSearchIndex = [")


def digest(root):
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


def test_a_publish_re_exports_only_that_page_and_its_listings(copy):
    """The queue row written on publish, then `--pending`: the page's file and the lists that
    show it change; a knowledge page, another news item and other languages stay untouched."""
    from mirror.models import PendingMirrorExport
    from news.models import NewsPage

    root = copy["dir"]
    before = digest(root)
    with copy["blocker"].unblock(), transaction.atomic():
        item = NewsPage.objects.live().filter(locale__language_code="ru").order_by("-date")[1]
        item.title = "Новый заголовок для зеркала"
        item.save_revision().publish()
        assert PendingMirrorExport.objects.filter(page_id=item.pk).exists()
        file = copy["exporter"].manifest[item.get_url()]["file"]
        export(root, pending=True)
        assert not PendingMirrorExport.objects.exists()
        transaction.set_rollback(True)
    after = digest(root)
    changed = {name for name in after if before.get(name) != after[name]}
    assert file in changed
    assert "Новый заголовок для зеркала" in read(root / file)
    assert "Новый заголовок для зеркала" in read(root / "ru" / "news" / "index.html")
    unexpected = {
        name
        for name in changed
        if not (
            name == file
            or name.startswith(("ru/news/index", "ru/index", "ru/search/search-index"))
            or name.startswith(("ru/news/rss/", "ru/news/atom/"))
            or name == ".mirror-manifest.json"
        )
    }
    assert not unexpected, unexpected
    elsewhere = [n for n in changed if n.startswith(("en/", "de/knowledge", "ru/knowledge"))]
    assert not elsewhere


def test_the_mirror_flag_cannot_be_asked_for_by_a_reader(client, db):
    response = client.get("/ru/knowledge/situation/", HTTP_X_MIRROR="1")
    assert b"situation-form" in response.content


def test_the_export_command_runs(tmp_path, db):
    """The command itself."""
    from django.core.management import call_command

    # A full run takes minutes; the module's copy checks its output. Here: the command
    # runs an incremental export with nothing queued and says so.
    from mirror.models import PendingMirrorExport

    PendingMirrorExport.objects.all().delete()  # the demo's own publishing queued its pages
    out = io.StringIO()
    call_command("export_mirror", str(tmp_path), "--pending", stdout=out)
    assert "0 files rendered" in out.getvalue()


def test_a_page_made_private_leaves_the_copy_with_the_next_pending_run(copy):
    """Putting a published page behind a password is queued like an unpublish: the next
    `--pending` run (every few minutes) removes its file and its entry in the lists, not only
    the nightly full export."""
    from mirror.models import PendingMirrorExport
    from news.models import NewsPage

    root = copy["dir"]
    with copy["blocker"].unblock(), transaction.atomic():
        PendingMirrorExport.objects.all().delete()
        item = NewsPage.objects.live().filter(locale__language_code="de").order_by("-date")[2]
        file = copy["exporter"].manifest[item.get_url()]["file"]
        assert item.title in read(root / "de" / "news" / "index.html")
        PageViewRestriction.objects.create(
            page=item, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        export(root, pending=True)
        transaction.set_rollback(True)
    assert not (root / file).exists()
    assert item.title not in read(root / "de" / "news" / "index.html")


def test_a_removed_translation_leaves_the_other_languages_switchers(copy):
    """The English page linked to its German version after the German one was unpublished:
    `--pending` removed the German file but left the link to it in the other languages."""
    from mirror.models import PendingMirrorExport
    from news.models import NewsPage

    root = copy["dir"]
    manifest = copy["exporter"].manifest
    with copy["blocker"].unblock(), transaction.atomic():
        PendingMirrorExport.objects.all().delete()
        german = NewsPage.objects.live().filter(locale__language_code="de").order_by("-date")[3]
        english = german.get_translation(Locale.objects.get(language_code="en"))
        german_dir = posixpath.dirname(manifest[german.get_url()]["file"])
        english_file = root / manifest[english.get_url()]["file"]
        assert german_dir + "/" in read(english_file)
        german.unpublish()
        export(root, pending=True)
        transaction.set_rollback(True)
    assert not (root / manifest.get(german.get_url(), {"file": german_dir})["file"]).exists()
    assert german_dir + "/" not in read(english_file)
