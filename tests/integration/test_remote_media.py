"""The cache of remote media: attachments of remote statuses and avatars and
headers of remote accounts are downloaded through the guarded client,
re-encoded like uploads and served from our storage; refused files leave no
file behind; reject_media domains are never fetched from; `agora media remove`
and `agora media usage` as tootctl's."""
import requests
import pytest

from fake_remote import FakeRemote, deliver
from federation_helpers import eventually, follow_fake_actor
from images import png
from media_files import animated_gif, jpeg, jpeg_with_gps

AS = "https://www.w3.org/ns/activitystreams"


@pytest.fixture
def remote():
    server = FakeRemote("remote.test")
    yield server
    server.close()


def start(instances, remote, env=None):
    agora = instances(domain="a.test", run=False, env=env)
    agora.env.update({"AGORA_TEST_HTTP": "true",
                      "AGORA_TEST_CONNECT_TO": f"a.test=127.0.0.1:{agora.port},remote.test=127.0.0.1:{remote.port}"})
    return agora.start()


def post_with(agora, actor, number, urls):
    """Delivers a public Note with image attachments at `urls`; returns the status as the API shows it."""
    note_uri = f"{actor.uri}/statuses/{number}"
    attachments = [{"type": "Document", "mediaType": "image/jpeg", "url": u, "name": f"picture {i}"}
                   for i, u in enumerate(urls)]
    create = {"@context": AS, "id": note_uri + "/activity", "type": "Create", "actor": actor.uri,
              "to": [AS + "#Public"],
              "object": {"id": note_uri, "type": "Note", "attributedTo": actor.uri, "content": "<p>look</p>",
                         "to": [AS + "#Public"], "attachment": attachments}}
    assert deliver(agora, actor, create).status_code == 202
    rows = eventually(lambda: agora.sql("SELECT id FROM statuses WHERE uri = ?", (note_uri,)), message="status")
    return agora.api("GET", f"/api/v1/statuses/{rows[0][0]}").json()


def status_of(agora, status):
    return agora.api("GET", f"/api/v1/statuses/{status['id']}").json()


def cached(agora, status):
    """The attachments once every one has a local copy."""
    media = status_of(agora, status)["media_attachments"]
    return media if all("/media_proxy/" not in m["url"] for m in media) else None


def no_cache_jobs_left(agora):
    return agora.sql("SELECT count(*) FROM jobs WHERE kind LIKE 'cache_remote_%' AND dead_at IS NULL")[0][0] == "0"


def download(agora, url):
    """A stored file: local ones through agora's own address, S3 ones from the bucket."""
    if url.startswith(agora.public_url):
        url = agora.url(url[len(agora.public_url):])
    return requests.get(url, timeout=10)


def cache_files(agora):
    root = agora.data_dir / "system" / "cache"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.mark.parametrize("backend", ["local", "s3"])
def test_remote_image_is_cached_reencoded_and_keeps_its_remote_url(instances, remote, request, backend):
    env = None
    if backend == "s3":
        env = request.getfixturevalue("s3_server").env()
    agora = start(instances, remote, env)
    alice = agora.create_user("alice")
    bob = remote.actor("bob")
    gps = jpeg_with_gps(64, 32)
    comment = b"SECRET-COMMENT"
    original = gps[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + gps[2:]
    remote.files["/media/p.jpg"] = (original, "image/jpeg")
    follow_fake_actor(agora, alice, remote, bob)
    status = post_with(agora, bob, 1, ["http://remote.test/media/p.jpg"])

    [m] = eventually(lambda: cached(agora, status), timeout=30, message="attachment cached")
    assert m["remote_url"] == "http://remote.test/media/p.jpg"
    assert m["type"] == "image" and m["description"] == "picture 0"
    assert m["blurhash"]
    # Turned upright by its EXIF, then every piece of metadata dropped.
    assert m["meta"]["original"]["width"] == 32 and m["meta"]["original"]["height"] == 64
    body = download(agora, m["url"]).content
    assert body.startswith(b"\xff\xd8") and b"Exif" not in body and b"SECRET" not in body
    assert download(agora, m["preview_url"]).content.startswith(b"\xff\xd8")
    if backend == "s3":
        s3 = request.getfixturevalue("s3_server")
        assert m["url"].startswith(s3.url("agora-test", "cache/media_attachments/files/"))
        assert not cache_files(agora)
    else:
        assert m["url"].startswith(f"{agora.public_url}/system/cache/media_attachments/files/")
        assert len(cache_files(agora)) == 2  # original and preview


def test_remote_avatar_and_header_are_cached(instances, remote):
    agora = start(instances, remote)
    carol = remote.actor("carol")
    remote.files["/media/avatar.png"] = (png(500, 500, (10, 200, 10)), "image/png")
    remote.files["/media/header.jpg"] = (jpeg(300, 100), "image/jpeg")
    carol.extra = {"icon": {"type": "Image", "mediaType": "image/png", "url": "http://remote.test/media/avatar.png"},
                   "image": {"type": "Image", "mediaType": "image/jpeg", "url": "http://remote.test/media/header.jpg"}}
    account_id = agora.api("GET", "/api/v1/accounts/lookup", params={"acct": "carol@remote.test"}).json()["id"]

    def both_cached():
        a = agora.api("GET", f"/api/v1/accounts/{account_id}").json()
        return a if "/system/cache/accounts/avatars/" in a["avatar"] and "/cache/accounts/headers/" in a["header"] \
            else None
    account = eventually(both_cached, timeout=30, message="avatar and header cached")
    assert account["avatar_static"] == account["avatar"]
    avatar = download(agora, account["avatar"])
    assert avatar.status_code == 200 and avatar.content.startswith(b"\x89PNG")
    assert avatar.headers["Content-Type"] == "image/png"
    assert download(agora, account["header"]).content.startswith(b"\xff\xd8")


def test_remote_gif_avatar_stays_animated_with_a_still_beside_it(instances, remote):
    agora = start(instances, remote)
    dora = remote.actor("dora")
    gif = animated_gif()
    remote.files["/media/avatar.gif"] = (gif, "image/gif")
    dora.extra = {"icon": {"type": "Image", "mediaType": "image/gif", "url": "http://remote.test/media/avatar.gif"}}
    account_id = agora.api("GET", "/api/v1/accounts/lookup", params={"acct": "dora@remote.test"}).json()["id"]

    def cached_avatar():
        a = agora.api("GET", f"/api/v1/accounts/{account_id}").json()
        return a if "/system/cache/accounts/avatars/" in a["avatar"] else None
    account = eventually(cached_avatar, timeout=30, message="avatar cached")
    avatar, still = download(agora, account["avatar"]), download(agora, account["avatar_static"])
    assert avatar.headers["Content-Type"] == "image/gif" and avatar.content == gif  # every frame kept
    assert still.headers["Content-Type"] == "image/png" and still.content.startswith(b"\x89PNG")
    assert account["header"] == account["header_static"]  # no header: the placeholder for both


def test_remote_attachment_thumbnail_is_its_preview_remote_url(instances, remote):
    agora = start(instances, remote)
    alice = agora.create_user("alice")
    bob = remote.actor("bob")
    follow_fake_actor(agora, alice, remote, bob)  # so that bob's post concerns someone here
    note_uri = f"{bob.uri}/statuses/77"
    thumb = "http://remote.test/media/thumb.jpg"
    attachments = [{"type": "Document", "mediaType": "video/mp4", "url": "http://remote.test/media/v.mp4",
                    "icon": {"type": "Image", "mediaType": "image/jpeg", "url": thumb}},
                   {"type": "Document", "mediaType": "image/png", "url": "http://remote.test/media/p.png"},
                   {"type": "Document", "mediaType": "audio/mpeg", "url": "http://remote.test/media/a.mp3",
                    "icon": "javascript:alert(1)"}]
    create = {"@context": AS, "id": note_uri + "/activity", "type": "Create", "actor": bob.uri,
              "to": [AS + "#Public"],
              "object": {"id": note_uri, "type": "Note", "attributedTo": bob.uri, "content": "<p>watch</p>",
                         "to": [AS + "#Public"], "attachment": attachments}}
    assert deliver(agora, bob, create).status_code == 202
    rows = eventually(lambda: agora.sql("SELECT id FROM statuses WHERE uri = ?", (note_uri,)), message="status")
    media = agora.api("GET", f"/api/v1/statuses/{rows[0][0]}").json()["media_attachments"]
    assert [m["type"] for m in media] == ["video", "image", "audio"]
    assert media[0]["remote_url"] == "http://remote.test/media/v.mp4" and media[0]["preview_remote_url"] == thumb
    assert media[1]["preview_remote_url"] is None and media[2]["preview_remote_url"] is None


def test_refused_remote_files_leave_nothing_and_nothing_crashes(instances, remote):
    agora = start(instances, remote)
    alice = agora.create_user("alice")
    bob = remote.actor("bob")
    good = jpeg(40, 30)
    remote.files["/media/good.jpg"] = (good, "image/jpeg")
    remote.files["/media/page.jpg"] = (b"<html><script>alert(document.cookie)</script></html>", "image/jpeg")
    remote.files["/media/huge.jpg"] = (good + b"\0" * (17 * 1024 * 1024), "image/jpeg")  # over 16 MB
    # A profile image over Mastodon's 2 MB, and one that is HTML.
    remote.files["/media/big-avatar.jpg"] = (good + b"\0" * (3 * 1024 * 1024), "image/jpeg")
    remote.files["/media/header.png"] = (b"<html>not an image</html>", "image/png")
    bob.extra = {"icon": {"type": "Image", "url": "http://remote.test/media/big-avatar.jpg"},
                 "image": {"type": "Image", "url": "http://remote.test/media/header.png"}}
    follow_fake_actor(agora, alice, remote, bob)
    status = post_with(agora, bob, 2, ["http://10.0.0.1/private.jpg", "http://remote.test/media/page.jpg",
                                       "http://remote.test/media/huge.jpg", "http://remote.test/media/good.jpg"])

    def good_cached():
        media = status_of(agora, status)["media_attachments"]
        return media if "/media_proxy/" not in media[3]["url"] else None
    media = eventually(good_cached, timeout=30, message="the good attachment cached")
    eventually(lambda: no_cache_jobs_left(agora), timeout=30, message="cache jobs done")
    media = status_of(agora, status)["media_attachments"]
    assert "/media/private.jpg" not in str(remote.requested)
    for m in media[:3]:
        # Never stored: still pointing at the proxy, which has nothing to show.
        assert m["url"] == f"{agora.public_url}/media_proxy/{m['id']}/original"
        assert m["preview_url"] == f"{agora.public_url}/media_proxy/{m['id']}/small"
        assert m["remote_url"].startswith("http://")
        assert agora.get(f"/media_proxy/{m['id']}/original", allow_redirects=False).status_code == 404
    assert len([p for p in cache_files(agora) if "media_attachments" in str(p)]) == 2
    account = agora.api("GET", "/api/v1/accounts/lookup", params={"acct": "bob@remote.test"}).json()
    assert account["avatar"] == f"{agora.public_url}/avatars/original/missing.png"
    assert account["header"] == f"{agora.public_url}/headers/original/missing.png"
    assert not [p for p in cache_files(agora) if "accounts" in str(p)]
    assert agora.get("/health").status_code == 200


def test_reject_media_domain_is_never_fetched_from(instances, remote):
    agora = start(instances, remote)
    agora.sql("INSERT INTO domain_blocks (id, domain, severity, reject_media, created_at, updated_at)"
              " VALUES (1, 'remote.test', 'noop', TRUE, 0, 0)")
    alice = agora.create_user("alice")
    dave = remote.actor("dave")
    remote.files["/media/p.jpg"] = (jpeg(40, 30), "image/jpeg")
    remote.files["/media/avatar.png"] = (png(40, 40), "image/png")
    dave.extra = {"icon": {"type": "Image", "url": "http://remote.test/media/avatar.png"}}
    follow_fake_actor(agora, alice, remote, dave)
    status = post_with(agora, dave, 3, ["http://remote.test/media/p.jpg"])
    eventually(lambda: no_cache_jobs_left(agora), timeout=30, message="cache jobs done")
    [m] = status_of(agora, status)["media_attachments"]
    assert m["url"] == f"{agora.public_url}/media_proxy/{m['id']}/original"
    assert agora.get(f"/media_proxy/{m['id']}/original", allow_redirects=False).status_code == 404
    account = agora.api("GET", "/api/v1/accounts/lookup", params={"acct": "dave@remote.test"}).json()
    assert account["avatar"] == f"{agora.public_url}/avatars/original/missing.png"
    assert not [p for p in remote.requested if p.startswith("/media/")]
    assert not cache_files(agora)


def test_media_remove_drops_cached_files_and_usage_counts(instances, remote):
    agora = start(instances, remote)
    alice = agora.create_user("alice")
    bob = remote.actor("bob")
    remote.files["/media/p.jpg"] = (jpeg(64, 48), "image/jpeg")
    remote.files["/media/avatar.png"] = (png(40, 40), "image/png")
    bob.extra = {"icon": {"type": "Image", "url": "http://remote.test/media/avatar.png"}}
    follow_fake_actor(agora, alice, remote, bob)
    local = agora.api("POST", "/api/v1/media", token=alice, files={"file": ("l.png", png(20, 10), "image/png")})
    assert local.status_code == 200, local.text
    status = post_with(agora, bob, 4, ["http://remote.test/media/p.jpg"])
    [m] = eventually(lambda: cached(agora, status), timeout=30, message="attachment cached")
    eventually(lambda: no_cache_jobs_left(agora), timeout=30, message="cache jobs done")

    usage = agora.cli("media", "usage", check=True).stdout.splitlines()
    attachments = next(line for line in usage if line.startswith("Attachments:\t"))
    assert attachments.endswith(", 2 files (1 local)"), usage
    assert "Avatars:\t1 files (0 local)" in usage
    assert "Custom emoji:\t0 files (0 local)" in usage

    # Younger than the default 7 days: kept.
    assert agora.cli("media", "remove", check=True).stdout.startswith("Removed 0 media attachments")
    out = agora.cli("media", "remove", "--days", "0", check=True).stdout
    assert out.startswith("Removed 1 media attachments (approx. "), out
    assert not [p for p in cache_files(agora) if "media_attachments" in str(p)]
    assert download(agora, m["url"]).status_code == 404
    [after] = status_of(agora, status)["media_attachments"]
    assert after["url"] == f"{agora.public_url}/media_proxy/{m['id']}/original"
    assert after["preview_url"] == f"{agora.public_url}/media_proxy/{m['id']}/small"
    assert after["remote_url"] == "http://remote.test/media/p.jpg"
    assert after["description"] == m["description"] and after["blurhash"] == m["blurhash"]
    assert agora.cli("media", "usage", check=True).stdout.count(", 1 files (1 local)") == 1
    # The local upload is untouched.
    assert agora.api("GET", f"/api/v1/media/{local.json()['id']}", token=alice).status_code == 200

    # The proxy fetches it again and points at the new copy.
    r = agora.get(f"/media_proxy/{m['id']}/original", allow_redirects=False)
    assert r.status_code == 302 and "/system/cache/media_attachments/files/" in r.headers["Location"]
    assert download(agora, r.headers["Location"]).content.startswith(b"\xff\xd8")
    assert "/media_proxy/" not in status_of(agora, status)["media_attachments"][0]["url"]

    # Profiles: the avatar of an account no local member follows is pruned.
    bob_id = agora.api("GET", "/api/v1/accounts/lookup", params={"acct": "bob@remote.test"}).json()["id"]
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/unfollow", token=alice).status_code == 200
    out = agora.cli("media", "remove", "--prune-profiles", "--days", "0", check=True).stdout
    assert out.strip() == "Removed 1 profile images", out
    account = agora.api("GET", f"/api/v1/accounts/{bob_id}").json()
    assert account["avatar"] == f"{agora.public_url}/avatars/original/missing.png"
    assert agora.cli("media", "remove", "--days", "x").returncode == 2


def test_media_proxy_shows_only_what_the_viewer_may_see(instances, remote):
    agora = start(instances, remote)
    alice = agora.create_user("alice")
    bob = remote.actor("bob")
    remote.files["/media/p.jpg"] = (jpeg(40, 30), "image/jpeg")
    follow_fake_actor(agora, alice, remote, bob)
    note_uri = f"{bob.uri}/statuses/5"
    create = {"@context": AS, "id": note_uri + "/activity", "type": "Create", "actor": bob.uri,
              "to": [bob.uri + "/followers"],
              "object": {"id": note_uri, "type": "Note", "attributedTo": bob.uri, "content": "<p>friends</p>",
                         "to": [bob.uri + "/followers"],
                         "attachment": [{"type": "Document", "mediaType": "image/jpeg",
                                         "url": "http://remote.test/media/p.jpg"}]}}
    assert deliver(agora, bob, create).status_code == 202
    rows = eventually(lambda: agora.sql("SELECT id FROM statuses WHERE uri = ?", (note_uri,)), message="status")
    [m] = agora.api("GET", f"/api/v1/statuses/{rows[0][0]}", token=alice).json()["media_attachments"]
    media_id = agora.sql("SELECT id FROM media_attachments WHERE status_id = ?", (rows[0][0],))[0][0]
    assert m["id"] == str(media_id)
    assert agora.get(f"/media_proxy/{media_id}/original", allow_redirects=False).status_code == 404
    assert agora.get(f"/media_proxy/{media_id}/other", allow_redirects=False).status_code == 404
    r = agora.get(f"/media_proxy/{media_id}/small", allow_redirects=False,
                  headers={"Authorization": f"Bearer {alice}"})
    assert r.status_code == 302 and "/system/cache/media_attachments/files/" in r.headers["Location"]
    assert "/small/" in r.headers["Location"]
