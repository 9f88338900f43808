"""Helpers for knowledge-base tests: edit rules the way the page editor saves them."""

from knowledge.models import CountryProfilePage


def glance_of(html):
    """The at-a-glance box of a rendered profile."""
    return html.split('id="glance-heading"', 1)[1].split("</section>", 1)[0]


def profile(slug="russia", language="en"):
    return CountryProfilePage.objects.get(slug=slug, locale__language_code=language)


def edit_rule_and_publish(page, rule_heading, user=None, **changes):
    """Change the rule called `rule_heading` in a new revision of `page` and publish it."""
    page = CountryProfilePage.objects.get(pk=page.pk)
    rules = list(page.rules.all())
    rule = next(r for r in rules if r.heading == rule_heading)
    for field, value in changes.items():
        setattr(rule, field, value)
    page.rules = rules
    page.save_revision(user=user).publish(user=user)
    return CountryProfilePage.objects.get(pk=page.pk)


TEST_SOURCE = {
    "kind": "law",
    "title": "Test source",
    "issuer": "",
    "url": "https://example.org/test-source",
    "no_online_copy": "",
}


def replace_topic_rules(page, topic, rules):
    """Publish `page` with `rules` (dicts of LegalRule fields; a test source each unless
    given) in place of its rules on `topic`, so a test does not depend on the demo's."""
    from knowledge.models import LegalRule

    page = CountryProfilePage.objects.get(pk=page.pk)
    kept = [rule for rule in page.rules.all() if rule.topic != topic]
    for fields in rules:
        fields = {"sources": [("source", TEST_SOURCE)], "summary": "Test rule.", **fields}
        kept.append(LegalRule(topic=topic, **fields))
    for position, rule in enumerate(kept):
        rule.sort_order = position
    page.rules = kept
    page.save_revision().publish()
    return CountryProfilePage.objects.get(pk=page.pk)


# --- the page editor's form, as the admin submits it -------------------------------


def block_form_data(block, value, prefix):
    """POST data of a block value as the admin's StreamField widgets submit it."""
    from wagtail import blocks

    if isinstance(block, blocks.StreamBlock):
        data = {f"{prefix}-count": str(len(value))}
        for index, child in enumerate(value):
            item = f"{prefix}-{index}"
            data |= {
                f"{item}-type": child.block_type,
                f"{item}-id": child.id or "",
                f"{item}-order": str(index),
                f"{item}-deleted": "",
            }
            data |= block_form_data(child.block, child.value, f"{item}-value")
        return data
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child_block in block.child_blocks.items():
            data |= block_form_data(child_block, value.get(name), f"{prefix}-{name}")
        return data
    # What the field's widget puts in the form (rich text as the editor's JSON, dates in
    # the admin's format); a select gives a list of one.
    form_value = block.field.widget.format_value(block.value_for_form(value))
    if isinstance(form_value, list):
        form_value = form_value[0] if form_value else ""
    return {prefix: "" if form_value is None else form_value}


def stream_form_data(prefix, value):
    return block_form_data(value.stream_block, value, prefix)


def edit_form_data(client, page, checked=None):
    """The page's edit form as the admin would submit it unchanged: the server-rendered
    fields parsed from the edit view, plus the StreamFields (which the admin's JavaScript
    builds, so they are not in the HTML) from the page's current content.
    `checked`: a date the editor enters for sources nobody has checked yet.
    Returns (data, {rule heading: form prefix})."""
    import re

    from django.urls import reverse

    from wagtail.test.utils.form_data import querydict_from_html

    def sources_of(value):
        for block in value:
            block.value["checked"] = block.value.get("checked") or checked
        return value

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # A ticked checkbox without a value attribute is sent as "on" by browsers; Wagtail's
    # helper sends "", which Django reads as unticked (e.g. a rule's "under review").
    for name in re.findall(
        r'<input type="checkbox" name="([^"]+)"(?![^>]*value=)[^>]*checked', html
    ):
        if data.get(name) == "":
            data[name] = "on"
    prefixes = {}
    if hasattr(page, "rules"):
        rules = {rule.pk: rule for rule in page.rules.all()}
        for index in range(int(data["rules-TOTAL_FORMS"])):
            rule = rules[int(data[f"rules-{index}-id"])]
            prefixes[rule.heading] = f"rules-{index}"
            data.update(stream_form_data(f"rules-{index}-sources", sources_of(rule.sources)))
    else:
        data.update(stream_form_data("sources", sources_of(page.sources)))
        data.update(stream_form_data("body", page.body))
    return data, prefixes


def field_errors(html, field_name, rule_index=None):
    """The error messages the edit view shows next to a field (of the rule at
    `rule_index` of the inline panel, or of the page)."""
    import re

    # Panel ids are made of the (translated) tab and panel headings, e.g.
    # "panel-child-content-child-legal_rules-6-child-penalty-child-…-fine-errors", in the
    # language of whoever opened the first form since the server started (Wagtail caches
    # them with the model's panels): so the inline panel's name is not matched.
    scope = f'-child-[^"-]+-{rule_index}-child-[^"]*' if rule_index is not None else ""
    messages = []
    for block in re.findall(
        rf'id="panel-child-[^"]*{scope}-{field_name}-errors">(.*?)</div>',
        html,
        flags=re.DOTALL,
    ):
        messages += [
            m.strip() for m in re.findall(r'<p class="error-message">(.*?)</p>', block, re.S)
        ]
    return messages


def block_errors(html, field_id):
    """The errors the edit view hands to the StreamField with this id (the admin's
    JavaScript shows them next to the stream and its blocks), as Wagtail's error JSON."""
    import html as html_module
    import json
    import re

    match = re.search(
        rf'<div id="{re.escape(field_id)}" data-block [^>]*data-w-block-arguments-value="([^"]*)"',
        html,
    )
    assert match, f"no StreamField {field_id} in the page"
    _value, errors = json.loads(html_module.unescape(match.group(1)))
    return errors
