"""The reader's address as seen by the site, for rate limits only (never stored or logged).

Behind a reverse proxy every request comes from the proxy's address, so a limit on
REMOTE_ADDR would be one limit for all readers. The proxy's `X-Forwarded-For` says who the
client was, but anyone can send that header: it is believed only when the request comes from
an address in TRUSTED_PROXIES, and then the right-most address that is not a trusted proxy is
the client (what a proxy appended, not what the client claimed).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request):
    peer = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted(peer):
        return peer
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        if not _is_trusted(hop):
            return hop
    return peer
