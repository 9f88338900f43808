"""The static mirror copy: every public page in every language, rendered through the real
middleware stack with Django's test client, then written as files whose links are relative,
so the copy opens from any host name, an onion address, object storage or a USB stick.

How it works (docs/mirrors.md):
1. Seeds: every live public page of every locale, the situation guide's every answer, the
   search page and the mirror list of each language. Each is fetched as an anonymous reader;
   every internal link found in a response (pagination, filters, feeds, images, CSS, JS,
   documents) is fetched too, until nothing new is linked.
2. Each URL gets a file: `/ru/news/` → `ru/news/index.html`, `/ru/news/?page=2` →
   `ru/news/index_page-2.html`, `/ru/news/atom/` → `ru/news/atom/index.xml`.
3. Links are rewritten relative to the file that holds them (`../../de/news/index.html`).
4. A manifest (`.mirror-manifest.json`) remembers which URL is which file and which page it
   belongs to, so `--pending` re-renders only the pages queued on publish and what lists them.

Why not wagtail-bakery / django-distill: both write a file per URL pattern or page, with the
links as the site prints them (`/ru/news/`, absolute to the host root), so the copy only works
at the root of a web server; neither renders query-string variants (pagination, filters, the
guide's answers); and bakery renders views without the middleware stack (no locale
middleware, no security headers' effect on output). Rewriting links is the bulk of the work
and neither package does it.
"""

import fcntl
import hashlib
import html
import json
import os
import posixpath
import re
import tempfile
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone, translation

from wagtail.models import Page, Site

from core.mirror_state import MirrorExport, exporting

from . import search_index

MANIFEST = ".mirror-manifest.json"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# Internal URLs a copy never holds: the admin, the API, the editors' login, the live search's
# suggestions (the copy's search page has its own index), the signature form's thank-you.
SKIPPED = re.compile(
    r"^/(admin|django-admin|api|healthz|sitemap\.xml|robots\.txt)(/|$)"
    r"|^/[a-z]{2}/(_util|search/suggest)/"
    r"|/sign/thanks/$"
)
TAG = re.compile(r"<(a|link|img|source|script|form|iframe|video|audio|area)\b[^>]*>", re.I)
ATTRIBUTE = re.compile(r"""\s(href|src|action|poster|srcset)\s*=\s*("[^"]*"|'[^']*')""", re.I)
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
FEED_TYPES = ("application/atom+xml", "application/rss+xml", "application/xml", "text/xml")
KEEP_ABSOLUTE = "data-mirror-keep"
SEARCH_INDEX_FILES = ("/search/search-index.js", "/search/search-index.json")


def main_site_url():
    """The main site's address for "sign there" links and the notice: MIRROR_MAIN_SITE_URL,
    else the default Wagtail site's root URL."""
    configured = getattr(settings, "MIRROR_MAIN_SITE_URL", "")
    if configured:
        return configured.rstrip("/")
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else ""


def url_key(url):
    """The manifest's name of an internal URL: its path and its sorted query (no fragment)."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if path.startswith(("/static/", "/media/", "/documents/")):
        return path
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return f"{path}?{query}" if query else path


def _slug(text):
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def file_for(key, content_type):
    """The copy's file for a URL: only characters every file system takes (FAT on a USB
    stick has no `?`, `:`, `*`), the query in the name, the type in the extension."""
    path, _sep, query = key.partition("?")
    path = unquote(path)
    if not path.endswith("/"):
        return path.lstrip("/")
    ext = ".html"
    if content_type.startswith(FEED_TYPES):
        ext = ".xml"
    elif content_type.startswith("application/json"):
        ext = ".json"
    name = "index"
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        readable = "_".join(f"{_slug(k)}-{_slug(v)}" for k, v in pairs)
        exact = all(_slug(k) == k and _slug(v) == v for k, v in pairs)
        if not exact or len(readable) > 80:
            digest = hashlib.sha256(query.encode()).hexdigest()[:10]
            readable = f"{readable[:60]}-{digest}"
        name = f"index_{readable}"
    return f"{path.lstrip('/')}{name}{ext}"


def relative(from_file, to_file):
    """The href from one file of the copy to another (both relative to its root)."""
    rel = posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")
    return quote(rel, safe="/._-~")


class Exporter:
    def __init__(self, directory, stdout=None):
        self.dir = Path(directory)
        self.stdout = stdout
        self.made_on = timezone.localdate()
        site = Site.objects.filter(is_default_site=True).first()
        self.host = site.hostname if site else "localhost"
        self.port = site.port if site else 80
        self.secure = self.port == 443
        self.origins = {f"http://{self.host}", f"https://{self.host}", f"//{self.host}"}
        for s in Site.objects.all():
            self.origins.add(s.root_url.rstrip("/"))
            self.origins.add(f"//{s.hostname}:{s.port}")
            self.origins.add(f"//{s.hostname}")
        self.origins.add(f"http://{self.host}:{self.port}")
        self.main_site_url = main_site_url()
        self.manifest = {}  # key -> {"file", "type", "page"}
        self.documents = {}  # key -> (content_type, bytes or str)
        self.missing = {}  # key -> status, for links that led nowhere
        self.external = set()
        self.page_urls = {}  # url path -> page id, for the page a URL belongs to
        self.search_entries = {}  # language -> {key: entry}
        self.restricted = set()  # URL paths of live pages that are not public

    # --- the public entry points -------------------------------------------------------

    def export_all(self):
        old = self._read_manifest()
        seeds = self._seeds()
        self._crawl(seeds, refetch=None)
        self._write_all(only=None)
        self._write_search_indexes(LANGUAGE_CODES)
        self._write_root()
        stale = {e["file"] for e in old.get("urls", {}).values()} - {
            e["file"] for e in self.manifest.values()
        }
        for name in stale:
            self._remove(name)
        self._save_manifest()
        return self._summary()

    def export_pending(self):
        """Re-render the queued pages, their translations, the pages that list them (every
        ancestor with its filter and pagination pages and its feeds) and the search index of
        their languages. Falls back to a full export without a manifest."""
        from .models import PendingMirrorExport

        rows = list(PendingMirrorExport.objects.all())
        old = self._read_manifest()
        if not rows:
            return {"rendered": 0, "removed": 0, "missing": 0}
        if not old or any(row.page_id == 0 for row in rows):
            summary = self.export_all()
            PendingMirrorExport.objects.filter(pk__in=[r.pk for r in rows]).delete()
            return summary
        self.manifest = dict(old["urls"])
        self.search_entries = {k: dict(v) for k, v in old.get("search", {}).items()}
        self._load_page_urls()
        refetch, removed, languages = self._affected(rows)
        for key in removed:
            entry = self.manifest.pop(key, None)
            if entry:
                self._remove(entry["file"])
            for entries in self.search_entries.values():
                entries.pop(key, None)
        self._crawl(refetch, refetch=refetch)
        self._write_all(only=set(self.documents))
        self._write_search_indexes(languages)
        self._save_manifest()
        PendingMirrorExport.objects.filter(pk__in=[r.pk for r in rows]).delete()
        summary = self._summary()
        summary["removed"] = len(removed)
        return summary

    # --- what to render ------------------------------------------------------------------

    def _public_pages(self):
        return Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")

    def _load_page_urls(self):
        for page in self._public_pages():
            url = page.get_url()
            if url:
                self.page_urls[urlsplit(url).path] = page.pk
        # Behind a password, a login or a group: never in a copy, nor anything under them.
        self.restricted = set()
        for page in Page.objects.live().not_public().filter(depth__gt=1):
            url = page.get_url()
            if url:
                self.restricted.add(urlsplit(url).path)

    def _is_restricted(self, key):
        path = key.partition("?")[0]
        return any(path.startswith(prefix) for prefix in self.restricted)

    def _seeds(self):
        from knowledge.situations import SITUATIONS

        self._load_page_urls()
        seeds = ["/"]
        seeds += sorted(self.page_urls)
        for code in LANGUAGE_CODES:
            with translation.override(code):
                from django.urls import reverse

                seeds.append(reverse("search"))
                seeds.append(reverse("mirror_list"))
        # Every answer the situation guide's form can give, as its own file.
        from knowledge.models import KnowledgeIndexPage
        from knowledge.queries import profiles_for_locale

        for index in KnowledgeIndexPage.objects.live().public():
            guide = index.get_url() + index.reverse_subpage("situation_guide")
            seeds.append(guide)
            for profile in profiles_for_locale(index.locale):
                for situation in SITUATIONS:
                    query = urlencode(
                        {"country": profile.country.code, "situation": situation.code}
                    )
                    seeds.append(f"{guide}?{query}")
        return seeds

    def _page_of(self, key):
        """The page a URL belongs to: the one with the longest URL that starts it."""
        path = key.partition("?")[0]
        while True:
            if path in self.page_urls:
                return self.page_urls[path]
            if path in ("", "/"):
                return None
            path = path.rstrip("/").rpartition("/")[0] + "/"

    def _affected(self, rows):
        refetch, removed, languages = set(), set(), set()
        by_page = {}
        for key, entry in self.manifest.items():
            by_page.setdefault(entry.get("page"), set()).add(key)
        for row in rows:
            page = Page.objects.filter(pk=row.page_id).first()
            public = (
                page is not None and page.live and Page.objects.public().filter(pk=page.pk).exists()
            )
            if row.language_code:
                languages.add(row.language_code)
            own = set(by_page.get(row.page_id, set()))
            if public:
                url = page.get_url()
                if url:
                    own.add(urlsplit(url).path)
                    self.page_urls[urlsplit(url).path] = page.pk
                refetch |= own
                ancestors = list(page.get_ancestors().values_list("pk", flat=True))
                for translated in page.get_translations().live():
                    refetch |= by_page.get(translated.pk, set())
            else:
                # Unpublished, made private or deleted: its files (and its subpages') go.
                prefix = row.url_path or ""
                removed |= own
                if prefix:
                    removed |= {k for k in self.manifest if k.startswith(prefix)}
                ancestors = [pid for path, pid in self.page_urls.items() if prefix.startswith(path)]
                # Its language versions' switchers linked to it.
                if row.translation_key:
                    versions = Page.objects.filter(translation_key=row.translation_key).live()
                    for pid in versions.exclude(pk=row.page_id).values_list("pk", flat=True):
                        refetch |= by_page.get(pid, set())
                for path in [p for p in self.page_urls if prefix and p.startswith(prefix)]:
                    del self.page_urls[path]
            for pid in ancestors:
                refetch |= by_page.get(pid, set())
        refetch -= removed
        return refetch, removed, languages

    # --- fetching --------------------------------------------------------------------------

    def _client(self):
        return Client(HTTP_HOST=self.host if self.port in (80, 443) else f"{self.host}:{self.port}")

    def _crawl(self, seeds, refetch):
        """Fetch the seeds and everything they link to that the manifest lacks (`refetch`:
        in an incremental run, the keys to render again although the manifest has them)."""
        queue = [url_key(s) for s in seeds]
        seen = set()
        client = self._client()
        allowed = [*settings.ALLOWED_HOSTS, self.host]
        export = MirrorExport(made_on=self.made_on, main_site_url=self.main_site_url)
        # The page cache stays out: what it would keep is the mirror's variant of a page.
        with override_settings(ALLOWED_HOSTS=allowed, PAGE_CACHE_SECONDS=0), exporting(export):
            while queue:
                key = queue.pop(0)
                if key in seen:
                    continue
                seen.add(key)
                if refetch is not None and key in self.manifest and key not in refetch:
                    continue
                if self._is_restricted(key):
                    continue
                for link in self._fetch(client, key):
                    if link not in seen:
                        queue.append(link)

    def _fetch(self, client, key):
        path = key.partition("?")[0]
        if path.endswith(SEARCH_INDEX_FILES):
            # Written by _write_search_indexes, not rendered.
            self.manifest[key] = {"file": file_for(key, ""), "type": "generated", "page": None}
            return []
        if path.startswith("/static/"):
            return self._fetch_static(key)
        if path.startswith("/media/"):
            return self._fetch_media(key)
        path, _sep, query = key.partition("?")
        response = client.get(
            path, dict(parse_qsl(query, keep_blank_values=True)), secure=self.secure
        )
        if response.status_code in (301, 302, 303, 307, 308):
            target = self._internal_key(response["Location"], key)
            if target is None:
                self.missing[key] = response.status_code
                return []
            self.manifest[key] = {
                "file": file_for(key, "text/html"),
                "type": "redirect",
                "page": None,
                "to": target,
            }
            self.documents[key] = ("redirect", target)
            return [target]
        if response.status_code != 200:
            self.missing[key] = response.status_code
            return []
        content_type = response.get("Content-Type", "application/octet-stream")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        self.manifest[key] = {
            "file": file_for(key, content_type),
            "type": content_type,
            "page": self._page_of(key),
        }
        if content_type.startswith("text/html"):
            text = body.decode(response.charset or "utf-8")
            self.documents[key] = (content_type, text)
            self._remember_for_search(key, text)
            return self._links_in_html(text, key)
        if content_type.startswith(FEED_TYPES):
            text = body.decode(response.charset or "utf-8")
            self.documents[key] = (content_type, text)
            return self._links_in_feed(text)
        self.documents[key] = (content_type, body)
        return []

    def _fetch_static(self, key):
        name = unquote(key[len(settings.STATIC_URL) :])
        data = None
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as f:
                data = f.read()
        else:
            found = finders.find(name)
            if found:
                data = Path(found).read_bytes()
        if data is None:
            self.missing[key] = 404
            return []
        return self._store_file(key, data)

    def _fetch_media(self, key):
        name = unquote(key[len(settings.MEDIA_URL) :])
        if not default_storage.exists(name):
            self.missing[key] = 404
            return []
        with default_storage.open(name) as f:
            return self._store_file(key, f.read())

    def _store_file(self, key, data):
        content_type = "text/css" if key.endswith(".css") else "application/octet-stream"
        self.manifest[key] = {
            "file": file_for(key, content_type),
            "type": content_type,
            "page": None,
        }
        if key.endswith(".css"):
            text = data.decode("utf-8")
            self.documents[key] = (content_type, text)
            links = []
            for match in CSS_URL.finditer(text):
                target = self._internal_key(match.group(2), key)
                if target:
                    links.append(target)
            return links
        self.documents[key] = (content_type, data)
        return []

    # --- links -------------------------------------------------------------------------------

    def _absolute(self, value, base_key):
        return urljoin(f"http://{self.host}{base_key}", value)

    def _internal_key(self, value, base_key):
        """The manifest key of a link if it is internal and a copy should hold it, else None."""
        value = value.strip()
        if not value or value.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
            return None
        absolute = self._absolute(value, base_key)
        parts = urlsplit(absolute)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.origins and f"//{parts.netloc}" not in self.origins:
            self.external.add(origin)
            return None
        if SKIPPED.search(parts.path):
            return None
        return url_key(parts.path + (f"?{parts.query}" if parts.query else ""))

    def _links_in_html(self, text, key):
        links = []
        for tag in TAG.finditer(text):
            for name, value in self._attributes(tag.group(0)):
                for url in self._urls_of(name, value):
                    target = self._internal_key(url, key)
                    if target:
                        links.append(target)
        return links

    def _feed_links(self, text):
        """href="…" attributes and RSS <link>…</link>: what a feed reader follows."""
        return re.finditer(r'(href=")([^"]*)(")|(<link>)([^<]*)(</link>)', text)

    def _links_in_feed(self, text):
        links = []
        for match in self._feed_links(text):
            value = html.unescape(match.group(2) or match.group(5))
            target = self._internal_key(value, "/")
            if target:
                links.append(target)
        return links

    @staticmethod
    def _attributes(tag):
        for match in ATTRIBUTE.finditer(tag):
            yield match.group(1).lower(), html.unescape(match.group(2)[1:-1])

    @staticmethod
    def _urls_of(name, value):
        if name == "srcset":
            return [part.strip().split()[0] for part in value.split(",") if part.strip()]
        return [value]

    def _target_file(self, target):
        entry = self.manifest.get(target)
        hops = 0
        while entry and entry["type"] == "redirect" and hops < 5:
            entry = self.manifest.get(entry["to"])
            hops += 1
        return entry["file"] if entry else None

    def _rewrite_url(self, value, key, from_file):
        target = self._internal_key(value, key)
        if target is None:
            absolute = self._absolute(value.strip(), key)
            parts = urlsplit(absolute)
            if value.strip().startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
                return value
            if f"{parts.scheme}://{parts.netloc}" in self.origins:
                # Internal but not in a copy (the admin, the API): the main site's address.
                return self.main_site_url + parts.path + (f"?{parts.query}" if parts.query else "")
            return value
        fragment = urlsplit(self._absolute(value.strip(), key)).fragment
        to_file = self._target_file(target)
        if to_file is None and self._is_restricted(target):
            # Listed (as on the live site) but not in the copy: the main site asks for the
            # password or login.
            return self.main_site_url + target
        if to_file is None:
            self.missing.setdefault(target, "not exported")
            return value
        href = relative(from_file, to_file)
        if target.partition("?")[0].endswith("/search/") and "?" in target:
            # The copy's search page reads its query in the browser (mirror/static/mirror/search.js)
            href = relative(from_file, self._target_file(target.partition("?")[0]) or to_file)
            href += "?" + target.partition("?")[2]
        return href + (f"#{fragment}" if fragment else "")

    def _rewrite_html(self, text, key, from_file):
        def tag(match):
            source = match.group(0)
            if KEEP_ABSOLUTE in source:
                return source

            def attribute(m):
                name, quoted = m.group(1), m.group(2)
                value = html.unescape(quoted[1:-1])
                if name.lower() == "srcset":
                    parts = []
                    for part in value.split(","):
                        bits = part.strip().split(None, 1)
                        if bits:
                            bits[0] = self._rewrite_url(bits[0], key, from_file)
                            parts.append(" ".join(bits))
                    new = ", ".join(parts)
                else:
                    new = self._rewrite_url(value, key, from_file)
                return f' {name}="{html.escape(new, quote=True)}"'

            return ATTRIBUTE.sub(attribute, source)

        return TAG.sub(tag, text)

    def _rewrite_feed(self, text, from_file):
        def link(m):
            if m.group(1):
                before, value, after = m.group(1), m.group(2), m.group(3)
            else:
                before, value, after = m.group(4), m.group(5), m.group(6)
            new = self._rewrite_url(html.unescape(value), "/", from_file)
            return before + html.escape(new, quote=True) + after

        text = re.sub(r'(href=")([^"]*)(")|(<link>)([^<]*)(</link>)', link, text)
        # What remains are identifiers (<id>, <guid>): the main site's, as on the live feed.
        for origin in sorted(self.origins, key=len, reverse=True):
            if origin.startswith("http"):
                text = text.replace(origin + "/", self.main_site_url + "/")
        return text

    def _rewrite_css(self, text, key, from_file):
        def sub(m):
            return f'url("{self._rewrite_url(m.group(2), key, from_file)}")'

        return CSS_URL.sub(sub, text)

    # --- writing -----------------------------------------------------------------------------

    def _write_all(self, only):
        for key, (content_type, body) in self.documents.items():
            if only is not None and key not in only:
                continue
            name = self.manifest[key]["file"]
            if content_type == "redirect":
                target = self._target_file(body)
                body = render_redirect(relative(name, target) if target else "../index.html")
            elif content_type.startswith("text/html"):
                body = self._rewrite_html(body, key, name)
            elif content_type.startswith(FEED_TYPES):
                body = self._rewrite_feed(body, name)
            elif content_type == "text/css":
                body = self._rewrite_css(body, key, name)
            self._write(name, body)

    def _write(self, name, body):
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = body.encode("utf-8") if isinstance(body, str) else body
        if path.exists() and path.read_bytes() == data:
            return
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)

    def _remove(self, name):
        path = self.dir / name
        if path.is_file():
            path.unlink()

    def _write_root(self):
        """`index.html` at the top: the languages, for a copy opened from a USB stick."""
        from django.template.loader import render_to_string

        homes = []
        for code, name in settings.LANGUAGES:
            target = self._target_file(f"/{code}/")
            if target:
                homes.append((code, name, target))
        body = render_to_string("mirror/root.html", {"homes": homes, "made_on": self.made_on})
        self.manifest["/"] = {"file": "index.html", "type": "text/html", "page": None}
        self._write("index.html", body)

    def _remember_for_search(self, key, text):
        path, _sep, query = key.partition("?")
        if query or path.endswith(("/search/", "/mirrors/")):
            return
        language = path.strip("/").split("/")[0]
        if language not in LANGUAGE_CODES:
            return
        entry = search_index.entry_from_html(text)
        if entry:
            self.search_entries.setdefault(language, {})[key] = entry

    def _write_search_indexes(self, languages):
        for code in languages:
            entries = self.search_entries.get(code, {})
            page_key = f"/{code}/search/"
            page_file = self._target_file(page_key) or f"{code}/search/index.html"
            items = []
            for key, entry in sorted(entries.items()):
                to_file = self._target_file(key)
                if to_file:
                    items.append({**entry, "url": relative(page_file, to_file)})
            folder = posixpath.dirname(page_file)
            data = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
            self._write(f"{folder}/search-index.json", data)
            # A file:// page cannot fetch() a JSON file; a <script> can load this one.
            self._write(f"{folder}/search-index.js", f"window.mirrorSearchIndex = {data};\n")

    def _read_manifest(self):
        path = self.dir / MANIFEST
        if not path.exists():
            return {}
        return json.loads(path.read_text("utf-8"))

    def _save_manifest(self):
        data = {"made_on": str(self.made_on), "urls": self.manifest, "search": self.search_entries}
        self._write(MANIFEST, json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True))

    def _summary(self):
        return {
            "rendered": len(self.documents),
            "files": len(self.manifest),
            "missing": len(self.missing),
            "missing_urls": sorted(self.missing)[:20],
        }


def render_redirect(href):
    escaped = html.escape(href, quote=True)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={escaped}"><title>…</title></head>'
        f'<body><p><a href="{escaped}">{escaped}</a></p></body></html>'
    )


def export(directory, pending=False, stdout=None):
    """One run at a time per copy: a `--pending` from cron waits for the nightly full export
    (a lock file beside the directory, so it is not copied to the mirrors)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    lock = directory.parent / f".{directory.name}.lock"
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        exporter = Exporter(directory, stdout=stdout)
        return exporter.export_pending() if pending else exporter.export_all()
