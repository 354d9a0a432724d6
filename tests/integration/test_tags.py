"""Hashtags: looking them up, following them, featuring them."""
import time

from mastodon import Mastodon

NOT_FOUND = {"error": "Record not found"}
DAY = 86400


def post_with_tag(agora, username, tag_name, seconds_ago=0, visibility=0):
    """A status row tagged with `tag_name` (statuses have no API here yet)."""
    now = int(time.time() * 1000) - seconds_ago * 1000
    account = agora.account_id(username)
    rows = agora.sql(f"SELECT id FROM tags WHERE name = '{tag_name.lower()}'")
    if rows:
        tag_id = rows[0][0]
    else:
        tag_id = str(now * 65536 + 60000 + int(time.perf_counter_ns() % 5000))
        agora.sql("INSERT INTO tags (id, name, display_name, created_at, updated_at)"
                  f" VALUES ({tag_id}, '{tag_name.lower()}', '{tag_name}', {now}, {now})")
    status_id = now * 65536 + int(time.perf_counter_ns() % 60000)
    agora.sql("INSERT INTO statuses (id, account_id, uri, local, visibility, created_at, updated_at)"
              f" VALUES ({status_id}, {account}, 'https://x/s/{status_id}', TRUE, {visibility}, {now}, {now})")
    agora.sql(f"INSERT INTO statuses_tags (status_id, tag_id) VALUES ({status_id}, {tag_id})")


def test_tag_shows_history_and_following(agora):
    token = agora.create_user("alice")
    agora.create_user("bob")
    post_with_tag(agora, "alice", "Cats")
    post_with_tag(agora, "alice", "Cats")
    post_with_tag(agora, "bob", "Cats")
    post_with_tag(agora, "bob", "Cats", seconds_ago=2 * DAY)
    tag = agora.get("/api/v1/tags/cats").json()
    assert list(tag) == ["id", "name", "url", "history"]  # no `following` without a token
    assert tag["name"] == "Cats" and tag["url"] == f"{agora.public_url}/tags/Cats"
    history = tag["history"]
    assert len(history) == 7
    today = int(time.time()) // DAY * DAY
    assert history[0] == {"day": str(today), "accounts": "2", "uses": "3"}
    assert history[1] == {"day": str(today - DAY), "accounts": "0", "uses": "0"}
    assert history[2]["uses"] == "1"
    assert agora.api("GET", "/api/v1/tags/CATS", token=token).json()["following"] is False


def test_unknown_valid_tags_show_and_invalid_ones_are_not_found(agora):
    token = agora.create_user("alice")
    r = agora.get("/api/v1/tags/NeverUsed")
    assert r.status_code == 200
    assert r.json() == {"id": "", "name": "NeverUsed", "url": f"{agora.public_url}/tags/NeverUsed", "history": []}
    for bad in ("123", "a-b", "%F0%9F%90%98", "a%20b"):
        for method, path in [("GET", f"/api/v1/tags/{bad}"), ("POST", f"/api/v1/tags/{bad}/follow"),
                             ("POST", f"/api/v1/tags/{bad}/unfollow")]:
            r = agora.api(method, path, token=token)
            assert (r.status_code, r.json()) == (404, NOT_FOUND), (method, path)
    assert agora.sql("SELECT COUNT(*) FROM tags") == [("0",)]


def test_follow_unfollow_and_followed_tags_pages(agora):
    token = agora.create_user("alice")
    assert agora.api("POST", "/api/v1/tags/cats/follow").status_code == 401
    followed = agora.api("POST", "/api/v1/tags/Cats/follow", token=token).json()
    assert followed["name"] == "Cats" and followed["following"] is True and len(followed["history"]) == 7
    # Following again is fine; the tag keeps the name it was first used with.
    assert agora.api("POST", "/api/v1/tags/CATS/follow", token=token).json()["name"] == "Cats"
    for name in ("dogs", "birds"):
        agora.api("POST", f"/api/v1/tags/{name}/follow", token=token)
    r = agora.api("GET", "/api/v1/followed_tags", token=token)
    assert [t["name"] for t in r.json()] == ["birds", "dogs", "Cats"]
    assert all(t["following"] is True for t in r.json())

    page = agora.api("GET", "/api/v1/followed_tags?limit=2", token=token)
    assert [t["name"] for t in page.json()] == ["birds", "dogs"]
    next_url = page.links["next"]["url"]
    assert "max_id=" in next_url and "since_id=" in page.links["prev"]["url"]
    rest = agora.api("GET", next_url[len(agora.public_url):], token=token)
    assert [t["name"] for t in rest.json()] == ["Cats"]

    unfollowed = agora.api("POST", "/api/v1/tags/cats/unfollow", token=token).json()
    assert unfollowed["following"] is False
    assert [t["name"] for t in agora.api("GET", "/api/v1/followed_tags", token=token).json()] == ["birds", "dogs"]
    assert agora.api("GET", "/api/v1/tags/birds", token=token).json()["following"] is True
    # Unfollowing a tag nobody used creates it, as Mastodon does.
    assert agora.api("POST", "/api/v1/tags/fresh/unfollow", token=token).json()["following"] is False
    assert agora.sql("SELECT display_name FROM tags WHERE name = 'fresh'") == [("fresh",)]
    read_only = agora.create_user("bob", scopes="read")
    assert agora.api("POST", "/api/v1/tags/cats/follow", token=read_only).status_code == 403


def test_featured_tags_and_suggestions(agora):
    token = agora.create_user("alice")
    alice = agora.account_id("alice")
    post_with_tag(agora, "alice", "Ringtones")
    post_with_tag(agora, "alice", "Ringtones", visibility=3)  # direct: not counted
    post_with_tag(agora, "alice", "coolfree")
    post_with_tag(agora, "alice", "coolfree", seconds_ago=DAY)
    post_with_tag(agora, "alice", "coolfree", seconds_ago=DAY)
    suggestions = agora.api("GET", "/api/v1/featured_tags/suggestions", token=token).json()
    assert [t["name"] for t in suggestions] == ["coolfree", "Ringtones"]  # most used first
    assert all(t["following"] is False for t in suggestions)

    r = agora.api("POST", "/api/v1/featured_tags", token=token, data={"name": "ringtones"})
    assert r.status_code == 200
    ft = r.json()
    assert list(ft) == ["id", "name", "url", "statuses_count", "last_status_at"]
    assert ft["name"] == "Ringtones" and ft["statuses_count"] == "1"
    assert ft["url"] == f"{agora.public_url}/@alice/tagged/Ringtones"
    assert len(ft["last_status_at"]) == 10  # a date
    again = agora.api("POST", "/api/v1/featured_tags", token=token, json={"name": "Ringtones"}).json()
    assert again["id"] == ft["id"]
    new = agora.api("POST", "/api/v1/featured_tags", token=token, data={"name": "brandnew"}).json()
    assert new["statuses_count"] == "0" and new["last_status_at"] is None
    assert [t["name"] for t in agora.api("GET", "/api/v1/featured_tags/suggestions", token=token).json()] == \
        ["coolfree"]

    mine = agora.api("GET", "/api/v1/featured_tags", token=token).json()
    assert [t["name"] for t in mine] == ["Ringtones", "brandnew"]
    assert agora.get(f"/api/v1/accounts/{alice}/featured_tags").json() == mine

    assert agora.api("DELETE", f"/api/v1/featured_tags/{new['id']}", token=token).json() == {}
    assert [t["name"] for t in agora.get(f"/api/v1/accounts/{alice}/featured_tags").json()] == ["Ringtones"]


def test_featured_tag_bad_input(agora):
    token = agora.create_user("alice")
    bob = agora.create_user("bob")
    r = agora.api("POST", "/api/v1/featured_tags", token=token, data={"name": "no spaces"})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Name is invalid"})
    r = agora.api("POST", "/api/v1/featured_tags", token=token, data={})
    assert r.status_code == 400
    for i in range(10):
        assert agora.api("POST", "/api/v1/featured_tags", token=token, data={"name": f"tag{i}"}).status_code == 200
    r = agora.api("POST", "/api/v1/featured_tags", token=token, data={"name": "eleventh"})
    assert r.status_code == 422
    assert r.json() == {"error": "Validation failed: You have already featured the maximum number of hashtags"}
    mine = agora.api("GET", "/api/v1/featured_tags", token=token).json()
    assert len(mine) == 10
    # Someone else's featured tag, an unknown id, a non-id: not found.
    for path in (f"/api/v1/featured_tags/{mine[0]['id']}", "/api/v1/featured_tags/999", "/api/v1/featured_tags/x"):
        token_used = bob if mine[0]["id"] in path else token
        r = agora.api("DELETE", path, token=token_used)
        assert (r.status_code, r.json()) == (404, NOT_FOUND), path
    r = agora.get("/api/v1/accounts/999/featured_tags")
    assert (r.status_code, r.json()) == (404, NOT_FOUND)
    assert agora.get("/api/v1/featured_tags").status_code == 401


def test_mastodon_py_featured_tags(agora):
    token = agora.create_user("alice")
    api = Mastodon(api_base_url=agora.base_url, access_token=token, version_check_mode="none")
    ft = api.featured_tag_create("coolfree")
    assert ft["name"] == "coolfree"
    me = api.account_verify_credentials()
    assert [t["name"] for t in api.account_featured_tags(me["id"])] == ["coolfree"]
    assert [t["name"] for t in api.featured_tags()] == ["coolfree"]
    api.featured_tag_delete(ft["id"])
    assert api.featured_tags() == []
    # Mastodon.py 1.8 has no tag_follow; its generic request helper reaches the endpoint.
    followed = api._Mastodon__api_request("POST", "/api/v1/tags/cats/follow")
    assert followed["following"] is True
