"""Custom emoji: added by operators from the CLI, listed for clients."""
from mastodon import Mastodon

from images import GIF, JPEG, SVG, png


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_added_emoji_are_listed_and_served(agora, tmp_path):
    assert agora.get("/api/v1/custom_emojis").json() == []
    assert agora.cli("emoji", "add", "blobcat", write(tmp_path, "a.png", png()), "--category", "Blobs",
                     check=True).stdout.strip() == "OK"
    agora.cli("emoji", "add", "party_parrot", write(tmp_path, "b.gif", GIF), check=True)
    emojis = agora.get("/api/v1/custom_emojis").json()
    assert [e["shortcode"] for e in emojis] == ["blobcat", "party_parrot"]
    cat = emojis[0]
    assert list(cat) == ["shortcode", "url", "static_url", "visible_in_picker", "category"]
    assert cat["category"] == "Blobs" and cat["visible_in_picker"] is True
    assert cat["url"].startswith(agora.public_url + "/system/custom_emojis/images/") and cat["url"].endswith(".png")
    assert "category" not in emojis[1]
    served = agora.get(cat["url"][len(agora.public_url):])
    assert served.status_code == 200 and served.content == png()
    assert served.headers["Content-Type"] == "image/png"
    assert emojis[1]["url"].endswith(".gif")

    assert "blobcat\tBlobs\tenabled" in agora.cli("emoji", "list", check=True).stdout
    assert agora.cli("emoji", "remove", "blobcat", check=True).stdout.strip() == "OK"
    assert [e["shortcode"] for e in agora.get("/api/v1/custom_emojis").json()] == ["party_parrot"]
    assert agora.get(cat["url"][len(agora.public_url):]).status_code == 404
    gone = agora.cli("emoji", "remove", "blobcat")
    assert gone.returncode == 1 and "Record not found" in gone.stderr


def test_bad_emoji_are_refused_without_leaving_anything(agora, tmp_path):
    ok = write(tmp_path, "ok.png", png())
    cases = [
        (["emoji", "add", "a", ok], "Shortcode is invalid"),
        (["emoji", "add", "bad-code", ok], "Shortcode is invalid"),
        (["emoji", "add", "photo", write(tmp_path, "p.jpg", JPEG)], "Image content type is invalid"),
        (["emoji", "add", "vector", write(tmp_path, "v.svg", SVG)], "Image content type is invalid"),
        (["emoji", "add", "huge", write(tmp_path, "h.png", png() + b"\0" * (256 * 1024))], "256 KB"),
    ]
    for args, message in cases:
        r = agora.cli(*args)
        assert r.returncode == 1, args
        assert message in r.stderr, (args, r.stderr)
    assert agora.cli("emoji", "add", "missing", str(tmp_path / "nope.png")).returncode == 1
    agora.cli("emoji", "add", "blobcat", ok, check=True)
    taken = agora.cli("emoji", "add", "blobcat", ok)
    assert taken.returncode == 1 and "Shortcode has already been taken" in taken.stderr
    assert [e["shortcode"] for e in agora.get("/api/v1/custom_emojis").json()] == ["blobcat"]
    stored = list((agora.data_dir / "system" / "custom_emojis" / "images").rglob("*.*"))
    assert len(stored) == 1


def test_hidden_and_disabled_emoji_are_not_listed(agora, tmp_path):
    ok = write(tmp_path, "ok.png", png())
    for code in ("shown", "hidden", "off"):
        agora.cli("emoji", "add", code, ok, check=True)
    agora.sql("UPDATE custom_emojis SET visible_in_picker = FALSE WHERE shortcode = 'hidden'")
    agora.sql("UPDATE custom_emojis SET disabled = TRUE WHERE shortcode = 'off'")
    assert [e["shortcode"] for e in agora.get("/api/v1/custom_emojis").json()] == ["shown"]


def test_mastodon_py_lists_custom_emojis(agora, tmp_path):
    agora.cli("emoji", "add", "blobcat", write(tmp_path, "a.png", png()), check=True)
    api = Mastodon(api_base_url=agora.base_url, version_check_mode="none")
    assert [e["shortcode"] for e in api.custom_emojis()] == ["blobcat"]
