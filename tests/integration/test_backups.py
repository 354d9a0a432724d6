"""agora backup create | verify | restore: a backup taken while the server runs brings every account,
status, follow, media file and actor key back on a fresh data directory (and a fresh PostgreSQL
database), and the restored instance still federates; damaged or newer backups are refused."""
import json
import os
import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest

from agora_harness import Instance
from federation_helpers import eventually, follow_remote
from images import png
from small_disk import mounted_tmpfs


def backups_in(target):
    return sorted(p.name for p in Path(target).iterdir() if p.name.startswith("agora-backup-"))


def create_backup(instance, target, *extra):
    r = instance.cli("backup", "create", "--to", str(target), *extra)
    assert r.returncode == 0, r.stderr
    return Path(target) / backups_in(target)[-1]


def public_key(instance, username):
    actor = instance.api("GET", f"/users/{username}", headers={"Accept": "application/activity+json"}).json()
    return actor["publicKey"]["publicKeyPem"]


def fresh_like(instance, tmp_path, name):
    """A stopped instance with the same domain and database kind, on a new data directory and database."""
    fresh = Instance(db=instance.db, domain=instance.domain, workdir=tmp_path / name)
    for key in ("AGORA_TEST_HTTP", "AGORA_TEST_CONNECT_TO"):
        if key in instance.env:
            fresh.env[key] = instance.env[key]
    return fresh


def home(instance, token):
    return instance.api("GET", "/api/v1/timelines/home", token=token).json()


def test_backup_while_running_restores_everything_and_still_federates(federation, tmp_path, request):
    a, b = federation("a.test", "b.test")
    alice, carol = a.create_user("alice"), a.create_user("carol")
    bob = b.create_user("bob")
    follow_remote(b, bob, "alice@a.test")
    alice_id, carol_id = a.account_id("alice"), a.account_id("carol")
    assert a.api("POST", f"/api/v1/accounts/{alice_id}/follow", token=carol).status_code == 200
    upload = a.api("POST", "/api/v2/media", token=alice, files={"file": ("a.png", png(8, 6), "image/png")})
    assert upload.status_code == 200, upload.text
    media = upload.json()
    posted = [a.api("POST", "/api/v1/statuses", token=alice, data={"status": f"status {i}"}).json() for i in range(3)]
    with_media = a.api("POST", "/api/v1/statuses", token=alice,
                       data={"status": "with a picture", "media_ids[]": media["id"]}).json()
    file_bytes = a.get(urlparse(media["url"]).path).content
    assert file_bytes[:8] == b"\x89PNG\r\n\x1a\n"
    keys = {u: public_key(a, u) for u in ("alice", "carol")}

    backup = create_backup(a, tmp_path / "backups")  # the server is running and serving
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"] == a.db and manifest["format"] == 1
    assert any(f["path"].startswith("media/media_attachments/") for f in manifest["files"])
    assert oct(os.stat(backup).st_mode & 0o777) == "0o700"
    assert a.cli("backup", "verify", str(backup)).returncode == 0

    # After the backup: not in it.
    a.api("POST", "/api/v1/statuses", token=alice, data={"status": "after the backup"})
    a.stop()

    restored = fresh_like(a, tmp_path, "restored")
    request.node.agora_instances.append(restored)
    r = restored.cli("backup", "restore", str(backup), "--data-dir", str(restored.data_dir))
    assert r.returncode == 0, r.stderr
    restored.port = a.port  # where b.test reaches a.test
    restored.env["AGORA_LISTEN"] = f"127.0.0.1:{a.port}"
    restored.start()

    # Accounts, statuses, follows, media and keys are back; the old tokens still work.
    statuses = restored.api("GET", f"/api/v1/accounts/{alice_id}/statuses", token=alice).json()
    assert [s["id"] for s in statuses] == [with_media["id"]] + [p["id"] for p in reversed(posted)]
    assert statuses[0]["media_attachments"][0]["id"] == media["id"]
    assert restored.get(urlparse(statuses[0]["media_attachments"][0]["url"]).path).content == file_bytes
    followers = restored.api("GET", f"/api/v1/accounts/{alice_id}/followers", token=carol).json()
    assert {f["acct"] for f in followers} == {"carol", "bob@b.test"}
    assert restored.api("GET", "/api/v1/accounts/verify_credentials", token=carol).json()["id"] == carol_id
    assert {u: public_key(restored, u) for u in ("alice", "carol")} == keys

    # It still federates: a new post reaches bob (b verifies alice's signature with the key it kept) …
    new = restored.api("POST", "/api/v1/statuses", token=alice, data={"status": "back from a backup"}).json()
    eventually(lambda: [s for s in home(b, bob) if s["uri"] == new["uri"]], message="post after restore at b")
    # … and a new remote follow is accepted by the restored server.
    dave = b.create_user("dave")
    follow_remote(b, dave, "carol@a.test")


def test_restore_refuses_a_non_empty_target_unless_forced(agora, tmp_path):
    agora.create_user("alice")
    backup = create_backup(agora, tmp_path / "backups")
    target = fresh_like(agora, tmp_path, "target")
    target.data_dir.mkdir(parents=True)
    (target.data_dir / "something").write_text("x")
    r = target.cli("backup", "restore", str(backup), "--data-dir", str(target.data_dir))
    assert r.returncode == 1 and "not empty" in r.stderr
    assert (target.data_dir / "something").exists()
    if agora.db == "postgres":  # a database already in use is refused too
        r = target.cli("backup", "restore", str(backup), "--data-dir", str(tmp_path / "other"),
                       env={"AGORA_DATABASE_URL": agora.env["AGORA_DATABASE_URL"]})
        assert r.returncode == 1 and "database is not empty" in r.stderr
    r = target.cli("backup", "restore", str(backup), "--data-dir", str(target.data_dir), "--force")
    assert r.returncode == 0, r.stderr
    assert not (target.data_dir / "something").exists()
    target.start()
    assert target.api("GET", "/api/v1/accounts/lookup", params={"acct": "alice"}).status_code == 200
    target.cleanup()


def test_verify_finds_a_flipped_byte_a_truncated_manifest_and_restore_refuses_them(agora, tmp_path):
    token = agora.create_user("alice")
    agora.api("POST", "/api/v2/media", token=token, files={"file": ("a.png", png(), "image/png")})
    backup = create_backup(agora, tmp_path / "backups")
    database = backup / ("database.sqlite3" if agora.db == "sqlite" else "database.pgdump")
    original = database.read_bytes()
    damaged = bytearray(original)
    damaged[len(damaged) // 2] ^= 0x01
    database.write_bytes(bytes(damaged))
    r = agora.cli("backup", "verify", str(backup))
    assert r.returncode == 1 and "damaged file in the backup: " + database.name in r.stderr, r.stderr
    target = fresh_like(agora, tmp_path, "target")
    r = target.cli("backup", "restore", str(backup), "--data-dir", str(target.data_dir))
    assert r.returncode == 1 and "damaged" in r.stderr
    assert not target.data_dir.exists() and not [p for p in tmp_path.joinpath("target").iterdir()
                                                 if p.name.startswith(".restore-")]
    database.write_bytes(original)
    assert agora.cli("backup", "verify", str(backup)).returncode == 0

    media = next(p for p in (backup / "media").rglob("*") if p.is_file())
    media.write_bytes(media.read_bytes()[:-1])
    r = agora.cli("backup", "verify", str(backup))
    assert r.returncode == 1 and "damaged file" in r.stderr

    manifest = backup / "manifest.json"
    manifest.write_text(manifest.read_text()[:-40])
    r = agora.cli("backup", "verify", str(backup))
    assert r.returncode == 1 and "manifest is not complete" in r.stderr
    manifest.unlink()
    r = agora.cli("backup", "verify", str(backup))
    assert r.returncode == 1 and "no manifest.json" in r.stderr
    target.cleanup()


def test_restore_refuses_a_backup_from_a_newer_schema(agora, tmp_path):
    agora.create_user("alice")
    backup = create_backup(agora, tmp_path / "backups")
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["schema_level"] = "9999"
    (backup / "manifest.json").write_text(json.dumps(manifest))
    assert agora.cli("backup", "verify", str(backup)).returncode == 0  # the files are fine
    target = fresh_like(agora, tmp_path, "target")
    r = target.cli("backup", "restore", str(backup), "--data-dir", str(target.data_dir))
    assert r.returncode == 1 and "from a newer agora (schema 9999" in r.stderr, r.stderr
    assert not target.data_dir.exists()
    if agora.db == "postgres":
        assert target.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'") == [("0",)]
    target.cleanup()


def test_keep_leaves_exactly_the_newest_backups(agora, tmp_path):
    agora.create_user("alice")
    target = tmp_path / "backups"
    made = [create_backup(agora, target, "--keep", "2").name for _ in range(4)]
    assert backups_in(target) == sorted(made[-2:])
    assert len(set(made)) == 4
    r = agora.cli("backup", "create", "--to", str(target), "--keep", "0")
    assert r.returncode == 2 and "--keep" in r.stderr


def test_config_file_comes_along(agora, tmp_path):
    config = tmp_path / "agora.env"
    config.write_text("AGORA_LOG_LEVEL=warn\n")
    backup = Path(tmp_path / "backups")
    r = agora.cli("--config", str(config), "backup", "create", "--to", str(backup))
    assert r.returncode == 0, r.stderr
    made = backup / backups_in(backup)[0]
    assert (made / "config.env").read_text() == "AGORA_LOG_LEVEL=warn\n"
    target = fresh_like(agora, tmp_path, "target")
    assert target.cli("backup", "restore", str(made), "--data-dir", str(target.data_dir)).returncode == 0
    assert (target.data_dir / "config.env").read_text() == "AGORA_LOG_LEVEL=warn\n"
    target.cleanup()


@pytest.fixture
def small_disk(tmp_path):
    with mounted_tmpfs(tmp_path, "1m") as mount:
        yield mount


def test_a_full_disk_fails_clearly_and_leaves_no_partial_backup(agora, small_disk):
    token = agora.create_user("alice")
    for i in range(8):  # a database and files larger than the 1 MB disk
        agora.api("POST", "/api/v2/media", token=token, files={"file": (f"{i}.png", png(300, 300, (i, 9, 9)), "image/png")})
        agora.api("POST", "/api/v1/statuses", token=token, data={"status": "x" * 400})
    agora.sql("CREATE TABLE filler (x TEXT)")  # random, so pg_dump's compression cannot make it fit
    agora.sql("INSERT INTO filler SELECT hex(randomblob(1500000))" if agora.db == "sqlite" else
              "INSERT INTO filler SELECT string_agg(md5(random()::text), '') FROM generate_series(1, 100000)")
    r = agora.cli("backup", "create", "--to", str(small_disk / "backups"))
    assert r.returncode == 1, r.stdout
    assert "No space left on device" in r.stderr or "no space left on the device" in r.stderr, r.stderr
    assert list((small_disk / "backups").iterdir()) == []


def s3_backup(instance, location, *extra):
    r = instance.cli("backup", "create", "--to", location, *extra)
    assert r.returncode == 0, r.stderr
    written = r.stdout.splitlines()[0]
    assert written.startswith(f"Backup written to {location}/agora-backup-"), written
    return written.split(" ")[3], r.stdout


def s3_object_file(server, bucket, key):
    return server.directory / bucket / (key + "._S3rver_object")


def test_s3_backup_round_trip_retention_and_damage(s3_agora, tmp_path):
    server = s3_agora.s3
    prefix = f"backups/{s3_agora.db}-{uuid.uuid4().hex[:8]}"
    location = f"s3://agora-other/{prefix}"
    s3_agora.create_user("alice")
    emoji_file = tmp_path / "cat.png"
    emoji_file.write_bytes(png())
    s3_agora.cli("emoji", "add", "blobcat", str(emoji_file), check=True)
    first, _ = s3_backup(s3_agora, location, "--keep", "2")
    name = first.rsplit("/", 1)[1]
    keys = [k for k in server.keys("agora-other") if k.startswith(f"{prefix}/{name}/")]
    database = "database.sqlite3" if s3_agora.db == "sqlite" else "database.pgdump"
    assert sorted(k.split("/", 3)[3] for k in keys) == sorted([database, "manifest.json", "media-objects.json"])
    listed = json.loads(s3_object_file(server, "agora-other", f"{prefix}/{name}/media-objects.json").read_text())
    assert listed["bucket"] == "agora-test"
    assert any(o["key"].startswith("custom_emojis/") and o["size"] > 0 for o in listed["objects"])
    r = s3_agora.cli("backup", "verify", first)
    assert r.returncode == 0 and r.stdout.startswith("Backup OK"), r.stderr

    # Restored on a fresh data directory (and database) from the bucket.
    target = fresh_like(s3_agora, tmp_path, "target")
    target.env.update(server.env())
    r = target.cli("backup", "restore", first, "--data-dir", str(target.data_dir))
    assert r.returncode == 0, r.stderr
    target.start()
    assert target.api("GET", "/api/v1/accounts/lookup", params={"acct": "alice"}).status_code == 200
    assert [e["shortcode"] for e in target.get("/api/v1/custom_emojis").json()] == ["blobcat"]
    target.cleanup()

    # Retention counts the backups under the prefix only.
    second, _ = s3_backup(s3_agora, location, "--keep", "2")
    third, out = s3_backup(s3_agora, location, "--keep", "2")
    assert f"Removed old backup {name}" in out
    names = sorted({k.split("/")[2] for k in server.keys("agora-other") if k.startswith(prefix + "/")})
    assert names == sorted([second.rsplit("/", 1)[1], third.rsplit("/", 1)[1]])
    r = s3_agora.cli("backup", "verify", first)
    assert r.returncode == 1 and "no manifest.json" in r.stderr

    # A damaged database file is found, and a restore refuses it.
    third_name = third.rsplit("/", 1)[1]
    damaged = s3_object_file(server, "agora-other", f"{prefix}/{third_name}/{database}")
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    r = s3_agora.cli("backup", "verify", third)
    assert r.returncode == 1 and f"damaged file in the backup: {database}" in r.stderr, r.stderr
    other = fresh_like(s3_agora, tmp_path, "other")
    other.env.update(server.env())
    r = other.cli("backup", "restore", third, "--data-dir", str(other.data_dir))
    assert r.returncode == 1 and "damaged file" in r.stderr
    assert not other.data_dir.exists() or not any(other.data_dir.iterdir())
    other.cleanup()

    # A media object the backup lists that is gone from the media bucket fails verify.
    assert s3_agora.cli("emoji", "remove", "blobcat").returncode == 0
    r = s3_agora.cli("backup", "verify", second)
    assert r.returncode == 1 and "media objects in bucket agora-test are missing or changed" in r.stderr, r.stderr


def test_s3_backup_bad_locations_are_refused_clearly(s3_agora, agora, tmp_path):
    for location, message in (("s3://Bad_Bucket/x", "not an S3 bucket name"),
                              ("s3://agora-other/../x", "not a usable S3 prefix"),
                              ("s3://agora-test", "backups in the media bucket need a prefix"),
                              ("s3://no-such-bucket/x", "S3:")):
        r = s3_agora.cli("backup", "create", "--to", location)
        assert r.returncode == 1 and message in r.stderr, (location, r.stderr)
    r = s3_agora.cli("backup", "verify", "s3://agora-other/nothing/agora-backup-20261126T210000Z")
    assert r.returncode == 1 and "no manifest.json" in r.stderr, r.stderr
    # Without backup or object storage settings there are no credentials to reach a bucket with.
    r = agora.cli("backup", "create", "--to", "s3://agora-other/x")
    assert r.returncode == 1 and "backups to S3 need credentials" in r.stderr, r.stderr


def backup_bucket_env(server, **overrides):
    """AGORA_BACKUP_S3_* settings reaching `server` (no bucket: that comes from the s3:// location)."""
    media = server.env()
    env = {key.replace("AGORA_S3_", "AGORA_BACKUP_S3_"): value for key, value in media.items()
           if key not in ("AGORA_S3_BUCKET",)}
    env.update(overrides)
    return env


def test_an_instance_with_files_on_disk_backs_up_to_s3_with_its_own_credentials(instances, s3_server, tmp_path):
    agora = instances(env=backup_bucket_env(s3_server))
    prefix = f"backups/{agora.db}-local-{uuid.uuid4().hex[:8]}"
    location = f"s3://agora-other/{prefix}"
    agora.create_user("alice")
    emoji_file = tmp_path / "cat.png"
    emoji_file.write_bytes(png())
    agora.cli("emoji", "add", "blobcat", str(emoji_file), check=True)
    made, _ = s3_backup(agora, location)
    name = made.rsplit("/", 1)[1]
    keys = [k.split("/", 3)[3] for k in s3_server.keys("agora-other") if k.startswith(f"{prefix}/{name}/")]
    # Files on disk travel inside the backup (no media-objects.json: there is no media bucket).
    assert "manifest.json" in keys and "media-objects.json" not in keys
    assert any(k.startswith("media/custom_emojis/") for k in keys), keys
    r = agora.cli("backup", "verify", made)
    assert r.returncode == 0 and r.stdout.startswith("Backup OK"), r.stderr

    target = fresh_like(agora, tmp_path, "target")
    target.env.update(backup_bucket_env(s3_server))
    r = target.cli("backup", "restore", made, "--data-dir", str(target.data_dir))
    assert r.returncode == 0, r.stderr
    target.start()
    assert target.api("GET", "/api/v1/accounts/lookup", params={"acct": "alice"}).status_code == 200
    emoji = target.get("/api/v1/custom_emojis").json()
    assert [e["shortcode"] for e in emoji] == ["blobcat"]
    assert target.get(urlparse(emoji[0]["url"]).path).content == png()
    target.cleanup()

    # The backup settings win over the media storage's: a wrong backup secret fails although AGORA_S3_* is right.
    r = agora.cli("backup", "create", "--to", location,
                  env={"AGORA_BACKUP_S3_SECRET_ACCESS_KEY": "not-the-secret-xyz"})
    assert r.returncode == 1 and "SignatureDoesNotMatch" in r.stderr and "not-the-secret-xyz" not in r.stderr, r.stderr
    # A bad backup setting stops the command before anything is written.
    r = agora.cli("backup", "create", "--to", location, env={"AGORA_BACKUP_S3_ENDPOINT": "127.0.0.1:9000"})
    assert r.returncode == 1 and "AGORA_BACKUP_S3_ENDPOINT" in r.stderr, r.stderr
    assert sorted({k.split("/")[2] for k in s3_server.keys("agora-other") if k.startswith(prefix + "/")}) == [name]
