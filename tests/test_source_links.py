"""`manage.py check_source_links` finds the cited addresses that no longer answer, checked
against a real HTTP server started for the test."""

import io
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from demo import data as demo_data
from knowledge.models import DecisionPage, GuidePage, LegalRule
from knowledge.source_links import USER_AGENT
from news.models import NewsPage

from .knowledge_helpers import TEST_SOURCE, edit_rule_and_publish, profile

# Two Russian rules (translated into Russian) that the tests make cite test addresses.
FIRST, SECOND = demo_data.rules("RU")[:2]


class Handler(BaseHTTPRequestHandler):
    seen = []  # (method, path, headers) of every request

    def _answer(self, send_body):
        self.seen.append((self.command, self.path, dict(self.headers)))
        if self.path == "/law":
            status = 200
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/law")
            self.send_header("Set-Cookie", "tracking=1; Path=/")
            self.end_headers()
            return
        elif self.path == "/no-head":
            status = 405 if self.command == "HEAD" else 200
        else:
            status = 404
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if send_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802 -- http.server's name
        self._answer(send_body=False)

    def do_GET(self):  # noqa: N802
        self._answer(send_body=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Handler.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def refused():
    """An address on a port nothing listens on."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/closed"


def cite(url, **extra):
    return ("source", {**TEST_SOURCE, "url": url, **extra})


def run(*args):
    out = io.StringIO()
    try:
        call_command("check_source_links", "--timeout", "3", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


@pytest.fixture
def local_only(demo_content):
    """The demo cites real sites; a test run must not ask them (nor depend on the network),
    so their citations are cleared and only what a test adds is checked."""
    for model in (LegalRule, GuidePage, NewsPage, DecisionPage):
        model.objects.update(sources="[]")


@pytest.fixture
def cited(local_only, server, refused):
    """Rules, a guide and a news item, in English and Russian, citing a working, a
    missing, a refused, a redirected and a HEAD-refusing address."""
    russia = profile("russia")
    edit_rule_and_publish(
        russia,
        FIRST["heading"],
        sources=[cite(f"{server}/law"), cite(f"{server}/gone"), cite(f"{server}/redirect")],
    )
    edit_rule_and_publish(russia, SECOND["heading"], sources=[cite(f"{server}/law"), cite(refused)])
    edit_rule_and_publish(
        profile("russia", "ru"),
        demo_data.translation("ru", SECOND["heading"]),
        sources=[cite(f"{server}/gone")],
    )
    guide = GuidePage.objects.get(slug="leaving-ukraine", locale__language_code="en")
    guide.sources = [cite(f"{server}/gone"), cite(f"{server}/no-head")]
    guide.save_revision().publish()
    news = NewsPage.objects.filter(locale__language_code="en").order_by("-date").first()
    news.sources = [cite(f"{server}/gone", kind="news")]
    news.save_revision().publish()
    return {"server": server, "refused": refused, "guide": guide, "news": news}


@pytest.mark.django_db
def test_broken_source_links_are_listed_with_who_cites_them(cited):
    server, refused = cited["server"], cited["refused"]
    output, error = run()
    assert error is not None and error.returncode == 1
    assert f"BROKEN {server}/gone — HTTP 404" in output
    assert f"BROKEN {refused} — " in output
    assert "refused" in output.split(f"BROKEN {refused} — ", 1)[1].split("\n", 1)[0].lower()
    gone = output.split(f"BROKEN {server}/gone", 1)[1].split("BROKEN", 1)[0]
    russia = demo_data.profile("RU")["title"]
    assert f"[en] {russia} › {FIRST['heading']}" in gone
    ru = demo_data.translation
    assert f"[ru] {ru('ru', russia)} › {ru('ru', SECOND['heading'])}" in gone
    assert f"[en] {cited['guide'].title} (page {cited['guide'].pk})" in gone
    assert f"[en] {cited['news'].title} (page {cited['news'].pk})" in gone
    assert f"{server}/law " not in output and f"{server}/law\n" not in output
    assert f"BROKEN {server}/redirect" not in output
    assert f"BROKEN {server}/no-head" not in output  # HEAD refused, GET answers
    assert "5 source address(es) checked, 2 broken." in output


@pytest.mark.django_db
def test_each_address_is_asked_once_politely_and_without_cookies(cited):
    server = cited["server"]
    run()
    heads = [path for method, path, _headers in Handler.seen if method == "HEAD"]
    # /gone is cited five times in two languages; /law once, and once more via /redirect
    assert sorted(heads) == ["/gone", "/law", "/law", "/no-head", "/redirect"]
    # HEAD first; GET only where HEAD failed
    gets = sorted(path for method, path, _headers in Handler.seen if method == "GET")
    assert gets == ["/gone", "/no-head"]
    assert all(h.get("User-Agent") == USER_AGENT for _m, _p, h in Handler.seen)
    # the cookie set on the redirect is not sent back when following it
    after_redirect = [h for m, p, h in Handler.seen if p == "/law"]
    assert after_redirect and not any("Cookie" in h for h in after_redirect)
    assert server


@pytest.mark.django_db
def test_exit_zero_for_a_report_without_failing(cited):
    output, error = run("--exit-zero")
    assert error is None
    assert "2 broken" in output


@pytest.mark.django_db
def test_all_links_answering_is_a_success(local_only, server):
    edit_rule_and_publish(profile("russia"), FIRST["heading"], sources=[cite(f"{server}/law")])
    output, error = run()
    assert error is None
    assert "1 source address(es) checked, 0 broken." in output


@pytest.mark.django_db
def test_a_decision_citing_a_dead_address_is_listed(local_only, server):
    """Decisions cite their sources (the judgment, a report of it) like guides do: a source
    that disappeared is listed with the decision that cites it."""
    decision = DecisionPage.objects.live().filter(locale__language_code="en").first()
    decision.sources = [cite(f"{server}/gone")]
    decision.save_revision().publish()
    output, error = run()
    assert error is not None and error.returncode == 1
    gone = output.split(f"BROKEN {server}/gone — HTTP 404", 1)[1]
    assert f"[en] {decision.title} (page {decision.pk})" in gone
