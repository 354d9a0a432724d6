"""The admin API for instance policy: domain blocks and allows, e-mail domain blocks."""

ADMIN_SCOPES = "read write admin:read admin:write"


def test_domain_block_crud_and_audit_log(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    r = agora.api("POST", "/api/v1/admin/domain_blocks", token=admin,
                  data={"domain": "Spam.Example.", "severity": "suspend", "public_comment": "spam",
                        "reject_media": "true"})
    assert r.status_code == 200, r.text
    block = r.json()
    assert list(block) == ["id", "domain", "created_at", "severity", "reject_media", "reject_reports",
                           "private_comment", "public_comment", "obfuscate"]
    assert block["domain"] == "spam.example" and block["severity"] == "suspend" and block["reject_media"] is True
    assert block["public_comment"] == "spam" and block["private_comment"] is None
    bid = block["id"]
    assert [b["id"] for b in agora.api("GET", "/api/v1/admin/domain_blocks", token=admin).json()] == [bid]
    assert agora.api("GET", f"/api/v1/admin/domain_blocks/{bid}", token=admin).json() == block
    r = agora.api("PUT", f"/api/v1/admin/domain_blocks/{bid}", token=admin,
                  data={"severity": "silence", "private_comment": "watch"})
    assert r.status_code == 200 and r.json()["severity"] == "silence" and r.json()["private_comment"] == "watch"
    assert r.json()["domain"] == "spam.example" and r.json()["reject_media"] is True
    r = agora.api("DELETE", f"/api/v1/admin/domain_blocks/{bid}", token=admin)
    assert r.status_code == 200 and r.json() == {}
    assert agora.api("GET", f"/api/v1/admin/domain_blocks/{bid}", token=admin).status_code == 404
    logs = agora.sql("SELECT action, target_type, summary FROM admin_action_logs ORDER BY id")
    assert logs == [("create", "DomainBlock", "spam.example"), ("update", "DomainBlock", "spam.example"),
                    ("destroy", "DomainBlock", "spam.example")]


def test_domain_block_conflicts_and_bad_input(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")

    def create(**data):
        return agora.api("POST", "/api/v1/admin/domain_blocks", token=admin, data=data)

    first = create(domain="example.net", severity="silence").json()
    r = create(domain="example.net", severity="suspend")  # the same domain again
    assert r.status_code == 422
    assert r.json() == {"error": "You have already imposed stricter limits on example.net.",
                        "existing_domain_block": first}
    r = create(domain="sub.example.net", severity="noop")  # less strict than its parent's block
    assert r.status_code == 422 and r.json()["existing_domain_block"]["id"] == first["id"]
    assert create(domain="sub.example.net", severity="suspend").status_code == 200  # stricter: allowed
    assert create(domain="bad domain!").status_code == 422
    assert create().json() == {"error": "Validation failed: Domain can't be blank"}
    assert create(domain="other.example", severity="obliterate").status_code == 422
    assert agora.api("PUT", "/api/v1/admin/domain_blocks/999", token=admin, data={"severity": "noop"}).status_code == 404
    assert agora.sql("SELECT count(*) FROM domain_blocks")[0][0] == "2"


def test_moderators_and_members_may_not_manage_federation(agora):
    mod = agora.create_user("mod", scopes=ADMIN_SCOPES, role="moderator")
    user = agora.create_user("alice", scopes=ADMIN_SCOPES)
    for token in (mod, user):
        for method, path in (("GET", "/api/v1/admin/domain_blocks"), ("POST", "/api/v1/admin/domain_allows"),
                             ("GET", "/api/v1/admin/email_domain_blocks")):
            r = agora.api(method, path, token=token, data={"domain": "x.example"})
            assert r.status_code == 403 and r.json() == {"error": "This action is not allowed"}, (method, path)
    assert agora.sql("SELECT count(*) FROM domain_allows")[0][0] == "0"


def test_domain_allows_and_email_domain_blocks(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    r = agora.api("POST", "/api/v1/admin/domain_allows", token=admin, data={"domain": "friends.example"})
    assert r.status_code == 200 and list(r.json()) == ["id", "domain", "created_at"]
    allow = r.json()
    # Allowing again answers the existing allow.
    assert agora.api("POST", "/api/v1/admin/domain_allows", token=admin,
                     data={"domain": "friends.example"}).json()["id"] == allow["id"]
    assert [a["domain"] for a in agora.api("GET", "/api/v1/admin/domain_allows", token=admin).json()] == \
        ["friends.example"]
    assert agora.api("DELETE", f"/api/v1/admin/domain_allows/{allow['id']}", token=admin).status_code == 200
    assert agora.api("GET", f"/api/v1/admin/domain_allows/{allow['id']}", token=admin).status_code == 404

    r = agora.api("POST", "/api/v1/admin/email_domain_blocks", token=admin, data={"domain": "spam.mail"})
    assert r.status_code == 200 and r.json()["domain"] == "spam.mail"
    assert len(r.json()["history"]) == 7
    r = agora.api("POST", "/api/v1/admin/email_domain_blocks", token=admin, data={"domain": "spam.mail"})
    assert r.status_code == 422 and r.json()["error"] == "Validation failed: Domain has already been taken"
    assert agora.api("POST", "/api/v1/admin/email_domain_blocks", token=admin,
                     data={"domain": "not a domain"}).status_code == 422
    assert agora.sql("SELECT count(*) FROM email_domain_blocks")[0][0] == "1"


def test_mastodon_py_admin_client(agora):
    """Mastodon.py's admin_* methods against agora, as a real client."""
    from mastodon import Mastodon
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    agora.create_user("alice")
    api = Mastodon(access_token=admin, api_base_url=agora.base_url, version_check_mode="none")
    usernames = sorted(a["username"] for a in api.admin_accounts_v2(origin="local"))
    assert usernames == ["alice", "root"]
    alice_id = agora.account_id("alice")
    api.admin_account_moderate(alice_id, action="silence", text="be quieter")
    assert api.admin_account(alice_id)["silenced"] is True
    api.admin_account_unsilence(alice_id)
    assert api.admin_account(alice_id)["silenced"] is False
    block = api.admin_create_domain_block("bad.example", severity="suspend", public_comment="no")
    assert block["domain"] == "bad.example"
    assert [b["domain"] for b in api.admin_domain_blocks()] == ["bad.example"]
    api.admin_delete_domain_block(block["id"])
    assert api.admin_reports() == []


def test_ip_blocks(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    mod = agora.create_user("mod", scopes=ADMIN_SCOPES, role="moderator")

    def create(token=admin, **data):
        return agora.api("POST", "/api/v1/admin/ip_blocks", token=token, data=data)

    r = create(ip="192.0.2.77/24", severity="no_access", comment="botnet", expires_in="3600")
    assert r.status_code == 200, r.text
    block = r.json()
    assert list(block) == ["id", "ip", "severity", "comment", "created_at", "expires_at"]
    assert block["ip"] == "192.0.2.0/24" and block["severity"] == "no_access" and block["expires_at"]
    assert create(ip="2001:db8::1", severity="sign_up_block").json()["ip"] == "2001:db8::1/128"
    assert create(ip="192.0.2.0/24", severity="sign_up_block").status_code == 422  # taken
    assert create(ip="192.0.2.0/33", severity="sign_up_block").status_code == 422
    assert create(ip="not-an-ip", severity="sign_up_block").status_code == 422
    assert create(ip="198.51.100.1", severity="sometimes").status_code == 422
    assert create(severity="no_access").json()["error"] == "Validation failed: Ip can't be blank"
    assert create(token=mod, ip="203.0.113.1", severity="no_access").status_code == 403
    r = agora.api("PUT", f"/api/v1/admin/ip_blocks/{block['id']}", token=admin, data={"severity": "sign_up_block"})
    assert r.status_code == 200 and r.json()["severity"] == "sign_up_block" and r.json()["ip"] == "192.0.2.0/24"
    assert len(agora.api("GET", "/api/v1/admin/ip_blocks", token=admin).json()) == 2
    assert agora.api("DELETE", f"/api/v1/admin/ip_blocks/{block['id']}", token=admin).json() == {}
    assert agora.api("GET", f"/api/v1/admin/ip_blocks/{block['id']}", token=admin).status_code == 404
    assert agora.sql("SELECT count(*) FROM ip_blocks")[0][0] == "1"
    actions = [row[0] for row in agora.sql("SELECT action FROM admin_action_logs WHERE target_type = 'IpBlock' ORDER BY id")]
    assert actions == ["create", "create", "update", "destroy"]


def test_canonical_email_blocks(agora):
    import hashlib
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    r = agora.api("POST", "/api/v1/admin/canonical_email_blocks", token=admin, data={"email": "J.Doe+spam@Example.org"})
    assert r.status_code == 200, r.text
    block = r.json()
    assert block == {"id": block["id"], "canonical_email_hash": hashlib.sha256(b"jdoe@example.org").hexdigest()}
    r = agora.api("POST", "/api/v1/admin/canonical_email_blocks/test", token=admin, data={"email": "jdoe+x@example.org"})
    assert [b["id"] for b in r.json()] == [block["id"]]
    r = agora.api("POST", "/api/v1/admin/canonical_email_blocks/test", token=admin, data={"email": "other@example.org"})
    assert r.json() == []
    assert agora.api("POST", "/api/v1/admin/canonical_email_blocks", token=admin,
                     data={"email": "jdoe@example.org"}).status_code == 422
    assert agora.api("POST", "/api/v1/admin/canonical_email_blocks", token=admin, data={}).status_code == 422
    assert agora.api("DELETE", f"/api/v1/admin/canonical_email_blocks/{block['id']}", token=admin).json() == {}
    assert agora.api("GET", f"/api/v1/admin/canonical_email_blocks/{block['id']}", token=admin).status_code == 404


def test_sign_up_obeys_ip_and_canonical_email_blocks(agora):
    from test_sign_up import app_token, sign_up
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    _, token = app_token(agora)
    agora.api("POST", "/api/v1/admin/canonical_email_blocks", token=admin, data={"email": "jdoe@example.org"})
    r = sign_up(agora, token, username="jdoe", email="J.Doe+again@example.org")
    assert r.status_code == 422 and r.json()["details"]["email"][0]["error"] == "ERR_TAKEN"
    # The tests reach agora from 127.0.0.1.
    block = agora.api("POST", "/api/v1/admin/ip_blocks", token=admin,
                      data={"ip": "127.0.0.0/8", "severity": "sign_up_block"}).json()
    r = sign_up(agora, token, username="newbie", email="newbie@example.org")
    assert r.status_code == 403 and r.json() == {"error": "This action is not allowed"}
    agora.api("PUT", f"/api/v1/admin/ip_blocks/{block['id']}", token=admin,
              data={"severity": "sign_up_requires_approval"})
    r = sign_up(agora, token, username="newbie", email="newbie@example.org")
    assert r.status_code == 200, r.text
    assert agora.sql("SELECT approved FROM users WHERE email = 'newbie@example.org'")[0][0] in ("0", "f")
    assert agora.sql("SELECT count(*) FROM users")[0][0] == "2"
