"""Favourites, boosts, bookmarks, pins and thread mutes on statuses, and the lists read from them."""
import re

from mastodon import Mastodon


def post(agora, token, text, **params):
    r = agora.api("POST", "/api/v1/statuses", token=token, data={"status": text, **params})
    assert r.status_code == 200, r.text
    return r.json()


def act(agora, token, status_id, action, **data):
    return agora.api("POST", f"/api/v1/statuses/{status_id}/{action}", token=token, data=data)


def notifications(agora, username):
    return sorted((t, str(sid), f) for t, sid, f in agora.sql(
        "SELECT n.type, n.status_id, a.username FROM notifications n JOIN accounts a ON a.id = n.from_account_id"
        f" WHERE n.account_id = {agora.account_id(username)}"))


def links(response):
    return dict((rel, url) for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', response.headers.get("Link", "")))


def test_favourite_counts_notifies_and_undoes(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    s = post(agora, alice, "like me")
    r = act(agora, bob, s["id"], "favourite")
    assert r.status_code == 200, r.text
    assert r.json()["favourited"] is True and r.json()["favourites_count"] == 1 and r.json()["id"] == s["id"]
    # Twice is once.
    assert act(agora, bob, s["id"], "favourite").json()["favourites_count"] == 1
    assert notifications(agora, "alice") == [("favourite", s["id"], "bob")]
    # Favouriting one's own status counts but notifies nobody.
    assert act(agora, alice, s["id"], "favourite").json()["favourites_count"] == 2
    assert notifications(agora, "alice") == [("favourite", s["id"], "bob")]

    r = act(agora, bob, s["id"], "unfavourite")
    assert r.status_code == 200 and r.json()["favourited"] is False and r.json()["favourites_count"] == 1
    assert notifications(agora, "alice") == []
    assert act(agora, bob, s["id"], "unfavourite").json()["favourites_count"] == 1  # nothing to undo
    shown = agora.api("GET", f"/api/v1/statuses/{s['id']}", token=alice).json()
    assert shown["favourited"] is True and shown["favourites_count"] == 1


def test_actions_on_unknown_or_invisible_statuses_are_404(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    secret = post(agora, alice, "followers only", visibility="private")
    for action in ("favourite", "unfavourite", "reblog", "unreblog", "bookmark", "unbookmark", "pin", "unpin",
                   "mute", "unmute"):
        for sid in ("999", "abc", secret["id"]):
            r = act(agora, bob, sid, action)
            assert r.status_code == 404 and r.json() == {"error": "Record not found"}, (action, sid, r.text)
    for lst in ("favourited_by", "reblogged_by"):
        assert agora.api("GET", f"/api/v1/statuses/{secret['id']}/{lst}", token=bob).status_code == 404
        assert agora.api("GET", f"/api/v1/statuses/999/{lst}").status_code == 404
    assert act(agora, None, secret["id"], "favourite").status_code == 401
    assert agora.sql("SELECT count(*) FROM favourites")[0][0] == "0"
    assert agora.sql("SELECT count(*) FROM bookmarks")[0][0] == "0"


def test_reblog_creates_a_boost_fans_out_and_notifies(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('bob')}/follow", token=carol)
    s = post(agora, alice, "boost me")
    r = act(agora, bob, s["id"], "reblog", visibility="unlisted")
    assert r.status_code == 200, r.text
    boost = r.json()
    assert boost["id"] != s["id"] and boost["visibility"] == "unlisted" and boost["content"] == ""
    assert boost["uri"] == f"{agora.public_url}/users/bob/statuses/{boost['id']}/activity"
    assert boost["url"] == boost["uri"]
    assert boost["reblogged"] is True and "pinned" not in boost
    assert boost["reblog"]["id"] == s["id"] and boost["reblog"]["reblogged"] is True
    assert boost["reblog"]["reblogs_count"] == 1
    assert boost["account"]["username"] == "bob" and boost["account"]["statuses_count"] == 0
    # Again: the same boost.
    again = act(agora, bob, s["id"], "reblog").json()
    assert again["id"] == boost["id"] and again["reblog"]["reblogs_count"] == 1
    # Boosting the boost boosts the original.
    assert act(agora, bob, boost["id"], "reblog").json()["id"] == boost["id"]
    assert notifications(agora, "alice") == [("reblog", s["id"], "bob")]
    homes = {r[0] for r in agora.sql(f"SELECT feed_owner_id FROM feed_entries WHERE status_id = {boost['id']}")}
    assert homes == {agora.account_id("bob"), agora.account_id("carol")}

    by = agora.api("GET", f"/api/v1/statuses/{s['id']}/reblogged_by")
    assert [a["username"] for a in by.json()] == ["bob"]
    assert links(by) == {"prev": f"{agora.public_url}/api/v1/statuses/{s['id']}/reblogged_by?since_id={boost['id']}"}

    r = act(agora, bob, s["id"], "unreblog")
    assert r.status_code == 200 and r.json()["id"] == s["id"]
    assert r.json()["reblogged"] is False and r.json()["reblogs_count"] == 0
    assert agora.api("GET", f"/api/v1/statuses/{boost['id']}", token=bob).status_code == 404
    assert notifications(agora, "alice") == []
    assert agora.sql(f"SELECT count(*) FROM feed_entries WHERE status_id = {boost['id']}")[0][0] == "0"
    assert act(agora, bob, s["id"], "unreblog").json()["reblogs_count"] == 0


def test_what_cannot_be_boosted(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('alice')}/follow", token=bob)
    dm = post(agora, alice, "@bob psst", visibility="direct")
    private = post(agora, alice, "followers only", visibility="private")
    public = post(agora, alice, "public")
    # As Mastodon's StatusPolicy#reblog? (NotPermittedError: 403).
    for sid in (dm["id"], private["id"]):
        r = act(agora, bob, sid, "reblog")
        assert r.status_code == 403 and r.json() == {"error": "This action is not allowed"}
    r = act(agora, bob, public["id"], "reblog", visibility="direct")
    assert r.status_code == 422 and r.json() == {"error": "Validation failed: Visibility is reserved"}
    r = act(agora, bob, public["id"], "reblog", visibility="everyone")
    assert r.status_code == 422 and "Visibility is not included in the list" in r.json()["error"]
    assert agora.sql("SELECT count(*) FROM statuses WHERE reblog_of_id IS NOT NULL")[0][0] == "0"
    # One's own followers-only status can be boosted, and stays followers-only.
    mine = act(agora, alice, private["id"], "reblog", visibility="public").json()
    assert mine["visibility"] == "private" and mine["reblog"]["id"] == private["id"]
    assert act(agora, alice, dm["id"], "reblog").status_code == 403
    # Blocking the author forbids it.
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('alice')}/block", token=bob)
    assert act(agora, bob, public["id"], "reblog").status_code == 403
    assert act(agora, bob, public["id"], "favourite").status_code == 403


def test_deleting_a_status_takes_its_interactions_and_boosts(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    s = post(agora, alice, "short-lived")
    act(agora, bob, s["id"], "favourite")
    act(agora, bob, s["id"], "bookmark")
    act(agora, alice, s["id"], "pin")
    boost = act(agora, bob, s["id"], "reblog").json()
    assert agora.api("DELETE", f"/api/v1/statuses/{s['id']}", token=alice).status_code == 200
    for table in ("favourites", "bookmarks", "status_pins", "notifications"):
        assert agora.sql(f"SELECT count(*) FROM {table}")[0][0] == "0", table
    assert agora.sql(f"SELECT count(*) FROM statuses WHERE id = {boost['id']}")[0][0] == "0"
    assert agora.api("GET", "/api/v1/bookmarks", token=bob).json() == []

    # Deleting a boost (unreblog) leaves the original's counter right.
    t = post(agora, alice, "boosted twice")
    act(agora, bob, t["id"], "reblog")
    act(agora, alice, t["id"], "reblog")
    act(agora, bob, t["id"], "unreblog")
    assert agora.api("GET", f"/api/v1/statuses/{t['id']}").json()["reblogs_count"] == 1


def test_bookmarks_list_pages_by_bookmark(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    ids = [post(agora, alice, f"s{i}")["id"] for i in range(3)]
    for sid in (ids[2], ids[0], ids[1]):  # bookmark order, not status order, decides
        r = act(agora, bob, sid, "bookmark")
        assert r.status_code == 200 and r.json()["bookmarked"] is True
    rows = agora.sql(f"SELECT id, status_id FROM bookmarks ORDER BY id")
    page = agora.api("GET", "/api/v1/bookmarks?limit=2", token=bob)
    assert [s["id"] for s in page.json()] == [ids[1], ids[0]]
    assert links(page) == {"next": f"{agora.public_url}/api/v1/bookmarks?limit=2&max_id={rows[1][0]}",
                           "prev": f"{agora.public_url}/api/v1/bookmarks?limit=2&min_id={rows[2][0]}"}
    rest = agora.api("GET", f"/api/v1/bookmarks?limit=2&max_id={rows[1][0]}", token=bob)
    assert [s["id"] for s in rest.json()] == [ids[2]] and "next" not in links(rest)
    assert agora.api("GET", "/api/v1/bookmarks", token=alice).json() == []
    r = act(agora, bob, ids[0], "unbookmark")
    assert r.status_code == 200 and r.json()["bookmarked"] is False
    assert [s["id"] for s in agora.api("GET", "/api/v1/bookmarks", token=bob).json()] == [ids[1], ids[2]]
    assert agora.api("GET", "/api/v1/bookmarks").status_code == 401


def test_favourites_list_and_favourited_by(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    a = post(agora, alice, "a")
    b = post(agora, alice, "b", visibility="private")
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('alice')}/follow", token=bob)
    act(agora, bob, b["id"], "favourite")
    act(agora, bob, a["id"], "favourite")
    act(agora, carol, a["id"], "favourite")
    favs = agora.api("GET", "/api/v1/favourites", token=bob)
    assert [s["id"] for s in favs.json()] == [a["id"], b["id"]]
    assert all(s["favourited"] for s in favs.json())
    fav_ids = [r[0] for r in agora.sql(f"SELECT id FROM favourites WHERE account_id = {agora.account_id('bob')}"
                                        " ORDER BY id")]
    assert links(favs) == {"prev": f"{agora.public_url}/api/v1/favourites?min_id={fav_ids[-1]}"}

    # Statuses one may no longer see drop out of one's list.
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('alice')}/unfollow", token=bob)
    assert [s["id"] for s in agora.api("GET", "/api/v1/favourites", token=bob).json()] == [a["id"]]

    by = agora.api("GET", f"/api/v1/statuses/{a['id']}/favourited_by?limit=1")
    assert [x["username"] for x in by.json()] == ["carol"]
    assert "max_id=" in links(by)["next"] and "since_id=" in links(by)["prev"]
    older = agora.api("GET", links(by)["next"].replace(agora.public_url, ""))
    assert [x["username"] for x in older.json()] == ["bob"]
    # Those one blocks are left out.
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('carol')}/block", token=alice)
    by = agora.api("GET", f"/api/v1/statuses/{a['id']}/favourited_by", token=alice)
    assert [x["username"] for x in by.json()] == ["bob"]


def test_pins_are_limited_to_own_public_statuses(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    theirs = post(agora, bob, "bob's")
    r = act(agora, alice, theirs["id"], "pin")
    assert r.status_code == 422 and r.json() == {"error": "Validation failed: Someone else's post cannot be pinned"}
    dm = post(agora, alice, "@bob hi", visibility="direct")
    r = act(agora, alice, dm["id"], "pin")
    assert r.status_code == 422
    assert r.json() == {"error": "Validation failed: Posts that are only visible to mentioned users cannot be pinned"}
    boost = act(agora, alice, theirs["id"], "reblog").json()
    r = act(agora, alice, boost["id"], "pin")
    assert r.status_code == 422 and r.json()["error"].startswith("Validation failed: A boost cannot be pinned")

    own = [post(agora, alice, f"pin {i}", visibility="private" if i == 0 else "public")["id"] for i in range(6)]
    for sid in own[:5]:
        r = act(agora, alice, sid, "pin")
        assert r.status_code == 200 and r.json()["pinned"] is True, r.text
    r = act(agora, alice, own[5], "pin")
    assert r.status_code == 422
    assert r.json() == {"error": "Validation failed: You have already pinned the maximum number of posts"}
    assert agora.sql("SELECT count(*) FROM status_pins")[0][0] == "5"
    r = act(agora, alice, own[0], "unpin")
    assert r.status_code == 200 and r.json()["pinned"] is False
    assert act(agora, alice, own[5], "pin").json()["pinned"] is True
    act(agora, alice, own[1], "unpin")
    r = act(agora, alice, own[5], "pin")
    assert r.status_code == 422 and r.json() == {"error": "Duplicate record"}


def test_muted_thread_sends_no_notifications(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    s = post(agora, alice, "a thread")
    r = act(agora, alice, s["id"], "mute")
    assert r.status_code == 200 and r.json()["muted"] is True
    act(agora, bob, s["id"], "favourite")
    post(agora, bob, "@alice reply", in_reply_to_id=s["id"])
    assert notifications(agora, "alice") == []
    r = act(agora, alice, s["id"], "unmute")
    assert r.status_code == 200 and r.json()["muted"] is False
    act(agora, bob, s["id"], "reblog")
    assert notifications(agora, "alice") == [("reblog", s["id"], "bob")]
    # Others' mutes are their own.
    assert act(agora, bob, s["id"], "mute").json()["muted"] is True
    assert agora.api("GET", f"/api/v1/statuses/{s['id']}", token=alice).json()["muted"] is False


def test_mastodon_py_drives_the_actions(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    s = post(agora, alice, "via a client")
    api = Mastodon(api_base_url=agora.base_url, access_token=bob, version_check_mode="none")
    assert api.status_favourite(s["id"])["favourited"] is True
    boost = api.status_reblog(s["id"], visibility="public")
    assert boost["reblog"]["id"] == int(s["id"]) or str(boost["reblog"]["id"]) == s["id"]
    assert api.status_bookmark(s["id"])["bookmarked"] is True
    assert [str(x["id"]) for x in api.favourites()] == [s["id"]]
    assert [str(x["id"]) for x in api.bookmarks()] == [s["id"]]
    assert api.status_unreblog(s["id"])["reblogged"] is False
    mine = Mastodon(api_base_url=agora.base_url, access_token=alice, version_check_mode="none")
    assert mine.status_pin(s["id"])["pinned"] is True
    pinned = mine.account_statuses(agora.account_id("alice"), pinned=True)
    assert [str(x["id"]) for x in pinned] == [s["id"]] and pinned[0]["pinned"] is True
