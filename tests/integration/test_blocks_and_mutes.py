"""Blocks (and what they end), mutes (and their expiry), user-level domain blocks."""
import time

from recorded import assert_same_relationship, responses


def relationship(agora, token, account_id):
    return agora.api("GET", f"/api/v1/accounts/relationships?id[]={account_id}", token=token).json()[0]


def counts(agora, account_id):
    row = agora.sql(f"SELECT followers_count, following_count FROM accounts WHERE id = {account_id}")[0]
    return int(row[0]), int(row[1])


def test_block_and_unblock_as_recorded(agora):
    alice = agora.create_user("alice")
    agora.create_user("bob")
    bob_id = agora.account_id("bob")
    (_, blocked), = responses("test_account_block_unblock", "POST", "/block")
    (_, unblocked), = responses("test_account_block_unblock", "POST", "/unblock")
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/block", token=alice)
    assert r.status_code == 200
    assert_same_relationship(r.json(), blocked)
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/unblock", token=alice)
    assert r.status_code == 200
    assert_same_relationship(r.json(), unblocked)


def test_blocking_ends_follows_both_ways_and_pending_requests(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    alice_id, bob_id = agora.account_id("alice"), agora.account_id("bob")
    agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=alice)
    agora.api("POST", f"/api/v1/accounts/{alice_id}/follow", token=bob)
    agora.api("POST", f"/api/v1/accounts/{bob_id}/pin", token=alice)
    assert counts(agora, alice_id) == (1, 1) and counts(agora, bob_id) == (1, 1)

    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/block", token=alice)
    assert r.status_code == 200
    rel = r.json()
    assert (rel["blocking"], rel["following"], rel["followed_by"], rel["endorsed"]) == (True, False, False, False)
    assert counts(agora, alice_id) == (0, 0) and counts(agora, bob_id) == (0, 0)
    assert agora.sql("SELECT id FROM notifications") == []
    assert relationship(agora, bob, alice_id)["blocked_by"] is True
    # Blocking twice is one block.
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/block", token=alice).json()["blocking"] is True
    assert len(agora.sql("SELECT id FROM blocks")) == 1

    # Pending requests go too, whichever way they point.
    agora.api("POST", f"/api/v1/accounts/{bob_id}/unblock", token=alice)
    agora.sql(f"UPDATE accounts SET locked = TRUE WHERE id IN ({alice_id}, {bob_id})")
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=alice).json()["requested"] is True
    assert agora.api("POST", f"/api/v1/accounts/{alice_id}/follow", token=bob).json()["requested"] is True
    agora.api("POST", f"/api/v1/accounts/{bob_id}/block", token=alice)
    assert agora.sql("SELECT id FROM follow_requests") == []
    assert agora.sql("SELECT id FROM notifications") == []
    assert agora.api("GET", "/api/v1/follow_requests", token=bob).json() == []


def test_blocking_oneself_or_nobody(agora):
    alice = agora.create_user("alice")
    alice_id = agora.account_id("alice")
    r = agora.api("POST", f"/api/v1/accounts/{alice_id}/block", token=alice)
    assert (r.status_code, r.json()["blocking"]) == (200, False)
    r = agora.api("POST", "/api/v1/accounts/12345/block", token=alice)
    assert (r.status_code, r.json()) == (404, {"error": "Record not found"})
    assert agora.sql("SELECT id FROM blocks") == []


def test_blocks_list_pages_by_block(agora):
    alice = agora.create_user("alice")
    targets = []
    for name in ("b1", "b2", "b3"):
        agora.create_user(name)
        targets.append(agora.account_id(name))
        agora.api("POST", f"/api/v1/accounts/{targets[-1]}/block", token=alice)
    rows = agora.sql("SELECT id, target_account_id FROM blocks ORDER BY id DESC")
    r = agora.api("GET", "/api/v1/blocks?limit=2", token=alice)
    assert r.status_code == 200
    assert [a["id"] for a in r.json()] == [rows[0][1], rows[1][1]]
    base = f"{agora.public_url}/api/v1/blocks?limit=2&"
    assert r.headers["Link"] == f'<{base}max_id={rows[1][0]}>; rel="next", <{base}since_id={rows[0][0]}>; rel="prev"'
    r = agora.api("GET", f"/api/v1/blocks?limit=2&max_id={rows[1][0]}", token=alice)
    assert [a["id"] for a in r.json()] == [rows[2][1]]
    r = agora.api("GET", f"/api/v1/blocks?since_id={rows[1][0]}", token=alice)
    assert [a["id"] for a in r.json()] == [rows[0][1]]
    assert agora.api("GET", "/api/v1/blocks", token=agora.create_user("nobody")).json() == []
    assert "Link" not in agora.api("GET", "/api/v1/blocks", token=agora.create_user("other")).headers
    assert agora.api("GET", "/api/v1/blocks", token=agora.create_user("w", scopes="write")).status_code == 403


def test_mute_and_unmute_as_recorded(agora):
    alice = agora.create_user("alice")
    agora.create_user("bob")
    bob_id = agora.account_id("bob")
    recorded = responses("test_account_mute_unmute", "POST", "/mute")
    (_, unmuted), = responses("test_account_mute_unmute", "POST", "/unmute")
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/mute", token=alice, data={"notifications": "1"})
    assert r.status_code == 200
    assert_same_relationship(r.json(), recorded[0][1])
    assert r.json()["muting_expires_at"] is None
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/unmute", token=alice)
    assert_same_relationship(r.json(), unmuted)


def test_mutes_expire_and_can_let_notifications_through(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    alice_id, bob_id = agora.account_id("alice"), agora.account_id("bob")
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/mute", token=alice, data={"duration": "2"})
    rel = r.json()
    assert (rel["muting"], rel["muting_notifications"]) == (True, True)  # notifications hidden unless asked
    assert rel["muting_expires_at"].endswith("Z")
    listed = agora.api("GET", "/api/v1/mutes", token=alice).json()
    assert [a["id"] for a in listed] == [bob_id]
    assert listed[0]["mute_expires_at"] == rel["muting_expires_at"]
    # While muted with notifications hidden, bob's follow does not notify alice.
    agora.api("POST", f"/api/v1/accounts/{alice_id}/follow", token=bob)
    assert agora.sql(f"SELECT id FROM notifications WHERE account_id = {alice_id}") == []
    time.sleep(2.2)
    assert relationship(agora, alice, bob_id)["muting"] is False
    assert agora.api("GET", "/api/v1/mutes", token=alice).json() == []

    # Muting again replaces the settings: forever, notifications shown.
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/mute", token=alice, json={"notifications": False, "duration": 0})
    rel = r.json()
    assert (rel["muting"], rel["muting_notifications"], rel["muting_expires_at"]) == (True, False, None)
    assert agora.api("GET", "/api/v1/mutes", token=alice).json()[0]["mute_expires_at"] is None
    agora.api("POST", f"/api/v1/accounts/{alice_id}/unfollow", token=bob)
    agora.api("POST", f"/api/v1/accounts/{alice_id}/follow", token=bob)
    assert agora.sql(f"SELECT type FROM notifications WHERE account_id = {alice_id}") == [("follow",)]
    # Nonsense durations count as none, as Ruby's to_i reads them.
    r = agora.api("POST", f"/api/v1/accounts/{bob_id}/mute", token=alice, data={"duration": "soon"})
    assert (r.status_code, r.json()["muting_expires_at"]) == (200, None)
    # Oneself cannot be muted.
    assert agora.api("POST", f"/api/v1/accounts/{alice_id}/mute", token=alice).json()["muting"] is False


def test_mutes_list_pages(agora):
    alice = agora.create_user("alice")
    for name in ("m1", "m2", "m3"):
        agora.create_user(name)
        agora.api("POST", f"/api/v1/accounts/{agora.account_id(name)}/mute", token=alice)
    rows = agora.sql("SELECT id, target_account_id FROM mutes ORDER BY id DESC")
    r = agora.api("GET", "/api/v1/mutes?limit=2", token=alice)
    assert [a["id"] for a in r.json()] == [rows[0][1], rows[1][1]]
    assert list(r.json()[0])[-1] == "mute_expires_at"
    base = f"{agora.public_url}/api/v1/mutes?limit=2&"
    assert r.headers["Link"] == f'<{base}max_id={rows[1][0]}>; rel="next", <{base}since_id={rows[0][0]}>; rel="prev"'
    assert agora.api("GET", "/api/v1/mutes", token=agora.create_user("b", scopes="read:blocks")).status_code == 403


def test_domain_blocks(agora):
    alice = agora.create_user("alice")
    (_, recorded), = responses("test_domain_block_unblock", "POST", "/domain_blocks")
    r = agora.api("POST", "/api/v1/domain_blocks", token=alice, data={"domain": "example.com"})
    assert (r.status_code, r.json()) == (200, recorded)
    agora.api("POST", "/api/v1/domain_blocks", token=alice, data={"domain": "example.com"})  # once is enough
    agora.api("POST", "/api/v1/domain_blocks", token=alice, json={"domain": " Bücher.Example "})
    agora.api("POST", "/api/v1/domain_blocks", token=alice, data={"domain": "third.example"})
    r = agora.api("GET", "/api/v1/domain_blocks", token=alice)
    assert r.json() == ["third.example", "xn--bcher-kva.example", "example.com"]

    rows = agora.sql("SELECT id FROM account_domain_blocks ORDER BY id DESC")
    r = agora.api("GET", "/api/v1/domain_blocks?limit=1", token=alice)
    assert r.json() == ["third.example"]
    base = f"{agora.public_url}/api/v1/domain_blocks?limit=1&"
    assert r.headers["Link"] == f'<{base}max_id={rows[0][0]}>; rel="next", <{base}since_id={rows[0][0]}>; rel="prev"'

    for bad, message in (("", "Domain can't be blank"), ("not a domain", "Domain is not a valid domain name"),
                         ("a" * 64 + ".example", "Domain is not a valid domain name")):
        r = agora.api("POST", "/api/v1/domain_blocks", token=alice, data={"domain": bad})
        assert (r.status_code, r.json()) == (422, {"error": f"Validation failed: {message}"}), bad
    r = agora.api("DELETE", "/api/v1/domain_blocks", token=alice, data={"domain": "EXAMPLE.com"})
    assert (r.status_code, r.json()) == (200, {})
    assert agora.api("DELETE", "/api/v1/domain_blocks", token=alice, data={"domain": "never.example"}).json() == {}
    assert agora.api("GET", "/api/v1/domain_blocks", token=alice).json() == ["third.example", "xn--bcher-kva.example"]
    reader = agora.create_user("reader", scopes="read")
    assert agora.api("POST", "/api/v1/domain_blocks", token=reader, data={"domain": "x.example"}).status_code == 403
    assert agora.api("GET", "/api/v1/domain_blocks", token=reader).json() == []
