"""agora emoji import ARCHIVE.tar.gz: custom emoji from a tar.gz of SHORTCODE.png / .gif images, as
tootctl emoji import. Existing shortcodes are kept unless --overwrite; hostile entries (unsafe names,
links, huge or non-image files) are reported and never written anywhere."""
import io
import tarfile

from images import GIF, png


def archive(path, entries):
    """A tar.gz at `path`; entries are (name, bytes) for files or (name, TarInfo-adjusting function)."""
    with tarfile.open(path, "w:gz") as tar:
        for name, content in entries:
            info = tarfile.TarInfo(name)
            if callable(content):
                content(info)
                tar.addfile(info)
            else:
                info.size = len(content)
                tar.addfile(info, io.BytesIO(content))
    return str(path)


def symlink_to(target):
    def adjust(info):
        info.type, info.linkname = tarfile.SYMTYPE, target
    return adjust


def hardlink_to(target):
    def adjust(info):
        info.type, info.linkname = tarfile.LNKTYPE, target
    return adjust


def directory(info):
    info.type = tarfile.DIRTYPE


def shortcodes(agora):
    return sorted(e["shortcode"] for e in agora.get("/api/v1/custom_emojis").json())


def emoji_url(agora, shortcode):
    return next(e["url"] for e in agora.get("/api/v1/custom_emojis").json() if e["shortcode"] == shortcode)


def stored_emoji_files(agora):
    root = agora.data_dir / "system" / "custom_emojis"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_import_adds_images_skips_existing_and_overwrites_on_request(agora, tmp_path):
    (tmp_path / "old.png").write_bytes(png(8, 8, (0, 0, 200)))
    agora.cli("emoji", "add", "blob", str(tmp_path / "old.png"), check=True)
    old_url = emoji_url(agora, "blob")
    path = archive(tmp_path / "emoji.tar.gz", [("emoji", directory), ("emoji/blob.png", png(8, 8)),
                                               ("emoji/party.GIF", GIF), ("cat.png", png(4, 4))])
    r = agora.cli("emoji", "import", path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "Imported 2, skipped 1, failed to import 0", r.stdout
    assert shortcodes(agora) == ["blob", "cat", "party"]
    assert emoji_url(agora, "blob") == old_url

    r = agora.cli("emoji", "import", path, "--overwrite", "--category", "Blobs")
    assert r.stdout.strip() == "Imported 3, skipped 0, failed to import 0", r.stdout
    assert emoji_url(agora, "blob") != old_url
    assert agora.get(emoji_url(agora, "blob").split(agora.public_url, 1)[1]).content == png(8, 8)
    assert {e["category"] for e in agora.get("/api/v1/custom_emojis").json()} == {"Blobs"}
    # The replaced images are gone from the store: one file per emoji.
    assert len(stored_emoji_files(agora)) == 3

    r = agora.cli("emoji", "import", path, "--prefix", "p_", "--suffix", "_s", "--unlisted")
    assert r.stdout.strip() == "Imported 3, skipped 0, failed to import 0", r.stdout
    assert shortcodes(agora) == ["blob", "cat", "party"]  # unlisted: not in the picker
    listed = agora.cli("emoji", "list", check=True).stdout
    assert all(f"p_{name}_s\t" in listed for name in ("blob", "cat", "party")), listed
    hidden = agora.sql("SELECT shortcode FROM custom_emojis WHERE shortcode = 'p_cat_s' AND NOT visible_in_picker")
    assert hidden == [("p_cat_s",)]


def test_hostile_entries_are_reported_and_never_written(agora, tmp_path):
    outside = tmp_path / "evil.png"
    path = archive(tmp_path / "hostile.tar.gz", [
        ("../evil.png", png()),
        ("/tmp/absolute.png", png()),
        ("a/../../up.png", png()),
        ("link.png", symlink_to("/etc/passwd")),
        ("hard.png", hardlink_to("good.png")),
        ("huge.png", b"\0" * (2 * 1024 * 1024)),
        ("text.png", b"not an image at all"),
        ("bad-name.png", png()),
        ("readme.txt", b"hello"),
        ("esc\x1b[31m.png", png()),
        ("good.png", png()),
    ])
    r = agora.cli("emoji", "import", path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[-1] == "Imported 1, skipped 0, failed to import 4", r.stdout
    for expected in ("Ignored ../evil.png: unsafe name", "Ignored /tmp/absolute.png: unsafe name",
                     "Ignored a/../../up.png: unsafe name", "Ignored link.png: not a regular file",
                     "Ignored hard.png: not a regular file", "Ignored readme.txt: not a .png or .gif file",
                     "Failure/Error: huge.png: Image file size must be less than 256 KB",
                     "Failure/Error: text.png: Image content type is invalid",
                     "Failure/Error: bad-name.png: Shortcode is invalid",
                     "Failure/Error: esc?[31m.png: Shortcode is invalid"):
        assert expected in lines, (expected, r.stdout)
    assert "\x1b" not in r.stdout
    assert shortcodes(agora) == ["good"]
    assert len(stored_emoji_files(agora)) == 1
    assert not outside.exists() and not (tmp_path.parent / "up.png").exists()


def test_unreadable_archives_fail_clearly_and_import_nothing(agora, tmp_path):
    garbage = tmp_path / "garbage.tar.gz"
    garbage.write_bytes(b"\x1f\x8b\x08\x00" + b"definitely not gzip data" * 10)
    plain = tmp_path / "plain.tar.gz"
    plain.write_bytes(png())
    for path in (garbage, plain, tmp_path / "missing.tar.gz", tmp_path):
        r = agora.cli("emoji", "import", str(path))
        assert r.returncode == 1 and r.stderr.startswith("Failure/Error: "), (path, r.stderr)
    assert stored_emoji_files(agora) == [] and shortcodes(agora) == []
    # A truncated archive: what came before the damage stays (each emoji whole), the rest is refused.
    whole = tmp_path / "whole.tar.gz"
    archive(whole, [("one.png", png()), ("two.png", b"\x89PNG" + bytes(range(256)) * 600)])
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(whole.read_bytes()[:-200])
    r = agora.cli("emoji", "import", str(cut))
    assert r.returncode == 1 and "Failure/Error: " in r.stderr, (r.stdout, r.stderr)
    assert shortcodes(agora) == ["one"]
    assert len(stored_emoji_files(agora)) == 1
    for args in (("emoji", "import"), ("emoji", "import", "a", "b"), ("emoji", "list", "--overwrite"),
                 ("emoji", "add", "x", "y", "--prefix", "p")):
        assert agora.cli(*args).returncode == 2, args
