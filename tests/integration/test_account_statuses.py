"""GET /api/v1/accounts/:id/statuses: filters, paging, visibility and blocks."""
import re


def post(agora, token, text, **params):
    r = agora.api("POST", "/api/v1/statuses", token=token, data={"status": text, **params})
    assert r.status_code == 200, r.text
    return r.json()


def listed(agora, account, token=None, query=""):
    r = agora.api("GET", f"/api/v1/accounts/{agora.account_id(account)}/statuses{query}", token=token)
    assert r.status_code == 200, r.text
    return r


def texts(response):
    return [re.sub("<[^>]+>", "", s["content"]) if not s["reblog"] else "boost:" + s["reblog"]["id"]
            for s in response.json()]


def test_visibility_decides_what_each_reader_gets(agora):
    alice = agora.create_user("alice")
    follower = agora.create_user("follower")
    mentioned = agora.create_user("mentioned")
    stranger = agora.create_user("stranger")
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('alice')}/follow", token=follower)
    for v in ("public", "unlisted", "private", "direct"):
        post(agora, alice, f"{v} @mentioned", visibility=v)
    everything = ["direct @mentioned", "private @mentioned", "unlisted @mentioned", "public @mentioned"]
    assert texts(listed(agora, "alice", alice)) == everything
    assert texts(listed(agora, "alice", follower)) == everything[1:]
    assert texts(listed(agora, "alice", mentioned)) == everything
    assert texts(listed(agora, "alice", stranger)) == everything[2:]
    anonymous = listed(agora, "alice")
    assert texts(anonymous) == everything[2:] and "public" in anonymous.headers["Cache-Control"]
    # An author who blocks the reader shows nothing.
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('follower')}/block", token=alice)
    assert listed(agora, "alice", follower).json() == []
    assert agora.api("GET", "/api/v1/accounts/999/statuses").status_code == 404


def test_filters(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    other = post(agora, bob, "bob's")
    top = post(agora, alice, "top")
    post(agora, alice, "self reply", in_reply_to_id=top["id"])
    post(agora, alice, "@bob reply to bob", in_reply_to_id=other["id"])
    tagged = post(agora, alice, "about #cats")
    boost = agora.api("POST", f"/api/v1/statuses/{other['id']}/reblog", token=alice).json()
    assert texts(listed(agora, "alice", bob)) == ["boost:" + other["id"], "about #cats", "@bob reply to bob",
                                                   "self reply", "top"]
    assert texts(listed(agora, "alice", bob, "?exclude_replies=true")) == \
        ["boost:" + other["id"], "about #cats", "self reply", "top"]
    assert texts(listed(agora, "alice", bob, "?exclude_reblogs=1")) == \
        ["about #cats", "@bob reply to bob", "self reply", "top"]
    assert listed(agora, "alice", bob, "?only_media=true").json() == []

    # Posting linked the hashtag; `tagged` matches it in any case.
    assert texts(listed(agora, "alice", bob, "?tagged=Cats")) == ["about #cats"]
    assert listed(agora, "alice", bob, "?tagged=dogs").json() == []

    agora.api("POST", f"/api/v1/statuses/{top['id']}/pin", token=alice)
    pinned = listed(agora, "alice", alice, "?pinned=true").json()
    assert [s["id"] for s in pinned] == [top["id"]] and pinned[0]["pinned"] is True
    assert listed(agora, "alice", bob, "?pinned=true").json()[0]["id"] == top["id"]
    assert "pinned" not in listed(agora, "alice", bob, "?pinned=true").json()[0]
    # A boost of an account the reader blocks is left out.
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('bob')}/block", token=alice)
    carol = agora.create_user("carol")
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('bob')}/block", token=carol)
    assert "boost:" + other["id"] not in texts(listed(agora, "alice", carol))
    assert boost["id"]


def test_paging_with_link_headers(agora):
    alice = agora.create_user("alice")
    ids = [post(agora, alice, f"n{i}")["id"] for i in range(5)]
    first = listed(agora, "alice", alice, "?limit=2")
    assert [s["id"] for s in first.json()] == [ids[4], ids[3]]
    base = f"{agora.public_url}/api/v1/accounts/{agora.account_id('alice')}/statuses"
    assert first.headers["Link"] == f'<{base}?limit=2&max_id={ids[3]}>; rel="next", ' \
                                    f'<{base}?limit=2&min_id={ids[4]}>; rel="prev"'
    assert [s["id"] for s in listed(agora, "alice", alice, f"?limit=2&max_id={ids[3]}").json()] == [ids[2], ids[1]]
    # min_id: the statuses right after it, newest first.
    assert [s["id"] for s in listed(agora, "alice", alice, f"?limit=2&min_id={ids[0]}").json()] == [ids[2], ids[1]]
    assert [s["id"] for s in listed(agora, "alice", alice, f"?since_id={ids[2]}").json()] == [ids[4], ids[3]]
