"""The signed-in member's own account: verify_credentials, update_credentials,
profile image removal and preferences, compared with a real Mastodon's answers."""
import json

from images import FAKE_PNG, GIF, JPEG, SVG, png
from recorded import assert_same_shape, recorded

ACCOUNT_4_3 = {"indexable", "uri", "hide_collections", "roles", "memorial", "suspended", "limited"}
SOURCE_4_3 = {"hide_collections", "discoverable", "indexable"}


def assert_credential_shape(ours, theirs):
    assert_same_shape(ours, theirs, newer=ACCOUNT_4_3)
    assert_same_shape(ours["source"], theirs["source"], newer=SOURCE_4_3)
    assert_same_shape(ours["role"], theirs["role"])
    for field in ours["fields"] + ours["source"]["fields"]:
        assert list(field) == ["name", "value", "verified_at"]


def verify(agora, token):
    r = agora.api("GET", "/api/v1/accounts/verify_credentials", token=token)
    assert r.status_code == 200, r.text
    return r.json()


def test_verify_credentials_matches_mastodon(agora):
    token = agora.create_user("mastodonpy_test")
    me = verify(agora, token)
    assert_credential_shape(me, recorded("test_verify_credentials", "GET", "/api/v1/accounts/verify_credentials"))
    assert me["username"] == me["acct"] == "mastodonpy_test"
    assert me["url"] == f"http://{agora.domain}/@mastodonpy_test"
    assert me["avatar"] == f"http://{agora.domain}/avatars/original/missing.png"
    assert me["header"] == f"http://{agora.domain}/headers/original/missing.png"
    assert me["source"] == {"privacy": "public", "sensitive": False, "language": None, "note": "", "fields": [],
                            "follow_requests_count": 0, "hide_collections": None, "discoverable": True,
                            "indexable": False}
    assert me["role"] == {"id": "-99", "name": "", "permissions": "65536", "color": "", "highlighted": False}
    assert me["roles"] == [] and me["noindex"] is False
    assert me["created_at"].endswith("T00:00:00.000Z")

    admin = verify(agora, agora.create_user("boss", role="owner"))
    assert admin["role"]["name"] == "Owner" and admin["role"]["highlighted"] is True
    assert admin["roles"] == [{"id": "3", "name": "Owner", "color": ""}]


def test_verify_credentials_needs_a_token_with_the_right_scope(agora):
    agora.create_user("alice")
    r = agora.api("GET", "/api/v1/accounts/verify_credentials")
    assert r.status_code == 401
    assert r.json() == {"error": "The access token is invalid"}
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token="not-a-token").status_code == 401
    for scopes, status in (("read", 200), ("read:accounts", 200), ("profile", 200), ("write", 403),
                           ("read:statuses write:accounts", 403)):
        token = agora.cli("accounts", "token", "alice", "--scopes", scopes, check=True).stdout.strip()
        r = agora.api("GET", "/api/v1/accounts/verify_credentials", token=token)
        assert r.status_code == status, scopes
        if status == 403:
            assert r.json() == {"error": "This action is outside the authorized scopes"}


def test_update_credentials_as_mastodon_py_sends_it(agora):
    token = agora.create_user("mastodonpy_test")
    avatar, header = png(8, 8), JPEG
    r = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token,
                  data={"display_name": "John Lennon", "note": "I walk funny",
                        "fields_attributes[0][name]": "bread", "fields_attributes[0][value]": "toasty.",
                        "fields_attributes[1][name]": "lasagna", "fields_attributes[1][value]": "no!!!"},
                  files={"avatar": ("mastodon.png", avatar, "image/png"),
                         "header": ("mastodon.jpg", header, "image/jpeg")})
    assert r.status_code == 200, r.text
    me = r.json()
    theirs = recorded("test_account_update_credentials", "PATCH", "/api/v1/accounts/update_credentials")
    assert_credential_shape(me, theirs)
    for key in ("display_name", "note", "fields"):
        assert me[key] == theirs[key], key
    assert me["source"]["note"] == "I walk funny"
    assert me["source"]["fields"] == theirs["source"]["fields"]
    assert me == verify(agora, token)

    # The images are stored and served back as they were sent.
    for url, sent, content_type in ((me["avatar"], avatar, "image/png"), (me["header"], header, "image/jpeg")):
        assert url.startswith(f"http://{agora.domain}/system/accounts/")
        got = agora.get(url.split(agora.domain, 1)[1])
        assert got.status_code == 200
        assert got.content == sent
        assert got.headers["Content-Type"] == content_type
        assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert me["avatar_static"] == me["avatar"] and me["header_static"] == me["header"]


def test_update_credentials_changes_each_field(agora):
    token = agora.create_user("alice")
    me = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token,
                   data={"locked": "true", "bot": "1", "discoverable": "false", "indexable": "true",
                         "hide_collections": "true", "source[privacy]": "private", "source[sensitive]": "true",
                         "source[language]": "de"}).json()
    assert (me["locked"], me["bot"], me["discoverable"], me["indexable"], me["hide_collections"]) == \
        (True, True, False, True, True)
    assert me["source"]["privacy"] == "private" and me["source"]["sensitive"] is True
    assert me["source"]["language"] == "de"
    assert me["source"]["discoverable"] is False and me["source"]["indexable"] is True

    # JSON bodies, fields as an array, the rest untouched.
    r = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token,
                  json={"display_name": "  Alice  ", "note": "Line one\nline two\n\n<b>https://example.org</b> #Tag",
                        "fields_attributes": [{"name": "Web", "value": "https://alice.example"}],
                        "bot": False, "source": {"language": ""}})
    me = r.json()
    assert me["display_name"] == "Alice"
    assert me["note"] == ('<p>Line one<br />line two</p><p>&lt;b&gt;<a href="https://example.org" target="_blank" '
                          'rel="nofollow noopener" translate="no"><span class="invisible">https://</span>'
                          '<span class="">example.org</span><span class="invisible"></span></a>&lt;/b&gt; '
                          f'<a href="http://{agora.domain}/tags/Tag" class="mention hashtag" rel="tag">#<span>Tag</span></a></p>')
    assert me["fields"][0]["value"].startswith('<a href="https://alice.example" target="_blank" rel="nofollow noopener me"')
    assert me["source"]["fields"] == [{"name": "Web", "value": "https://alice.example", "verified_at": None}]
    assert me["bot"] is False and me["locked"] is True
    assert me["source"]["language"] is None and me["source"]["privacy"] == "private"

    # Mastodon's form-encoded array form too; blank pairs are dropped.
    me = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token,
                   data=[("fields_attributes[][name]", "a"), ("fields_attributes[][value]", "1"),
                         ("fields_attributes[][name]", ""), ("fields_attributes[][value]", ""),
                         ("fields_attributes[][name]", "b"), ("fields_attributes[][value]", "2")]).json()
    assert [(f["name"], f["value"]) for f in me["fields"]] == [("a", "1"), ("b", "2")]

    # Others see the same profile.
    public = agora.api("GET", f"/api/v1/accounts/{me['id']}").json()
    assert public["note"] == me["note"] and public["fields"] == me["fields"]
    assert "source" not in public and "role" not in public
    prefs = agora.api("GET", "/api/v1/preferences", token=token).json()
    assert prefs["posting:default:visibility"] == "private"
    assert prefs["posting:default:sensitive"] is True


def test_update_credentials_refuses_what_mastodon_refuses(agora):
    token = agora.create_user("alice")
    before = verify(agora, token)

    def refused(expected_error, **kw):
        r = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token, **kw)
        assert r.status_code == 422, r.text
        assert r.json()["error"] == expected_error
        return r.json()["details"]

    details = refused("Validation failed: Display name is too long (maximum is 30 characters)",
                      data={"display_name": "x" * 31, "note": "fine"})
    assert details == {"display_name": [{"error": "ERR_TOO_LONG", "description": "is too long (maximum is 30 characters)"}]}
    refused("Validation failed: Note is too long (maximum is 500 characters)", data={"note": "n" * 501})
    refused("Validation failed: Fields is too long (maximum is 4 characters)",
            data={f"fields_attributes[{i}][name]": f"f{i}" for i in range(5)})
    refused("Validation failed: Fields contains values with missing labels",
            data={"fields_attributes[0][value]": "no name"})
    refused("Validation failed: Source privacy is not included in the list", data={"source[privacy]": "direct"})
    refused("Validation failed: Source language is not included in the list", data={"source[language]": "<script>"})
    for name, data in (("fake.png", FAKE_PNG), ("x.svg", SVG), ("empty.png", b"x")):
        details = refused("Validation failed: Avatar content type is invalid, Avatar is invalid",
                          files={"avatar": (name, data, "image/png")})
        assert details["avatar"] == [{"error": "ERR_INVALID", "description": "is invalid"}]
    refused("Validation failed: Header file size must be less than 2 MB, Header must be less than 2 MB",
            files={"header": ("big.png", png() + b"\0" * (2 * 1024 * 1024), "image/png")})
    # Nothing was written by any of them.
    assert verify(agora, token) == before


def test_update_credentials_survives_hostile_input(agora):
    token = agora.create_user("alice")
    url = "/api/v1/accounts/update_credentials"
    # Needs a token that may write.
    assert agora.api("PATCH", url, data={"note": "x"}).status_code == 401
    read_only = agora.cli("accounts", "token", "alice", "--scopes", "read", check=True).stdout.strip()
    assert agora.api("PATCH", url, token=read_only, data={"note": "x"}).status_code == 403
    # Too big for a form body (refused before it is read); in a multipart body, merely too long.
    response = agora.raw(f"PATCH {url} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                         "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2097152\r\n\r\n"
                         "note=xxxx".encode())
    assert response.startswith(b"HTTP/1.1 413 ")
    r = agora.api("PATCH", url, token=token, files={"display_name": (None, "y" * (2 * 1024 * 1024))})
    assert r.status_code == 422
    # Invalid UTF-8 and broken multipart bodies are 400s.
    r = agora.api("PATCH", url, token=token, files={"note": (None, b"\xff\xfe bad")})
    assert r.status_code == 400 and r.json() == {"error": "Invalid UTF-8 in request parameters"}
    for body, content_type in ((b"--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nunterminated",
                                "multipart/form-data; boundary=b"),
                               (b"no delimiters at all", "multipart/form-data; boundary=b"),
                               (b"--b--\r\n", "multipart/form-data")):
        r = agora.api("PATCH", url, token=token, data=body, headers={"Content-Type": content_type})
        assert r.status_code == 400, body
        assert r.json()["error"].startswith("Invalid multipart body")
    # Markup and odd characters are stored as text and escaped in HTML.
    me = agora.api("PATCH", url, token=token, data={
        "display_name": "<img src=x onerror=alert(1)>", "note": "\"><script>alert(1)</script>",
        "fields_attributes[0][name]": "<b>", "fields_attributes[0][value]": "javascript:alert(1)",
        "fields_attributes[1][name]": "n" * 300, "fields_attributes[1][value]": "v" * 300}).json()
    assert me["display_name"] == "<img src=x onerror=alert(1)>"
    assert me["note"] == "<p>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert me["fields"][0] == {"name": "<b>", "value": "javascript:alert(1)", "verified_at": None}
    assert len(me["fields"][1]["name"]) == len(me["fields"][1]["value"]) == 255  # cut, as Mastodon does
    assert agora.get("/health").text == "OK"


def test_profile_images_are_replaced_and_removed(agora):
    token = agora.create_user("alice")
    url = "/api/v1/accounts/update_credentials"
    gif = agora.api("PATCH", url, token=token, files={"avatar": ("a.gif", GIF, "image/gif")}).json()
    first, first_still = gif["avatar"], gif["avatar_static"]
    # A GIF stays as sent (animated) and gets a still PNG beside it for avatar_static, as Mastodon's.
    assert first.endswith(".gif") and first_still.endswith(".png") and first_still != first
    assert agora.get(first.split(agora.domain, 1)[1]).content == GIF
    still = agora.get(first_still.split(agora.domain, 1)[1])
    assert still.headers["Content-Type"] == "image/png" and still.content.startswith(b"\x89PNG")
    # The type comes from the bytes, not from the name or declared type.
    second = agora.api("PATCH", url, token=token,
                       files={"avatar": ("evil.html", png(), "text/html")}).json()["avatar"]
    assert second.endswith(".png") and second != first
    path = lambda u: u.split(agora.domain, 1)[1]
    assert agora.get(path(first)).status_code == 404  # the replaced file is gone
    assert agora.get(path(first_still)).status_code == 404  # and its still
    assert agora.get(path(second)).headers["Content-Type"] == "image/png"

    header = agora.api("PATCH", url, token=token, files={"header": ("h.png", png(), "image/png")}).json()["header"]
    r = agora.api("DELETE", "/api/v1/profile/avatar", token=token)
    assert r.status_code == 200
    assert r.json()["avatar"] == f"http://{agora.domain}/avatars/original/missing.png"
    assert r.json()["header"] == header
    assert agora.get(path(second)).status_code == 404
    r = agora.api("DELETE", "/api/v1/profile/header", token=token)
    assert r.json()["header"] == f"http://{agora.domain}/headers/original/missing.png"
    assert agora.api("DELETE", "/api/v1/profile/avatar").status_code == 401


def test_preferences_match_mastodon(agora):
    token = agora.create_user("alice")
    prefs = agora.api("GET", "/api/v1/preferences", token=token).json()
    assert_same_shape(prefs, recorded("test_preferences", "GET", "/api/v1/preferences"),
                      newer={"reading:autoplay:gifs"})
    assert prefs == {"posting:default:visibility": "public", "posting:default:sensitive": False,
                     "posting:default:language": None, "reading:expand:media": "default",
                     "reading:expand:spoilers": False, "reading:autoplay:gifs": False}
    # A locked account posts to followers by default until it chooses otherwise.
    agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token, data={"locked": "1"})
    assert agora.api("GET", "/api/v1/preferences", token=token).json()["posting:default:visibility"] == "private"
    agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token,
              data={"source[privacy]": "unlisted", "source[language]": "ja"})
    prefs = agora.api("GET", "/api/v1/preferences", token=token).json()
    assert prefs["posting:default:visibility"] == "unlisted" and prefs["posting:default:language"] == "ja"
    assert agora.api("GET", "/api/v1/preferences").status_code == 401
    write_only = agora.cli("accounts", "token", "alice", "--scopes", "write", check=True).stdout.strip()
    assert agora.api("GET", "/api/v1/preferences", token=write_only).status_code == 403
