"""agora federates with a peer built on Fedify, an ActivityPub implementation nobody here wrote
(tests/clients/fedify_peer.mjs): Fedify reads our actors and notes, verifies our signatures, and what it
sends is accepted."""
import subprocess
import time

import pytest
import requests

from agora_harness import free_port
from federation_helpers import eventually, resolve
from node_clients import CLIENTS, node_clients

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
PEER = "http://peer.test/users/peer"


class Peer:
    """The Fedify server as a subprocess, driven through its control API."""

    def __init__(self, node, port, connect_to, first_knock, log_path):
        self.port = port
        self.log_path = log_path
        self.log_file = open(log_path, "ab")
        self.process = subprocess.Popen([node, str(CLIENTS / "fedify_peer.mjs"), str(port), "peer.test", connect_to,
                                         first_knock],
                                        stdout=self.log_file, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout=90):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"fedify peer exited with {self.process.returncode}:\n{self.log()}")
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/control/ready", timeout=5).ok:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"fedify peer did not start:\n{self.log()}")

    def call(self, method, path, **body):
        r = requests.request(method, f"http://127.0.0.1:{self.port}/control/{path}", json=body or None, timeout=60)
        assert r.status_code == 200, f"{path}: {r.status_code} {r.text}\n{self.log()[-3000:]}"
        return r.json()

    def inbox(self, type_=None):
        return [a for a in self.call("GET", "inbox") if type_ in (None, a["type"])]

    def log(self):
        return self.log_path.read_text(errors="replace")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log_file.close()


@pytest.fixture
def first_knock(request):
    """The HTTP signature scheme the peer tries first (Fedify's default unless a test says otherwise)."""
    return getattr(request, "param", "rfc9421")


@pytest.fixture
def world(instances, tmp_path, first_knock):
    """agora as a.test and the Fedify peer as peer.test, reaching each other over loopback."""
    node = node_clients()
    a = instances(domain="a.test", run=False)
    peer_port = free_port()
    connect_to = f"a.test=127.0.0.1:{a.port},peer.test=127.0.0.1:{peer_port}"
    a.env.update({"AGORA_TEST_HTTP": "true", "AGORA_TEST_CONNECT_TO": connect_to})
    peer = Peer(node, peer_port, connect_to, first_knock, tmp_path / "fedify-peer.log")
    try:
        a.start()
        peer.wait_ready()
        yield a, peer
        assert peer.call("GET", "unverified") == [], "Fedify refused to verify activities from agora"
        assert peer.call("GET", "double-knocks") == [], "agora refused the peer's first signature"
    finally:
        peer.stop()


def test_fedify_looks_up_actors_and_notes(world):
    a, peer = world
    alice = a.create_user("alice")
    a.api("PATCH", "/api/v1/accounts/update_credentials", token=alice, data={"display_name": "Alice A."})

    for query in ("acct:alice@a.test", "@alice@a.test", "http://a.test/users/alice"):
        actor = peer.call("POST", "lookup", query=query)
        assert actor["type"] == "Person", query
        assert actor["id"] == "http://a.test/users/alice"
        assert actor["preferredUsername"] == "alice" and actor["name"] == "Alice A."
        assert actor["inbox"] == "http://a.test/users/alice/inbox"
        assert actor["sharedInbox"] == "http://a.test/inbox"
        assert actor["followers"] == "http://a.test/users/alice/followers"
        assert actor["publicKey"] == "http://a.test/users/alice#main-key"

    public = a.api("POST", "/api/v1/statuses", token=alice, data={"status": "Hello from agora #fedify"}).json()
    note = peer.call("POST", "lookup", query=public["uri"])
    assert note["type"] == "Note" and note["id"] == public["uri"]
    assert "Hello from agora" in note["content"] and "fedify" in note["content"]
    assert note["attributedTo"] == "http://a.test/users/alice"
    assert note["to"] == [PUBLIC] and note["cc"] == ["http://a.test/users/alice/followers"]
    assert note["url"] == public["url"]

    unlisted = a.api("POST", "/api/v1/statuses", token=alice,
                     data={"status": "quietly", "visibility": "unlisted"}).json()
    note = peer.call("POST", "lookup", query=unlisted["uri"])
    assert note["to"] == ["http://a.test/users/alice/followers"] and note["cc"] == [PUBLIC]

    outbox = peer.call("POST", "lookup", query="http://a.test/users/alice/outbox")
    assert outbox["type"] == "OrderedCollection" and outbox["totalItems"] == 2 and outbox["first"]
    followers = peer.call("POST", "lookup", query="http://a.test/users/alice/followers")
    assert followers["type"] == "OrderedCollection" and followers["totalItems"] == 0

    # Not public: an anonymous fetch finds nothing.
    private = a.api("POST", "/api/v1/statuses", token=alice,
                    data={"status": "for followers", "visibility": "private"}).json()
    r = requests.post(f"http://127.0.0.1:{peer.port}/control/lookup", json={"query": private["uri"]}, timeout=60)
    assert r.status_code == 404, r.text


@pytest.mark.parametrize("first_knock", ["rfc9421", "draft-cavage-http-signatures-12"], indirect=True)
def test_follow_deliveries_both_ways(world):
    a, peer = world
    alice = a.create_user("alice")

    # The peer follows alice: agora accepts, and alice is notified.
    follow = peer.call("POST", "follow", handle="acct:alice@a.test")
    accept = eventually(lambda: peer.inbox("Accept"), timeout=30, message="Accept at the peer")[0]
    assert accept["actor"] == "http://a.test/users/alice"
    assert accept["object"] == follow["id"]
    assert accept["json"]["object"]["type"] == "Follow" and accept["json"]["object"]["actor"] == PEER
    me = a.api("GET", f"/api/v1/accounts/{a.account_id('alice')}").json()
    assert me["followers_count"] == 1
    followers = a.api("GET", f"/api/v1/accounts/{a.account_id('alice')}/followers", token=alice).json()
    assert [f["acct"] for f in followers] == ["peer@peer.test"]

    # alice's public and followers-only posts reach the peer, signed so that Fedify verifies them.
    public = a.api("POST", "/api/v1/statuses", token=alice, data={"status": "First post for my followers"}).json()
    private = a.api("POST", "/api/v1/statuses", token=alice,
                    data={"status": "Just for followers", "visibility": "private"}).json()

    def created():
        by_object = {c["object"]: c for c in peer.inbox("Create")}
        return public["uri"] in by_object and private["uri"] in by_object and by_object
    creates = eventually(created, timeout=30, message="Creates at the peer")
    assert creates[public["uri"]]["verified"] and creates[public["uri"]]["actor"] == "http://a.test/users/alice"
    assert "First post for my followers" in creates[public["uri"]]["content"]
    assert "Just for followers" in creates[private["uri"]]["content"]
    assert PUBLIC not in str(creates[private["uri"]]["json"])

    # alice follows the peer: Fedify answers with an Accept that agora takes.
    peer_id = resolve(a, alice, "peer@peer.test")
    r = a.api("POST", f"/api/v1/accounts/{peer_id}/follow", token=alice)
    assert r.status_code == 200, r.text
    eventually(lambda: a.api("GET", "/api/v1/accounts/relationships", token=alice,
                             params={"id[]": peer_id}).json()[0]["following"], timeout=30, message="Accept at a.test")
    assert [f["actor"] for f in peer.inbox("Follow")] == ["http://a.test/users/alice"]

    # The peer mentions alice in a public note (to its followers' shared inbox: alice's) and likes her post;
    # she is notified of both and sees the note in her home timeline.
    sent = peer.call("POST", "post", text="hello from Fedify", mention="acct:alice@a.test")
    peer.call("POST", "like", object=public["uri"])

    def notifications():
        found = {n["type"]: n for n in a.api("GET", "/api/v1/notifications", token=alice).json()}
        return {"follow", "mention", "favourite"} <= found.keys() and found
    found = eventually(notifications, timeout=30, message="notifications at a.test")
    for kind in ("follow", "mention", "favourite"):
        assert found[kind]["account"]["acct"] == "peer@peer.test", kind
    mention = found["mention"]["status"]
    assert mention["uri"] == sent["note"] and "hello from Fedify" in mention["content"]
    assert mention["visibility"] == "public"
    assert [m["acct"] for m in mention["mentions"]] == ["alice"]
    assert found["favourite"]["status"]["id"] == public["id"]
    assert a.api("GET", f"/api/v1/statuses/{public['id']}", token=alice).json()["favourites_count"] == 1
    shown = a.api("GET", f"/api/v1/statuses/{mention['id']}").json()
    assert shown["uri"] == sent["note"] and shown["account"]["acct"] == "peer@peer.test"
    home = a.api("GET", "/api/v1/timelines/home", token=alice).json()
    assert sent["note"] in [s["uri"] for s in home]
    assert len(a.api("GET", "/api/v1/notifications", token=alice, params={"types[]": "mention"}).json()) == 1
    assert peer.call("GET", "errors") == []
