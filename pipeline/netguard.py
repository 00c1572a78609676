"""SSRF guard: only fetch http(s) URLs whose host resolves to public addresses.

Two layers, both driven by the same rules:

* ``check_url`` runs before every request and every redirect hop: scheme, credentials, and every
  address the host resolves to. It gives a clear error before any connection is made.
* ``guarded_transport`` is the httpx transport the fetcher uses. Its network backend resolves the
  host again *at connect time*, checks every address and connects to a checked IP (TLS still
  verifies the certificate against the host name). A DNS answer that changes between the check
  and the connection (DNS rebinding) therefore cannot reach a private address.

``allow_private`` turns the address rules off (local development, tests);
``allow_hosts`` trusts named hosts (``"name"`` or ``"name:port"``) even when they are private,
e.g. an intranet feed server. Neither relaxes the scheme or credential rules.
"""

import ipaddress
import socket
from collections.abc import Iterable

import httpcore
import httpx

from .errors import ItemError

ALLOWED_SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # embeds an IPv4 address in its last 32 bits


class FetchError(ItemError):
    """A URL could not be fetched. ``item`` is the URL asked for; ``reason`` says why."""

    stage = "fetch"


class BlockedAddress(FetchError):
    """The URL is not fetchable by policy: not http(s), has credentials, or reaches a
    loopback/private/link-local/multicast/reserved/unspecified address."""


class ConnectionFailed(FetchError):
    """No connection could be made (DNS failure, refused, reset), after retries."""


def check_url(url: str, *, allow_private: bool, allow_hosts: Iterable[str] = ()) -> None:
    """Raise BlockedAddress unless ``url`` is an http(s) URL whose host resolves only to public addresses.

    Every address the host resolves to is checked (an attacker controls which one a client
    picks). Raises ConnectionFailed when the host does not resolve.
    """
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise BlockedAddress(url, f"not a valid URL ({exc})") from None
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise BlockedAddress(url, f"scheme {parsed.scheme or '(none)'!r} is not allowed; only http and https URLs are fetched")
    if parsed.userinfo:
        raise BlockedAddress(url, "URLs with credentials (user:password@) are refused")
    host = parsed.raw_host.decode("ascii")
    if not host:
        raise BlockedAddress(url, "URL has no host")
    port = parsed.port or _DEFAULT_PORTS[parsed.scheme]
    if allow_private or host_is_allowed(host, port, allow_hosts):
        return
    try:
        resolve_public(host, port)
    except BlockedAddress as exc:
        raise BlockedAddress(url, exc.reason) from None
    except ConnectionFailed as exc:
        raise ConnectionFailed(url, exc.reason) from None


def is_public_address(ip: str) -> bool:
    """True for a globally routable unicast address; False for loopback, private, link-local,
    multicast, reserved, unspecified, shared (CGNAT), documentation ranges, and for IPv6 forms
    that embed such an IPv4 address (IPv4-mapped, 6to4, NAT64). False for anything unparsable."""
    try:
        address = ipaddress.ip_address(ip.split("%", 1)[0].strip("[]"))  # drop an IPv6 zone id
    except ValueError:
        return False
    if address.version == 6 and address.ipv4_mapped is not None:
        return is_public_address(str(address.ipv4_mapped))  # ::ffff:a.b.c.d is a.b.c.d on the wire
    if address.version == 6:
        embedded = address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None and not is_public_address(str(embedded)):
            return False
    return bool(address.is_global and not (address.is_multicast or address.is_reserved or address.is_loopback
                                            or address.is_link_local or address.is_unspecified))


def resolve_public(host: str, port: int) -> list[str]:
    """Resolve ``host`` and return its addresses, or raise BlockedAddress if any one is not public.

    ``item`` of the errors is ``host:port``; callers re-raise with the URL.
    """
    where = f"{host}:{port}"
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise ConnectionFailed(where, f"cannot resolve host {host!r}: {exc}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise ConnectionFailed(where, f"host {host!r} resolves to no address")
    for address in addresses:
        if not is_public_address(address):
            shown = address if address == host else f"{address} (from {host})"
            raise BlockedAddress(where, f"address {shown} is not public (loopback, private, link-local, "
                                        "multicast, reserved or unspecified); set ARTICLEWATCH_ALLOW_PRIVATE_HOSTS=1 "
                                        "to fetch from private networks")
    return addresses


def host_is_allowed(host: str, port: int, allow_hosts: Iterable[str]) -> bool:
    allowed = {entry.strip().lower() for entry in allow_hosts}
    if not allowed:
        return False
    host = host.lower().strip("[]")
    shown = f"[{host}]" if ":" in host else host
    return host in allowed or shown in allowed or f"{shown}:{port}" in allowed


def guarded_transport(*, allow_private: bool, allow_hosts: Iterable[str] = (),
                      limits: httpx.Limits | None = None) -> httpx.HTTPTransport:
    """An httpx transport whose connections are pinned to addresses checked at connect time.

    No proxy support: a proxy would make the connect-time check meaningless.
    """
    limits = limits or httpx.Limits()
    transport = httpx.HTTPTransport(limits=limits)
    # httpx has no public hook for the network backend, so the pool is rebuilt with one
    # (same settings as HTTPTransport's own pool; http/1.1 only).
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=PinnedBackend(allow_private=allow_private, allow_hosts=allow_hosts),
    )
    return transport


class PinnedBackend(httpcore.SyncBackend):
    """Resolves, checks every address, then connects to a checked IP (never re-resolving)."""

    def __init__(self, *, allow_private: bool, allow_hosts: Iterable[str] = ()):
        self.allow_private = allow_private
        self.allow_hosts = frozenset(allow_hosts)

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        if self.allow_private or host_is_allowed(host, port, self.allow_hosts):
            return super().connect_tcp(host, port, timeout, local_address, socket_options)
        addresses = resolve_public(host, port)  # raises BlockedAddress / ConnectionFailed
        error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error
