"""Lists: /api/v1/lists, members, GET /api/v1/accounts/:id/lists, and Mastodon.py's list calls."""
from mastodon import Mastodon

from recorded import responses


def follow(agora, token, account_id):
    assert agora.api("POST", f"/api/v1/accounts/{account_id}/follow", token=token).status_code == 200


def test_list_lifecycle_matches_recorded_shapes(agora):
    alice = agora.create_user("alice")
    (_, theirs), = responses("test_list_create", "POST", "/api/v1/lists")
    r = agora.api("POST", "/api/v1/lists", token=alice, data={"title": "ham burglars"})
    assert r.status_code == 200
    ours = r.json()
    # Mastodon 4.3 adds `exclusive` after the fields recorded on 4.0.
    assert list(ours) == list(theirs) + ["exclusive"]
    assert (ours["title"], ours["replies_policy"], ours["exclusive"]) == ("ham burglars", "list", False)
    list_id = ours["id"]

    r = agora.api("PUT", f"/api/v1/lists/{list_id}", token=alice,
                  json={"title": "fry kids", "replies_policy": "followed", "exclusive": True})
    assert r.json() == {"id": list_id, "title": "fry kids", "replies_policy": "followed", "exclusive": True}
    r = agora.api("PUT", f"/api/v1/lists/{list_id}", token=alice, data={"replies_policy": "none"})
    assert r.json()["title"] == "fry kids" and r.json()["replies_policy"] == "none"
    assert agora.api("GET", f"/api/v1/lists/{list_id}", token=alice).json()["replies_policy"] == "none"
    assert [l["id"] for l in agora.api("GET", "/api/v1/lists", token=alice).json()] == [list_id]

    r = agora.api("DELETE", f"/api/v1/lists/{list_id}", token=alice)
    assert (r.status_code, r.json()) == (200, {})
    r = agora.api("GET", f"/api/v1/lists/{list_id}", token=alice)
    assert (r.status_code, r.json()) == (404, {"error": "Record not found"})
    assert agora.api("GET", "/api/v1/lists", token=alice).json() == []


def test_bad_list_input_and_other_peoples_lists(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    r = agora.api("POST", "/api/v1/lists", token=alice, data={})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Title can't be blank"})
    r = agora.api("POST", "/api/v1/lists", token=alice, data={"title": "x", "replies_policy": "everyone"})
    assert (r.status_code, r.json()) == (422, {"error": "'everyone' is not a valid replies_policy"})
    assert agora.api("GET", "/api/v1/lists", token=alice).json() == []

    list_id = agora.api("POST", "/api/v1/lists", token=alice, data={"title": "mine"}).json()["id"]
    r = agora.api("PUT", f"/api/v1/lists/{list_id}", token=alice, data={"title": ""})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Title can't be blank"})
    for method, path in (("GET", ""), ("PUT", ""), ("DELETE", ""), ("GET", "/accounts"), ("POST", "/accounts"),
                         ("DELETE", "/accounts")):
        r = agora.api(method, f"/api/v1/lists/{list_id}{path}", token=bob, data={"title": "stolen"})
        assert (r.status_code, r.json()) == (404, {"error": "Record not found"}), (method, path)
    for bad_id in ("999999", "abc"):
        r = agora.api("GET", f"/api/v1/lists/{bad_id}", token=alice)
        assert r.status_code == 404
    assert agora.api("GET", f"/api/v1/lists/{list_id}", token=alice).json()["title"] == "mine"

    r = agora.api("GET", "/api/v1/lists")
    assert r.status_code == 401
    reader = agora.create_user("reader", scopes="read:lists")
    assert agora.api("GET", "/api/v1/lists", token=reader).status_code == 200
    r = agora.api("POST", "/api/v1/lists", token=reader, data={"title": "x"})
    assert (r.status_code, r.json()) == (403, {"error": "This action is outside the authorized scopes"})
    writer = agora.create_user("writer", scopes="write:lists")
    assert agora.api("GET", "/api/v1/lists", token=writer).status_code == 403
    assert agora.api("POST", "/api/v1/lists", token=writer, data={"title": "x"}).status_code == 200


def test_members_must_be_followed_and_leave_on_unfollow(agora):
    alice = agora.create_user("alice")
    names = ["m1", "m2", "m3"]
    ids = {}
    for n in names:
        agora.create_user(n)
        ids[n] = agora.account_id(n)
    list_id = agora.api("POST", "/api/v1/lists", token=alice, data={"title": "friends"}).json()["id"]

    r = agora.api("POST", f"/api/v1/lists/{list_id}/accounts", token=alice, data={"account_ids[]": [ids["m1"]]})
    assert (r.status_code, r.json()) == (404, {"error": "Record not found"})  # not followed
    for n in names:
        follow(agora, alice, ids[n])
    r = agora.api("POST", f"/api/v1/lists/{list_id}/accounts", token=alice,
                  data={"account_ids[]": [ids["m1"], ids["m2"], ids["m3"]]})
    assert (r.status_code, r.json()) == (200, {})
    r = agora.api("POST", f"/api/v1/lists/{list_id}/accounts", token=alice, data={"account_ids[]": [ids["m1"]]})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Account has already been taken"})
    r = agora.api("POST", f"/api/v1/lists/{list_id}/accounts", token=alice, json={"account_ids": ["424242"]})
    assert r.status_code == 404

    newest_first = sorted(ids.values(), key=int, reverse=True)
    r = agora.api("GET", f"/api/v1/lists/{list_id}/accounts?limit=2", token=alice)
    assert [a["id"] for a in r.json()] == newest_first[:2]
    base = f"{agora.public_url}/api/v1/lists/{list_id}/accounts?limit=2&"
    assert r.headers["Link"] == (f'<{base}max_id={newest_first[1]}>; rel="next", '
                                 f'<{base}since_id={newest_first[0]}>; rel="prev"')
    r = agora.api("GET", f"/api/v1/lists/{list_id}/accounts?limit=0", token=alice)
    assert [a["id"] for a in r.json()] == newest_first
    assert "Link" not in r.headers

    r = agora.api("GET", f"/api/v1/accounts/{ids['m2']}/lists", token=alice)
    assert [l["id"] for l in r.json()] == [list_id]
    assert agora.api("GET", "/api/v1/accounts/424242/lists", token=alice).status_code == 404

    # Unfollowing takes the account out of the follower's lists (as the recorded traffic shows).
    assert agora.api("POST", f"/api/v1/accounts/{ids['m2']}/unfollow", token=alice).status_code == 200
    r = agora.api("GET", f"/api/v1/lists/{list_id}/accounts", token=alice)
    assert ids["m2"] not in [a["id"] for a in r.json()]
    assert agora.api("GET", f"/api/v1/accounts/{ids['m2']}/lists", token=alice).json() == []
    # Being removed as a follower does the same.
    m3 = agora.cli("accounts", "token", "m3", "--scopes", "read write follow", check=True).stdout.strip()
    alice_id = agora.account_id("alice")
    assert agora.api("POST", f"/api/v1/accounts/{alice_id}/remove_from_followers", token=m3).status_code == 200
    r = agora.api("GET", f"/api/v1/lists/{list_id}/accounts", token=alice)
    assert [a["id"] for a in r.json()] == [ids["m1"]]

    r = agora.api("DELETE", f"/api/v1/lists/{list_id}/accounts", token=alice, data={"account_ids[]": [ids["m1"]]})
    assert (r.status_code, r.json()) == (200, {})
    assert agora.api("GET", f"/api/v1/lists/{list_id}/accounts", token=alice).json() == []


def test_mastodon_py_lists(agora):
    token = agora.create_user("alice")
    agora.create_user("bob")
    api = Mastodon(api_base_url=agora.base_url, access_token=token, version_check_mode="none")
    bob = api.account_lookup("bob")
    api.account_follow(bob.id)
    created = api.list_create("ham burglars")
    assert created.title == "ham burglars"
    api.list_accounts_add(created.id, [bob.id])
    assert [a.acct for a in api.list_accounts(created.id)] == ["bob"]
    assert [l.id for l in api.lists()] == [created.id]
    assert [l.title for l in api.account_lists(bob.id)] == ["ham burglars"]
    api.list_update(created.id, "fry kids")
    assert api.list(created.id).title == "fry kids"
    api.list_accounts_delete(created.id, [bob.id])
    assert api.list_accounts(created.id) == []
    api.list_delete(created.id)
    assert api.lists() == []
