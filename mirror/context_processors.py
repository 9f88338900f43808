from core import mirror_state as state


def mirror(request):
    """`mirror` in every template: None on the live site; in a mirror copy the export's
    date, the main site's address and the other addresses (templates/mirror/notice.html)."""
    export = state.current()
    if export is None:
        return {"mirror": None}
    from .queries import addresses_for_active_language

    return {
        "mirror": {
            "made_on": export.made_on,
            "main_site_url": export.main_site_url,
            "addresses": addresses_for_active_language(),
        }
    }
