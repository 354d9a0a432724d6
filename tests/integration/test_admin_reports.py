"""The admin API for reports: listing, assigning, resolving and reopening, with the Admin::Report entity."""

ADMIN_SCOPES = "read write admin:read admin:write"


def setup_report(agora):
    mod = agora.create_user("mod", scopes=ADMIN_SCOPES, role="moderator")
    alice, bob = agora.create_user("alice"), agora.create_user("bob")
    agora.cli("rules", "add", "Be kind", check=True)
    post = agora.api("POST", "/api/v1/statuses", token=bob, data={"status": "rude words"}).json()
    bob_id = post["account"]["id"]
    report = agora.api("POST", "/api/v1/reports", token=alice,
                       data={"account_id": bob_id, "status_ids[]": post["id"], "comment": "Not kind"}).json()
    return mod, alice, bob_id, post, report


def test_list_and_show_reports(agora):
    mod, alice, bob_id, post, report = setup_report(agora)
    r = agora.api("GET", "/api/v1/admin/reports", token=mod)
    assert r.status_code == 200, r.text
    [shown] = r.json()
    assert list(shown) == ["id", "action_taken", "action_taken_at", "category", "comment", "forwarded", "created_at",
                           "updated_at", "account", "target_account", "assigned_account", "action_taken_by_account",
                           "statuses", "rules"]
    assert shown["id"] == report["id"] and shown["comment"] == "Not kind" and shown["action_taken"] is False
    assert shown["account"]["username"] == "alice" and shown["account"]["email"] == "alice@example.org"
    assert shown["target_account"]["id"] == bob_id and shown["assigned_account"] is None
    assert [s["id"] for s in shown["statuses"]] == [post["id"]] and shown["rules"] == []
    assert agora.api("GET", f"/api/v1/admin/reports/{report['id']}", token=mod).json()["id"] == report["id"]
    assert agora.api("GET", "/api/v1/admin/reports", token=mod, params={"resolved": "true"}).json() == []
    assert agora.api("GET", "/api/v1/admin/reports", token=mod,
                     params={"target_account_id": agora.account_id("alice")}).json() == []
    assert len(agora.api("GET", "/api/v1/admin/reports", token=mod,
                         params={"account_id": agora.account_id("alice")}).json()) == 1


def test_assign_resolve_reopen_and_update(agora):
    mod, alice, bob_id, post, report = setup_report(agora)
    rid, mod_id = report["id"], agora.account_id("mod")
    r = agora.api("POST", f"/api/v1/admin/reports/{rid}/assign_to_self", token=mod)
    assert r.status_code == 200 and r.json()["assigned_account"]["id"] == mod_id
    r = agora.api("POST", f"/api/v1/admin/reports/{rid}/unassign", token=mod)
    assert r.json()["assigned_account"] is None
    r = agora.api("POST", f"/api/v1/admin/reports/{rid}/resolve", token=mod)
    assert r.json()["action_taken"] is True and r.json()["action_taken_by_account"]["id"] == mod_id
    assert len(agora.api("GET", "/api/v1/admin/reports", token=mod, params={"resolved": "1"}).json()) == 1
    r = agora.api("POST", f"/api/v1/admin/reports/{rid}/reopen", token=mod)
    assert r.json()["action_taken"] is False and r.json()["action_taken_at"] is None
    rule_id = agora.api("GET", "/api/v1/instance/rules").json()[0]["id"]
    r = agora.api("PUT", f"/api/v1/admin/reports/{rid}", token=mod, json={"category": "violation", "rule_ids": [rule_id]})
    assert r.status_code == 200 and r.json()["category"] == "violation"
    assert [x["id"] for x in r.json()["rules"]] == [rule_id]
    r = agora.api("PUT", f"/api/v1/admin/reports/{rid}", token=mod, json={"category": "nonsense"})
    assert r.status_code == 422
    r = agora.api("PUT", f"/api/v1/admin/reports/{rid}", token=mod, json={"rule_ids": ["999"]})
    assert r.status_code == 422
    assert agora.api("GET", f"/api/v1/admin/reports/{rid}", token=mod).json()["category"] == "violation"
    actions = [row[0] for row in agora.sql("SELECT action FROM admin_action_logs ORDER BY id")]
    assert actions == ["assigned_to_self", "unassigned", "resolve", "reopen", "update"]


def test_report_refusals(agora):
    mod, alice, bob_id, post, report = setup_report(agora)
    alice_admin = agora.cli("accounts", "token", "alice", "--scopes", ADMIN_SCOPES, check=True).stdout.strip()
    r = agora.api("GET", "/api/v1/admin/reports", token=alice_admin)
    assert r.status_code == 403 and r.json() == {"error": "This action is not allowed"}
    assert agora.api("POST", f"/api/v1/admin/reports/{report['id']}/resolve", token=alice_admin).status_code == 403
    assert agora.api("GET", "/api/v1/admin/reports/123456", token=mod).status_code == 404
    assert agora.api("POST", "/api/v1/admin/reports/123456/resolve", token=mod).status_code == 404
    read_only = agora.cli("accounts", "token", "mod", "--scopes", "admin:read:reports", check=True).stdout.strip()
    assert agora.api("GET", "/api/v1/admin/reports", token=read_only).status_code == 200
    r = agora.api("POST", f"/api/v1/admin/reports/{report['id']}/resolve", token=read_only)
    assert r.status_code == 403 and r.json()["error"] == "This action is outside the authorized scopes"
    assert agora.sql("SELECT count(*) FROM reports WHERE action_taken_at IS NOT NULL")[0][0] == "0"


def test_warning_with_a_report_resolves_only_that_report(agora):
    mod, alice, bob_id, post, report = setup_report(agora)
    other = agora.api("POST", "/api/v1/reports", token=alice, data={"account_id": bob_id, "comment": "again"}).json()
    r = agora.api("POST", f"/api/v1/admin/accounts/{bob_id}/action", token=mod,
                  data={"type": "none", "report_id": report["id"], "text": "Please be kind"})
    assert r.status_code == 200
    open_ids = [x["id"] for x in agora.api("GET", "/api/v1/admin/reports", token=mod).json()]
    assert open_ids == [other["id"]]
    strike = agora.sql("SELECT action, text, report_id, status_ids FROM account_warnings")
    assert strike == [("none", "Please be kind", report["id"], f'["{post["id"]}"]')]
