"""The operator's jobs on the command line, as tootctl's: accounts modify / reset-password / delete,
domains purge, maintenance fix-counters and search reindex. Each refuses bad input with a message and
a non-zero exit status, leaving everything as it was."""
import time


def me(agora, token):
    return agora.api("GET", "/api/v1/accounts/verify_credentials", token=token)


def counts(agora, username):
    return agora.get("/api/v1/accounts/lookup", params={"acct": username}).json()


def post(agora, token, text, **extra):
    r = agora.api("POST", "/api/v1/statuses", token=token, json={"status": text, **extra})
    assert r.status_code == 200, r.text
    return r.json()


def test_accounts_modify_changes_email_role_and_login(agora):
    token = agora.create_user("alice")
    agora.create_user("bob")
    r = agora.cli("accounts", "modify", "alice", "--email", "new@example.org", "--role", "Moderator")
    assert r.returncode == 0 and r.stdout.strip() == "OK", r.stderr
    assert agora.sql("SELECT email, role FROM users WHERE email = 'new@example.org'") == [("new@example.org",
                                                                                            "moderator")]
    # A refused address changes nothing else either.
    for email, message in (("not-an-email", "E-mail address is invalid"),
                           ("BOB@example.org", "E-mail address has already been taken")):
        r = agora.cli("accounts", "modify", "alice", "--email", email, "--role", "admin")
        assert r.returncode == 1 and message in r.stderr, r.stderr
    assert agora.sql("SELECT email, role FROM users WHERE email = 'new@example.org'") == [("new@example.org",
                                                                                            "moderator")]
    assert agora.cli("accounts", "modify", "alice", "--disable").returncode == 0
    r = me(agora, token)
    assert r.status_code == 403 and r.json() == {"error": "Your login is currently disabled"}
    assert agora.cli("accounts", "modify", "alice", "--enable").returncode == 0
    assert me(agora, token).status_code == 200


def test_accounts_modify_refuses_bad_input(agora):
    agora.create_user("alice")
    for args in (["accounts", "modify", "alice"], ["accounts", "modify", "alice", "--disable", "--enable"],
                 ["accounts", "modify", "alice", "--email"], ["accounts", "modify"]):
        r = agora.cli(*args)
        assert r.returncode == 2 and r.stderr, args
    r = agora.cli("accounts", "modify", "nobody", "--disable")
    assert r.returncode == 1 and "no local account nobody" in r.stderr
    r = agora.cli("accounts", "modify", "alice", "--role", "emperor")
    assert r.returncode == 1 and "no role emperor" in r.stderr


def test_reset_password_prints_a_new_one_and_signs_out_everywhere(agora):
    token = agora.create_user("alice", password="old-password-1")
    before = agora.sql("SELECT password_hash FROM users")[0][0]
    r = agora.cli("accounts", "reset-password", "alice")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0] == "OK" and lines[1].startswith("New password: ") and len(lines[1]) > 30
    assert agora.sql("SELECT password_hash FROM users")[0][0] != before
    r = me(agora, token)
    assert r.status_code == 401 and r.json() == {"error": "The access token was revoked"}
    r = agora.cli("accounts", "reset-password", "nobody")
    assert r.returncode == 1 and "no local account nobody" in r.stderr
    assert agora.cli("accounts", "reset-password").returncode == 2


def test_accounts_delete_removes_the_account_and_fixes_the_counts_it_was_in(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    alice_id = agora.account_id("alice")
    assert agora.api("POST", f"/api/v1/accounts/{alice_id}/follow", token=bob).status_code == 200
    bob_status = post(agora, bob, "hello")
    post(agora, alice, "a reply", in_reply_to_id=bob_status["id"])
    agora.api("POST", f"/api/v1/statuses/{bob_status['id']}/favourite", token=alice)
    assert counts(agora, "bob")["following_count"] == 1
    r = agora.cli("accounts", "delete", "alice")
    assert r.returncode == 0 and "Deleted alice" in r.stdout, r.stderr
    assert agora.get("/api/v1/accounts/lookup", params={"acct": "alice"}).status_code == 404
    assert agora.sql("SELECT COUNT(*) FROM statuses WHERE account_id = ?", (alice_id,)) == [("0",)]
    assert counts(agora, "bob")["following_count"] == 0
    status = agora.api("GET", f"/api/v1/statuses/{bob_status['id']}", token=bob).json()
    assert status["replies_count"] == 0 and status["favourites_count"] == 0
    r = agora.cli("accounts", "delete", "alice")
    assert r.returncode == 1 and "no local account alice" in r.stderr
    assert agora.cli("accounts", "delete").returncode == 2


def remote_account(agora, domain, username, ident):
    now = int(time.time() * 1000)
    agora.sql("INSERT INTO accounts (id, username, domain, uri, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
              (ident, username, domain, f"https://{domain}/users/{username}", now, now))
    return ident


def test_domains_purge_removes_a_remote_domain_and_refuses_our_own(agora):
    bob = agora.create_user("bob")
    bob_id = agora.account_id("bob")
    now = int(time.time() * 1000)
    remote = remote_account(agora, "Gone.Example", "zed", 9000001)
    remote_account(agora, "kept.example", "amy", 9000002)
    agora.sql("INSERT INTO statuses (id, account_id, uri, local, created_at, updated_at)"
              " VALUES (9000010, ?, 'https://gone.example/s/1', FALSE, ?, ?)", (remote, now, now))
    agora.sql("INSERT INTO follows (id, account_id, target_account_id, created_at) VALUES (9000020, ?, ?, ?)",
              (bob_id, remote, now))
    agora.sql("UPDATE accounts SET following_count = 1 WHERE id = ?", (bob_id,))
    r = agora.cli("domains", "purge", "gone.example")
    assert r.returncode == 0, r.stderr
    assert "Purged gone.example: 1 accounts, 1 statuses" in r.stdout
    assert agora.sql("SELECT username FROM accounts WHERE domain IS NOT NULL") == [("amy",)]
    assert agora.sql("SELECT COUNT(*) FROM statuses WHERE id = 9000010") == [("0",)]
    assert agora.sql("SELECT COUNT(*) FROM follows") == [("0",)]
    assert counts(agora, "bob")["following_count"] == 0
    # Our own domain (any case) and nonsense are refused before anything is purged.
    own = agora.domain.upper()
    for args, message in ((["kept.example", own], "own domain"), (["kept.example", "../x"], "Not a domain")):
        r = agora.cli("domains", "purge", *args)
        assert r.returncode == 1 and message in r.stderr, r.stderr
    assert agora.sql("SELECT username FROM accounts WHERE domain IS NOT NULL") == [("amy",)]
    assert me(agora, bob).status_code == 200
    assert agora.cli("domains", "purge").returncode == 2
    assert agora.cli("domains", "frobnicate", "x.example").returncode == 2


def test_fix_counters_prints_and_repairs_what_drifted(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    status = post(agora, alice, "count me")
    agora.api("POST", f"/api/v1/statuses/{status['id']}/favourite", token=bob)
    r = agora.cli("maintenance", "fix-counters")
    assert r.returncode == 0 and r.stdout.strip() == "Fixed 0 counters", r.stdout
    alice_id = agora.account_id("alice")
    agora.sql("UPDATE accounts SET statuses_count = 7, followers_count = 3 WHERE id = ?", (alice_id,))
    agora.sql("UPDATE statuses SET favourites_count = 0, replies_count = 5 WHERE id = ?", (status["id"],))
    r = agora.cli("maintenance", "fix-counters")
    assert r.returncode == 0, r.stderr
    out = r.stdout.strip().splitlines()
    assert f"accounts {alice_id} statuses_count: 7 -> 1" in out
    assert f"accounts {alice_id} followers_count: 3 -> 0" in out
    assert f"statuses {status['id']} favourites_count: 0 -> 1" in out
    assert f"statuses {status['id']} replies_count: 5 -> 0" in out
    assert out[-1] == "Fixed 4 counters"
    assert counts(agora, "alice")["statuses_count"] == 1
    assert agora.cli("maintenance", "fix-everything").returncode == 2


def test_search_reindex_rebuilds_the_full_text_index(agora):
    alice = agora.create_user("alice")
    post(agora, alice, "the quick zebrafish")

    def found():
        r = agora.api("GET", "/api/v2/search", token=alice, params={"q": "zebrafish", "type": "statuses"})
        return [s["content"] for s in r.json()["statuses"]]

    assert len(found()) == 1
    if agora.db == "sqlite":  # an index that lost its rows finds nothing until rebuilt
        agora.sql("INSERT INTO statuses_fts (statuses_fts) VALUES ('delete-all')")
        assert found() == []
    r = agora.cli("search", "reindex")
    assert r.returncode == 0 and r.stdout.strip() == "OK", r.stderr
    assert len(found()) == 1
    assert agora.cli("search", "rebuild").returncode == 2
