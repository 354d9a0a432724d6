"""Custom emoji on accounts (Mastodon's Account#emojis): those named in the display name, bio and profile
fields, ours for local accounts and the cached ones of their own server for remote accounts; local actors
carry them as Emoji tags for other servers."""
import json
from pathlib import Path

from federation_helpers import eventually
from images import png

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "mastodon-api"
AS_JSON = {"Accept": "application/activity+json"}


def fixture_emoji_keys():
    account = json.loads((FIXTURES / "account.json").read_text())
    return list(account["emojis"][0])


def add_emoji(agora, tmp_path, shortcode, rgb=(255, 0, 0)):
    path = tmp_path / f"{shortcode}.png"
    path.write_bytes(png(rgb=rgb))
    agora.cli("emoji", "add", shortcode, str(path), "--category", "Blobs", check=True)


def test_local_account_shows_the_emoji_of_its_name_bio_and_fields(agora, tmp_path):
    for code in ("blobcat", "blobfox", "blobowl", "unused"):
        add_emoji(agora, tmp_path, code)
    token = agora.create_user("alice")
    updated = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token,
                        data={"display_name": "Alice :blobcat:", "note": "hi :blobfox: :nothere:",
                              "fields_attributes[0][name]": "pet :blobowl:", "fields_attributes[0][value]": ":blobcat:"})
    assert updated.status_code == 200
    emojis = updated.json()["emojis"]
    assert [e["shortcode"] for e in emojis] == ["blobcat", "blobfox", "blobowl"]
    # The entity's shape is Mastodon's (no category on an account's emoji).
    assert list(emojis[0]) == fixture_emoji_keys() == ["shortcode", "url", "static_url", "visible_in_picker"]
    listed = {e["shortcode"]: e for e in agora.get("/api/v1/custom_emojis").json()}
    assert emojis[0]["url"] == listed["blobcat"]["url"] and emojis[0]["static_url"] == listed["blobcat"]["static_url"]
    assert emojis[0]["visible_in_picker"] is True
    assert agora.get(emojis[0]["url"][len(agora.public_url):]).status_code == 200

    me = agora.api("GET", "/api/v1/accounts/verify_credentials", token=token).json()
    alice = agora.get(f"/api/v1/accounts/{me['id']}").json()
    assert alice["emojis"] == emojis == me["emojis"]
    assert agora.get("/api/v1/accounts/lookup", params={"acct": "alice"}).json()["emojis"] == emojis
    # In lists, statuses and notifications alike.
    status = agora.api("POST", "/api/v1/statuses", token=token, data={"status": "plain"}).json()
    assert status["account"]["emojis"] == emojis and status["emojis"] == []
    bob = agora.create_user("bob")
    bob_id = agora.api("GET", "/api/v1/accounts/verify_credentials", token=bob).json()["id"]
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=token).status_code == 200
    assert agora.get(f"/api/v1/accounts/{bob_id}/followers").json()[0]["emojis"] == emojis
    followed = agora.api("GET", "/api/v1/notifications", token=bob).json()
    assert followed[0]["type"] == "follow" and followed[0]["account"]["emojis"] == emojis
    timeline = agora.api("GET", "/api/v1/timelines/home", token=token).json()
    assert timeline[0]["account"]["emojis"] == emojis

    # A disabled or removed emoji is no longer shown.
    agora.cli("emoji", "remove", "blobfox", check=True)
    assert [e["shortcode"] for e in agora.get(f"/api/v1/accounts/{me['id']}").json()["emojis"]] == ["blobcat", "blobowl"]


def test_local_actor_document_carries_emoji_tags(agora, tmp_path):
    add_emoji(agora, tmp_path, "blobcat")
    token = agora.create_user("alice")
    agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token, data={"display_name": ":blobcat: Alice"})
    actor = agora.get("/users/alice", headers=AS_JSON).json()
    emoji = agora.get("/api/v1/accounts/lookup", params={"acct": "alice"}).json()["emojis"][0]
    tags = [t for t in actor["tag"] if t["type"] == "Emoji"]
    assert len(tags) == 1
    assert tags[0]["name"] == ":blobcat:" and tags[0]["id"].startswith(agora.public_url + "/emojis/")
    assert tags[0]["icon"] == {"type": "Image", "mediaType": "image/png", "url": emoji["url"]}


def emoji_tag(remote, shortcode, path):
    return {"type": "Emoji", "name": f":{shortcode}:", "id": f"http://{remote.domain}/emojis/{shortcode}",
            "icon": {"type": "Image", "mediaType": "image/png", "url": f"http://{remote.domain}{path}"}}


def test_remote_account_shows_its_servers_cached_emoji(fake_federation, tmp_path):
    agora, remote = fake_federation("remote.test")
    add_emoji(agora, tmp_path, "blobcat", rgb=(0, 0, 255))  # our namesake must not stand in
    add_emoji(agora, tmp_path, "ours")
    token = agora.create_user("alice")
    image = png(rgb=(0, 255, 0))
    remote.files["/emoji/blobcat.png"] = (image, "image/png")
    remote.files["/emoji/fields.png"] = (png(rgb=(9, 9, 9)), "image/png")
    bob = remote.actor("bob")
    bob.extra = {"name": "Bob :blobcat: :ours:", "summary": "<p>bio</p>",
                 "attachment": [{"type": "PropertyValue", "name": "x :fields:", "value": "y"}],
                 "tag": [emoji_tag(remote, "blobcat", "/emoji/blobcat.png"),
                         emoji_tag(remote, "fields", "/emoji/fields.png"),
                         emoji_tag(remote, "unused", "/emoji/nowhere.png")]}
    found = agora.api("GET", "/api/v1/accounts/lookup", params={"acct": "bob@remote.test"}, token=token)
    assert found.status_code == 200
    bob_id = found.json()["id"]

    def shown():
        emojis = agora.get(f"/api/v1/accounts/{bob_id}").json()["emojis"]
        return emojis if len(emojis) == 2 else None

    emojis = eventually(shown, message="the remote account's cached emoji")
    assert [e["shortcode"] for e in emojis] == ["blobcat", "fields"]
    assert list(emojis[0]) == fixture_emoji_keys()
    url = emojis[0]["url"]
    assert "/system/cache/custom_emojis/" in url and "remote.test" not in url
    assert agora.get(url.split(agora.domain, 1)[1]).content == image
    assert emojis[0]["visible_in_picker"] is False
    # Remembered per server: the local emoji of the same name keeps its own image.
    local = {e["shortcode"]: e for e in agora.get("/api/v1/custom_emojis").json()}
    assert local["blobcat"]["url"] != url and "fields" not in local
    stored = agora.sql("SELECT shortcode FROM custom_emojis WHERE domain = 'remote.test' ORDER BY shortcode")
    assert [r[0] for r in stored] == ["blobcat", "fields", "unused"]
