"""Followers-only and direct statuses stay invisible to strangers through every read path:
REST (single, batch, context, lists of accounts, actions, polls, edits, search, timelines,
account statuses, trends, conversations, replies) and ActivityPub (object, activity, page URL, outbox).
Every path is first shown to work for someone allowed to read, so none of these checks can pass by accident."""
import pytest

ACTIVITY_JSON = {"Accept": "application/activity+json"}


@pytest.fixture
def world(agora):
    tokens = {name: agora.create_user(name) for name in ("alice", "fan", "friend", "eve")}
    alice = tokens["alice"]
    fan_follow = agora.api("POST", f"/api/v1/accounts/{agora.account_id('alice')}/follow", token=tokens["fan"])
    assert fan_follow.status_code == 200 and fan_follow.json()["following"] is True

    def post(text, **params):
        r = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": text, **params})
        assert r.status_code == 200, r.text
        return r.json()

    public = post("public zebrasecret hello #zebratag")
    private = post("followers zebrasecret with https://example.org/zebra-link #zebratag", visibility="private",
                   **{"poll[options][]": ["yes", "no"], "poll[expires_in]": "3600"})
    direct = post("@friend direct zebrasecret #zebratag", visibility="direct")
    edited = agora.api("PUT", f"/api/v1/statuses/{private['id']}", token=alice,
                       data={"status": "followers zebrasecret edited #zebratag", "poll[options][]": ["yes", "no"],
                             "poll[expires_in]": "3600"})
    assert edited.status_code == 200, edited.text
    assert agora.api("POST", f"/api/v1/statuses/{private['id']}/pin", token=alice).status_code == 200
    # A public reply by a follower to the followers-only post: its thread must not reveal the parent.
    reply = agora.api("POST", "/api/v1/statuses", token=tokens["fan"],
                      data={"status": "public reply zebrasecret", "in_reply_to_id": private["id"]})
    assert reply.status_code == 200, reply.text
    return {"agora": agora, "tokens": tokens, "public": public, "private": private, "direct": direct,
            "reply": reply.json(), "poll_id": private["poll"]["id"]}


def readers(world, hidden):
    """Who may read `hidden` (and proves the path works) and who may not (None = anonymous)."""
    t = world["tokens"]
    allowed = t["fan"] if hidden == "private" else t["friend"]
    return allowed, [t["eve"], None]


@pytest.mark.parametrize("hidden", ["private", "direct"])
def test_single_status_paths_answer_404_to_strangers(world, hidden):
    agora, status = world["agora"], world[hidden]
    allowed, strangers = readers(world, hidden)
    paths = [f"/api/v1/statuses/{status['id']}", f"/api/v1/statuses/{status['id']}/context",
             f"/api/v1/statuses/{status['id']}/favourited_by", f"/api/v1/statuses/{status['id']}/reblogged_by",
             f"/api/v1/statuses/{status['id']}/history"]
    for path in paths:
        assert agora.api("GET", path, token=allowed).status_code == 200, path
        for stranger in strangers:
            r = agora.api("GET", path, token=stranger)
            assert r.status_code == 404, (path, stranger, r.text)
            assert "zebrasecret" not in r.text and r.json() == {"error": "Record not found"}


@pytest.mark.parametrize("hidden", ["private", "direct"])
def test_actions_on_a_hidden_status_answer_404(world, hidden):
    agora, status = world["agora"], world[hidden]
    eve = world["tokens"]["eve"]
    for action in ("favourite", "bookmark", "reblog", "mute", "pin", "unfavourite", "unbookmark", "translate"):
        r = agora.api("POST", f"/api/v1/statuses/{status['id']}/{action}", token=eve)
        assert r.status_code == 404, (action, r.status_code, r.text)
        assert "zebrasecret" not in r.text
    reply = agora.api("POST", "/api/v1/statuses", token=eve, data={"status": "guess", "in_reply_to_id": status["id"]})
    assert reply.status_code == 404, reply.text
    report = agora.api("POST", "/api/v1/reports", token=eve,
                       data={"account_id": agora.account_id("alice"), "status_ids[]": status["id"]})
    assert report.status_code == 404 or report.json()["status_ids"] in (None, []), report.text
    counts = agora.api("GET", f"/api/v1/statuses/{status['id']}", token=world["tokens"]["alice"]).json()
    assert counts["favourites_count"] == 0 and counts["reblogs_count"] == 0


def test_polls_of_hidden_statuses_answer_404(world):
    agora, poll = world["agora"], world["poll_id"]
    assert agora.api("GET", f"/api/v1/polls/{poll}", token=world["tokens"]["fan"]).status_code == 200
    for stranger in (world["tokens"]["eve"], None):
        assert agora.api("GET", f"/api/v1/polls/{poll}", token=stranger).status_code == 404
    vote = agora.api("POST", f"/api/v1/polls/{poll}/votes", token=world["tokens"]["eve"], data={"choices[]": "0"})
    assert vote.status_code == 404, vote.text
    shown = agora.api("GET", f"/api/v1/polls/{poll}", token=world["tokens"]["fan"]).json()
    assert shown["votes_count"] == 0


def test_the_thread_of_a_public_reply_hides_its_hidden_parent(world):
    agora, reply = world["agora"], world["reply"]
    seen = agora.api("GET", f"/api/v1/statuses/{reply['id']}/context", token=world["tokens"]["fan"]).json()
    assert [s["id"] for s in seen["ancestors"]] == [world["private"]["id"]]
    for stranger in (world["tokens"]["eve"], None):
        r = agora.api("GET", f"/api/v1/statuses/{reply['id']}/context", token=stranger)
        assert r.status_code == 200 and r.json()["ancestors"] == [], r.text
        shown = agora.api("GET", f"/api/v1/statuses/{reply['id']}", token=stranger).json()
        assert shown["in_reply_to_id"] == world["private"]["id"]  # Mastodon shows the id, never the content
    thread = agora.api("GET", f"/api/v1/statuses/{world['private']['id']}/context", token=world["tokens"]["fan"])
    assert [s["id"] for s in thread.json()["descendants"]] == [reply["id"]]


def ids(response):
    assert response.status_code == 200, response.text
    return {s["id"] for s in response.json()}


def test_lists_of_statuses_never_contain_hidden_ones(world):
    agora, t = world["agora"], world["tokens"]
    alice_id = agora.account_id("alice")
    hidden = {world["private"]["id"], world["direct"]["id"]}
    lists = [f"/api/v1/accounts/{alice_id}/statuses", f"/api/v1/accounts/{alice_id}/statuses?pinned=true",
             f"/api/v1/accounts/{alice_id}/statuses?tagged=zebratag", "/api/v1/timelines/public",
             "/api/v1/timelines/public?local=true", "/api/v1/timelines/tag/zebratag",
             "/api/v1/timelines/tag/public?any[]=zebratag", "/api/v1/trends/statuses",
             "/api/v1/timelines/link?url=https%3A%2F%2Fexample.org%2Fzebra-link",
             f"/api/v1/statuses?id[]={world['private']['id']}&id[]={world['direct']['id']}&id[]={world['public']['id']}"]
    # The follower sees the followers-only post where Mastodon shows it to followers.
    assert world["private"]["id"] in ids(agora.api("GET", lists[0], token=t["fan"]))
    assert world["private"]["id"] in ids(agora.api("GET", lists[1], token=t["fan"]))
    assert world["private"]["id"] in ids(agora.api("GET", "/api/v1/timelines/home", token=t["fan"]))
    for path in lists:
        for stranger in (t["eve"], None):
            r = agora.api("GET", path, token=stranger)
            if r.status_code in (401, 404, 422):  # a list anonymous visitors may not read at all
                assert stranger is None or path.startswith("/api/v1/timelines/link"), (path, r.text)
                continue
            assert not ids(r) & hidden, path
            assert "zebrasecret edited" not in r.text and "direct zebrasecret" not in r.text, path
    for stranger_token in (t["eve"],):
        for path in ("/api/v1/timelines/home", "/api/v1/conversations", "/api/v1/notifications", "/api/v1/bookmarks",
                     "/api/v1/favourites"):
            r = agora.api("GET", path, token=stranger_token)
            assert r.status_code == 200 and "zebrasecret edited" not in r.text and "direct zebrasecret" not in r.text


@pytest.mark.parametrize("query", ["zebrasecret", "zebratag", "from:alice zebrasecret", "#zebratag"])
def test_search_never_finds_hidden_statuses(world, query):
    agora, t = world["agora"], world["tokens"]
    hidden = {world["private"]["id"], world["direct"]["id"]}
    for stranger in (t["eve"],):
        r = agora.api("GET", "/api/v2/search", token=stranger, params={"q": query, "type": "statuses"})
        assert r.status_code == 200, r.text
        assert not {s["id"] for s in r.json()["statuses"]} & hidden
    for url in (world["private"]["url"], world["private"]["uri"], world["direct"]["url"]):
        r = agora.api("GET", "/api/v2/search", token=t["eve"], params={"q": url, "resolve": "true"})
        assert r.status_code == 200 and r.json()["statuses"] == [], (url, r.text)


@pytest.mark.parametrize("hidden", ["private", "direct"])
def test_activitypub_never_serves_hidden_statuses_unsigned(world, hidden):
    agora, status = world["agora"], world[hidden]
    for path in (f"/users/alice/statuses/{status['id']}", f"/users/alice/statuses/{status['id']}/activity",
                 f"/@alice/{status['id']}"):
        r = agora.get(path, headers=ACTIVITY_JSON)
        assert r.status_code in (401, 403, 404), (path, r.status_code)
        assert "zebrasecret" not in r.text
    public = agora.get(f"/users/alice/statuses/{world['public']['id']}", headers=ACTIVITY_JSON)
    assert public.status_code == 200 and "zebrasecret" in public.text
    outbox = agora.get("/users/alice/outbox?page=true", headers=ACTIVITY_JSON)
    assert outbox.status_code == 200
    assert world["public"]["id"] in outbox.text and status["id"] not in outbox.text
    assert "direct zebrasecret" not in outbox.text and "zebrasecret edited" not in outbox.text
