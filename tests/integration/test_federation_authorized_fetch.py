"""Who may read what other servers fetch here: authorized fetch (Mastodon's secure mode) refuses unsigned
fetches of actors, statuses and collections; in both modes the signer of a fetch is its viewer."""
import pytest

from fake_remote import deliver
from federation_helpers import eventually, resolve

AP = {"Accept": "application/activity+json"}


@pytest.fixture(params=[False, True], ids=["public-fetch", "authorized-fetch"])
def world(request, fake_federation):
    """a.test (secure or not) and a fake remote.test whose actors sign their requests."""
    agora, remote = fake_federation("remote.test",
                                    env={"AGORA_AUTHORIZED_FETCH": "true" if request.param else "false"})
    return agora, remote, request.param


def signed_get(agora, actor, path):
    return agora.get(path, headers={**actor.sign("GET", agora.public_url + path), **AP})


def alice_documents(agora):
    """alice with a public pinned post; the paths of every document of hers other servers read."""
    alice = agora.create_user("alice")
    s = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "hello"}).json()
    agora.api("POST", f"/api/v1/statuses/{s['id']}/pin", token=alice)
    base = "/users/alice"
    return alice, [base, f"{base}/statuses/{s['id']}", f"{base}/statuses/{s['id']}/activity", f"{base}/outbox",
                   f"{base}/outbox?page=true", f"{base}/followers", f"{base}/following?page=true",
                   f"{base}/collections/featured", f"{base}/collections/tags"]


def test_unsigned_fetches_are_refused_only_in_authorized_fetch_mode(world):
    agora, _, secure = world
    _, paths = alice_documents(agora)
    for path in paths:
        r = agora.get(path, headers=AP)
        if secure:
            assert r.status_code == 401, path
            assert r.json() == {"error": "Request not signed"}
        else:
            assert r.status_code == 200, path
            assert r.headers["Cache-Control"].endswith("public") and "Signature" not in r.headers["Vary"], path
    # Discovery and the instance actor (whose key verifies our own fetches) stay open, and cacheable.
    for path in ("/.well-known/webfinger?resource=acct:alice@a.test", "/.well-known/nodeinfo", "/nodeinfo/2.0",
                 "/actor"):
        r = agora.get(path, headers=AP)
        assert r.status_code == 200, path
        assert "public" in r.headers["Cache-Control"], path
    # Browsers are sent to the profile page, signed or not.
    r = agora.get("/users/alice", headers={"Accept": "text/html"}, allow_redirects=False)
    assert r.status_code == 302 and r.headers["Location"] == f"{agora.public_url}/@alice"


def test_signed_fetches_are_served_and_kept_out_of_shared_caches(world):
    agora, remote, secure = world
    _, paths = alice_documents(agora)
    mallory = remote.actor("mallory")
    for path in paths:
        r = signed_get(agora, mallory, path)
        assert r.status_code == 200, (path, r.text)
        assert r.headers["Content-Type"].startswith("application/activity+json")
        if secure:  # Mastodon: private, varying by Signature
            assert r.headers["Cache-Control"] == "max-age=180, private", path
            assert "Signature" in r.headers["Vary"].split(", "), path
    assert signed_get(agora, mallory, "/users/alice").json()["id"] == f"{agora.public_url}/users/alice"

    # A forged signature: eve's key cannot sign for mallory's key id. Refused in
    # authorized fetch mode; elsewhere the fetch is just anonymous.
    eve = remote.actor("eve")
    headers = eve.sign("GET", agora.public_url + "/users/alice")
    headers["Signature"] = headers["Signature"].replace(eve.key_id, mallory.key_id)
    r = agora.get("/users/alice", headers={**headers, **AP})
    assert r.status_code == (401 if secure else 200)
    if secure:
        assert r.json()["error"]


def test_the_signer_is_the_viewer_of_a_status(world):
    agora, remote, secure = world
    alice = agora.create_user("alice")
    alice_id = agora.account_id("alice")
    mallory, eve = remote.actor("mallory"), remote.actor("eve")
    follow = {"@context": "https://www.w3.org/ns/activitystreams", "id": mallory.uri + "#follows/1",
              "type": "Follow", "actor": mallory.uri, "object": f"{agora.public_url}/users/alice"}
    assert deliver(agora, mallory, follow).status_code == 202
    eventually(lambda: agora.api("GET", f"/api/v1/accounts/{alice_id}").json()["followers_count"] == 1,
               message="mallory's follow")

    private = agora.api("POST", "/api/v1/statuses", token=alice,
                        data={"status": "followers only", "visibility": "private"}).json()
    resolve(agora, alice, "eve@remote.test")
    direct = agora.api("POST", "/api/v1/statuses", token=alice,
                       data={"status": "@eve@remote.test psst", "visibility": "direct"}).json()
    assert direct["mentions"][0]["acct"] == "eve@remote.test"
    private_path = f"/users/alice/statuses/{private['id']}"
    direct_path = f"/users/alice/statuses/{direct['id']}"

    # The follower's server reads the followers-only post; the mentioned one's, the direct one.
    for actor, path, uri in ((mallory, private_path, private["uri"]), (mallory, private_path + "/activity", private["uri"]),
                             (eve, direct_path, direct["uri"])):
        r = signed_get(agora, actor, path)
        assert r.status_code == 200, (path, r.text)
        document = r.json()
        assert uri == (document["object"]["id"] if path.endswith("/activity") else document["id"])
        assert r.headers["Cache-Control"] == "no-store"  # never in a shared cache
    # Anyone else: not found; without a signature: not found, or refused in authorized fetch mode.
    for actor, path in ((eve, private_path), (mallory, direct_path), (eve, private_path + "/activity")):
        assert signed_get(agora, actor, path).status_code == 404, path
    for path in (private_path, direct_path):
        assert agora.get(path, headers=AP).status_code == (401 if secure else 404)


def test_a_signer_on_a_suspended_domain_is_refused(world):
    agora, remote, _ = world
    _, paths = alice_documents(agora)
    mallory = remote.actor("mallory")
    assert signed_get(agora, mallory, "/users/alice").status_code == 200
    agora.sql("INSERT INTO domain_blocks (id, domain, severity, created_at, updated_at) "
              "VALUES (1, 'remote.test', 'suspend', 0, 0)")
    for path in paths:
        assert signed_get(agora, mallory, path).status_code == 403, path


def home(instance, token):
    return instance.api("GET", "/api/v1/timelines/home", token=token).json()


def test_two_instances_in_authorized_fetch_mode_federate(federation):
    a, b = federation("a.test", "b.test", env={"AGORA_AUTHORIZED_FETCH": "true"})
    alice = a.create_user("alice")
    bob = b.create_user("bob")
    assert a.get("/users/alice", headers=AP).status_code == 401

    # b looks alice up (its fetches are signed by its instance actor, whose key a
    # fetches unsigned), follows her, and a's Accept is verified the same way.
    alice_at_b = resolve(b, bob, "alice@a.test")
    assert b.api("POST", f"/api/v1/accounts/{alice_at_b}/follow", token=bob).status_code == 200
    eventually(lambda: b.api("GET", "/api/v1/accounts/relationships", token=bob,
                             params={"id[]": alice_at_b}).json()[0]["following"], message="Accept")

    for visibility in ("public", "private"):
        posted = a.api("POST", "/api/v1/statuses", token=alice,
                       data={"status": f"a {visibility} post", "visibility": visibility}).json()
        seen = eventually(lambda: [s for s in home(b, bob) if s["uri"] == posted["uri"]], message=visibility)[0]
        assert seen["visibility"] == visibility and f"a {visibility} post" in seen["content"]

    # b fetches a status it never received (and its unknown author) by URL, through signed GETs.
    carol = a.create_user("carol")
    unseen = a.api("POST", "/api/v1/statuses", token=carol, data={"status": "fetched on demand"}).json()
    r = b.api("GET", "/api/v2/search", token=bob, params={"q": unseen["uri"], "resolve": "true", "type": "statuses"})
    assert [(s["uri"], s["account"]["acct"]) for s in r.json()["statuses"]] == [(unseen["uri"], "carol@a.test")]
