"""Editing statuses: the edit itself, its history and source, polls, mentions and who is told."""
from mastodon import Mastodon

EDIT_KEYS = ["content", "spoiler_text", "sensitive", "created_at", "account", "media_attachments", "emojis"]


def post(agora, token, text, **params):
    return agora.api("POST", "/api/v1/statuses", token=token, data={"status": text, **params})


def edit(agora, token, status_id, **params):
    return agora.api("PUT", f"/api/v1/statuses/{status_id}", token=token, data=params)


def test_edit_keeps_history_and_source(agora):
    alice = agora.create_user("alice")
    agora.create_user("bob")
    s = post(agora, alice, "the best editor? VS Code").json()
    history = agora.api("GET", f"/api/v1/statuses/{s['id']}/history").json()
    assert len(history) == 1 and list(history[0].keys()) == EDIT_KEYS  # an unedited status is its own history
    assert history[0]["content"] == s["content"] and history[0]["created_at"] == s["created_at"]

    r = edit(agora, alice, s["id"], status="the best editor? Kate, says @bob", spoiler_text="opinions")
    assert r.status_code == 200, r.text
    edited = r.json()
    assert edited["id"] == s["id"] and edited["edited_at"] is not None and edited["created_at"] == s["created_at"]
    assert "Kate" in edited["content"] and "/@bob" in edited["content"]
    assert edited["spoiler_text"] == "opinions" and edited["sensitive"] is True
    assert [m["username"] for m in edited["mentions"]] == ["bob"]
    bob_id = agora.account_id("bob")
    assert agora.sql(f"SELECT type, status_id FROM notifications WHERE account_id = {bob_id}") == [("mention", s["id"])]

    history = agora.api("GET", f"/api/v1/statuses/{s['id']}/history").json()
    assert [h["content"] for h in history] == [s["content"], edited["content"]]
    assert history[0]["created_at"] == s["created_at"] and history[1]["created_at"] == edited["edited_at"]
    assert history[1]["spoiler_text"] == "opinions" and history[1]["account"]["username"] == "alice"

    r = agora.api("GET", f"/api/v1/statuses/{s['id']}/source", token=alice)
    assert r.json() == {"id": s["id"], "text": "the best editor? Kate, says @bob", "spoiler_text": "opinions"}

    # Editing again adds one version and notifies no one twice.
    edit(agora, alice, s["id"], status="Kate, says @bob. Really.", spoiler_text="opinions")
    assert len(agora.api("GET", f"/api/v1/statuses/{s['id']}/history").json()) == 3
    assert len(agora.sql(f"SELECT id FROM notifications WHERE account_id = {bob_id}")) == 1

    # Sending the same again changes nothing and keeps no version.
    same = edit(agora, alice, s["id"], status="Kate, says @bob. Really.", spoiler_text="opinions").json()
    assert same["edited_at"] == agora.api("GET", f"/api/v1/statuses/{s['id']}").json()["edited_at"]
    assert len(agora.sql(f"SELECT id FROM status_edits WHERE status_id = {s['id']}")) == 3


def test_editing_polls(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    s = post(agora, alice, "poll", **{"poll[options][]": ["a", "b"], "poll[expires_in]": "600"}).json()
    agora.api("POST", f"/api/v1/polls/{s['poll']['id']}/votes", token=bob, data={"choices[]": "0"})

    # The same options keep the votes; new options reset them.
    same = edit(agora, alice, s["id"], status="poll!", **{"poll[options][]": ["a", "b"], "poll[expires_in]": "900"})
    assert same.json()["poll"]["votes_count"] == 1
    changed = edit(agora, alice, s["id"], status="poll!", **{"poll[options][]": ["a", "c"], "poll[expires_in]": "900"})
    poll = changed.json()["poll"]
    assert poll["id"] == s["poll"]["id"] and poll["votes_count"] == 0
    assert [o["title"] for o in poll["options"]] == ["a", "c"]
    assert agora.sql("SELECT id FROM poll_votes") == []
    assert agora.api("GET", f"/api/v1/polls/{poll['id']}", token=bob).json()["own_votes"] == []

    history = agora.api("GET", f"/api/v1/statuses/{s['id']}/history").json()
    assert history[0]["poll"] == {"options": [{"title": "a"}, {"title": "b"}]}
    assert history[-1]["poll"] == {"options": [{"title": "a"}, {"title": "c"}]}
    assert list(history[-1].keys()) == EDIT_KEYS[:4] + ["poll"] + EDIT_KEYS[4:]

    # Leaving the poll out removes it, as in Mastodon.
    gone = edit(agora, alice, s["id"], status="no poll").json()
    assert gone["poll"] is None
    assert agora.sql("SELECT id FROM polls") == []
    # Adding one to a status without a poll.
    added = edit(agora, alice, s["id"], status="poll again", **{"poll[options][]": ["x", "y"],
                                                                "poll[expires_in]": "600"}).json()
    assert [o["title"] for o in added["poll"]["options"]] == ["x", "y"]


def test_bad_edits_are_refused_and_nothing_changes(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    s = post(agora, alice, "original").json()
    private = post(agora, alice, "secret", visibility="private").json()
    assert edit(agora, bob, s["id"], status="mine now").status_code == 404
    assert edit(agora, alice, "123456789", status="x").status_code == 404
    r = edit(agora, alice, s["id"], status="   ")
    assert r.status_code == 422 and r.json() == {"error": "Validation failed: Text can't be blank"}
    r = edit(agora, alice, s["id"], status="y" * 501)
    assert r.status_code == 422 and "character limit of 500 exceeded" in r.json()["error"]
    r = edit(agora, alice, s["id"], status="z", **{"poll[options][]": ["a"], "poll[expires_in]": "600"})
    assert r.status_code == 422 and r.json() == {"error": "Validation failed: Poll options must have more than one item"}
    assert agora.api("PUT", f"/api/v1/statuses/{s['id']}", data={"status": "anonymous"}).status_code == 401
    assert agora.api("GET", f"/api/v1/statuses/{s['id']}/source", token=bob).status_code == 404
    assert agora.api("GET", f"/api/v1/statuses/{private['id']}/history", token=bob).status_code == 404
    assert agora.api("GET", "/api/v1/statuses/123456789/history").status_code == 404
    shown = agora.api("GET", f"/api/v1/statuses/{s['id']}").json()
    assert shown["content"] == "<p>original</p>" and shown["edited_at"] is None
    assert agora.sql("SELECT id FROM status_edits") == []
    assert agora.sql("SELECT id FROM polls") == []


def test_boosters_are_told_of_edits_and_favouriters_are_not(agora):
    alice = agora.create_user("alice")
    agora.create_user("bob")
    agora.create_user("carol")
    s = post(agora, alice, "first take").json()
    bob_id, carol_id = agora.account_id("bob"), agora.account_id("carol")
    agora.sql(f"INSERT INTO statuses (id, account_id, uri, local, reblog_of_id, created_at, updated_at) "
              f"VALUES (1, {bob_id}, 'boost-1', TRUE, {s['id']}, 0, 0)")
    agora.sql(f"INSERT INTO favourites (id, account_id, status_id, created_at) VALUES (1, {carol_id}, {s['id']}, 0)")
    assert edit(agora, alice, s["id"], status="second take").status_code == 200
    assert agora.sql("SELECT account_id, type, status_id FROM notifications") == [(bob_id, "update", s["id"])]


def test_mastodon_py_edits(agora):
    api = Mastodon(api_base_url=agora.base_url, access_token=agora.create_user("alice"), version_check_mode="none")
    s = api.status_post("the best editor? VS Code")
    edited = api.status_update(s.id, "the best editor? Kate")
    assert edited.edited_at is not None and "Kate" in edited.content
    assert [h.content for h in api.status_history(s.id)] == ["<p>the best editor? VS Code</p>",
                                                              "<p>the best editor? Kate</p>"]
    assert api.status_source(s.id).text == "the best editor? Kate"
