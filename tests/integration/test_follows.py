"""Following: follow/unfollow, follow options, locked accounts and follow requests,
remove_from_followers, and the rules (self, blocks, unknown accounts, scopes)."""
import json

import pytest

from agora_harness import FIXTURES
from recorded import assert_same_relationship, responses


def relationship(agora, token, account_id):
    r = agora.api("GET", f"/api/v1/accounts/relationships?id[]={account_id}", token=token)
    assert r.status_code == 200
    return r.json()[0]


def counts(agora, account_id):
    followers, following = agora.sql(f"SELECT followers_count, following_count FROM accounts WHERE id = {account_id}")[0]
    return int(followers), int(following)


def notifications(agora, recipient_id):
    return agora.sql(f"SELECT from_account_id, type FROM notifications WHERE account_id = {recipient_id} ORDER BY id")


def test_relationship_has_mastodons_fields_in_order(agora):
    alice = agora.create_user("alice")
    agora.create_user("bob")
    ours = relationship(agora, alice, agora.account_id("bob"))
    example = json.loads((FIXTURES / "mastodon-api" / "relationship.json").read_text())
    assert list(ours) == ["id", "following", "showing_reblogs", "notifying", "languages", "followed_by", "blocking",
                          "blocked_by", "muting", "muting_notifications", "muting_expires_at", "requested",
                          "requested_by", "domain_blocking", "endorsed", "note"]
    assert set(example) <= set(ours)
    for key, value in example.items():
        assert type(ours[key]) is type(value) or value is None, key
    assert ours["id"] == agora.account_id("bob")


def test_follow_and_unfollow_as_recorded(agora):
    alice = agora.create_user("alice")
    agora.create_user("bob")
    alice_id, bob_id = agora.account_id("alice"), agora.account_id("bob")
    (_, followed), = responses("test_account_follow_unfollow", "POST", "/follow")
    (_, unfollowed), = responses("test_account_follow_unfollow", "POST", "/unfollow")

    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=alice, data={"reblogs": "1", "notify": "0"})
    assert r.status_code == 200
    assert_same_relationship(r.json(), followed)
    assert r.json()["id"] == bob_id
    assert counts(agora, alice_id) == (0, 1) and counts(agora, bob_id) == (1, 0)
    assert notifications(agora, bob_id) == [(alice_id, "follow")]
    assert relationship(agora, agora.create_user("carol"), bob_id)["following"] is False  # others see their own

    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/unfollow", token=alice)
    assert r.status_code == 200
    assert_same_relationship(r.json(), unfollowed)
    assert counts(agora, alice_id) == (0, 0) and counts(agora, bob_id) == (0, 0)
    assert notifications(agora, bob_id) == []  # an undone follow takes its notification along
    # Unfollowing again is harmless.
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/unfollow", token=alice).status_code == 200
    assert counts(agora, bob_id) == (0, 0)


def test_follow_options_are_kept_and_changed_by_following_again(agora):
    alice = agora.create_user("alice")
    agora.create_user("bob")
    bob_id = agora.account_id("bob")
    (_, recorded), = responses("test_follow_with_notify_reblog", "POST", "/follow")
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=alice, data={"reblogs": "0", "notify": "1"})
    assert (r.json()["showing_reblogs"], r.json()["notifying"]) == (recorded["showing_reblogs"], recorded["notifying"])

    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=alice, json={"languages": ["en", "de", "en"]})
    assert r.status_code == 200
    assert r.json()["languages"] == ["en", "de"]
    assert (r.json()["showing_reblogs"], r.json()["notifying"]) == (False, True)  # unchanged when not given
    assert counts(agora, bob_id) == (1, 0)  # following again is not a second follow
    assert len(notifications(agora, bob_id)) == 1

    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=alice, json={"reblogs": True, "languages": []})
    assert (r.json()["showing_reblogs"], r.json()["languages"]) == (True, None)

    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=alice, data={"languages[]": ["en", "klingon"]})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Languages is invalid"})
    assert relationship(agora, alice, bob_id)["languages"] is None


def test_locked_account_gets_a_request_and_authorizes_it(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    alice_id, bob_id = agora.account_id("alice"), agora.account_id("bob")
    agora.sql(f"UPDATE accounts SET locked = TRUE WHERE id = {bob_id}")
    (_, requested), = responses("test_follow_request_authorize", "POST", "/follow")
    (_, authorized), = responses("test_follow_request_authorize", "POST", "/authorize")

    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=alice, data={"reblogs": "1", "notify": "0"})
    assert r.status_code == 200
    assert_same_relationship(r.json(), requested)
    assert r.json()["requested"] is True and r.json()["following"] is False
    assert counts(agora, bob_id) == (0, 0)
    assert notifications(agora, bob_id) == [(alice_id, "follow_request")]
    assert relationship(agora, bob, alice_id)["requested_by"] is True

    r = agora.api("GET", "/api/v1/follow_requests", token=bob)
    assert r.status_code == 200
    assert [a["id"] for a in r.json()] == [alice_id]
    request_id = agora.sql(f"SELECT id FROM follow_requests WHERE account_id = {alice_id}")[0][0]
    assert r.headers["Link"] == f'<{agora.public_url}/api/v1/follow_requests?since_id={request_id}>; rel="prev"'

    r = agora.api("POST", f"/api/v1/follow_requests/{alice_id}/authorize", token=bob)
    assert r.status_code == 200
    theirs = dict(authorized, note="")  # the recorded account had a note by then
    assert_same_relationship(r.json(), theirs)
    assert r.json()["followed_by"] is True and r.json()["requested_by"] is False
    assert counts(agora, bob_id) == (1, 0) and counts(agora, alice_id) == (0, 1)
    assert notifications(agora, bob_id) == [(alice_id, "follow")]
    assert agora.api("GET", "/api/v1/follow_requests", token=bob).json() == []
    assert relationship(agora, alice, bob_id)["following"] is True
    # Nothing left to authorize.
    r = agora.api("POST", f"/api/v1/follow_requests/{alice_id}/authorize", token=bob)
    assert (r.status_code, r.json()) == (404, {"error": "Record not found"})


def test_rejecting_and_withdrawing_requests(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    alice_id, bob_id = agora.account_id("alice"), agora.account_id("bob")
    agora.sql(f"UPDATE accounts SET locked = TRUE WHERE id = {bob_id}")

    options = {"reblogs": "0", "notify": "1", "languages[]": "fr"}
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=alice, data=options)
    assert (r.json()["requested"], r.json()["showing_reblogs"], r.json()["notifying"], r.json()["languages"]) == \
        (True, False, True, ["fr"])
    # Asking again changes the request's options.
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=alice, data={"reblogs": "1"})
    assert (r.json()["requested"], r.json()["showing_reblogs"], r.json()["notifying"]) == (True, True, True)
    assert len(agora.sql("SELECT id FROM follow_requests")) == 1

    r = agora.api("POST", f"/api/v1/follow_requests/{alice_id}/reject", token=bob)
    assert r.status_code == 200
    assert (r.json()["requested_by"], r.json()["followed_by"]) == (False, False)
    assert notifications(agora, bob_id) == []
    r = agora.api("POST", f"/api/v1/follow_requests/{alice_id}/reject", token=bob)
    assert (r.status_code, r.json()) == (404, {"error": "Record not found"})

    # Unfollowing withdraws a pending request.
    agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=alice)
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/unfollow", token=alice)
    assert (r.status_code, r.json()["requested"]) == (200, False)
    assert agora.api("GET", "/api/v1/follow_requests", token=bob).json() == []
    assert notifications(agora, bob_id) == []


def test_follow_requests_page_with_link_headers(agora):
    owner = agora.create_user("owner")
    owner_id = agora.account_id("owner")
    agora.sql(f"UPDATE accounts SET locked = TRUE WHERE id = {owner_id}")
    for name in ("r1", "r2", "r3"):
        token = agora.create_user(name)
        agora.api("POST", f"/api/v1/accounts/{owner_id}/follow", token=token)
    rows = agora.sql(f"SELECT r.id, a.id FROM follow_requests r JOIN accounts a ON a.id = r.account_id "
                     f"WHERE r.target_account_id = {owner_id} ORDER BY r.id DESC")
    r = agora.api("GET", "/api/v1/follow_requests?limit=2", token=owner)
    assert [a["id"] for a in r.json()] == [rows[0][1], rows[1][1]]
    base = f"{agora.public_url}/api/v1/follow_requests?limit=2&"
    assert r.headers["Link"] == f'<{base}max_id={rows[1][0]}>; rel="next", <{base}since_id={rows[0][0]}>; rel="prev"'
    r = agora.api("GET", f"/api/v1/follow_requests?limit=2&max_id={rows[1][0]}", token=owner)
    assert [a["id"] for a in r.json()] == [rows[2][1]]
    assert 'rel="next"' not in r.headers["Link"]


def test_remove_from_followers_as_recorded(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    alice_id, bob_id = agora.account_id("alice"), agora.account_id("bob")
    (_, recorded), = responses("test_account_remove_from_followers", "POST", "/remove_from_followers")
    agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=alice)
    r = agora.api("POST", f"/api/v1/accounts/{alice_id}/remove_from_followers", token=bob)
    assert r.status_code == 200
    assert_same_relationship(r.json(), recorded)
    assert relationship(agora, alice, bob_id)["following"] is False
    assert counts(agora, bob_id) == (0, 0) and counts(agora, alice_id) == (0, 0)


def test_who_cannot_be_followed(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    alice_id, bob_id = agora.account_id("alice"), agora.account_id("bob")
    not_found = {"error": "Record not found"}
    # Oneself: Mastodon's FollowService answers as if there were no such account.
    r = agora.api("POST", f"/api/v1/accounts/{alice_id}/follow", token=alice)
    assert (r.status_code, r.json()) == (404, not_found)
    for missing in ("1", "999999999999999999", "abc"):
        r = agora.api("POST", f"/api/v1/accounts/{missing}/follow", token=alice)
        assert (r.status_code, r.json()) == (404, not_found)
    # Blocked either way.
    agora.api("POST", f"/api/v1/accounts/{alice_id}/block", token=bob)
    for token, target in ((alice, bob_id), (bob, alice_id)):
        r = agora.api("POST", f"/api/v1/accounts/{target}/follow", token=token)
        assert (r.status_code, r.json()) == (403, {"error": "This action is not allowed"})
    # Suspended accounts, and local accounts whose owner never confirmed, are not there.
    agora.create_user("carol")
    carol_id = agora.account_id("carol")
    agora.sql(f"UPDATE accounts SET suspended_at = 1 WHERE id = {carol_id}")
    assert agora.api("POST", f"/api/v1/accounts/{carol_id}/follow", token=alice).status_code == 404
    agora.cli("accounts", "create", "dave", "--email", "dave@example.org", check=True)
    dave_id = agora.account_id("dave")
    assert agora.api("POST", f"/api/v1/accounts/{dave_id}/follow", token=alice).status_code == 404
    assert counts(agora, alice_id) == (0, 0)


def test_scopes(agora):
    reader = agora.create_user("reader", scopes="read")
    follower = agora.create_user("follower", scopes="follow")
    granular = agora.create_user("granular", scopes="write:follows read:follows")
    agora.create_user("bob")
    bob_id = agora.account_id("bob")
    outside = {"error": "This action is outside the authorized scopes"}
    for path in ("follow", "unfollow", "block", "mute", "note", "pin"):
        r = agora.api("POST", f"/api/v1/accounts/{bob_id}/{path}", token=reader)
        assert (r.status_code, r.json()) == (403, outside), path
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/follow")
    assert (r.status_code, r.json()) == (401, {"error": "The access token is invalid"})
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=follower).status_code == 200
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/block", token=follower).status_code == 200
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=granular).status_code == 200
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/block", token=granular).status_code == 403
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/note", token=follower).status_code == 403
    assert agora.api("GET", f"/api/v1/accounts/relationships?id={bob_id}", token=granular).status_code == 200
    writer = agora.create_user("writer", scopes="write")
    assert agora.api("GET", f"/api/v1/accounts/relationships?id={bob_id}", token=writer).status_code == 403
    assert agora.api("GET", "/api/v1/follow_requests", token=writer).status_code == 403


def test_relationships_in_the_order_asked(agora):
    alice = agora.create_user("alice")
    for name in ("bob", "carol", "dave"):
        agora.create_user(name)
    bob_id, carol_id, dave_id = (agora.account_id(n) for n in ("bob", "carol", "dave"))
    agora.api("POST", f"/api/v1/accounts/{carol_id}/follow", token=alice)
    agora.sql(f"UPDATE accounts SET suspended_at = 1 WHERE id = {dave_id}")
    query = f"id[]={carol_id}&id[]=nonsense&id[]=42&id[]={dave_id}&id[]={bob_id}"
    r = agora.api("GET", f"/api/v1/accounts/relationships?{query}", token=alice)
    assert [x["id"] for x in r.json()] == [carol_id, bob_id]
    assert [x["following"] for x in r.json()] == [True, False]
    r = agora.api("GET", f"/api/v1/accounts/relationships?{query}&with_suspended=true", token=alice)
    assert [x["id"] for x in r.json()] == [carol_id, dave_id, bob_id]
    # A single id, as Mastodon.py sends it, and a JSON body.
    (_, recorded), = responses("test_account_relationships", "GET", "/relationships")
    r = agora.api("GET", f"/api/v1/accounts/relationships?id={bob_id}", token=alice)
    assert_same_relationship(r.json()[0], recorded[0])
    r = agora.api("GET", "/api/v1/accounts/relationships", token=alice, json={"id": [int(carol_id)]})
    assert [x["id"] for x in r.json()] == [carol_id]
    assert agora.api("GET", "/api/v1/accounts/relationships", token=alice).json() == []


def test_unlocking_an_account_lets_everyone_waiting_in(agora):
    star = agora.create_user("star")
    fan = agora.create_user("fan")
    star_id = agora.account_id("star")
    agora.api("PATCH", "/api/v1/accounts/update_credentials", token=star, data={"locked": "true"})
    r = agora.api("POST", f"/api/v1/accounts/{star_id}/follow", token=fan)
    assert r.json()["requested"] is True and r.json()["following"] is False
    r = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=star, data={"locked": "false"})
    assert r.status_code == 200 and r.json()["locked"] is False
    rel = agora.api("GET", "/api/v1/accounts/relationships", token=fan, params={"id[]": star_id}).json()[0]
    assert rel["following"] is True and rel["requested"] is False
    assert agora.api("GET", f"/api/v1/accounts/{star_id}", token=fan).json()["followers_count"] == 1
    assert agora.api("GET", "/api/v1/follow_requests", token=star).json() == []
