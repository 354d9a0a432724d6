"""Followers and following (paging, hidden collections), endorsements, notes and familiar followers."""
from recorded import assert_same_relationship, responses


def follow(agora, token, account_id):
    r = agora.api("POST", f"/api/v1/accounts/{account_id}/follow", token=token)
    assert r.status_code == 200


def test_followers_and_following_page_by_follow(agora):
    star = agora.create_user("star")
    star_id = agora.account_id("star")
    fans = {}
    for name in ("f1", "f2", "f3"):
        fans[name] = agora.create_user(name)
        follow(agora, fans[name], star_id)
    rows = agora.sql(f"SELECT f.id, f.account_id FROM follows f WHERE f.target_account_id = {star_id} ORDER BY f.id DESC")

    (_, recorded), = responses("test_account_followers", "GET", "/followers")
    assert recorded == []  # a real server's empty list, as ours below
    r = agora.api("GET", f"/api/v1/accounts/{star_id}/followers?limit=2")  # public
    assert r.status_code == 200
    assert [a["id"] for a in r.json()] == [rows[0][1], rows[1][1]]
    assert r.json()[0]["following_count"] == 1
    base = f"{agora.public_url}/api/v1/accounts/{star_id}/followers?limit=2&"
    assert r.headers["Link"] == f'<{base}max_id={rows[1][0]}>; rel="next", <{base}since_id={rows[0][0]}>; rel="prev"'
    r = agora.api("GET", f"/api/v1/accounts/{star_id}/followers?limit=2&max_id={rows[1][0]}")
    assert [a["id"] for a in r.json()] == [rows[2][1]]
    assert r.headers["Link"] == (f'<{agora.public_url}/api/v1/accounts/{star_id}/followers?limit=2&'
                                 f'since_id={rows[2][0]}>; rel="prev"')
    r = agora.api("GET", f"/api/v1/accounts/{star_id}/followers?since_id={rows[2][0]}")
    assert [a["id"] for a in r.json()] == [rows[0][1], rows[1][1]]

    f1_id = agora.account_id("f1")
    r = agora.api("GET", f"/api/v1/accounts/{f1_id}/following", token=star)
    assert [a["id"] for a in r.json()] == [star_id]
    assert r.json()[0]["followers_count"] == 3
    assert agora.api("GET", f"/api/v1/accounts/{star_id}/following").json() == []

    # A viewer does not see the accounts they block or mute; the owner sees everyone.
    viewer = agora.create_user("viewer")
    agora.api("POST", f"/api/v1/accounts/{f1_id}/mute", token=viewer)
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('f2')}/block", token=viewer)
    r = agora.api("GET", f"/api/v1/accounts/{star_id}/followers", token=viewer)
    assert [a["id"] for a in r.json()] == [agora.account_id("f3")]
    assert len(agora.api("GET", f"/api/v1/accounts/{star_id}/followers", token=star).json()) == 3


def test_hidden_collections_and_blocked_viewers_see_nothing(agora):
    owner = agora.create_user("owner")
    fan = agora.create_user("fan")
    owner_id, fan_id = agora.account_id("owner"), agora.account_id("fan")
    follow(agora, fan, owner_id)
    follow(agora, owner, fan_id)
    agora.sql(f"UPDATE accounts SET hide_collections = TRUE WHERE id = {owner_id}")
    for path in ("followers", "following"):
        r = agora.api("GET", f"/api/v1/accounts/{owner_id}/{path}", token=fan)
        assert (r.status_code, r.json()) == (200, [])
        assert "Link" not in r.headers
        assert agora.api("GET", f"/api/v1/accounts/{owner_id}/{path}").json() == []
        assert [a["id"] for a in agora.api("GET", f"/api/v1/accounts/{owner_id}/{path}", token=owner).json()] == [fan_id]
    agora.sql(f"UPDATE accounts SET hide_collections = FALSE WHERE id = {owner_id}")
    stranger = agora.create_user("stranger")
    assert len(agora.api("GET", f"/api/v1/accounts/{owner_id}/followers", token=stranger).json()) == 1
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('stranger')}/block", token=owner)
    assert agora.api("GET", f"/api/v1/accounts/{owner_id}/followers", token=stranger).json() == []


def test_followers_of_unknown_accounts_and_bad_tokens(agora):
    agora.create_user("alice")
    alice_id = agora.account_id("alice")
    r = agora.api("GET", "/api/v1/accounts/424242/followers")
    assert (r.status_code, r.json()) == (404, {"error": "Record not found"})
    r = agora.api("GET", f"/api/v1/accounts/{alice_id}/following", token="not-a-token")
    assert (r.status_code, r.json()) == (401, {"error": "The access token is invalid"})
    writer = agora.create_user("writer", scopes="write")
    r = agora.api("GET", f"/api/v1/accounts/{alice_id}/followers", token=writer)
    assert (r.status_code, r.json()) == (403, {"error": "This action is outside the authorized scopes"})


def test_pin_unpin_and_endorsements_as_recorded(agora):
    alice = agora.create_user("alice")
    agora.create_user("bob")
    alice_id, bob_id = agora.account_id("alice"), agora.account_id("bob")
    pinned = responses("test_account_pin_unpin", "POST", "/pin")
    unpinned = responses("test_account_pin_unpin", "POST", "/unpin")

    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/pin", token=alice)
    assert (r.status_code, r.json()) == (422, {
        "error": "Validation failed: You must be already following the person you want to endorse"})
    follow(agora, alice, bob_id)
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/unpin", token=alice)
    assert_same_relationship(r.json(), unpinned[0][1])
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/pin", token=alice)
    assert_same_relationship(r.json(), pinned[0][1])

    r = agora.api("GET", "/api/v1/endorsements", token=alice)
    assert [a["id"] for a in r.json()] == [bob_id]
    assert r.headers["Link"] == f'<{agora.public_url}/api/v1/endorsements?since_id={bob_id}>; rel="prev"'
    r = agora.api("GET", f"/api/v1/accounts/{alice_id}/endorsements")  # public since Mastodon 4.4
    assert [a["id"] for a in r.json()] == [bob_id]
    assert agora.api("GET", "/api/v1/accounts/99/endorsements").status_code == 404

    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/unendorse", token=alice)
    assert_same_relationship(r.json(), unpinned[1][1])
    assert agora.api("GET", "/api/v1/endorsements", token=alice).json() == []
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/endorse", token=alice).json()["endorsed"] is True
    # Unfollowing ends the endorsement.
    agora.api("POST", f"/api/v1/accounts/{bob_id}/unfollow", token=alice)
    assert agora.api("GET", "/api/v1/endorsements", token=alice).json() == []


def test_endorsements_page_by_account(agora):
    alice = agora.create_user("alice")
    ids = []
    for name in ("e1", "e2", "e3"):
        agora.create_user(name)
        ids.append(agora.account_id(name))
        follow(agora, alice, ids[-1])
        agora.api("POST", f"/api/v1/accounts/{ids[-1]}/pin", token=alice)
    newest_first = sorted(ids, key=int, reverse=True)
    r = agora.api("GET", "/api/v1/endorsements?limit=2", token=alice)
    assert [a["id"] for a in r.json()] == newest_first[:2]
    base = f"{agora.public_url}/api/v1/endorsements?limit=2&"
    assert r.headers["Link"] == (f'<{base}max_id={newest_first[1]}>; rel="next", '
                                 f'<{base}since_id={newest_first[0]}>; rel="prev"')
    r = agora.api("GET", "/api/v1/endorsements?limit=0", token=alice)
    assert [a["id"] for a in r.json()] == newest_first
    assert "Link" not in r.headers


def test_notes_as_recorded(agora):
    alice = agora.create_user("alice")
    agora.create_user("bob")
    bob_id = agora.account_id("bob")
    (_, recorded), = responses("test_account_notes", "POST", "/note")
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/note", token=alice, data={"comment": "top ebayer gerne wieder"})
    assert r.status_code == 200
    assert_same_relationship(r.json(), recorded)
    assert agora.api("GET", f"/api/v1/accounts/relationships?id={bob_id}",
                     token=alice).json()[0]["note"] == "top ebayer gerne wieder"
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/note", token=alice, data={"comment": "é" * 2001})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Comment is too long (maximum is 2000 characters)"})
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/note", token=alice,
                     data={"comment": "é" * 2000}).json()["note"] == "é" * 2000
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/note", token=alice, data={"comment": "  "}).json()["note"] == ""
    assert agora.sql("SELECT comment FROM account_notes") == []


def test_familiar_followers(agora):
    alice = agora.create_user("alice")
    carol = agora.create_user("carol")
    dave = agora.create_user("dave")
    agora.create_user("bob")
    bob_id, carol_id, dave_id = agora.account_id("bob"), agora.account_id("carol"), agora.account_id("dave")
    (_, recorded), = responses("test_account_familiar_followers", "GET", "/familiar_followers")[:1]
    r = agora.api("GET", f"/api/v1/accounts/familiar_followers?id[]={bob_id}", token=alice)
    assert r.json() == [{"id": bob_id, "accounts": []}]
    assert list(r.json()[0]) == list(recorded[0])

    follow(agora, alice, carol_id)
    follow(agora, alice, dave_id)
    follow(agora, carol, bob_id)
    follow(agora, dave, bob_id)
    r = agora.api("GET", f"/api/v1/accounts/familiar_followers?id[]={bob_id}&id[]={carol_id}", token=alice)
    assert [(x["id"], [a["id"] for a in x["accounts"]]) for x in r.json()] == [(bob_id, [dave_id, carol_id]),
                                                                              (carol_id, [])]
    # Those who hide their collections are not shown, and nor are followers of someone who hides theirs.
    agora.sql(f"UPDATE accounts SET hide_collections = TRUE WHERE id = {dave_id}")
    r = agora.api("GET", "/api/v1/accounts/familiar_followers", token=alice, json={"id": [int(bob_id)]})
    assert [a["id"] for a in r.json()[0]["accounts"]] == [carol_id]
    agora.sql(f"UPDATE accounts SET hide_collections = TRUE WHERE id = {bob_id}")
    r = agora.api("GET", f"/api/v1/accounts/familiar_followers?id={bob_id}", token=alice)
    assert r.json() == [{"id": bob_id, "accounts": []}]
    assert agora.api("GET", f"/api/v1/accounts/familiar_followers?id={bob_id}",
                     token=agora.create_user("w", scopes="write")).status_code == 403
