"""Direct-message threads: /api/v1/conversations kept up to date as direct
statuses are posted and deleted, read and dismissed, as Mastodon."""
from mastodon import Mastodon

from recorded import responses


def post(agora, token, text, reply_to=None, visibility="direct"):
    data = {"status": text, "visibility": visibility}
    if reply_to:
        data["in_reply_to_id"] = reply_to
    r = agora.api("POST", "/api/v1/statuses", token=token, data=data)
    assert r.status_code == 200, r.text
    return r.json()["id"]


def conversations(agora, token, **params):
    r = agora.api("GET", "/api/v1/conversations", token=token, params=params)
    assert r.status_code == 200, r.text
    return r


def test_a_direct_message_starts_a_thread_for_both(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    dm = post(agora, alice, "@bob psst")
    post(agora, alice, "@bob in public", visibility="public")  # not a conversation

    r = conversations(agora, bob)
    (theirs,) = [c for _, c in responses("test_conversations", "GET", "/api/v1/conversations/")][:1]
    (convo,) = r.json()
    assert list(convo.keys()) == list(theirs[0].keys()) == ["id", "unread", "accounts", "last_status"]
    assert convo["unread"] is True
    assert [a["acct"] for a in convo["accounts"]] == ["alice"]
    assert convo["last_status"]["id"] == dm and convo["last_status"]["visibility"] == "direct"
    assert r.headers["Link"] == f'<{agora.public_url}/api/v1/conversations?min_id={dm}>; rel="prev"'

    (mine,) = conversations(agora, alice).json()
    assert mine["unread"] is False and [a["acct"] for a in mine["accounts"]] == ["bob"]
    assert conversations(agora, carol).json() == []

    # bob answers: one thread each still, now unread for alice.
    answer = post(agora, bob, "@alice hi", dm)
    (mine,) = conversations(agora, alice).json()
    assert mine["unread"] is True and mine["last_status"]["id"] == answer
    (convo,) = conversations(agora, bob).json()
    assert convo["unread"] is False and convo["last_status"]["id"] == answer

    # Reading, and the 404s for someone else's thread.
    r = agora.api("POST", f"/api/v1/conversations/{mine['id']}/read", token=alice)
    assert r.status_code == 200 and r.json()["unread"] is False and r.json()["id"] == mine["id"]
    assert conversations(agora, alice).json()[0]["unread"] is False
    assert agora.api("POST", f"/api/v1/conversations/{mine['id']}/read", token=carol).status_code == 404
    assert agora.api("DELETE", f"/api/v1/conversations/{mine['id']}", token=carol).status_code == 404
    assert agora.api("GET", "/api/v1/conversations").status_code == 401
    assert agora.api("POST", "/api/v1/conversations/abc/read", token=alice).status_code == 404

    # Deleting the last status goes back to the one before; the last one ends the thread.
    assert agora.api("DELETE", f"/api/v1/statuses/{answer}", token=bob).status_code == 200
    assert conversations(agora, alice).json()[0]["last_status"]["id"] == dm
    assert conversations(agora, bob).json()[0]["last_status"]["id"] == dm
    assert agora.api("DELETE", f"/api/v1/statuses/{dm}", token=alice).status_code == 200
    assert conversations(agora, alice).json() == [] and conversations(agora, bob).json() == []


def test_dismissing_and_paging(agora):
    alice = agora.create_user("alice")
    for name in ("bob", "carol", "dave"):
        agora.create_user(name)
    ids = [post(agora, alice, f"@{name} hello") for name in ("bob", "carol", "dave")]
    r = conversations(agora, alice, limit=2)
    page = r.json()
    assert [c["last_status"]["id"] for c in page] == [ids[2], ids[1]]
    assert f'<{agora.public_url}/api/v1/conversations?limit=2&max_id={ids[1]}>; rel="next"' in r.headers["Link"]
    older = conversations(agora, alice, limit=2, max_id=ids[1]).json()
    assert [c["last_status"]["id"] for c in older] == [ids[0]]
    newer = conversations(agora, alice, min_id=ids[0]).json()
    assert [c["last_status"]["id"] for c in newer] == [ids[2], ids[1]]

    r = agora.api("DELETE", f"/api/v1/conversations/{page[0]['id']}", token=alice)
    assert r.status_code == 200 and r.json() == {}
    assert [c["last_status"]["id"] for c in conversations(agora, alice).json()] == [ids[1], ids[0]]
    # The status stays; only the thread is dismissed.
    assert agora.api("GET", f"/api/v1/statuses/{ids[2]}", token=alice).status_code == 200


def test_a_note_to_oneself_and_mastodon_py(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    post(agora, alice, "@nobody remember the milk")  # no one to send it to
    (mine,) = conversations(agora, alice).json()
    assert [a["acct"] for a in mine["accounts"]] == ["alice"] and mine["unread"] is False

    post(agora, alice, "@bob for you")
    api = Mastodon(api_base_url=agora.base_url, access_token=bob, version_check_mode="none")
    (convo,) = api.conversations()
    assert convo.unread is True and convo.accounts[0].acct == "alice"
    assert api.conversations_read(convo.id).unread is False
