"""The admin API for accounts: roles and permissions, listing, moderating, and the effects members notice."""

ADMIN_SCOPES = "read write admin:read admin:write"


def staff(agora, username, role):
    return agora.create_user(username, scopes=ADMIN_SCOPES, role=role)


def admin_get(agora, token, path, **kw):
    return agora.api("GET", path, token=token, **kw)


def test_roles_in_credentials_and_account_entity(agora):
    owner = staff(agora, "boss", "owner")
    admin = staff(agora, "root", "Admin")
    mod = staff(agora, "mod", "moderator")
    user = agora.create_user("alice")
    me = agora.api("GET", "/api/v1/accounts/verify_credentials", token=owner).json()
    assert me["role"] == {"id": "3", "name": "Owner", "permissions": "1048575", "color": "", "highlighted": True}
    me = agora.api("GET", "/api/v1/accounts/verify_credentials", token=admin).json()
    assert me["role"]["name"] == "Admin" and int(me["role"]["permissions"]) & 1 == 0
    assert int(me["role"]["permissions"]) & (1 << 19)  # delete_user_data
    me = agora.api("GET", "/api/v1/accounts/verify_credentials", token=mod).json()
    perms = int(me["role"]["permissions"])
    assert perms & (1 << 10) and perms & (1 << 4) and not perms & (1 << 7)  # users, reports, not blocks
    # Highlighted roles show on the public account; a plain member shows none.
    mod_account = agora.api("GET", f"/api/v1/accounts/{agora.account_id('mod')}").json()
    assert mod_account["roles"] == [{"id": "1", "name": "Moderator", "color": ""}]
    assert agora.api("GET", f"/api/v1/accounts/{agora.account_id('alice')}").json()["roles"] == []
    assert user


def test_cli_modify_role_builtin_and_custom(agora):
    token = agora.create_user("alice", scopes=ADMIN_SCOPES)
    assert admin_get(agora, token, "/api/v1/admin/accounts").status_code == 403
    assert agora.cli("accounts", "modify", "alice", "--role", "Moderator").returncode == 0
    assert agora.sql("SELECT role FROM users")[0][0] == "moderator"
    assert admin_get(agora, token, "/api/v1/admin/accounts").status_code == 200
    r = agora.cli("accounts", "modify", "alice", "--role", "nonexistent")
    assert r.returncode != 0 and "no role" in r.stderr
    # An unknown role is a usage error (roles may be custom, so it is known only with the database).
    r = agora.cli("accounts", "create", "carol", "--email", "carol@example.org", "--role", "king")
    assert r.returncode == 2 and "--role" in r.stderr
    # A custom role that may manage users, but nothing else.
    agora.sql("INSERT INTO user_roles (id, name, color, position, permissions, highlighted, created_at, updated_at)"
              " VALUES (77, 'Helper', '#ff0000', 5, 1024, TRUE, 0, 0)")
    assert agora.cli("accounts", "modify", "alice", "--role", "Helper").returncode == 0
    assert agora.sql("SELECT role FROM users")[0][0] == "Helper"
    r = admin_get(agora, token, f"/api/v1/admin/accounts/{agora.account_id('alice')}")
    assert r.status_code == 200
    role = r.json()["role"]
    assert role["id"] == 77 and role["name"] == "Helper" and role["permissions"] == 1024 and role["position"] == 5
    assert admin_get(agora, token, "/api/v1/admin/reports").status_code == 403  # no manage_reports


def test_permission_and_scope_refusals(agora):
    user = agora.create_user("alice", scopes=ADMIN_SCOPES)
    mod = staff(agora, "mod", "moderator")
    read_only_admin = agora.create_user("root", scopes="read", role="admin")
    bob_id = agora.account_id("alice")
    for token in (user, None):
        r = admin_get(agora, token, "/api/v1/admin/accounts")
        assert r.status_code == 403 and r.json() == {"error": "This action is not allowed"}
    r = admin_get(agora, read_only_admin, "/api/v1/admin/accounts")
    assert r.status_code == 403 and r.json()["error"] == "This action is outside the authorized scopes"
    # Unknown ids are 404 before the permission is looked at, as Rails' find runs first.
    assert admin_get(agora, mod, "/api/v1/admin/accounts/12345").status_code == 404
    assert admin_get(agora, user, f"/api/v1/admin/accounts/{bob_id}").status_code == 403
    # A moderator may not delete account data (delete_user_data).
    agora.api("POST", f"/api/v1/admin/accounts/{bob_id}/action", token=mod, data={"type": "suspend"})
    r = agora.api("DELETE", f"/api/v1/admin/accounts/{bob_id}", token=mod)
    assert r.status_code == 403 and r.json() == {"error": "This action is not allowed"}
    assert agora.sql("SELECT count(*) FROM accounts WHERE id = ?", (bob_id,))[0][0] == "1"


def test_show_and_list_with_filters(agora):
    admin = staff(agora, "root", "admin")
    agora.create_user("alice")
    agora.create_user("bob")
    agora.sql("UPDATE users SET approved = FALSE WHERE email = 'bob@example.org'")
    alice_id = agora.account_id("alice")
    r = admin_get(agora, admin, f"/api/v1/admin/accounts/{alice_id}")
    assert r.status_code == 200
    a = r.json()
    assert list(a)[:16] == ["id", "username", "domain", "created_at", "email", "ip", "role", "confirmed",
                            "suspended", "silenced", "sensitized", "disabled", "approved", "locale",
                            "invite_request", "ips"]
    assert a["id"] == alice_id and a["email"] == "alice@example.org" and a["domain"] is None
    assert a["confirmed"] is True and a["approved"] is True and a["disabled"] is False
    assert a["role"]["id"] == -99 and a["role"]["permissions"] == 65536
    assert a["account"]["id"] == alice_id and a["account"]["acct"] == "alice"

    def names(path, **params):
        r = admin_get(agora, admin, path, params=params)
        assert r.status_code == 200, r.text
        return sorted(x["username"] for x in r.json())

    assert names("/api/v1/admin/accounts") == ["alice", "bob", "root"]
    assert names("/api/v1/admin/accounts", pending="true") == ["bob"]
    assert names("/api/v1/admin/accounts", staff="true") == ["root"]
    assert names("/api/v1/admin/accounts", username="al") == ["alice"]
    assert names("/api/v1/admin/accounts", remote="true") == []
    assert names("/api/v2/admin/accounts", origin="local", status="pending") == ["bob"]
    assert names("/api/v2/admin/accounts", permissions="staff") == ["root"]
    assert names("/api/v2/admin/accounts", **{"role_ids[]": "2"}) == ["root"]
    assert names("/api/v2/admin/accounts", email="bob@") == ["bob"]
    assert names("/api/v2/admin/accounts", username="%") == []  # a pattern character is literal
    r = admin_get(agora, admin, "/api/v2/admin/accounts", params={"origin": "mars"})
    assert r.status_code == 400 and r.json() == {"error": "Unknown origin: mars"}
    r = admin_get(agora, admin, "/api/v1/admin/accounts", params={"limit": 2})
    assert len(r.json()) == 2 and 'rel="next"' in r.headers["Link"]


def test_disable_enable_and_the_member_notices(agora):
    mod = staff(agora, "mod", "moderator")
    alice = agora.create_user("alice")
    alice_id = agora.account_id("alice")
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token=alice).status_code == 200
    r = agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/action", token=mod,
                  data={"type": "disable", "text": "Take a break"})
    assert r.status_code == 200 and r.json() == {}
    r = agora.api("GET", "/api/v1/accounts/verify_credentials", token=alice)
    assert r.status_code == 403 and r.json() == {"error": "Your login is currently disabled"}
    assert admin_get(agora, mod, f"/api/v1/admin/accounts/{alice_id}").json()["disabled"] is True
    strike = agora.sql("SELECT action, text FROM account_warnings WHERE target_account_id = ?", (alice_id,))
    assert strike == [("disable", "Take a break")]
    r = agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/enable", token=mod)
    assert r.status_code == 200 and r.json()["disabled"] is False
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token=alice).status_code == 200
    logs = agora.sql("SELECT action, target_type FROM admin_action_logs ORDER BY id")
    assert logs == [("disable", "User"), ("enable", "User")]


def test_suspend_hides_the_account_and_unsuspend_brings_it_back(agora):
    admin = staff(agora, "root", "admin")
    alice, bob = agora.create_user("alice"), agora.create_user("bob")
    alice_id = agora.account_id("alice")
    post = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "hello"}).json()
    agora.api("POST", "/api/v1/reports", token=bob, json={"account_id": alice_id, "comment": "spam"})
    r = agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/action", token=admin, data={"type": "suspend"})
    assert r.status_code == 200
    assert agora.api("GET", f"/api/v1/statuses/{post['id']}", token=bob).status_code == 404
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token=alice).status_code == 403
    shown = agora.api("GET", f"/api/v1/accounts/{alice_id}").json()
    assert shown.get("suspended") is True and shown["display_name"] == ""
    # Suspending resolved the open report about her.
    assert agora.sql("SELECT count(*) FROM reports WHERE action_taken_at IS NULL")[0][0] == "0"
    a = admin_get(agora, admin, f"/api/v1/admin/accounts/{alice_id}").json()
    assert a["suspended"] is True
    r = agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/unsuspend", token=admin)
    assert r.status_code == 200 and r.json()["suspended"] is False
    assert agora.api("GET", f"/api/v1/statuses/{post['id']}", token=bob).status_code == 200
    actions = [row[0] for row in agora.sql("SELECT action FROM admin_action_logs ORDER BY id")]
    assert actions == ["suspend", "resolve", "unsuspend"]


def test_silence_and_sensitive_and_their_undo(agora):
    admin = staff(agora, "root", "admin")
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    alice_id = agora.account_id("alice")
    for kind in ("silence", "sensitive"):
        assert agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/action", token=admin,
                         data={"type": kind}).status_code == 200
    a = admin_get(agora, admin, f"/api/v1/admin/accounts/{alice_id}").json()
    assert a["silenced"] is True and a["sensitized"] is True
    assert agora.api("GET", f"/api/v1/accounts/{alice_id}").json().get("limited") is True
    # A limited account's posts stay out of public timelines.
    agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "quiet please"})
    public = agora.api("GET", "/api/v1/timelines/public", token=bob).json()
    assert all(s["account"]["id"] != alice_id for s in public)
    assert agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/unsilence", token=admin).json()["silenced"] is False
    assert agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/unsensitive",
                     token=admin).json()["sensitized"] is False
    assert "limited" not in agora.api("GET", f"/api/v1/accounts/{alice_id}").json()


def test_action_refusals(agora):
    owner = staff(agora, "boss", "owner")
    mod = staff(agora, "mod", "moderator")
    mod2 = staff(agora, "mod2", "moderator")
    agora.create_user("alice")
    alice_id, mod2_id, owner_id = agora.account_id("alice"), agora.account_id("mod2"), agora.account_id("boss")

    def act(token, account_id, **data):
        return agora.api("POST", f"/api/v1/admin/accounts/{account_id}/action", token=token, data=data)

    r = act(mod, alice_id, type="explode")
    assert r.status_code == 422 and r.json()["error"] == "Validation failed: Type is not included in the list"
    assert act(mod, alice_id).status_code == 422
    assert act(mod, "999999", type="silence").status_code == 404
    assert act(mod, alice_id, type="silence", report_id="424242").status_code == 404
    # A role acts only on lower roles: not a fellow moderator, and the owner not even on itself.
    assert act(mod, mod2_id, type="suspend").status_code == 403
    assert act(owner, owner_id, type="suspend").status_code == 403
    assert agora.sql("SELECT count(*) FROM accounts WHERE suspended_at IS NOT NULL")[0][0] == "0"
    assert agora.sql("SELECT count(*) FROM account_warnings")[0][0] == "0"
    # Unsuspending an account that is not suspended is refused.
    assert agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/unsuspend", token=mod).status_code == 403


def test_approve_and_reject_pending_sign_ups(agora):
    admin = staff(agora, "root", "admin")
    for name in ("alice", "bob"):
        agora.create_user(name)
        agora.sql(f"UPDATE users SET approved = FALSE WHERE email = '{name}@example.org'")
    alice_token = agora.cli("accounts", "token", "alice", check=True).stdout.strip()
    r = agora.api("GET", "/api/v1/accounts/verify_credentials", token=alice_token)
    assert r.status_code == 403 and r.json()["error"] == "Your login is currently pending approval"
    alice_id, bob_id = agora.account_id("alice"), agora.account_id("bob")
    r = agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/approve", token=admin)
    assert r.status_code == 200 and r.json()["approved"] is True
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token=alice_token).status_code == 200
    # Approving twice is refused, as Mastodon's UserPolicy#approve? is.
    assert agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/approve", token=admin).status_code == 403
    r = agora.api("POST", f"/api/v1/admin/accounts/{bob_id}/reject", token=admin)
    assert r.status_code == 200 and r.json() == {}
    assert agora.sql("SELECT count(*) FROM accounts WHERE id = ?", (bob_id,))[0][0] == "0"
    assert [row[0] for row in agora.sql("SELECT action FROM admin_action_logs ORDER BY id")] == ["approve", "reject"]


def test_delete_a_suspended_account(agora):
    admin = staff(agora, "root", "admin")
    agora.create_user("alice")
    alice_id = agora.account_id("alice")
    # Only a suspended account's data may be deleted.
    assert agora.api("DELETE", f"/api/v1/admin/accounts/{alice_id}", token=admin).status_code == 403
    agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/action", token=admin, data={"type": "suspend"})
    r = agora.api("DELETE", f"/api/v1/admin/accounts/{alice_id}", token=admin)
    assert r.status_code == 200 and r.json() == {}
    # As Mastodon (reserve_username): the account stays, suspended and empty; its data goes once.
    shown = agora.api("GET", f"/api/v1/admin/accounts/{alice_id}", token=admin)
    assert shown.status_code == 200 and shown.json()["suspended"] is True
    assert agora.api("DELETE", f"/api/v1/admin/accounts/{alice_id}", token=admin).status_code == 403
