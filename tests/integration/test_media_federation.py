"""Media attachments between two instances, and through real clients."""
import json
import subprocess

from federation_helpers import eventually, follow_remote
from images import png
from test_real_clients import CLIENTS, masto_js  # noqa: F401 (fixture)


def test_attachments_federate_with_alt_text_blurhash_and_focus(federation):
    a, b = federation("a.test", "b.test")
    alice = a.create_user("alice")
    bob = b.create_user("bob")
    follow_remote(b, bob, "alice@a.test")

    media = a.api("POST", "/api/v2/media", token=alice, files={"file": ("r.png", png(40, 30), "image/png")},
                  data={"description": "A red rectangle", "focus": "-0.5,0.5"}).json()
    posted = a.api("POST", "/api/v1/statuses", token=alice,
                   json={"status": "with a picture", "media_ids": [media["id"]]}).json()

    def arrived():
        home = b.api("GET", "/api/v1/timelines/home", token=bob).json()
        return [s for s in home if s["uri"] == posted["uri"]]
    seen = eventually(arrived, message="post at b")[0]
    [remote] = seen["media_attachments"]
    assert remote["type"] == "image"
    assert remote["description"] == "A red rectangle"
    assert remote["blurhash"] == media["blurhash"]
    assert remote["meta"]["focus"] == {"x": -0.5, "y": 0.5}
    assert remote["remote_url"] == media["url"]
    # b serves its own copy (through /media_proxy until its cache job ran).
    assert remote["url"].startswith(b.public_url + "/")

    def cached():
        status = b.api("GET", f"/api/v1/statuses/{seen['id']}", token=bob).json()
        url = status["media_attachments"][0]["url"]
        return url if "/system/cache/media_attachments/" in url else None
    copy = eventually(cached, timeout=30, message="attachment cached at b")
    assert b.get(copy[len(b.public_url):]).content.startswith(b"\x89PNG")

    # The Note itself, as other servers read it.
    note = a.api("GET", f"/users/alice/statuses/{posted['id']}",
                 headers={"Accept": "application/activity+json"}).json()
    [doc] = note["attachment"]
    assert doc == {"type": "Document", "mediaType": "image/png", "url": media["url"], "name": "A red rectangle",
                   "blurhash": media["blurhash"], "focalPoint": [-0.5, 0.5], "width": 40, "height": 30}


def test_mastodon_py_uploads_with_alt_text_and_posts(agora, tmp_path):
    from mastodon import Mastodon
    token = agora.create_user("pyuser")
    api = Mastodon(access_token=token, api_base_url=agora.base_url, version_check_mode="none")
    path = tmp_path / "pic.png"
    path.write_bytes(png(20, 10))
    media = api.media_post(str(path), mime_type="image/png", description="made by Mastodon.py")
    assert media["description"] == "made by Mastodon.py" and media["url"]
    status = api.status_post("posted from Mastodon.py", media_ids=[media])
    assert [m["id"] for m in status["media_attachments"]] == [media["id"]]
    assert status["media_attachments"][0]["meta"]["original"]["width"] == 20


def test_masto_js_uploads_with_alt_text_and_posts(agora, masto_js, tmp_path):  # noqa: F811
    token = agora.create_user("jsuser")
    path = tmp_path / "pic.png"
    path.write_bytes(png(24, 12))
    r = subprocess.run([masto_js, str(CLIENTS / "masto_media.mjs"), agora.base_url, token, str(path)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr + r.stdout
    seen = json.loads(r.stdout)
    assert seen["description"] == "made by masto.js"
    assert seen["attached"] == [seen["id"]]
    assert seen["width"] == 24
