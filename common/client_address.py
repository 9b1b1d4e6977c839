"""The address of the person making a request, for the login lockout and the feedback limit.

Behind proxies, REMOTE_ADDR is the nearest proxy, the same for everyone. Each proxy appends
the address it was connected from to X-Forwarded-For, so with N proxies the reader's address
is the N-th entry from the right; anything further left was written by the reader and could
say anything. So the header is read only when DJANGO_PROXY_COUNT says proxies are there, and
only that many hops from the right.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    connected_from = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    if proxies <= 0:
        return connected_from
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(hops) < proxies:
        # Fewer hops than proxies: the request did not come through them all.
        return connected_from
    forwarded = hops[-proxies]
    try:
        return str(ipaddress.ip_address(forwarded))
    except ValueError:  # a misconfigured proxy count or a broken header
        return connected_from
