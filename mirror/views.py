from django.shortcuts import render

from .queries import addresses_for_active_language


def mirror_list(request):
    """ "Other addresses of this site", in the reader's language: where to go when this
    address is blocked. The same page is in every mirror copy."""
    return render(
        request,
        "mirror/mirror_list.html",
        {"addresses": addresses_for_active_language()},
    )
