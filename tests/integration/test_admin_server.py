"""agora's admin endpoints for the server's configuration: settings, rules and roles."""

ADMIN_SCOPES = "read write admin:read admin:write"
ALL_PERMISSIONS = (1 << 20) - 1


def test_settings_change_the_instance_and_the_audit_log(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    r = agora.api("GET", "/api/v1/admin/settings", token=admin)
    assert r.status_code == 200
    assert {"site_title", "site_short_description", "site_description", "site_contact_email",
            "site_contact_username", "registrations_mode", "closed_registrations_message",
            "require_invite_text"} <= set(r.json())
    r = agora.api("PATCH", "/api/v1/admin/settings", token=admin,
                  json={"site_title": "Birds", "registrations_mode": "approved", "require_invite_text": True,
                        "site_contact_username": "root"})
    assert r.status_code == 200, r.text
    assert r.json()["site_title"] == "Birds" and r.json()["require_invite_text"] == "true"
    instance = agora.api("GET", "/api/v2/instance").json()
    assert instance["title"] == "Birds" and instance["registrations"]["approval_required"] is True
    logs = agora.sql("SELECT action, target_type, summary FROM admin_action_logs ORDER BY summary")
    assert logs == [("update", "Setting", "registrations_mode"), ("update", "Setting", "require_invite_text"),
                    ("update", "Setting", "site_contact_username"), ("update", "Setting", "site_title")]
    # Nothing is stored when one value is bad.
    for body in ({"site_title": "Fish", "registrations_mode": "sometimes"}, {"site_title": "Fish", "colour": "red"},
                 {"site_contact_username": "nobody"}, {"site_title": ["a"]}, {}):
        r = agora.api("PATCH", "/api/v1/admin/settings", token=admin, json=body)
        assert r.status_code == 422 and "error" in r.json(), body
    assert agora.api("GET", "/api/v1/admin/settings", token=admin).json()["site_title"] == "Birds"


def test_rules_are_added_edited_reordered_and_removed(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")

    def texts():
        return [r["text"] for r in agora.api("GET", "/api/v1/instance/rules").json()]

    ids = []
    for text in ("One", "Two", "Three"):
        r = agora.api("POST", "/api/v1/admin/rules", token=admin, data={"text": text, "hint": text.lower()})
        assert r.status_code == 200 and list(r.json()) == ["id", "text", "hint"]
        ids.append(r.json()["id"])
    assert texts() == ["One", "Two", "Three"]
    assert agora.api("POST", f"/api/v1/admin/rules/{ids[2]}/move_up", token=admin).status_code == 200
    assert texts() == ["One", "Three", "Two"]
    agora.api("POST", f"/api/v1/admin/rules/{ids[0]}/move_down", token=admin)
    assert texts() == ["Three", "One", "Two"]
    agora.api("POST", f"/api/v1/admin/rules/{ids[2]}/move_up", token=admin)  # already first: nothing moves
    assert texts() == ["Three", "One", "Two"]
    r = agora.api("PUT", f"/api/v1/admin/rules/{ids[1]}", token=admin, data={"text": "Deux"})
    assert r.status_code == 200 and r.json() == {"id": ids[1], "text": "Deux", "hint": "two"}
    assert agora.api("DELETE", f"/api/v1/admin/rules/{ids[0]}", token=admin).status_code == 200
    assert texts() == ["Three", "Deux"]
    assert [r["id"] for r in agora.api("GET", "/api/v1/admin/rules", token=admin).json()] == [ids[2], ids[1]]
    assert agora.api("DELETE", f"/api/v1/admin/rules/{ids[0]}", token=admin).status_code == 404
    assert agora.api("PUT", "/api/v1/admin/rules/999", token=admin, data={"text": "x"}).status_code == 404
    for data in ({"text": "  "}, {"text": "x" * 301}, {"text": "ok", "hint": "h" * 2001}):
        assert agora.api("POST", "/api/v1/admin/rules", token=admin, data=data).status_code == 422, data
    assert agora.api("PUT", f"/api/v1/admin/rules/{ids[1]}", token=admin, data={"text": ""}).status_code == 422
    actions = [a for (a,) in agora.sql("SELECT action FROM admin_action_logs WHERE target_type = 'Rule' ORDER BY id")]
    assert actions == ["create", "create", "create", "move_up", "move_down", "update", "destroy"]


def test_roles_respect_position_and_permissions(agora):
    owner = agora.create_user("boss", scopes=ADMIN_SCOPES, role="owner")
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")

    def create(token, **data):
        return agora.api("POST", "/api/v1/admin/roles", token=token, json=data)

    r = create(admin, name="Helper", color="#ff8800", position=5, permissions=(1 << 4) | (1 << 3), highlighted=True)
    assert r.status_code == 200, r.text
    helper = r.json()
    assert list(helper) == ["id", "name", "color", "position", "permissions", "highlighted"]
    assert helper["permissions"] == "24" and helper["highlighted"] is True and isinstance(helper["id"], str)
    names = [x["name"] for x in agora.api("GET", "/api/v1/admin/roles", token=admin).json()]
    assert names == ["Helper", "Moderator", "Admin", "Owner"]
    # A member given the custom role can view the dashboard (bit 3) but not change settings.
    helper_token = agora.create_user("helpy", scopes=ADMIN_SCOPES, role="Helper")
    assert agora.api("POST", "/api/v1/admin/measures", token=helper_token,
                     json={"keys": [], "start_at": "2024-01-01", "end_at": "2024-01-02"}).status_code == 200
    assert agora.api("GET", "/api/v1/admin/settings", token=helper_token).status_code == 403
    for bad in ({"permissions": 1 << 25}, {"permissions": -1}, {"permissions": "abc"},
                {"permissions": 1},                   # administrator: more than an admin holds
                {"position": 100}, {"position": 500},  # at or above the admin's own role
                {"color": "orange"}, {"name": ""}, {"name": "admin"}, {"name": "Helper"}):
        r = create(admin, **{"name": "Other", "position": 1, **bad})
        assert r.status_code == 422 and "error" in r.json(), bad
    high = create(owner, name="Senior", position=200, permissions=1 << 6)
    assert high.status_code == 200, high.text
    r = agora.api("PUT", f"/api/v1/admin/roles/{high.json()['id']}", token=admin, json={"name": "Junior"})
    assert r.status_code == 403  # the admin's own position is below it
    assert agora.api("DELETE", f"/api/v1/admin/roles/{high.json()['id']}", token=admin).status_code == 403
    r = agora.api("PUT", f"/api/v1/admin/roles/{helper['id']}", token=admin, json={"name": "Aide", "color": "#abc"})
    assert r.status_code == 200 and r.json()["name"] == "Aide" and r.json()["position"] == 5
    assert agora.sql("SELECT role FROM users WHERE email = 'helpy@example.org'") == [("Aide",)]
    assert agora.api("DELETE", f"/api/v1/admin/roles/{helper['id']}", token=admin).status_code == 200
    assert agora.sql("SELECT role FROM users WHERE email = 'helpy@example.org'") == [("user",)]
    assert agora.api("DELETE", f"/api/v1/admin/roles/{helper['id']}", token=admin).status_code == 404
    assert agora.api("PUT", "/api/v1/admin/roles/2", token=admin, json={"name": "x"}).status_code == 404  # built-in
    logs = agora.sql("SELECT action, summary FROM admin_action_logs WHERE target_type = 'UserRole' ORDER BY id")
    assert logs == [("create", "Helper"), ("create", "Senior"), ("update", "Aide"), ("destroy", "Aide")]


def test_moderators_and_members_may_not_configure_the_server(agora):
    mod = agora.create_user("mod", scopes=ADMIN_SCOPES, role="moderator")
    user = agora.create_user("alice", scopes=ADMIN_SCOPES)
    for token in (mod, user):
        for method, path in (("GET", "/api/v1/admin/settings"), ("PATCH", "/api/v1/admin/settings"),
                             ("GET", "/api/v1/admin/rules"), ("POST", "/api/v1/admin/rules"),
                             ("DELETE", "/api/v1/admin/rules/1"), ("GET", "/api/v1/admin/roles"),
                             ("POST", "/api/v1/admin/roles"), ("PUT", "/api/v1/admin/roles/1")):
            r = agora.api(method, path, token=token, json={"site_title": "x", "text": "x", "name": "x"})
            assert r.status_code == 403 and r.json() == {"error": "This action is not allowed"}, (method, path)
    assert agora.sql("SELECT count(*) FROM admin_action_logs")[0][0] == "0"
