"""Trends from local activity: tags by how many accounts used them this week,
popular public statuses, no links yet; offset paging as Mastodon."""
from mastodon import Mastodon

from recorded import responses


def post(agora, token, text, **params):
    r = agora.api("POST", "/api/v1/statuses", token=token, data={"status": text, **params})
    assert r.status_code == 200, r.text
    return r.json()["id"]


def names(r):
    assert r.status_code == 200, r.text
    return [t["name"] for t in r.json()]


def trend_unreviewed(agora):
    """These tests read the ranking itself: unreviewed tags and statuses trend (review is tested in
    test_admin_content.py)."""
    agora.cli("settings", "set", "trendable_by_default", "true", check=True)


def test_trending_tags(agora):
    trend_unreviewed(agora)
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    assert agora.api("GET", "/api/v1/trends/tags").json() == responses("test_trending_tags", "GET", "/tags")[0][1] == []
    post(agora, alice, "#Python #python again")
    post(agora, alice, "#python more")
    for token in (alice, bob, carol):
        post(agora, token, "#rust is nice")
    post(agora, bob, "#secret", visibility="private")  # not public: does not trend
    old = post(agora, carol, "#old")
    agora.sql("UPDATE statuses SET created_at = created_at - 8 * 86400000 WHERE id = ?", (old,))

    assert names(agora.api("GET", "/api/v1/trends/tags")) == ["rust", "Python"]
    assert names(agora.api("GET", "/api/v1/trends")) == ["rust", "Python"]
    tag = agora.api("GET", "/api/v1/trends/tags", token=alice).json()[1]
    assert list(tag.keys()) == ["id", "name", "url", "history", "following"]
    assert tag["history"][0]["uses"] == "2" and tag["history"][0]["accounts"] == "1"

    r = agora.api("GET", "/api/v1/trends/tags", params={"limit": 1})
    assert names(r) == ["rust"]
    assert r.headers["Link"] == f'<{agora.public_url}/api/v1/trends/tags?limit=1&offset=1>; rel="next"'
    r = agora.api("GET", "/api/v1/trends/tags", params={"limit": 1, "offset": 1})
    assert names(r) == ["Python"]
    r = agora.api("GET", "/api/v1/trends/tags", params={"limit": 1, "offset": 3})
    assert names(r) == [] and r.headers["Link"] == f'<{agora.public_url}/api/v1/trends/tags?limit=1&offset=2>; rel="prev"'
    assert names(agora.api("GET", "/api/v1/trends/tags", params={"limit": "abc", "offset": "-5"})) == []
    assert agora.api("GET", "/api/v1/trends/tags", token="bad").status_code == 401


def test_trending_statuses_and_links(agora):
    trend_unreviewed(agora)
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    for token, discoverable in ((alice, "true"), (bob, "true"), (carol, "false")):
        r = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token, data={"discoverable": discoverable})
        assert r.status_code == 200
    popular = post(agora, alice, "popular")
    liked = post(agora, bob, "liked")
    private = post(agora, alice, "for followers", visibility="private")
    hidden = post(agora, carol, "not discoverable")
    post(agora, alice, "nobody cares")
    for sid, score in ((popular, 5), (liked, 2), (private, 9), (hidden, 9)):
        agora.sql("UPDATE statuses SET favourites_count = ? WHERE id = ?", (score, sid))

    r = agora.api("GET", "/api/v1/trends/statuses")
    assert r.status_code == 200 and [s["id"] for s in r.json()] == [popular, liked]
    assert [s["id"] for s in agora.api("GET", "/api/v1/trends/statuses", params={"offset": 1}).json()] == [liked]
    # What the viewer may not see is left out.
    assert agora.api("POST", f"/api/v1/accounts/{agora.account_id('carol')}/block", token=alice).status_code == 200
    assert [s["id"] for s in agora.api("GET", "/api/v1/trends/statuses", token=carol).json()] == [liked]

    r = agora.api("GET", "/api/v1/trends/links")
    assert r.status_code == 200 and r.json() == responses("test_trending_links", "GET", "/links")[0][1] == []

    api = Mastodon(api_base_url=agora.base_url, access_token=alice, version_check_mode="none")
    assert [s.content for s in api.trending_statuses()] == ["<p>popular</p>", "<p>liked</p>"]
    assert api.trending_tags() == []
