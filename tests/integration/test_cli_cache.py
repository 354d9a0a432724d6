"""agora cache clear drops every local copy of other servers' files; agora media refresh downloads the
missing ones again, for one account, one domain or the last days (tootctl cache clear, media refresh)."""
import pytest

from fake_remote import FakeRemote
from federation_helpers import eventually, follow_fake_actor
from images import png
from media_files import jpeg
from test_remote_media import cache_files, cached, no_cache_jobs_left, post_with, start, status_of


@pytest.fixture
def remote():
    server = FakeRemote("remote.test")
    yield server
    server.close()


def avatar_of(agora, acct):
    return agora.api("GET", "/api/v1/accounts/lookup", params={"acct": acct}).json()["avatar"]


def test_cache_clear_then_media_refresh_by_account_domain_and_days(instances, remote):
    agora = start(instances, remote)
    alice = agora.create_user("alice")
    bob, dave = remote.actor("bob"), remote.actor("dave")
    for name in ("b1", "b2", "d1"):
        remote.files[f"/media/{name}.jpg"] = (jpeg(64, 48), "image/jpeg")
    remote.files["/media/avatar.png"] = (png(40, 40), "image/png")
    remote.files["/media/header.jpg"] = (jpeg(90, 30), "image/jpeg")
    bob.extra = {"icon": {"type": "Image", "url": "http://remote.test/media/avatar.png"},
                 "image": {"type": "Image", "url": "http://remote.test/media/header.jpg"}}
    follow_fake_actor(agora, alice, remote, bob)
    follow_fake_actor(agora, alice, remote, dave)
    local = agora.api("POST", "/api/v1/media", token=alice, files={"file": ("l.png", png(20, 10), "image/png")})
    assert local.status_code == 200, local.text
    bobs = post_with(agora, bob, 1, ["http://remote.test/media/b1.jpg", "http://remote.test/media/b2.jpg"])
    daves = post_with(agora, dave, 2, ["http://remote.test/media/d1.jpg"])
    for status in (bobs, daves):
        eventually(lambda: cached(agora, status), timeout=30, message="attachments cached")
    eventually(lambda: "/system/cache/" in avatar_of(agora, "bob@remote.test"), timeout=30, message="avatar")
    eventually(lambda: no_cache_jobs_left(agora), timeout=30, message="cache jobs done")
    assert cache_files(agora)

    # Everything cached goes, a followed account's avatar and header too; local files stay.
    r = agora.cli("cache", "clear")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["Removed 3 media attachments and 2 profile images", "OK"]
    assert cache_files(agora) == []
    assert not cached(agora, bobs) and not cached(agora, daves)
    assert avatar_of(agora, "bob@remote.test").endswith("/avatars/original/missing.png")
    assert agora.api("GET", f"/api/v1/media/{local.json()['id']}", token=alice).status_code == 200

    # One account: its attachments and profile images, nobody else's.
    r = agora.cli("media", "refresh", "--account", "bob@remote.test")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Downloaded 2 media attachments (approx. "), r.stdout
    assert r.stdout.strip().endswith("and 2 profile images; 0 could not be fetched"), r.stdout
    assert cached(agora, bobs) and not cached(agora, daves)
    assert "/system/cache/accounts/avatars/" in avatar_of(agora, "bob@remote.test")

    # A file the other server no longer has is counted, not fatal; the days' pass gets it once it is back.
    image = remote.files.pop("/media/d1.jpg")
    r = agora.cli("media", "refresh", "--domain", "REMOTE.test")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ("Downloaded 0 media attachments (approx. 0 Bytes) and 0 profile images;"
                                " 1 could not be fetched"), r.stdout
    remote.files["/media/d1.jpg"] = image
    assert agora.cli("media", "refresh", "--days", "0").stdout.startswith("Downloaded 0 media attachments")
    r = agora.cli("media", "refresh", "--days", "1")
    assert r.stdout.startswith("Downloaded 1 media attachments"), r.stdout + r.stderr
    assert cached(agora, daves)


def test_cache_and_refresh_refuse_bad_input(agora):
    agora.create_user("alice")
    for args, status, message in ((("cache", "clear", "now"), 2, "usage: agora cache clear"),
                                  (("cache",), 2, "usage: agora cache clear"),
                                  (("media", "refresh"), 2, "needs --account, --domain or --days"),
                                  (("media", "refresh", "--days", "x"), 2, "--days takes a number"),
                                  (("media", "refresh", "--account", "alice"), 2, "user@domain"),
                                  (("media", "refresh", "--account", "alice@"), 2, "user@domain"),
                                  (("media", "refresh", "--account", "nobody@remote.test"), 1,
                                   "no remote account nobody@remote.test"),
                                  (("media", "remove", "--domain", "remote.test"), 2, "go with media refresh"),
                                  (("media", "refresh", "--days", "1", "--prune-profiles"), 2, "go with media remove")):
        r = agora.cli(*args)
        assert r.returncode == status and message in r.stderr, (args, r.stderr)
