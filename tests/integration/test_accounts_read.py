

def test_v2_search_finds_accounts_and_keeps_mastodons_shape(agora):
    token = agora.create_user("alice")
    agora.create_user("albert")
    agora.create_user("bob")
    r = agora.api("GET", "/api/v2/search", token=token, params={"q": "al", "type": "accounts"})
    assert r.status_code == 200
    body = r.json()
    assert list(body) == ["accounts", "statuses", "hashtags"]
    assert sorted(a["username"] for a in body["accounts"]) == ["albert", "alice"]
    assert agora.api("GET", "/api/v2/search", params={"q": "bob"}).json()["accounts"][0]["acct"] == "bob"
    assert agora.api("GET", "/api/v2/search", params={"q": "bob", "offset": 1}).status_code == 401
    # An unknown type searches nothing, as Mastodon's SearchService.
    r = agora.api("GET", "/api/v2/search", token=token, params={"q": "bob", "type": "toots"})
    assert r.status_code == 200 and r.json() == {"accounts": [], "statuses": [], "hashtags": []}
