"""POST /oauth/token (password, client_credentials), POST /oauth/revoke and
the OAuth server metadata, with Doorkeeper's (RFC 6749) error bodies."""
import base64

from web_client import PASSWORD, register_app

INVALID_GRANT = {"error": "invalid_grant",
                 "error_description": "The provided authorization grant is invalid, expired, revoked, does not match "
                                      "the redirection URI used in the authorization request, or was issued to another "
                                      "client."}
INVALID_CLIENT = {"error": "invalid_client",
                  "error_description": "Client authentication failed due to unknown client, no client authentication "
                                       "included, or unsupported authentication method."}


def password_grant(agora, app, username="alice@example.org", password=PASSWORD, **extra):
    data = {"grant_type": "password", "client_id": app["client_id"], "client_secret": app["client_secret"],
            "username": username, "password": password, "redirect_uri": "urn:ietf:wg:oauth:2.0:oob",
            "scope": "read write follow push"}
    data.update(extra)
    return agora.post("/oauth/token", data=data)


def test_password_grant_issues_a_token(agora):
    agora.create_user("alice", password=PASSWORD)
    app = register_app(agora)
    r = password_grant(agora, app)
    assert r.status_code == 200
    assert r.headers["Cache-Control"] == "no-store"
    assert r.headers["Pragma"] == "no-cache"
    body = r.json()
    assert list(body) == ["access_token", "token_type", "scope", "created_at"]
    assert body["token_type"] == "Bearer"
    assert body["scope"] == "read write follow push"
    assert isinstance(body["created_at"], int) and body["created_at"] > 1_600_000_000
    me = agora.api("GET", "/api/v1/apps/verify_credentials", token=body["access_token"])
    assert me.status_code == 200 and me.json()["name"] == "Test app"


def test_password_grant_failures(agora):
    agora.create_user("alice", password=PASSWORD)
    app = register_app(agora, scopes="read")
    wrong = password_grant(agora, app, password="hunter2", scope="read")
    assert wrong.status_code == 400
    assert wrong.json() == INVALID_GRANT
    assert wrong.headers["WWW-Authenticate"].startswith('Bearer realm="Doorkeeper", error="invalid_grant"')
    assert password_grant(agora, app, username="nobody@example.org", scope="read").json() == INVALID_GRANT
    too_wide = password_grant(agora, app, scope="read write")
    assert too_wide.status_code == 400
    assert too_wide.json() == {"error": "invalid_scope",
                               "error_description": "The requested scope is invalid, unknown, or malformed."}
    bad_secret = password_grant(agora, dict(app, client_secret="wrong"), scope="read")
    assert bad_secret.status_code == 401
    assert bad_secret.json() == INVALID_CLIENT


def test_client_authentication_by_http_basic(agora):
    agora.create_user("alice", password=PASSWORD)
    app = register_app(agora)
    basic = base64.b64encode(f"{app['client_id']}:{app['client_secret']}".encode()).decode()
    r = agora.post("/oauth/token", headers={"Authorization": f"Basic {basic}"},
                   data={"grant_type": "client_credentials", "scope": "read"})
    assert r.status_code == 200, r.text
    wrong = base64.b64encode(f"{app['client_id']}:nope".encode()).decode()
    r = agora.post("/oauth/token", headers={"Authorization": f"Basic {wrong}"}, data={"grant_type": "client_credentials"})
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"


def test_grant_type_errors(agora):
    app = register_app(agora)
    creds = {"client_id": app["client_id"], "client_secret": app["client_secret"]}
    missing = agora.post("/oauth/token", data=creds)
    assert missing.status_code == 400
    assert missing.json() == {"error": "invalid_request", "error_description": "Missing required parameter: grant_type."}
    unknown = agora.post("/oauth/token", data=dict(creds, grant_type="implicit"))
    assert unknown.status_code == 400
    assert unknown.json()["error"] == "unsupported_grant_type"
    refresh = agora.post("/oauth/token", data=dict(creds, grant_type="refresh_token", refresh_token="x"))
    assert refresh.json()["error"] == "unsupported_grant_type"  # no refresh tokens, as Mastodon 4.3
    no_code = agora.post("/oauth/token", data=dict(creds, grant_type="authorization_code"))
    assert no_code.json() == {"error": "invalid_request", "error_description": "Missing required parameter: code."}


def test_client_credentials_token_is_the_apps_alone(agora):
    app = register_app(agora, scopes="read write")
    r = agora.post("/oauth/token", json={"grant_type": "client_credentials", "client_id": app["client_id"],
                                         "client_secret": app["client_secret"]})
    assert r.status_code == 200
    assert r.json()["scope"] == "read"  # the default scope
    token = r.json()["access_token"]
    assert agora.api("GET", "/api/v1/apps/verify_credentials", token=token).status_code == 200
    bad_scope = agora.post("/oauth/token", data={"grant_type": "client_credentials", "client_id": app["client_id"],
                                                 "client_secret": app["client_secret"], "scope": "push"})
    assert bad_scope.json()["error"] == "invalid_scope"


def test_revoking_a_token(agora):
    agora.create_user("alice", password=PASSWORD)
    app = register_app(agora)
    token = password_grant(agora, app).json()["access_token"]
    other_app = register_app(agora, name="Other")
    creds = {"client_id": app["client_id"], "client_secret": app["client_secret"]}

    forbidden = agora.post("/oauth/revoke", data={"client_id": other_app["client_id"],
                                                  "client_secret": other_app["client_secret"], "token": token})
    assert forbidden.status_code == 403
    assert forbidden.json() == {"error": "unauthorized_client",
                                "error_description": "You are not authorized to revoke this token"}
    no_client = agora.post("/oauth/revoke", data={"token": token})
    assert no_client.status_code == 403
    assert agora.api("GET", "/api/v1/apps/verify_credentials", token=token).status_code == 200

    r = agora.post("/oauth/revoke", data=dict(creds, token=token))
    assert r.status_code == 200 and r.json() == {}
    after = agora.api("GET", "/api/v1/apps/verify_credentials", token=token)
    assert after.status_code == 401
    assert after.json() == {"error": "The access token was revoked"}
    # Idempotent, and unknown tokens are fine too (RFC 7009).
    assert agora.post("/oauth/revoke", data=dict(creds, token=token)).status_code == 200
    assert agora.post("/oauth/revoke", data=dict(creds, token="never-issued")).json() == {}


def test_oauth_metadata_as_mastodon_4_3(agora):
    r = agora.get("/.well-known/oauth-authorization-server")
    assert r.status_code == 200
    body = r.json()
    base = f"http://{agora.domain}"
    assert list(body) == ["issuer", "authorization_endpoint", "token_endpoint", "revocation_endpoint",
                          "scopes_supported", "response_types_supported", "response_modes_supported",
                          "grant_types_supported", "token_endpoint_auth_methods_supported",
                          "code_challenge_methods_supported", "service_documentation", "app_registration_endpoint"]
    assert body["issuer"] == base + "/"
    assert body["authorization_endpoint"] == base + "/oauth/authorize"
    assert body["token_endpoint"] == base + "/oauth/token"
    assert body["revocation_endpoint"] == base + "/oauth/revoke"
    assert body["app_registration_endpoint"] == base + "/api/v1/apps"
    assert body["scopes_supported"][:3] == ["read", "write", "write:accounts"]
    assert {"profile", "follow", "push", "admin:write:canonical_email_blocks"} <= set(body["scopes_supported"])
    assert body["response_types_supported"] == ["code"]
    assert body["grant_types_supported"] == ["authorization_code", "password", "client_credentials"]
    assert body["token_endpoint_auth_methods_supported"] == ["client_secret_basic", "client_secret_post"]
    assert body["code_challenge_methods_supported"] == ["S256"]
    assert r.headers["Access-Control-Allow-Origin"] == "*"
