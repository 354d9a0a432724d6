"""Federation over real TLS, as in production: nginx terminates https://a.test and https://b.test with
certificates of a test CA that the two agora instances trust (AGORA_TEST_CA_FILE); no AGORA_TEST_HTTP."""
import pytest

from federation_helpers import eventually, resolve
from tls_proxy import Nginx, make_certificates


@pytest.fixture
def tls_pair(instances, tmp_path):
    domains = ("a.test", "b.test")
    ca = make_certificates(tmp_path / "certs", domains)
    pending = {d: instances(domain=d, run=False) for d in domains}
    proxy = Nginx(tmp_path / "nginx", tmp_path / "certs", {d: i.port for d, i in pending.items()})
    try:
        for inst in pending.values():
            inst.env.update({"AGORA_TEST_CA_FILE": str(ca),
                             "AGORA_TEST_CONNECT_TO": ",".join(f"{d}=127.0.0.1:{proxy.port}" for d in domains)})
            assert "AGORA_TEST_HTTP" not in inst.env
            inst.start()
        yield pending["a.test"], pending["b.test"], proxy
    finally:
        proxy.stop()


def test_follow_post_and_delivery_over_tls(tls_pair):
    a, b, proxy = tls_pair
    alice = a.create_user("alice")
    bob = b.create_user("bob")
    assert a.public_url == "https://a.test"

    alice_at_b = resolve(b, bob, "alice@a.test")
    account = b.api("GET", f"/api/v1/accounts/{alice_at_b}", token=bob).json()
    assert account["acct"] == "alice@a.test" and account["url"] == "https://a.test/@alice"
    assert b.api("POST", f"/api/v1/accounts/{alice_at_b}/follow", token=bob).status_code == 200
    eventually(lambda: b.api("GET", "/api/v1/accounts/relationships", token=bob,
                             params={"id[]": alice_at_b}).json()[0]["following"], message="Accept over TLS")

    posted = a.api("POST", "/api/v1/statuses", token=alice, data={"status": "Hello over TLS"}).json()
    assert posted["uri"].startswith("https://a.test/users/alice/statuses/")
    seen = eventually(lambda: [s for s in b.api("GET", "/api/v1/timelines/home", token=bob).json()
                               if s["uri"] == posted["uri"]], message="post delivered over TLS")[0]
    assert "Hello over TLS" in seen["content"] and seen["account"]["acct"] == "alice@a.test"

    # Every hop went through the TLS proxy: discovery, actor and key fetches, and the
    # inboxes (Follow, Accept, Create).
    log = proxy.requests_seen()
    for line in ('"GET /.well-known/webfinger?resource=acct:alice@a.test ', '"GET /users/alice ',
                 '"GET /users/bob ', '"GET /actor '):
        assert line in log, (line, log)
    assert log.count('"POST /inbox HTTP/1.1" 202') >= 3, log
