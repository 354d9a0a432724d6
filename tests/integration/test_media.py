"""Media attachments end to end: upload, processing in a worker, description
and focus, attaching to statuses, rendering everywhere, deletion, and the
refusals Mastodon gives for bad files."""
import time

import requests

from federation_helpers import eventually
from images import FAKE_PNG, SVG, png
from media_files import jpeg, jpeg_with_gps, mp4, png_claiming


def upload(agora, token, data, name="file.bin", mime="image/png", version="v2", **form):
    return agora.api("POST", f"/api/{version}/media", token=token, files={"file": (name, data, mime)}, data=form)


def fetch(agora, url):
    return requests.get(url, timeout=10)


def stored_media_files(agora):
    root = agora.data_dir / "system" / "media_attachments"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def wait_processed(agora, token, media_id, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        r = agora.api("GET", f"/api/v1/media/{media_id}", token=token)
        if r.status_code != 206:
            return r
        time.sleep(0.2)
    raise AssertionError("media still processing")


def test_upload_describe_attach_and_render(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('alice')}/follow", token=bob)

    r = upload(agora, alice, png(64, 48), description="A red square", focus="0.5,-0.25")
    assert r.status_code == 200, r.text  # images are processed before the answer, as Mastodon
    media = r.json()
    assert list(media) == ["id", "type", "url", "preview_url", "remote_url", "preview_remote_url", "text_url",
                           "meta", "description", "blurhash"]
    assert media["type"] == "image" and media["description"] == "A red square"
    assert media["meta"]["original"] == {"width": 64, "height": 48, "size": "64x48", "aspect": 64 / 48}
    assert media["meta"]["focus"] == {"x": 0.5, "y": -0.25}
    assert len(media["blurhash"]) == 36
    original = fetch(agora, media["url"])
    assert original.status_code == 200 and original.headers["Content-Type"] == "image/png"
    assert original.content.startswith(b"\x89PNG")
    assert fetch(agora, media["preview_url"]).status_code == 200

    r = agora.api("PUT", f"/api/v1/media/{media['id']}", token=alice, data={"description": "Red", "focus": "0,1"})
    assert r.status_code == 200 and r.json()["description"] == "Red" and r.json()["meta"]["focus"] == {"x": 0.0, "y": 1.0}
    assert agora.api("GET", f"/api/v1/media/{media['id']}", token=alice).json()["description"] == "Red"
    # Someone else's media is not found.
    assert agora.api("GET", f"/api/v1/media/{media['id']}", token=bob).status_code == 404
    assert agora.api("PUT", f"/api/v1/media/{media['id']}", token=bob, data={"description": "x"}).status_code == 404

    second = upload(agora, alice, jpeg(80, 60), name="b.jpg", mime="image/jpeg").json()
    status = agora.api("POST", "/api/v1/statuses", token=alice,
                       json={"status": "two pictures", "media_ids": [second["id"], media["id"]]}).json()
    assert [m["id"] for m in status["media_attachments"]] == [second["id"], media["id"]]  # as ordered
    assert status["media_attachments"][1]["description"] == "Red"
    shown = agora.api("GET", f"/api/v1/statuses/{status['id']}", token=bob).json()
    assert [m["id"] for m in shown["media_attachments"]] == [second["id"], media["id"]]
    home = agora.api("GET", "/api/v1/timelines/home", token=bob).json()
    assert [m["type"] for m in home[0]["media_attachments"]] == ["image", "image"]
    only_media = agora.api("GET", f"/api/v1/accounts/{agora.account_id('alice')}/statuses",
                           params={"only_media": "true"}).json()
    assert [s["id"] for s in only_media] == [status["id"]]

    # Attached media cannot be deleted (Mastodon 4.4) nor attached again elsewhere.
    r = agora.api("DELETE", f"/api/v1/media/{media['id']}", token=alice)
    assert r.status_code == 422
    again = agora.api("POST", "/api/v1/statuses", token=alice, json={"status": "again", "media_ids": [media["id"]]})
    assert again.status_code == 200 and again.json()["media_attachments"] == []

    # Editing drops one picture; the history keeps both versions' media.
    agora.api("PUT", f"/api/v1/statuses/{status['id']}", token=alice,
              json={"status": "one picture", "media_ids": [media["id"]]})
    shown = agora.api("GET", f"/api/v1/statuses/{status['id']}", token=bob).json()
    assert [m["id"] for m in shown["media_attachments"]] == [media["id"]]
    history = agora.api("GET", f"/api/v1/statuses/{status['id']}/history", token=bob).json()
    assert [[m["id"] for m in v["media_attachments"]] for v in history] == [[second["id"], media["id"]], [media["id"]]]

    # Deleting the status with its media removes the files.
    files_before = stored_media_files(agora)
    assert files_before
    r = agora.api("DELETE", f"/api/v1/statuses/{status['id']}", token=alice, params={"delete_media": "true"})
    assert r.status_code == 200 and len(r.json()["media_attachments"]) == 1
    # By a job committed with the deletion, moments later.
    eventually(lambda: fetch(agora, media["url"]).status_code == 404, message="the file gone")
    assert len(stored_media_files(agora)) < len(files_before)


def test_unattached_media_can_be_deleted_with_its_files(agora):
    alice = agora.create_user("alice")
    media = upload(agora, alice, png(8, 8)).json()
    assert stored_media_files(agora)
    assert agora.api("DELETE", f"/api/v1/media/{media['id']}", token=alice).json() == {}
    assert agora.api("GET", f"/api/v1/media/{media['id']}", token=alice).status_code == 404
    # The files go by a job committed with the deletion, so a crash cannot leave them behind.
    eventually(lambda: stored_media_files(agora) == [], message="files removed")


def test_v1_upload_strips_gps_and_turns_upright(agora):
    alice = agora.create_user("alice")
    r = upload(agora, alice, jpeg_with_gps(64, 32), name="p.jpg", mime="image/jpeg", version="v1")
    assert r.status_code == 200, r.text
    media = r.json()
    assert media["meta"]["original"]["width"] == 32 and media["meta"]["original"]["height"] == 64
    body = fetch(agora, media["url"]).content
    assert body.startswith(b"\xff\xd8") and b"Exif" not in body
    assert not [p for p in stored_media_files(agora) if p.suffix == ".upload"]  # the raw upload is gone


def test_bad_files_get_mastodons_errors_and_leave_nothing(agora):
    alice = agora.create_user("alice")
    invalid = {"error": "Validation failed: File content type is invalid, File is invalid"}
    for data, mime in [(b"just some text", "image/png"), (FAKE_PNG, "image/png"), (SVG, "image/svg+xml")]:
        r = upload(agora, alice, data, mime=mime)
        assert r.status_code == 422 and r.json() == invalid, r.text
    r = upload(agora, alice, jpeg(400, 300)[:2000], name="broken.jpg", mime="image/jpeg")
    assert r.status_code == 422 and "error" in r.json(), r.text
    r = upload(agora, alice, png_claiming(20000, 20000), version="v1")
    assert r.status_code == 422 and r.json() == {"error": "20000x20000 images are not supported"}
    big = png(4, 4) + b"\x00" * (16 * 1024 * 1024)
    r = upload(agora, alice, big)
    assert r.status_code == 422
    assert r.json() == {"error": "Validation failed: File must be less than 16 MB, File file size must be less than 16 MB"}
    r = agora.api("POST", "/api/v2/media", token=alice, data={"description": "no file"})
    assert r.status_code == 422
    r = upload(agora, alice, png(4, 4), description="x" * 1501)
    assert r.status_code == 422 and "Description is too long" in r.json()["error"]
    eventually(lambda: stored_media_files(agora) == [], message="nothing stored")
    assert agora.api("GET", "/api/v1/timelines/home", token=alice).status_code == 200  # still serving


def test_attachment_rules(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    ids = [upload(agora, alice, png(4, 4)).json()["id"] for _ in range(5)]
    r = agora.api("POST", "/api/v1/statuses", token=alice, json={"status": "five", "media_ids": ids})
    assert r.status_code == 422 and r.json() == {"error": "Cannot attach more than 4 files"}

    video = upload(agora, alice, mp4(), name="v.mp4", mime="video/mp4")
    assert video.status_code in (200, 202), video.text
    video = wait_processed(agora, alice, video.json()["id"]).json()
    r = agora.api("POST", "/api/v1/statuses", token=alice, json={"status": "mixed", "media_ids": [video["id"], ids[0]]})
    assert r.status_code == 422
    assert r.json() == {"error": "Cannot attach a video to a post that already contains images"}

    # Someone else's media is left out, as Mastodon does.
    r = agora.api("POST", "/api/v1/statuses", token=bob, json={"status": "not mine", "media_ids": [ids[0]]})
    assert r.status_code == 200 and r.json()["media_attachments"] == []


def test_video_is_processed_in_the_background(agora):
    alice = agora.create_user("alice")
    r = upload(agora, alice, mp4(96, 64), name="clip.mp4", mime="video/mp4", description="a test pattern")
    assert r.status_code in (200, 202), r.text
    if r.status_code == 202:
        assert r.json()["url"] is None
    done = wait_processed(agora, alice, r.json()["id"])
    assert done.status_code == 200
    media = done.json()
    assert media["type"] == "video" and media["url"].endswith(".mp4")
    assert media["meta"]["original"]["frame_rate"] == "30/1" and media["meta"]["original"]["width"] == 96
    assert media["meta"]["small"]["width"] == 96 and media["preview_url"].endswith(".png")
    clip = fetch(agora, media["url"])
    assert clip.status_code == 200 and clip.headers["Content-Type"] == "video/mp4"
    status = agora.api("POST", "/api/v1/statuses", token=alice, json={"status": "", "media_ids": [media["id"]]})
    assert status.status_code == 200 and status.json()["media_attachments"][0]["type"] == "video"


def thumbnail_files(agora):
    return {p for p in stored_media_files(agora) if "/thumbnails/" in str(p)}


def test_a_replaced_thumbnail_leaves_exactly_one_file(agora):
    alice = agora.create_user("alice")
    r = upload(agora, alice, mp4(96, 64), name="clip.mp4", mime="video/mp4")
    media_id = r.json()["id"]
    assert wait_processed(agora, alice, media_id).status_code == 200

    def put_thumbnail(width):
        return agora.api("PUT", f"/api/v1/media/{media_id}", token=alice,
                         files={"thumbnail": ("still.png", png(width, 20), "image/png")})

    first = put_thumbnail(30)
    assert first.status_code == 200, first.text
    second = put_thumbnail(40).json()
    assert second["meta"]["small"]["width"] == 40
    eventually(lambda: len(thumbnail_files(agora)) == 1, message="the replaced thumbnail removed")
    assert fetch(agora, second["preview_url"]).status_code == 200

    # Each new file has a guard job, due after ten minutes: it keeps a file the row names…
    guards = agora.sql("SELECT id FROM jobs WHERE kind = 'remove_media_files' AND run_at > ?",
                       (int(time.time() * 1000) + 60_000,))
    assert len(guards) == 2
    agora.sql("UPDATE jobs SET run_at = 0 WHERE kind = 'remove_media_files'")
    eventually(lambda: not agora.sql("SELECT id FROM jobs WHERE kind = 'remove_media_files' AND dead_at IS NULL"),
               message="guards ran")
    assert len(thumbnail_files(agora)) == 1
    assert fetch(agora, second["preview_url"]).status_code == 200

    # …and removes one the row never came to name, as a crash between writing it and the update leaves.
    put_thumbnail(50)
    eventually(lambda: len(thumbnail_files(agora)) == 1, message="the second thumbnail removed")
    agora.sql("UPDATE media_attachments SET thumbnail_key = NULL WHERE id = ?", (media_id,))  # the update undone
    agora.sql("UPDATE jobs SET run_at = 0 WHERE kind = 'remove_media_files'")
    eventually(lambda: thumbnail_files(agora) == set(), message="the unnamed file removed")


def test_instance_announces_the_enforced_limits(agora):
    config = agora.api("GET", "/api/v2/instance").json()["configuration"]["media_attachments"]
    assert config["image_size_limit"] == 16 * 1024 * 1024
    assert config["video_size_limit"] == 99 * 1024 * 1024
    assert config["image_matrix_limit"] == 33177600 and config["video_matrix_limit"] == 8294400
    assert config["description_limit"] == 1500
    assert "image/png" in config["supported_mime_types"] and "video/mp4" in config["supported_mime_types"]
