"""The numbered pager used by every paginated list (templates/components/pager.html)."""

from django import template

register = template.Library()


@register.simple_tag
def pager_links(page, querystring="", on_each_side=3, on_ends=1):
    """Entries for a Django `Page`: [{"number", "url", "current"} or {"gap": True}].

    `querystring` holds the other parameters to keep (e.g. filters), already encoded.
    Far pages are elided: ‹ 1 … 7 8 9 10 11 12 13 … 40 ›.
    """
    paginator = page.paginator

    def url(number):
        params = [querystring] if querystring else []
        if number != 1:
            params.append(f"page={number}")
        return "?" + "&".join(params) if params else "?"

    entries = []
    for number in paginator.get_elided_page_range(
        page.number, on_each_side=on_each_side, on_ends=on_ends
    ):
        if number == paginator.ELLIPSIS:
            entries.append({"gap": True})
        else:
            entries.append({"number": number, "url": url(number), "current": number == page.number})
    return {
        "entries": entries,
        "previous_url": url(page.previous_page_number()) if page.has_previous() else None,
        "next_url": url(page.next_page_number()) if page.has_next() else None,
    }
