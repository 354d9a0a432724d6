"""Reading accounts: by id, by handle, in batches, by search, their statuses,
compared with a real Mastodon's answers."""
from recorded import assert_same_shape, recorded

ACCOUNT_4_3 = {"indexable", "uri", "hide_collections", "roles", "memorial", "suspended", "limited"}


def account_id(agora, token):
    return agora.api("GET", "/api/v1/accounts/verify_credentials", token=token).json()["id"]


def add_remote_account(agora, id, username, domain):
    agora.sql(f"INSERT INTO accounts (id, username, domain, uri, url, display_name, created_at, updated_at) "
              f"VALUES ({id}, '{username}', '{domain}', 'https://{domain}/users/{username}', "
              f"'https://{domain}/@{username}', 'Remote {username}', 0, 0)")


def test_get_account_matches_mastodon(agora):
    token = agora.create_user("mastodonpy_test")
    me = account_id(agora, token)
    r = agora.api("GET", f"/api/v1/accounts/{me}")
    assert r.status_code == 200
    account = r.json()
    assert_same_shape(account, recorded("test_account", "GET", "/api/v1/accounts/109440137734600341"),
                      newer=ACCOUNT_4_3)
    assert account["id"] == me and account["acct"] == "mastodonpy_test"
    assert account["uri"] == f"http://{agora.domain}/users/mastodonpy_test"
    # Anyone may read it; without a token the answer may be cached briefly.
    assert r.headers["Cache-Control"].startswith("max-age=15, public")
    signed_in = agora.api("GET", f"/api/v1/accounts/{me}", token=token)
    assert signed_in.json() == account
    assert signed_in.headers["Cache-Control"] == "private, no-store"
    # A token, when sent, must be valid and may read accounts.
    assert agora.api("GET", f"/api/v1/accounts/{me}", token="bogus").status_code == 401
    write_only = agora.cli("accounts", "token", "mastodonpy_test", "--scopes", "write", check=True).stdout.strip()
    assert agora.api("GET", f"/api/v1/accounts/{me}", token=write_only).status_code == 403


def test_unknown_and_hidden_accounts_are_not_found(agora):
    agora.create_user("alice")
    agora.cli("accounts", "create", "pending", "--email", "pending@example.org", check=True)  # unconfirmed
    alice = agora.api("GET", "/api/v1/accounts/lookup?acct=alice").json()["id"]
    for path in ("/api/v1/accounts/1", "/api/v1/accounts/abc", "/api/v1/accounts/99999999999999999999",
                 "/api/v1/accounts/-1", "/api/v1/accounts/1/statuses", "/api/v1/accounts/lookup?acct=pending",
                 "/api/v1/accounts/lookup?acct=nobody", "/api/v1/accounts/lookup"):
        r = agora.get(path)
        assert r.status_code == 404, path
        assert r.json() == {"error": "Record not found"}
    assert agora.get(f"/api/v1/accounts/{alice}").status_code == 200
    token = agora.cli("accounts", "token", "alice", check=True).stdout.strip()
    assert agora.api("GET", "/api/v1/accounts/search", token=token, params={"q": "pend"}).json() == []


def test_suspended_accounts_show_nothing_of_themselves(agora):
    token = agora.create_user("alice")
    me = account_id(agora, token)
    agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token,
              data={"display_name": "Alice", "note": "bio", "locked": "1", "fields_attributes[0][name]": "a",
                    "fields_attributes[0][value]": "b"})
    agora.sql(f"UPDATE accounts SET suspended_at = 1 WHERE id = {me}")
    account = agora.get(f"/api/v1/accounts/{me}").json()
    assert account["suspended"] is True
    assert (account["display_name"], account["note"], account["fields"], account["locked"]) == ("", "", [], False)
    assert account["avatar"] == f"http://{agora.domain}/avatars/original/missing.png"
    assert agora.get("/api/v1/accounts/lookup?acct=alice").json()["suspended"] is True


def test_lookup_finds_local_and_known_accounts(agora):
    token = agora.create_user("mastodonpy_test")
    me = account_id(agora, token)
    theirs = recorded("test_account_lookup", "GET", "/api/v1/accounts/lookup")
    for acct in ("mastodonpy_test", "@mastodonpy_test", "MastodonPy_Test", f"mastodonpy_test@{agora.domain}",
                 f"@mastodonpy_test@{agora.domain.upper()}"):
        r = agora.api("GET", "/api/v1/accounts/lookup", params={"acct": acct})
        assert r.status_code == 200, acct
        assert r.json()["id"] == me
        assert_same_shape(r.json(), theirs, newer=ACCOUNT_4_3)
    # Remote accounts are only found once known; nothing is fetched.
    assert agora.get("/api/v1/accounts/lookup?acct=bob@remote.example").status_code == 404
    add_remote_account(agora, 4242, "bob", "remote.example")
    bob = agora.get("/api/v1/accounts/lookup?acct=Bob@Remote.Example").json()
    assert bob["acct"] == "bob@remote.example" and bob["id"] == "4242"
    assert "noindex" not in bob and "roles" not in bob  # local-only attributes
    assert bob["url"] == "https://remote.example/@bob"
    for hostile in ("a@b@c", "@", "x" * 5000, "alice%00", "' OR 1=1 --"):
        assert agora.api("GET", "/api/v1/accounts/lookup", params={"acct": hostile}).status_code == 404


def test_accounts_by_ids(agora):
    alice = account_id(agora, agora.create_user("alice"))
    bob = account_id(agora, agora.create_user("bob"))
    r = agora.api("GET", "/api/v1/accounts", params=[("id[]", bob), ("id[]", "1"), ("id[]", alice), ("id[]", bob)])
    assert r.status_code == 200
    assert [a["username"] for a in r.json()] == ["bob", "alice"]
    assert agora.get("/api/v1/accounts").json() == []
    r = agora.api("GET", "/api/v1/accounts", params=[("id[]", str(i)) for i in range(1, 42)])
    assert r.status_code == 422
    assert r.json() == {"error": "Mastodon::ValidationError"}


def test_search_matches_mastodon(agora):
    token = agora.create_user("admin2", role="admin")
    agora.create_user("administrator_x")
    agora.create_user("bob")
    add_remote_account(agora, 4242, "admiral", "remote.example")
    url = "/api/v1/accounts/search"
    r = agora.api("GET", url, token=token, params={"q": "admin2", "following": "0"})
    assert r.status_code == 200
    theirs = recorded("test_account_search", "GET", url)
    results = r.json()
    assert [a["acct"] for a in results] == ["admin2"]
    assert_same_shape(results[0], theirs[0], newer=ACCOUNT_4_3)
    assert results[0]["roles"] == [{"id": "2", "name": "Admin", "color": ""}]

    names = lambda **params: [a["acct"] for a in agora.api("GET", url, token=token, params=params).json()]
    assert names(q="adm") == ["admin2", "administrator_x", "admiral@remote.example"]
    assert names(q="@ADMIN") == ["admin2", "administrator_x"]
    assert names(q="adm@remote") == ["admiral@remote.example"]
    assert names(q="Remote adm") == ["admiral@remote.example"]
    assert names(q="remote") == ["admiral@remote.example"]  # a word of the display name
    assert names(q="adm", limit="1") == ["admin2"]
    assert names(q="adm", limit="2", offset="1") == ["administrator_x", "admiral@remote.example"]
    assert names(q="adm", limit="0") == []
    assert names(q="adm", following="true") == []  # admin2 follows no one
    assert names(q="") == [] and names(q="%") == [] and names(q="_") == []
    assert agora.api("GET", url, params={"q": "adm"}).status_code == 401
    write_only = agora.cli("accounts", "token", "bob", "--scopes", "write", check=True).stdout.strip()
    assert agora.api("GET", url, token=write_only, params={"q": "adm"}).status_code == 403


def test_account_statuses_of_a_quiet_account_are_an_empty_page(agora):
    token = agora.create_user("alice")
    me = account_id(agora, token)
    for params in ({}, {"limit": "5", "max_id": "999999999999", "exclude_replies": "true", "pinned": "true"}):
        r = agora.api("GET", f"/api/v1/accounts/{me}/statuses", params=params)
        assert r.status_code == 200
        assert r.json() == []
        assert "Link" not in r.headers
    assert agora.api("GET", f"/api/v1/accounts/{me}/statuses", token=token).json() == []
    assert agora.get("/api/v1/accounts/123/statuses").status_code == 404
