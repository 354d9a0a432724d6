"""POST /api/v1/apps and GET /api/v1/apps/verify_credentials, as Mastodon 4.3."""
import pytest

from web_client import register_app


def test_registering_an_app_returns_the_credential_application(agora):
    r = agora.post("/api/v1/apps", data={"client_name": "Tusky", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
                                         "scopes": "read write follow push", "website": "https://tusky.app"})
    assert r.status_code == 200
    assert r.headers["Cache-Control"] == "private, no-store"
    body = r.json()
    assert list(body) == ["id", "name", "website", "scopes", "redirect_uris", "vapid_key", "redirect_uri",
                          "client_id", "client_secret", "client_secret_expires_at"]
    assert body["name"] == "Tusky"
    assert body["website"] == "https://tusky.app"
    assert body["scopes"] == ["read", "write", "follow", "push"]
    assert body["redirect_uris"] == ["urn:ietf:wg:oauth:2.0:oob"]
    assert body["redirect_uri"] == "urn:ietf:wg:oauth:2.0:oob"
    # The instance's Web Push key: an uncompressed P-256 point, base64url with padding as Mastodon's.
    assert body["vapid_key"] == agora.api("GET", "/api/v2/instance").json()["configuration"]["vapid"]["public_key"]
    assert len(body["vapid_key"]) == 88 and body["vapid_key"].startswith("B")
    assert body["client_secret_expires_at"] == 0
    assert len(body["client_id"]) >= 32 and len(body["client_secret"]) >= 32
    assert body["id"].isdigit()


def test_redirect_uris_as_array_or_lines_and_default_scope(agora):
    as_json = agora.post("/api/v1/apps", json={"client_name": "a", "redirect_uris": ["https://a.example/cb", "app://cb"]})
    assert as_json.status_code == 200
    assert as_json.json()["redirect_uris"] == ["https://a.example/cb", "app://cb"]
    assert as_json.json()["redirect_uri"] == "https://a.example/cb\napp://cb"
    assert as_json.json()["scopes"] == ["read"]
    assert as_json.json()["website"] is None
    as_form = agora.post("/api/v1/apps", data={"client_name": "b", "redirect_uris": "https://b.example/cb\nb://cb",
                                               "scopes": "read read write"})
    assert as_form.json()["redirect_uris"] == ["https://b.example/cb", "b://cb"]
    assert as_form.json()["scopes"] == ["read", "write"]


@pytest.mark.parametrize("data, error", [
    ({"redirect_uris": "urn:ietf:wg:oauth:2.0:oob"}, "Validation failed: Application name can't be blank"),
    ({"client_name": "x"}, "Validation failed: Redirect URI can't be blank"),
    ({"client_name": "x", "redirect_uris": "\n"}, "Validation failed: Redirect URI can't be blank"),
    ({}, "Validation failed: Application name can't be blank, Redirect URI can't be blank"),
    ({"client_name": "x", "redirect_uris": "not-a-uri"}, "Validation failed: Redirect URI must be an absolute URI."),
    ({"client_name": "x", "redirect_uris": "https://a.example/cb#x"},
     "Validation failed: Redirect URI cannot contain a fragment."),
    ({"client_name": "x", "redirect_uris": "javascript:alert(1)"},
     "Validation failed: Redirect URI is forbidden by the server."),
    ({"client_name": "x", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read hoge"},
     "Validation failed: Scopes doesn't match configured on the server."),
    ({"client_name": "x" * 61, "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"},
     "Validation failed: Application name is too long (maximum is 60 characters)"),
    ({"client_name": "x", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "website": "not a website"},
     "Validation failed: Application website is invalid"),
    ({"client_name": "x", "redirect_uris": "https://a.example/" + "a" * 2000},
     "Validation failed: Redirect URI is too long (maximum is 2000 characters)"),
])
def test_invalid_registrations_get_mastodons_422(agora, data, error):
    r = agora.post("/api/v1/apps", data=data)
    assert r.status_code == 422
    assert r.json() == {"error": error}


def test_a_sixty_character_name_in_any_script_is_fine(agora):
    r = agora.post("/api/v1/apps", data={"client_name": "é" * 60, "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"})
    assert r.status_code == 200


def test_verify_credentials_shows_the_app_without_secrets(agora):
    app = register_app(agora, scopes="read write")
    token = agora.post("/oauth/token", data={"grant_type": "client_credentials", "client_id": app["client_id"],
                                             "client_secret": app["client_secret"], "scope": "read"}).json()
    r = agora.api("GET", "/api/v1/apps/verify_credentials", token=token["access_token"])
    assert r.status_code == 200
    assert r.json() == {"id": app["id"], "name": "Test app", "website": None, "scopes": ["read", "write"],
                        "redirect_uris": ["https://client.example/callback"], "vapid_key": app["vapid_key"],
                        "redirect_uri": "https://client.example/callback"}
    bad = agora.api("GET", "/api/v1/apps/verify_credentials", token="nope")
    assert bad.status_code == 401
    assert bad.json() == {"error": "The access token is invalid"}
    assert agora.api("GET", "/api/v1/apps/verify_credentials").status_code == 401
