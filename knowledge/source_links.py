"""Which source addresses of rules, guides and news no longer answer, for
`check_source_links`.

Run from cron by editors, never in a request: each address can take the whole timeout.
The check sends no cookies and names itself in the User-Agent, so site owners can see
what it is; it tries HEAD first and falls back to GET, which some servers need.
"""

import http.client
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from wagtail.models import get_page_models

from .models.rules import LegalRule

USER_AGENT = "ObjectWarCampaign-source-check/1.0 (checks that cited sources still answer)"


@dataclass
class Citation:
    """Where a source address is cited: a rule of a profile, a guide or a news item, in one
    language."""

    language: str
    page_title: str
    page_id: int
    rule_heading: str = ""

    def __str__(self):
        where = f"{self.page_title} › {self.rule_heading}" if self.rule_heading else self.page_title
        return f"[{self.language}] {where} (page {self.page_id})"


@dataclass
class LinkResult:
    url: str
    citations: list = field(default_factory=list)
    status: int | None = None
    error: str = ""

    @property
    def broken(self):
        return bool(self.error) or self.status is None or self.status >= 400

    @property
    def problem(self):
        return self.error or f"HTTP {self.status}"


def cited_urls():
    """{url: [Citation]} over every rule and every page with sources (guides, decisions,
    news items) in every language, each address once."""
    cited = {}
    rules = LegalRule.objects.select_related("profile", "locale").order_by("profile_id", "pk")
    for rule in rules:
        for block in rule.sources:
            if url := (block.value.get("url") or "").strip():
                cited.setdefault(url, []).append(
                    Citation(
                        rule.locale.language_code, rule.profile.title, rule.profile_id, rule.heading
                    )
                )
    # Found by their `sources` field, so the knowledge base does not import the news app
    # (which builds on it).
    for model in _models_with_sources():
        for page in model.objects.select_related("locale").order_by("pk"):
            for block in page.sources:
                if url := (block.value.get("url") or "").strip():
                    cited.setdefault(url, []).append(
                        Citation(page.locale.language_code, page.title, page.pk)
                    )
    return cited


def _models_with_sources():
    return [
        model
        for model in get_page_models()
        if any(field.name == "sources" for field in model._meta.get_fields())
    ]


class _HeadStaysHead(urllib.request.HTTPRedirectHandler):
    """Follow redirects with the same HEAD (urllib turns it into a GET, which downloads
    the document)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            new.method = "HEAD"
        return new


def _opener():
    # No HTTPCookieProcessor: nothing a site sets is kept or sent back.
    return urllib.request.build_opener(_HeadStaysHead)


def _request(opener, url, method, timeout):
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        return None, "not a web address"
    request = urllib.request.Request(  # noqa: S310 -- http(s) only, checked above
        url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            if method == "GET":
                response.read(1024)  # enough to know it answers; never the whole document
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, ""
    # URLError, timeouts and TLS errors are OSErrors; a garbled answer is an HTTPException.
    except (OSError, http.client.HTTPException, ValueError) as error:
        reason = getattr(error, "reason", error)
        return None, str(reason) or type(error).__name__


def check_url(url, timeout=10.0, opener=None):
    """(status, error) for `url`: HEAD, then GET if HEAD did not give a success."""
    opener = opener or _opener()
    status, error = _request(opener, url, "HEAD", timeout)
    if status is not None and status < 400:
        return status, ""
    # Many servers refuse or mishandle HEAD (405, 403, 404, dropped connections) but
    # serve the same address to a browser's GET.
    get_status, get_error = _request(opener, url, "GET", timeout)
    if get_status is None and status is not None:
        return status, ""  # the server answered HEAD with an error; report that
    return get_status, get_error


def check_links(cited, timeout=10.0, workers=4):
    """[LinkResult] for every address in `cited` ({url: citations}), in address order."""
    opener = _opener()
    results = [LinkResult(url, citations) for url, citations in sorted(cited.items())]

    def run(result):
        result.status, result.error = check_url(result.url, timeout=timeout, opener=opener)
        return result

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(run, results))
