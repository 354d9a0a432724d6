"""GET /api/v2/search for statuses and hashtags: only statuses the viewer may
search and see, query text never read as syntax, Mastodon's errors."""
import pytest
from mastodon import Mastodon


def post(agora, token, text, **params):
    r = agora.api("POST", "/api/v1/statuses", token=token, data={"status": text, **params})
    assert r.status_code == 200, r.text
    return r.json()["id"]


def search(agora, token, q, **params):
    r = agora.api("GET", "/api/v2/search", token=token, params={"q": q, **params})
    assert r.status_code == 200, r.text
    body = r.json()
    assert list(body.keys()) == ["accounts", "statuses", "hashtags"]
    return body


def found(agora, token, q, **params):
    return [s["id"] for s in search(agora, token, q, type="statuses", **params)["statuses"]]


def indexable(agora, token):
    r = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token, data={"indexable": "true"})
    assert r.status_code == 200, r.text


def test_statuses_are_searched_only_where_mastodon_allows(agora):
    alice = agora.create_user("alice")
    carol = agora.create_user("carol")
    dave = agora.create_user("dave")
    eve = agora.create_user("eve")
    indexable(agora, alice)
    a_public = post(agora, alice, "The quick brown fox")
    a_private = post(agora, alice, "quick private thought", visibility="private")
    c_public = post(agora, carol, "quick silver", spoiler_text="metals")
    c_direct = post(agora, carol, "@dave quick note", visibility="direct")

    assert found(agora, dave, "quick") == [c_direct, a_public]  # mentioned, and an indexable author's public post
    assert found(agora, eve, "quick") == [a_public]
    assert found(agora, carol, "quick") == [c_direct, c_public, a_public]  # her own, whatever their visibility
    assert found(agora, alice, "quick") == [a_private, a_public]
    assert found(agora, carol, "METALS") == [c_public]  # content warnings are searched too, in any case
    assert found(agora, eve, "quick fox") == [a_public] and found(agora, eve, "quick zebra") == []
    # Visitors get no statuses; a handle or a URL is not searched as words.
    r = agora.api("GET", "/api/v2/search", params={"q": "quick", "type": "statuses"})
    assert r.status_code == 200 and r.json()["statuses"] == []
    assert found(agora, alice, "quick@example.org") == []

    # Filters and paging.
    assert found(agora, carol, "quick", account_id=agora.account_id("alice")) == [a_public]
    assert found(agora, carol, "quick", max_id=c_public) == [a_public]
    assert found(agora, carol, "quick", min_id=a_public) == [c_direct, c_public]
    assert found(agora, carol, "quick", limit=1, offset=1) == [c_public]

    # A block keeps the author's statuses from the blocked viewer, even when indexable.
    assert agora.api("POST", f"/api/v1/accounts/{agora.account_id('eve')}/block", token=alice).status_code == 200
    assert found(agora, eve, "quick") == []
    # Deleted statuses leave the index.
    assert agora.api("DELETE", f"/api/v1/statuses/{a_public}", token=alice).status_code == 200
    assert found(agora, dave, "quick") == [c_direct]


@pytest.mark.parametrize("q", ['"', "*", "NEAR(", "OR", "quick OR", "' OR 1=1 --", 'quick"', '"quick', "a:b",
                               "^quick", "(", "quick*", "\\", "-quick", "quick AND NOT fox", "%", "_", "{}", "NEAR(a b)"])
def test_query_text_is_never_syntax(agora, q):
    alice = agora.create_user("alice")
    indexable(agora, alice)
    post(agora, alice, "quick fox #quick")
    body = search(agora, alice, q)
    assert all(s["account"]["acct"] == "alice" for s in body["statuses"])
    if q in ('quick"', '"quick', "quick*", "^quick", "-quick"):
        assert len(body["statuses"]) == 1  # the word still matches, the rest is punctuation


def test_hashtags(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    post(agora, alice, "#Rust and #rustlang and #python")
    post(agora, bob, "more #rust")
    body = search(agora, alice, "rust", type="hashtags")
    assert [t["name"] for t in body["hashtags"]] == ["Rust", "rustlang"]  # shortest first, as first typed
    tag = body["hashtags"][0]
    assert list(tag.keys()) == ["id", "name", "url", "history", "following"]
    assert tag["url"] == f"{agora.public_url}/tags/Rust" and tag["following"] is False
    assert len(tag["history"]) == 7
    assert list(tag["history"][0].keys()) == ["day", "uses", "accounts"]
    assert tag["history"][0]["uses"] == "2" and tag["history"][0]["accounts"] == "2"
    assert int(tag["history"][0]["day"]) % 86400 == 0
    assert [t["name"] for t in search(agora, alice, "#RUS", type="hashtags")["hashtags"]] == ["Rust", "rustlang"]
    # Unreviewed tags only match exactly.
    assert [t["name"] for t in search(agora, alice, "rust", exclude_unreviewed="true")["hashtags"]] == ["Rust"]
    anonymous = agora.api("GET", "/api/v2/search", params={"q": "pyth"}).json()
    assert [t["name"] for t in anonymous["hashtags"]] == ["python"] and "following" not in anonymous["hashtags"][0]
    assert search(agora, alice, "rust@example.org")["hashtags"] == []
    assert search(agora, alice, "r_st", type="hashtags")["hashtags"] == []  # LIKE wildcards are literal
    assert search(agora, alice, "rust", type="hashtags", limit=1, offset=1)["hashtags"][0]["name"] == "rustlang"


def test_bad_input_and_mastodons_errors(agora):
    alice = agora.create_user("alice")
    r = agora.api("GET", "/api/v2/search", token=alice)
    assert r.status_code == 400 and r.json() == {"error": "param is missing or the value is empty: q"}
    assert search(agora, alice, "alice", type="toots") == {"accounts": [], "statuses": [], "hashtags": []}
    r = agora.api("GET", "/api/v2/search", params={"q": "alice", "offset": "0"})
    assert r.status_code == 401
    assert r.json() == {"error": "Search queries pagination is not supported without authentication"}
    r = agora.api("GET", "/api/v2/search", params={"q": "alice", "resolve": "true"})
    assert r.status_code == 401
    assert r.json() == {"error": "Search queries that resolve remote resources are not supported without authentication"}
    assert agora.api("GET", "/api/v1/search", params={"q": "alice"}).status_code == 404
    assert agora.api("GET", "/api/v2/search", token="nope", params={"q": "a"}).status_code == 401
    assert search(agora, alice, "x" * 5000)["statuses"] == []
    assert search(agora, alice, "quick", type="statuses", account_id="abc", min_id="zz")["statuses"] == []


def test_mastodon_py_search_v2(agora):
    alice = agora.create_user("alice")
    post(agora, alice, "searching with #mastodonpy")
    api = Mastodon(api_base_url=agora.base_url, access_token=alice, version_check_mode="none")
    result = api.search_v2("searching", result_type="statuses")
    assert [s.account.acct for s in result.statuses] == ["alice"]
    result = api.search_v2("mastodonpy", exclude_unreviewed=False)
    assert [t.name for t in result.hashtags] == ["mastodonpy"]
    assert result.accounts == []
