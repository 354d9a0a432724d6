"""Announcements: created from the CLI, read, dismissed and reacted to."""
from mastodon import Mastodon

from images import png

NOT_FOUND = {"error": "Record not found"}


def add(agora, text, *args):
    return agora.cli("announcements", "add", text, *args, check=True).stdout.strip()


def test_announcements_are_listed_with_content_tags_and_read_state(agora):
    token = agora.create_user("alice")
    assert agora.api("GET", "/api/v1/announcements", token=token).json() == []
    first = add(agora, "Maintenance tonight #ops")
    second = add(agora, "Later one", "--starts-at", "2099-01-01T10:00:00Z", "--ends-at", "2099-01-02T10:00:00Z",
                 "--all-day")
    add(agora, "Over", "--starts-at", "2020-01-01T00:00:00Z", "--ends-at", "2020-01-02T00:00:00Z")  # ended
    r = agora.api("GET", "/api/v1/announcements", token=token)
    assert r.status_code == 200
    items = r.json()
    assert [a["id"] for a in items] == [first, second]
    a = items[0]
    assert list(a) == ["id", "content", "starts_at", "ends_at", "all_day", "published_at", "updated_at", "read",
                       "mentions", "statuses", "tags", "emojis", "reactions"]
    assert a["content"].startswith("<p>Maintenance tonight <a href=")
    assert a["tags"] == [{"name": "ops", "url": f"{agora.public_url}/tags/ops"}]
    assert a["read"] is False and a["starts_at"] is None and a["all_day"] is False
    assert items[1]["starts_at"] == "2099-01-01T10:00:00.000Z" and items[1]["all_day"] is True

    assert agora.api("POST", f"/api/v1/announcements/{first}/dismiss", token=token).json() == {}
    assert [x["id"] for x in agora.api("GET", "/api/v1/announcements", token=token).json()] == [second]
    both = agora.api("GET", "/api/v1/announcements?with_dismissed=true", token=token).json()
    assert [(x["id"], x["read"]) for x in both] == [(first, True), (second, False)]
    # Dismissing is per member.
    bob = agora.create_user("bob")
    assert len(agora.api("GET", "/api/v1/announcements", token=bob).json()) == 2


def test_reactions_count_per_name_with_me(agora, tmp_path):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    image = tmp_path / "blob.png"
    image.write_bytes(png())
    agora.cli("emoji", "add", "blobcat", str(image), check=True)
    aid = add(agora, "Hello :blobcat:")
    base = f"/api/v1/announcements/{aid}/reactions"
    assert agora.api("PUT", f"{base}/👍", token=alice).json() == {}
    assert agora.api("PUT", f"{base}/👍", token=bob).status_code == 200
    assert agora.api("PUT", f"{base}/blobcat", token=bob).status_code == 200
    a = agora.api("GET", "/api/v1/announcements", token=alice).json()[0]
    thumbs, blob = a["reactions"]
    assert thumbs == {"name": "👍", "count": 2, "me": True}
    assert blob["name"] == "blobcat" and blob["count"] == 1 and blob["me"] is False
    assert blob["url"].endswith(".png") and blob["static_url"] == blob["url"]
    assert [e["shortcode"] for e in a["emojis"]] == ["blobcat"]

    assert agora.api("DELETE", f"{base}/👍", token=alice).json() == {}
    a = agora.api("GET", "/api/v1/announcements", token=alice).json()[0]
    assert a["reactions"][0] == {"name": "👍", "count": 1, "me": False}
    r = agora.api("DELETE", f"{base}/👍", token=alice)
    assert r.status_code == 404 and r.json() == NOT_FOUND


def test_bad_reactions_and_unknown_announcements(agora):
    token = agora.create_user("alice")
    aid = add(agora, "Hello")
    base = f"/api/v1/announcements/{aid}/reactions"
    for name in ("notanemoji", "👍👍", "a"):
        r = agora.api("PUT", f"{base}/{name}", token=token)
        assert r.status_code == 422, name
        assert r.json() == {"error": "Validation failed: Name is not a recognized emoji"}
    agora.api("PUT", f"{base}/🐘", token=token)
    dup = agora.api("PUT", f"{base}/🐘", token=token)
    assert dup.status_code == 422
    for emoji in "😀😁😂🤣😃😄😅":  # 8 distinct names in all
        assert agora.api("PUT", f"{base}/{emoji}", token=token).status_code == 200
    over = agora.api("PUT", f"{base}/😆", token=token)
    assert over.status_code == 422 and over.json() == {"error": "Validation failed: Limit of different reactions reached"}
    assert len(agora.api("GET", "/api/v1/announcements", token=token).json()[0]["reactions"]) == 8

    for method, path in [("POST", "/api/v1/announcements/123/dismiss"), ("POST", "/api/v1/announcements/x/dismiss"),
                         ("PUT", "/api/v1/announcements/123/reactions/👍"),
                         ("DELETE", "/api/v1/announcements/123/reactions/👍")]:
        r = agora.api(method, path, token=token)
        assert (r.status_code, r.json()) == (404, NOT_FOUND), path
    assert agora.get("/api/v1/announcements").status_code == 401
    removed = agora.cli("announcements", "remove", aid, check=True)
    assert removed.stdout.strip() == "OK"
    assert agora.api("POST", f"/api/v1/announcements/{aid}/dismiss", token=token).status_code == 404
    assert agora.cli("announcements", "add", "x", "--starts-at", "tomorrow").returncode == 2
    assert agora.cli("announcements", "add", "  ").returncode == 1


def test_mastodon_py_reads_dismisses_and_reacts(agora):
    token = agora.create_user("alice")
    aid = add(agora, "Hello from the staff")
    api = Mastodon(api_base_url=agora.base_url, access_token=token, version_check_mode="none")
    [a] = api.announcements()
    assert a["content"] == "<p>Hello from the staff</p>" and a["read"] is False
    api.announcement_reaction_create(aid, "🎉")
    assert api.announcements()[0]["reactions"][0]["count"] == 1
    api.announcement_dismiss(aid)
    assert api.announcements() == []
