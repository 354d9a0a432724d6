"""Custom emoji on the staff side: listed and filtered, uploaded, enabled and
disabled, hidden from the picker, copied from a remote server and deleted by
holders of manage_custom_emojis, each in the audit log."""
from images import GIF, JPEG, png

ADMIN_SCOPES = "read write admin:read admin:write"
BASE = "/api/v1/admin/custom_emojis"


def staff(agora, username, role):
    return agora.create_user(username, scopes=ADMIN_SCOPES, role=role)


def upload(agora, token, shortcode, image=None, name="e.png", **extra):
    return agora.api("POST", BASE, token=token, data={"shortcode": shortcode, **extra},
                     files={"image": (name, png() if image is None else image)})


def picker(agora):
    return [e["shortcode"] for e in agora.api("GET", "/api/v1/custom_emojis").json()]


def test_only_manage_custom_emojis_may_use_the_admin_endpoints(agora):
    admin = staff(agora, "root", "admin")
    made = upload(agora, admin, "blobcat").json()
    # Mastodon's Moderator role has no manage_custom_emojis; nor has a member.
    for token in (staff(agora, "mod", "moderator"), staff(agora, "plain", "user")):
        for method, path in (("GET", BASE), ("GET", f"{BASE}/{made['id']}"), ("PUT", f"{BASE}/{made['id']}"),
                             ("POST", f"{BASE}/{made['id']}/disable"), ("POST", f"{BASE}/{made['id']}/enable"),
                             ("POST", f"{BASE}/{made['id']}/copy"), ("DELETE", f"{BASE}/{made['id']}")):
            r = agora.api(method, path, token=token)
            assert r.status_code == 403, (method, path, r.text)
            assert r.json() == {"error": "This action is not allowed"}
        r = upload(agora, token, "other")
        assert r.status_code == 403 and r.json() == {"error": "This action is not allowed"}
    assert agora.api("GET", BASE).status_code == 403  # as Mastodon: no member, not permitted
    assert picker(agora) == ["blobcat"]


def test_upload_edit_disable_and_delete(agora):
    admin = staff(agora, "root", "admin")
    r = upload(agora, admin, "blobcat", category="Blobs")
    assert r.status_code == 200, r.text
    e = r.json()
    assert list(e) == ["id", "shortcode", "url", "static_url", "visible_in_picker", "category", "domain", "uri",
                       "image_remote_url", "disabled", "created_at", "updated_at"]
    assert e["shortcode"] == "blobcat" and e["category"] == "Blobs" and e["domain"] is None
    assert e["disabled"] is False and e["visible_in_picker"] is True and e["url"].endswith(".png")
    assert upload(agora, admin, "parrot", GIF, "p.gif").status_code == 200
    assert picker(agora) == ["blobcat", "parrot"]

    # Hidden from the picker, then disabled: gone from the public list.
    r = agora.api("PUT", f"{BASE}/{e['id']}", token=admin, data={"visible_in_picker": "false", "category": "Cats"})
    assert r.status_code == 200 and r.json()["visible_in_picker"] is False and r.json()["category"] == "Cats"
    assert picker(agora) == ["parrot"]
    agora.api("PUT", f"{BASE}/{e['id']}", token=admin, data={"visible_in_picker": "true"})
    r = agora.api("POST", f"{BASE}/{e['id']}/disable", token=admin)
    assert r.status_code == 200 and r.json()["disabled"] is True
    assert picker(agora) == ["parrot"]
    # A disabled emoji is not rendered in new posts either.
    alice = agora.create_user("alice")
    status = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "hi :blobcat: :parrot:"}).json()
    assert [x["shortcode"] for x in status["emojis"]] == ["parrot"]
    assert agora.api("POST", f"{BASE}/{e['id']}/enable", token=admin).json()["disabled"] is False
    assert picker(agora) == ["blobcat", "parrot"]

    assert agora.api("DELETE", f"{BASE}/{e['id']}", token=admin).json() == {}
    assert picker(agora) == ["parrot"]
    assert agora.api("GET", f"{BASE}/{e['id']}", token=admin).status_code == 404
    actions = agora.sql("SELECT action, target_type FROM admin_action_logs ORDER BY id")
    assert actions == [("create", "CustomEmoji"), ("create", "CustomEmoji"), ("update", "CustomEmoji"),
                       ("update", "CustomEmoji"), ("disable", "CustomEmoji"), ("enable", "CustomEmoji"),
                       ("destroy", "CustomEmoji")]


def test_bad_uploads(agora):
    admin = staff(agora, "root", "admin")
    assert upload(agora, admin, "blobcat").status_code == 200
    cases = (
        ("blobcat", png(), "taken"),                                 # duplicate shortcode
        ("jpeg_one", JPEG, "content type"),                          # not PNG, GIF or WebP
        ("html", b"<html></html>", "content type"),
        ("big_one", png(300, 300, level=0), "256 KB"),               # over 256 KB
        ("a", png(), "Shortcode"),                                   # too short
        ("bad-code", png(), "Shortcode"),
    )
    for shortcode, image, message in cases:
        r = upload(agora, admin, shortcode, image)
        assert r.status_code == 422, (shortcode, r.text)
        assert message in r.json()["error"], (shortcode, r.text)
    r = agora.api("POST", BASE, token=admin, data={"shortcode": "noimage"})
    assert r.status_code == 422 and "error" in r.json()
    r = agora.api("PUT", f"{BASE}/{agora.api('GET', BASE, token=admin).json()[0]['id']}", token=admin,
                  data={"category": "x" * 65})
    assert r.status_code == 422
    assert [e["shortcode"] for e in agora.api("GET", BASE, token=admin).json()] == ["blobcat"]
    for method, path in (("GET", f"{BASE}/12345"), ("PUT", f"{BASE}/12345"), ("POST", f"{BASE}/12345/enable"),
                         ("POST", f"{BASE}/12345/copy"), ("DELETE", f"{BASE}/12345")):
        r = agora.api(method, path, token=admin)
        assert r.status_code == 404, (method, path, r.text)
        assert r.json() == {"error": "Record not found"}


def test_remote_emoji_are_filtered_and_copied(agora):
    admin = staff(agora, "root", "admin")
    local = upload(agora, admin, "blobcat").json()
    key = agora.sql("SELECT image_key FROM custom_emojis WHERE shortcode = 'blobcat'")[0][0]
    # Remote emoji as federation caches them: one with its image stored, one not yet.
    agora.sql("INSERT INTO custom_emojis (id, shortcode, domain, uri, image_key, image_remote_url, content_type,"
              " visible_in_picker, created_at, updated_at) VALUES (900001, 'party', 'remote.example',"
              " 'https://remote.example/emojis/1', ?, 'https://remote.example/party.png', 'image/png', FALSE, 1, 1)",
              (key,))
    agora.sql("INSERT INTO custom_emojis (id, shortcode, domain, image_remote_url, visible_in_picker, created_at,"
              " updated_at) VALUES (900002, 'wave', 'other.example', 'https://other.example/wave.png', FALSE, 1, 1)")

    def codes(query):
        r = agora.api("GET", f"{BASE}?{query}", token=admin)
        assert r.status_code == 200, r.text
        return sorted((e["shortcode"], e["domain"]) for e in r.json())

    assert codes("") == [("blobcat", None), ("party", "remote.example"), ("wave", "other.example")]
    assert codes("local=true") == [("blobcat", None)]
    assert codes("remote=true") == [("party", "remote.example"), ("wave", "other.example")]
    assert codes("by_domain=other.example") == [("wave", "other.example")]
    assert codes("shortcode=AR") == [("party", "remote.example")]
    assert codes("shortcode=%25") == []
    wave = agora.api("GET", f"{BASE}/900002", token=admin).json()
    assert wave["url"] == "https://other.example/wave.png" and wave["uri"] is None

    # Not cached yet, or already local: nothing to copy.
    assert agora.api("POST", f"{BASE}/900002/copy", token=admin).status_code == 422
    assert agora.api("POST", f"{BASE}/{local['id']}/copy", token=admin).status_code == 422
    r = agora.api("POST", f"{BASE}/900001/copy", token=admin)
    assert r.status_code == 200, r.text
    assert r.json()["shortcode"] == "party" and r.json()["domain"] is None and r.json()["id"] != "900001"
    assert picker(agora) == ["blobcat", "party"]
    # Copying again: the local shortcode is taken.
    r = agora.api("POST", f"{BASE}/900001/copy", token=admin)
    assert r.status_code == 422 and "taken" in r.json()["error"]
