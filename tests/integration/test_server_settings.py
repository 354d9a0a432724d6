"""The server settings the instance documents show: the contact account, the
languages, the limits posting and uploads enforce, and the server's picture."""
import requests

from images import FAKE_PNG, png

ADMIN_SCOPES = "read write admin:read admin:write"


def change(agora, token, **settings):
    return agora.api("PATCH", "/api/v1/admin/settings", token=token, json=settings)


def instances(agora):
    return agora.api("GET", "/api/v1/instance").json(), agora.api("GET", "/api/v2/instance").json()


def test_the_contact_account_and_languages(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    v1, v2 = instances(agora)
    assert v1["contact_account"] is None and v2["contact"]["account"] is None
    assert v1["languages"] == ["en"] and v2["languages"] == ["en"]

    # A bad value anywhere stores nothing, not even the good ones next to it.
    for bad in ({"site_contact_username": "nobody"}, {"content_languages": "de,xx-nope"},
                {"content_languages": ", ,"}, {"content_languages": " ".join("en de fr es it pt nl sv da fi nb pl cs sk hu ro bg el ru uk ja".split())}):
        r = change(agora, admin, site_title="Changed", **bad)
        assert r.status_code == 422 and "error" in r.json(), bad
    assert agora.api("GET", "/api/v1/admin/settings", token=admin).json()["site_title"] == ""

    r = change(agora, admin, site_contact_username="root", content_languages="de, en")
    assert r.status_code == 200, r.text
    v1, v2 = instances(agora)
    account = v2["contact"]["account"]
    assert account["id"] == str(agora.account_id("root")) and account["acct"] == "root"
    assert {"display_name", "avatar", "emojis", "fields", "roles"} <= set(account)  # the full Account entity
    assert account["roles"] == [{"id": "2", "name": "Admin", "color": ""}]
    assert v1["contact_account"] == account
    assert v1["languages"] == ["de", "en"] and v2["languages"] == ["de", "en"]

    assert change(agora, admin, site_contact_username="", content_languages="").status_code == 200
    v1, v2 = instances(agora)
    assert v1["contact_account"] is None and v2["contact"]["account"] is None and v2["languages"] == ["en"]


def test_limits_are_announced_and_enforced(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    alice = agora.create_user("alice")
    for key, value in (("max_characters", "0"), ("max_characters", "100001"), ("max_characters", "ten"),
                       ("max_characters", "12.5"), ("max_media_attachments", "17"), ("max_media_attachments", "-1"),
                       ("image_size_limit", "1023"), ("video_size_limit", "103809025")):
        r = change(agora, admin, **{key: value})
        assert r.status_code == 422 and "error" in r.json(), (key, value)
    _, v2 = instances(agora)
    assert v2["configuration"]["statuses"]["max_characters"] == 500

    r = change(agora, admin, max_characters="20", max_media_attachments="1", image_size_limit="2048",
               video_size_limit="4096")
    assert r.status_code == 200, r.text
    v1, v2 = instances(agora)
    for doc in (v1, v2):
        config = doc["configuration"]
        assert config["statuses"]["max_characters"] == 20 and config["statuses"]["max_media_attachments"] == 1
        assert config["media_attachments"]["image_size_limit"] == 2048
        assert config["media_attachments"]["video_size_limit"] == 4096

    # Posting, editing and scheduling keep to the length.
    r = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "x" * 21})
    assert r.status_code == 422 and "character limit of 20 exceeded" in r.json()["error"]
    r = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "x" * 20})
    assert r.status_code == 200, r.text
    r = agora.api("PUT", f"/api/v1/statuses/{r.json()['id']}", token=alice, data={"status": "y" * 21})
    assert r.status_code == 422
    r = agora.api("POST", "/api/v1/statuses", token=alice,
                  data={"status": "z" * 21, "scheduled_at": "2099-01-01T00:00:00Z"})
    assert r.status_code == 422
    assert agora.sql("SELECT id FROM scheduled_statuses") == []

    # Uploads keep to the size, and a post to the number of files.
    big = png(40, 40, level=0)
    assert len(big) > 2048
    r = agora.api("POST", "/api/v2/media", token=alice, files={"file": ("big.png", big, "image/png")})
    assert r.status_code == 422 and "less than 2 KB" in r.json()["error"]
    ids = []
    for _ in range(2):
        r = agora.api("POST", "/api/v1/media", token=alice, files={"file": ("s.png", png(), "image/png")})
        assert r.status_code == 200, r.text
        ids.append(r.json()["id"])
    r = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "two", "media_ids[]": ids})
    assert r.status_code == 422 and r.json()["error"] == "Cannot attach more than 1 files"

    # Blank is the default again.
    assert change(agora, admin, max_characters="", max_media_attachments="").status_code == 200
    _, v2 = instances(agora)
    assert v2["configuration"]["statuses"]["max_characters"] == 500
    assert v2["configuration"]["statuses"]["max_media_attachments"] == 4


def site_files(agora):
    root = agora.data_dir / "system" / "site_uploads"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_the_servers_picture_is_uploaded_replaced_and_removed(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    mod = agora.create_user("mod", scopes=ADMIN_SCOPES, role="moderator")
    path = "/api/v1/admin/settings/thumbnail"
    _, v2 = instances(agora)
    default = v2["thumbnail"]
    assert list(default) == ["url"] and default["url"].endswith("/preview.png")

    assert agora.api("PUT", path, token=mod, files={"file": ("t.png", png(), "image/png")}).status_code == 403
    for files in ({"file": ("t.png", FAKE_PNG, "image/png")}, {"other": ("t.png", png(), "image/png")}):
        r = agora.api("PUT", path, token=admin, files=files)
        assert r.status_code == 422 and "error" in r.json()
    assert site_files(agora) == []

    r = agora.api("PUT", path, token=admin, files={"file": ("t.png", png(300, 200, rgb=(20, 120, 200)), "image/png")})
    assert r.status_code == 200, r.text
    shown = r.json()
    v1, v2 = instances(agora)
    assert v2["thumbnail"] == shown
    assert list(shown) == ["url", "blurhash", "versions"] and shown["blurhash"]
    assert shown["url"] == shown["versions"]["@1x"] == v1["thumbnail"]
    for url in shown["versions"].values():
        got = requests.get(url, timeout=10)
        assert got.status_code == 200 and got.headers["Content-Type"].startswith("image/")
    assert len(site_files(agora)) == 2

    # A new picture replaces the old files.
    r = agora.api("PUT", path, token=admin, files={"file": ("u.png", png(100, 100), "image/png")})
    assert r.status_code == 200 and r.json()["url"] != shown["url"]
    assert len(site_files(agora)) == 2
    assert requests.get(shown["url"], timeout=10).status_code == 404

    r = agora.api("DELETE", path, token=admin)
    assert r.status_code == 200 and r.json() == default
    assert instances(agora)[1]["thumbnail"] == default and site_files(agora) == []
    logs = agora.sql("SELECT action, summary FROM admin_action_logs WHERE target_type = 'SiteUpload' ORDER BY id")
    assert logs == [("update", "thumbnail"), ("update", "thumbnail"), ("destroy", "thumbnail")]
