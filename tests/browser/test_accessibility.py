"""axe-core in Chromium on every public page type in two languages: no serious or critical
violation. axe-core is vendored (tests/browser/vendor/axe.min.js, see docs/browser-tests.md)."""

from pathlib import Path

import pytest

from .public_pages import LANGUAGES, PUBLIC_PAGES

pytestmark = pytest.mark.browser

AXE_VERSION = "4.14.1"
AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
BLOCKING_IMPACT = {"serious", "critical"}


PAGE_CASES = [
    pytest.param(f"/{language}/{path}", id=f"{language}-{name}")
    for language in LANGUAGES
    for name, path in PUBLIC_PAGES.items()
]


def axe_violations(page):
    page.evaluate(AXE_SOURCE)  # through the DevTools protocol: the page's CSP does not apply
    assert page.evaluate("axe.version") == AXE_VERSION
    results = page.evaluate(
        """() => axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                            "wcag22aa", "best-practice"]},
            // WCAG 2.2 target size (24 x 24 px): off in axe by default, on for phone readers.
            rules: {"target-size": {enabled: true}},
            resultTypes: ["violations"],
        })"""
    )
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACT]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']}: {violation['id']} — {violation['help']}")
        lines += [f"    {' '.join(node['target'])}" for node in violation["nodes"][:5]]
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGE_CASES)
def test_no_serious_accessibility_violations(page, site, path, shot):
    response = page.goto(site + path)
    assert response.status == (404 if "no-such-page" in path else 200)
    violations = axe_violations(page)
    shot(page, "page", full_page=False)  # the visible part: quicker, enough to recognise it
    assert not violations, describe(violations)


def test_axe_reports_a_serious_violation(page):
    page.set_content('<html lang="en"><title>x</title><main><img src="data:,"></main></html>')
    assert [v["id"] for v in axe_violations(page)] == ["image-alt"]
