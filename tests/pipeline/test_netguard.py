"""The SSRF guard: address rules, URL rules, and the connect-time check of the pinned transport."""

import socket

import httpx
import pytest

from pipeline import netguard
from pipeline.fetch import BlockedAddress as FetchBlockedAddress
from pipeline.netguard import BlockedAddress, ConnectionFailed, check_url, guarded_transport, is_public_address



def test_blocked_address_is_the_fetch_error():
    assert BlockedAddress is FetchBlockedAddress
    error = BlockedAddress("http://x/", "why")
    assert error.stage == "fetch" and error.item == "http://x/" and error.reason == "why"


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "255.255.255.255", "224.0.0.1", "240.0.0.1", "192.0.2.10",
    "::1", "::", "fe80::1", "fe80::1%eth0", "fc00::1", "fd12:3456::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "2002:7f00:1::", "64:ff9b::a00:1",
    "not an address", "",
])
def test_non_public_addresses(address):
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses(address):
    assert is_public_address(address)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://localhost/",
    "http://2130706433/",   # 127.0.0.1 as one number: resolving normalises such tricks
    "http://0x7f.1/",
])
def test_check_url_blocks_private_hosts(url):
    with pytest.raises(BlockedAddress) as info:
        check_url(url, allow_private=False)
    assert info.value.item == url
    assert "not public" in info.value.reason


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "ftp://example.com/feed.xml", "gopher://example.com/", "data:text/html,<p>hi</p>",
    "javascript:alert(1)", "/relative/path",
])
def test_check_url_refuses_other_schemes(url):
    with pytest.raises(BlockedAddress, match="scheme"):
        check_url(url, allow_private=True)


def test_check_url_refuses_credentials():
    with pytest.raises(BlockedAddress, match="credentials"):
        check_url("http://user:secret@127.0.0.1/", allow_private=True)


def test_allow_private_and_allow_hosts():
    check_url("http://127.0.0.1:8000/feed", allow_private=True)
    check_url("http://127.0.0.1:8000/feed", allow_private=False, allow_hosts={"127.0.0.1:8000"})
    check_url("http://intranet.local/feed", allow_private=False, allow_hosts={"intranet.local"})
    with pytest.raises(BlockedAddress):  # the exemption is for that port only
        check_url("http://127.0.0.1:8001/feed", allow_private=False, allow_hosts={"127.0.0.1:8000"})


def test_check_url_checks_every_resolved_address(monkeypatch):
    """One private address among public ones is enough to refuse (the client may pick any)."""
    def fake_getaddrinfo(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port))]
    monkeypatch.setattr(netguard.socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(BlockedAddress, match="10.1.2.3"):
        check_url("http://mixed.example/", allow_private=False)


def test_unresolvable_host_is_a_connection_failure(monkeypatch):
    def fail(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    monkeypatch.setattr(netguard.socket, "getaddrinfo", fail)
    with pytest.raises(ConnectionFailed, match="cannot resolve"):
        check_url("http://no-such-host.invalid/", allow_private=False)


def test_transport_checks_at_connect_time(server):
    """Even without check_url, the pinned transport refuses to connect to a private address."""
    server.expect_request("/").respond_with_data("secret")
    with httpx.Client(transport=guarded_transport(allow_private=False)) as client:
        with pytest.raises(BlockedAddress):
            client.get(server.url_for("/"))
    assert server.log == []  # nothing reached the server
    with httpx.Client(transport=guarded_transport(allow_private=True)) as client:
        assert client.get(server.url_for("/")).text == "secret"


def test_dns_rebinding_is_caught_at_connect(server, monkeypatch):
    """The name resolves to a public address for the check, then to 127.0.0.1: the connection is refused."""
    from pipeline.fetch import Fetcher, FetchSettings

    server.expect_request("/").respond_with_data("secret")
    real_getaddrinfo = socket.getaddrinfo
    answers = iter(["93.184.216.34", "127.0.0.1"])

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.test":
            return real_getaddrinfo(host, port, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers, "127.0.0.1"), port))]

    monkeypatch.setattr(netguard.socket, "getaddrinfo", rebinding)
    settings = FetchSettings(allow_private=False, respect_robots=False, retries=0, per_host_delay=0)
    with Fetcher(settings, sleep=lambda s: None) as fetcher:
        with pytest.raises(BlockedAddress, match="127.0.0.1"):
            fetcher.fetch(f"http://rebind.test:{server.port}/")
    assert server.log == []
