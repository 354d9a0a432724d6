"""Follow suggestions (v1, v2, dismissal) and the profile directory."""


def follow(agora, token, account_id):
    assert agora.api("POST", f"/api/v1/accounts/{account_id}/follow", token=token).status_code == 200


def test_suggestions_come_from_friends_then_popularity(agora):
    alice = agora.create_user("alice")
    carol = agora.create_user("carol")
    names = ("bob", "dave", "erin", "frank")
    tokens = {n: agora.create_user(n) for n in names}
    ids = {n: agora.account_id(n) for n in names + ("alice", "carol")}
    follow(agora, alice, ids["carol"])
    follow(agora, carol, ids["bob"])      # a friend of a friend
    follow(agora, tokens["dave"], ids["erin"])  # popular elsewhere
    follow(agora, tokens["frank"], ids["erin"])
    follow(agora, tokens["dave"], ids["bob"])

    r = agora.api("GET", "/api/v2/suggestions", token=alice)
    assert r.status_code == 200
    got = [(s["account"]["id"], s["source"], s["sources"]) for s in r.json()]
    assert got == [(ids["bob"], "past_interactions", ["friends_of_friends", "most_followed"]),
                   (ids["erin"], "global", ["most_followed"])]
    assert list(r.json()[0]) == ["source", "sources", "account"]
    # Not oneself, nor anyone already followed (carol), nor undiscoverable accounts.
    agora.sql(f"UPDATE accounts SET discoverable = FALSE WHERE id = {ids['erin']}")
    assert [a["id"] for a in agora.api("GET", "/api/v1/suggestions", token=alice).json()] == [ids["bob"]]
    agora.sql(f"UPDATE accounts SET discoverable = TRUE WHERE id = {ids['erin']}")
    # Nor blocked or muted ones.
    agora.api("POST", f"/api/v1/accounts/{ids['erin']}/mute", token=alice)
    assert [a["id"] for a in agora.api("GET", "/api/v1/suggestions", token=alice).json()] == [ids["bob"]]
    agora.api("POST", f"/api/v1/accounts/{ids['erin']}/unmute", token=alice)
    assert len(agora.api("GET", "/api/v1/suggestions?limit=1", token=alice).json()) == 1
    assert [a["id"] for a in agora.api("GET", "/api/v1/suggestions?offset=1", token=alice).json()] == [ids["erin"]]

    r = agora.api("DELETE", f"/api/v1/suggestions/{ids['bob']}", token=alice)
    assert (r.status_code, r.json()) == (200, {})
    assert [a["id"] for a in agora.api("GET", "/api/v1/suggestions", token=alice).json()] == [ids["erin"]]
    assert agora.api("DELETE", "/api/v1/suggestions/12345", token=alice).json() == {}
    assert agora.api("DELETE", f"/api/v1/suggestions/{ids['erin']}",
                     token=agora.create_user("r", scopes="read")).status_code == 403
    assert agora.api("GET", "/api/v2/suggestions").status_code == 401


def test_directory_lists_discoverable_accounts(agora):
    viewer = agora.create_user("viewer")
    for name in ("old", "mid", "new"):
        agora.create_user(name)
    ids = {n: agora.account_id(n) for n in ("viewer", "old", "mid", "new")}
    agora.sql(f"UPDATE accounts SET last_status_at = 1000 WHERE id = {ids['old']}")
    agora.sql(f"UPDATE accounts SET last_status_at = 2000 WHERE id = {ids['mid']}")
    agora.sql(f"UPDATE accounts SET discoverable = FALSE WHERE id = {ids['viewer']}")

    r = agora.api("GET", "/api/v1/directory")
    assert r.status_code == 200
    assert [a["id"] for a in r.json()] == [ids["mid"], ids["old"], ids["new"]]  # active first, never-posted last
    r = agora.api("GET", "/api/v1/directory?order=new&local=true")
    assert [a["id"] for a in r.json()] == [ids["new"], ids["mid"], ids["old"]]
    r = agora.api("GET", "/api/v1/directory?order=new&offset=1&limit=1")
    assert [a["id"] for a in r.json()] == [ids["mid"]]
    # A signed-in viewer does not see whom they block.
    agora.api("POST", f"/api/v1/accounts/{ids['mid']}/block", token=viewer)
    r = agora.api("GET", "/api/v1/directory?order=new", token=viewer)
    assert [a["id"] for a in r.json()] == [ids["new"], ids["old"]]
    agora.sql(f"UPDATE accounts SET suspended_at = 1 WHERE id = {ids['old']}")
    assert [a["id"] for a in agora.api("GET", "/api/v1/directory?order=new").json()] == [ids["new"], ids["mid"]]
