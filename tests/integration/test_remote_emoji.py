"""Custom emoji of other servers: remembered from the posts that use them, their image downloaded through
the guarded client and served from our storage; a status shows the emoji of its author's server only,
never a local namesake, never a hotlinked or refused image."""
import pytest

from fake_remote import deliver
from federation_helpers import eventually
from images import png

AS = "https://www.w3.org/ns/activitystreams"
PUBLIC = AS + "#Public"


@pytest.fixture
def world(fake_federation):
    agora, remote, blocked = fake_federation("remote.test", "blocked.test")
    agora.create_user("alice")
    return agora, remote, blocked


def emoji_tag(remote, shortcode, path):
    return {"type": "Emoji", "name": f":{shortcode}:", "id": f"http://{remote.domain}/emojis/{shortcode}",
            "icon": {"type": "Image", "mediaType": "image/png", "url": f"http://{remote.domain}{path}"}}


def post(agora, actor, number, text, tags):
    """A public note mentioning alice (so it is kept), with these tags; returns its local id."""
    alice = "http://a.test/users/alice"
    note = f"{actor.uri}/statuses/{number}"
    mention = {"type": "Mention", "href": alice, "name": "@alice@a.test"}
    create = {"@context": AS, "id": note + "/activity", "type": "Create", "actor": actor.uri, "to": [PUBLIC],
              "cc": [alice], "object": {"id": note, "type": "Note", "attributedTo": actor.uri, "to": [PUBLIC],
                                        "cc": [alice], "content": f"<p>@alice {text}</p>", "tag": [mention, *tags]}}
    assert deliver(agora, actor, create).status_code == 202
    return eventually(lambda: agora.sql("SELECT id FROM statuses WHERE uri = ?", (note,)), message="note")[0][0]


def emojis_of(agora, status_id):
    return agora.api("GET", f"/api/v1/statuses/{status_id}").json()["emojis"]


def no_emoji_jobs_left(agora):
    return agora.sql("SELECT count(*) FROM jobs WHERE kind = 'cache_remote_emoji' AND dead_at IS NULL")[0][0] == "0"


def test_remote_emoji_are_cached_and_shown_for_their_servers_posts_only(world, tmp_path):
    agora, remote, _ = world
    image = png()
    remote.files["/emoji/blobcat.png"] = (image, "image/png")
    # A local emoji of the same name must not stand in for the remote one.
    local_file = tmp_path / "local.png"
    local_file.write_bytes(png(rgb=(0, 0, 255)))
    agora.cli("emoji", "add", "blobcat", str(local_file), check=True)
    bob = remote.actor("bob")
    status = post(agora, bob, 1, "hello :blobcat: and :missing:",
                  [emoji_tag(remote, "blobcat", "/emoji/blobcat.png"),
                   emoji_tag(remote, "missing", "/emoji/nowhere.png")])
    emojis = eventually(lambda: emojis_of(agora, status), message="the cached emoji")
    assert [e["shortcode"] for e in emojis] == ["blobcat"]
    url = emojis[0]["url"]
    assert "/system/cache/custom_emojis/" in url and "remote.test" not in url
    assert agora.get(url.split(agora.domain, 1)[1]).content == image
    assert emojis[0]["static_url"] == url and emojis[0]["visible_in_picker"] is False
    # Local posts keep showing the local emoji; the remote one is not offered in the picker.
    token = agora.cli("accounts", "token", "alice", check=True).stdout.strip()
    mine = agora.api("POST", "/api/v1/statuses", token=token, data={"status": "mine :blobcat:"}).json()
    assert mine["emojis"][0]["url"] != url
    assert [e["shortcode"] for e in agora.api("GET", "/api/v1/custom_emojis").json()] == ["blobcat"]
    eventually(lambda: no_emoji_jobs_left(agora), message="emoji jobs done")
    assert [e["shortcode"] for e in emojis_of(agora, status)] == ["blobcat"]


def test_refused_emoji_images_are_never_shown(world):
    agora, remote, blocked = world
    agora.sql("INSERT INTO domain_blocks (id, domain, severity, reject_media, created_at, updated_at)"
              " VALUES (1, 'blocked.test', 'noop', TRUE, 0, 0)")
    remote.files["/emoji/page.png"] = (b"<html><script>alert(1)</script></html>", "image/png")
    remote.files["/emoji/huge.png"] = (png() + b"\0" * (300 * 1024), "image/png")
    blocked.files["/emoji/ok.png"] = (png(), "image/png")
    bob, carol = remote.actor("bob"), blocked.actor("carol")
    tags = [emoji_tag(remote, "page", "/emoji/page.png"), emoji_tag(remote, "huge", "/emoji/huge.png"),
            emoji_tag(remote, "x", "/emoji/page.png"),  # one letter: no shortcode
            {"type": "Emoji", "name": ':"><b>:', "icon": {"url": "http://remote.test/emoji/page.png"}}]
    status = post(agora, bob, 2, ":page: :huge: :x:", tags)
    from_blocked = post(agora, carol, 3, ":ok:", [emoji_tag(blocked, "ok", "/emoji/ok.png")])
    eventually(lambda: no_emoji_jobs_left(agora), message="emoji jobs done")
    assert emojis_of(agora, status) == [] and emojis_of(agora, from_blocked) == []
    assert "/emoji/ok.png" not in blocked.requested  # reject_media: never fetched
    stored = agora.sql("SELECT shortcode FROM custom_emojis WHERE domain IS NOT NULL ORDER BY shortcode")
    assert [r[0] for r in stored] == ["huge", "page"]
    assert agora.sql("SELECT count(*) FROM custom_emojis WHERE image_key IS NOT NULL AND domain IS NOT NULL")[0][0] == "0"
    assert agora.get("/health").text == "OK"
