"""Stored files in S3-compatible object storage (a real s3rver on loopback
that checks Signature V4): avatars, headers and custom emoji are uploaded to
the bucket, linked at its public URL, replaced and deleted there; a wrong key
fails cleanly; incomplete settings stop agora at start."""
import requests

from images import GIF, png


def upload(agora, token, **files):
    return agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token,
                     files={name: (f"{name}.png", data, "image/png") for name, data in files.items()})


def test_avatar_and_header_live_in_the_bucket(s3_agora):
    s3 = s3_agora.s3
    token = s3_agora.create_user("alice")
    first, header = png(rgb=(1, 2, 3)), png(width=9, rgb=(4, 5, 6))
    r = upload(s3_agora, token, avatar=first, header=header)
    assert r.status_code == 200, r.text
    avatar_url = r.json()["avatar"]
    assert avatar_url.startswith(s3.url("agora-test", "accounts/avatars/")) and avatar_url.endswith(".png")
    assert r.json()["header"].startswith(s3.url("agora-test", "accounts/headers/"))
    assert r.json()["avatar_static"] == avatar_url

    # The public reads the object from the bucket, typed and cacheable, without any signature.
    served = requests.get(avatar_url, timeout=10)
    assert served.status_code == 200 and served.content == first
    assert served.headers["Content-Type"] == "image/png"
    assert "immutable" in served.headers.get("Cache-Control", "")
    assert requests.get(r.json()["header"], timeout=10).content == header
    # Nothing is written locally, and agora's /system path points at the bucket.
    assert not list(s3_agora.data_dir.rglob("*.png"))
    key = avatar_url.split("/agora-test/", 1)[1]
    moved = s3_agora.get(f"/system/{key}", allow_redirects=False)
    assert moved.status_code == 301 and moved.headers["Location"] == avatar_url
    assert s3_agora.get("/system/accounts/x.html", allow_redirects=False).status_code == 404

    # The ActivityPub actor links the same object.
    actor = s3_agora.get("/users/alice", headers={"Accept": "application/activity+json"}).json()
    assert actor["icon"]["url"] == avatar_url

    # Replacing the avatar deletes the old object once the new one is linked.
    second = png(rgb=(7, 8, 9))
    new_url = upload(s3_agora, token, avatar=second).json()["avatar"]
    assert new_url != avatar_url
    assert requests.get(new_url, timeout=10).content == second
    assert requests.get(avatar_url, timeout=10).status_code == 404
    assert key not in s3.keys() and new_url.split("/agora-test/", 1)[1] in s3.keys()

    # Removing it deletes the object too.
    assert s3_agora.api("DELETE", "/api/v1/profile/avatar", token=token).status_code == 200
    assert requests.get(new_url, timeout=10).status_code == 404


def test_custom_emoji_live_in_the_bucket(s3_agora, tmp_path):
    image = tmp_path / "blob.gif"
    image.write_bytes(GIF)
    assert s3_agora.cli("emoji", "add", "blobcat", str(image), check=True).stdout.strip() == "OK"
    emoji = s3_agora.get("/api/v1/custom_emojis").json()[0]
    assert emoji["url"].startswith(s3_agora.s3.url("agora-test", "custom_emojis/images/"))
    fetched = requests.get(emoji["url"], timeout=10)
    assert fetched.content == GIF and fetched.headers["Content-Type"] == "image/gif"
    s3_agora.cli("emoji", "remove", "blobcat", check=True)
    assert requests.get(emoji["url"], timeout=10).status_code == 404


def test_an_alias_host_is_where_urls_point(instances, s3_server):
    agora = instances(env=s3_server.env(AGORA_S3_ALIAS_HOST="files.example.org/media"))
    token = agora.create_user("bob")
    avatar = upload(agora, token, avatar=png()).json()["avatar"]
    assert avatar.startswith("https://files.example.org/media/accounts/avatars/")
    # The object itself is in the bucket under the same key.
    assert requests.get(s3_server.url("agora-test", avatar.split("/media/", 1)[1]), timeout=10).content == png()


def test_a_wrong_secret_fails_cleanly(instances, s3_server):
    agora = instances(env=s3_server.env(bucket="agora-other", AGORA_S3_SECRET_ACCESS_KEY="not-the-secret-xyz"))
    token = agora.create_user("carol")
    r = upload(agora, token, avatar=png())
    assert r.status_code == 503
    assert r.json() == {"error": "There was a temporary problem serving your request, please try again"}
    # No row points at an object that is not there.
    me = agora.api("GET", "/api/v1/accounts/verify_credentials", token=token).json()
    assert me["avatar"].endswith("/avatars/original/missing.png")
    # (The bucket is shared with this worker's backup tests, which write under backups/.)
    assert [k for k in s3_server.keys("agora-other") if not k.startswith("backups/")] == []
    # The log says what S3 said, and never the secret.
    log = agora.log()
    assert "SignatureDoesNotMatch" in log and "not-the-secret-xyz" not in log

    image = agora.workdir / "e.gif"
    image.write_bytes(GIF)
    added = agora.cli("emoji", "add", "nope", str(image))
    assert added.returncode != 0
    assert agora.get("/api/v1/custom_emojis").json() == []
    # (The bucket is shared with this worker's backup tests, which write under backups/.)
    assert [k for k in s3_server.keys("agora-other") if not k.startswith("backups/")] == []


def test_incomplete_s3_settings_stop_agora_at_start(instances, s3_server):
    for env, named in ((s3_server.env(AGORA_S3_SECRET_ACCESS_KEY=""), "AGORA_S3_SECRET_ACCESS_KEY"),
                       (s3_server.env(AGORA_S3_ENDPOINT="127.0.0.1:9000"), "AGORA_S3_ENDPOINT"),
                       ({"AGORA_S3_REGION": "eu-west-1"}, "AGORA_S3_BUCKET")):
        agora = instances(env=env, run=False)
        result = agora.cli("migrate")
        assert result.returncode != 0 and named in result.stderr, result.stderr
