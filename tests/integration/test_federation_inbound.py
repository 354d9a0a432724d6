"""Activities from another (fake) server that need its cooperation: Move and Flag."""
import pytest

from fake_remote import deliver
from federation_helpers import eventually, follow_fake_actor

AS = "https://www.w3.org/ns/activitystreams"


@pytest.fixture
def world(fake_federation):
    return fake_federation("remote.test")


def relationship(agora, token, account_id):
    return agora.api("GET", "/api/v1/accounts/relationships", token=token, params={"id[]": account_id}).json()[0]


def test_move_takes_local_followers_to_the_new_account(world):
    agora, remote = world
    alice = agora.create_user("alice")
    old, new = remote.actor("old"), remote.actor("new")
    new.extra = {"alsoKnownAs": [old.uri]}
    old_id = follow_fake_actor(agora, alice, remote, old)

    move = {"@context": AS, "id": old.uri + "#moves/1", "type": "Move", "actor": old.uri, "object": old.uri,
            "target": new.uri}
    assert deliver(agora, old, move).status_code == 202
    new_id = agora.api("GET", "/api/v1/accounts/lookup", params={"acct": "new@remote.test"}).json()["id"]
    eventually(lambda: relationship(agora, alice, new_id)["requested"], message="follow request to the new account")
    eventually(lambda: not relationship(agora, alice, old_id)["following"], message="the old account unfollowed")
    assert agora.api("GET", f"/api/v1/accounts/{old_id}").json()["moved"]["acct"] == "new@remote.test"


def test_move_to_an_account_that_does_not_claim_the_old_one_is_ignored(world):
    agora, remote = world
    alice = agora.create_user("alice")
    old, impostor = remote.actor("old"), remote.actor("impostor")
    old_id = follow_fake_actor(agora, alice, remote, old)
    move = {"@context": AS, "id": old.uri + "#moves/2", "type": "Move", "actor": old.uri, "object": old.uri,
            "target": impostor.uri}
    assert deliver(agora, old, move).status_code == 202
    # A later activity is processed, the Move changed nothing.
    note = {"@context": AS, "id": old.uri + "/statuses/9/activity", "type": "Create", "actor": old.uri,
            "to": [AS + "#Public"], "object": {"id": old.uri + "/statuses/9", "type": "Note", "attributedTo": old.uri,
                                               "content": "<p>still here</p>", "to": [AS + "#Public"]}}
    deliver(agora, old, note)
    eventually(lambda: agora.sql("SELECT count(*) FROM statuses WHERE uri = ?", (old.uri + "/statuses/9",))[0][0] == "1",
               message="later note")
    assert relationship(agora, alice, old_id)["following"]
    assert agora.api("GET", f"/api/v1/accounts/{old_id}").json().get("moved") is None


def test_flag_becomes_a_report(world):
    agora, remote = world
    alice = agora.create_user("alice")
    status = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "reported post"}).json()
    reporter = remote.actor("moderator")
    flag = {"@context": AS, "id": reporter.uri + "#flags/1", "type": "Flag", "actor": reporter.uri,
            "object": [f"{agora.public_url}/users/alice", status["uri"]], "content": "spam, please look"}
    assert deliver(agora, reporter, flag).status_code == 202
    rows = eventually(lambda: agora.sql("SELECT target_account_id, status_ids, comment FROM reports"), message="report")
    assert rows == [(str(agora.account_id("alice")), f'["{status["id"]}"]', "spam, please look")]
    # The same Flag again is not a second report.
    deliver(agora, reporter, flag)
    deliver(agora, reporter, {**flag, "id": reporter.uri + "#flags/2", "object": [f"{agora.public_url}/users/nobody"]})
    eventually(lambda: agora.sql("SELECT count(*) FROM jobs WHERE kind = 'process_activity'")[0][0] == "0",
               message="activities processed")
    assert len(agora.sql("SELECT id FROM reports")) == 1


def test_add_and_remove_pin_and_unpin_the_actors_own_statuses(world):
    agora, remote = world
    alice = agora.create_user("alice")
    bob, mallory = remote.actor("bob"), remote.actor("mallory")
    featured = bob.uri + "/collections/featured"
    bob.extra = {"featured": featured}
    mallory.extra = {"featured": mallory.uri + "/collections/featured"}
    for actor, n in ((bob, 1), (mallory, 2)):
        remote.documents[f"/users/{actor.username}/statuses/{n}"] = {
            "@context": AS, "id": f"{actor.uri}/statuses/{n}", "type": "Note", "attributedTo": actor.uri,
            "content": f"<p>worth pinning {n}</p>", "to": [AS + "#Public"], "published": "2026-11-01T10:00:00Z"}
    bob_id = follow_fake_actor(agora, alice, remote, bob)

    def pinned():
        r = agora.api("GET", f"/api/v1/accounts/{bob_id}/statuses", token=alice, params={"pinned": "true"})
        return [s["uri"] for s in r.json()]

    def add(kind, obj, target, n):
        activity = {"@context": AS, "id": f"{bob.uri}#{kind}/{n}", "type": kind, "actor": bob.uri,
                    "object": obj, "target": target}
        assert deliver(agora, bob, activity).status_code == 202

    add("Add", mallory.uri + "/statuses/2", featured, 1)          # someone else's status: not bob's to pin
    add("Add", bob.uri + "/statuses/1", mallory.uri + "/collections/featured", 2)  # another actor's collection
    add("Add", bob.uri + "/statuses/1", featured, 3)
    eventually(lambda: pinned() == [bob.uri + "/statuses/1"], message="pinned")

    add("Remove", bob.uri + "/statuses/1", featured, 4)
    eventually(lambda: pinned() == [], message="unpinned")


def test_an_undo_that_overtakes_its_follow_wins(world):
    agora, remote = world
    agora.create_user("alice")
    bob = remote.actor("bob")
    alice_uri = f"{agora.public_url}/users/alice"
    follow = {"@context": AS, "id": bob.uri + "#follows/1", "type": "Follow", "actor": bob.uri, "object": alice_uri}
    undo = {"@context": AS, "id": bob.uri + "#follows/1/undo", "type": "Undo", "actor": bob.uri, "object": follow}
    assert deliver(agora, bob, undo).status_code == 202
    eventually(lambda: agora.sql("SELECT count(*) FROM undone_early")[0][0] == "1", message="undo remembered")
    assert deliver(agora, bob, follow).status_code == 202
    eventually(lambda: agora.sql("SELECT count(*) FROM undone_early")[0][0] == "0", message="late follow seen")
    assert agora.api("GET", f"/api/v1/accounts/{agora.account_id('alice')}").json()["followers_count"] == 0
    # A later Follow with a new id is a new follow.
    again = dict(follow, id=bob.uri + "#follows/2")
    assert deliver(agora, bob, again).status_code == 202
    eventually(lambda: agora.api("GET", f"/api/v1/accounts/{agora.account_id('alice')}").json()["followers_count"] == 1,
               message="new follow")
