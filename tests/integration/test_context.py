"""GET /api/v1/statuses/:id/context: ancestors and descendants in Mastodon's
order, limits for visitors, and only what the viewer may see."""
from mastodon import Mastodon


def post(agora, token, text, reply_to=None, **params):
    data = {"status": text, **params}
    if reply_to:
        data["in_reply_to_id"] = reply_to
    r = agora.api("POST", "/api/v1/statuses", token=token, data=data)
    assert r.status_code == 200, r.text
    return r.json()["id"]


def context(agora, status_id, token=None):
    r = agora.api("GET", f"/api/v1/statuses/{status_id}/context", token=token)
    assert r.status_code == 200, r.text
    body = r.json()
    assert list(body.keys()) == ["ancestors", "descendants"]
    return [s["id"] for s in body["ancestors"]], [s["id"] for s in body["descendants"]]


def test_thread_order_self_replies_first_and_visibility(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    dave = agora.create_user("dave")
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('alice')}/follow", token=carol)

    root = post(agora, alice, "root")
    b1 = post(agora, bob, "@alice first reply", root)
    a_under_b = post(agora, alice, "@bob answer", b1)
    a_self = post(agora, alice, "more from me", root)  # a self-reply: promoted above other replies
    c_private = post(agora, carol, "@alice only followers", root, visibility="private")
    b_deep = post(agora, bob, "@alice deeper", a_under_b)

    assert context(agora, root) == ([], [a_self, b1, a_under_b, b_deep])  # carol's private reply is hidden
    assert context(agora, root, dave) == ([], [a_self, b1, a_under_b, b_deep])
    # carol wrote it; alice is mentioned: both see it, in id order among non-self replies.
    assert context(agora, root, carol) == ([], [a_self, b1, a_under_b, b_deep, c_private])
    assert context(agora, root, alice) == ([], [a_self, b1, a_under_b, b_deep, c_private])
    assert context(agora, b_deep, dave) == ([root, b1, a_under_b], [])
    # A private status is not there for strangers at all.
    assert agora.api("GET", f"/api/v1/statuses/{c_private}/context", token=dave).status_code == 404
    assert agora.api("GET", f"/api/v1/statuses/{c_private}/context").status_code == 404
    assert context(agora, c_private, alice) == ([root], [])

    # What the viewer excludes leaves the thread: dave mutes bob.
    assert agora.api("POST", f"/api/v1/accounts/{agora.account_id('bob')}/mute", token=dave).status_code == 200
    assert context(agora, root, dave) == ([], [a_self, a_under_b])
    # The author blocking the viewer hides the author's replies.
    assert agora.api("POST", f"/api/v1/accounts/{agora.account_id('dave')}/block", token=alice).status_code == 200
    assert agora.api("GET", f"/api/v1/statuses/{root}/context", token=dave).status_code == 404
    assert context(agora, b_deep, dave) == ([], [])


def test_visitors_see_a_limited_thread(agora):
    alice = agora.create_user("alice")
    ids = [post(agora, alice, "0")]
    for i in range(1, 46):
        ids.append(post(agora, alice, str(i), ids[-1]))
    ancestors, _ = context(agora, ids[-1])
    assert ancestors == ids[5:45]  # the 40 nearest, oldest first
    ancestors, _ = context(agora, ids[-1], alice)
    assert ancestors == ids[:45]
    _, descendants = context(agora, ids[0])
    assert descendants == ids[1:21]  # 20 levels deep
    _, descendants = context(agora, ids[0], alice)
    assert descendants == ids[1:]


def test_bad_ids_and_mastodon_py(agora):
    alice = agora.create_user("alice")
    assert agora.api("GET", "/api/v1/statuses/12345/context").status_code == 404
    assert agora.api("GET", "/api/v1/statuses/abc/context").json() == {"error": "Record not found"}
    assert agora.api("GET", "/api/v1/statuses/1/context", token="bad").status_code == 401
    root = post(agora, alice, "Toot!")
    assert agora.api("GET", f"/api/v1/statuses/{root}/context").json() == {"ancestors": [], "descendants": []}
    reply = post(agora, alice, "again", root)
    api = Mastodon(api_base_url=agora.base_url, access_token=alice, version_check_mode="none")
    ctx = api.status_context(root)
    assert [s.id for s in ctx.descendants] == [int(reply)] or [str(s.id) for s in ctx.descendants] == [reply]
    assert ctx.ancestors == []
