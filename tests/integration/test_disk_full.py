"""A full disk: writes fail with 507 and leave nothing half-written, reads go on, and agora resumes by
itself when space returns. The data directory lives on a small tmpfs mounted for the test (root only)."""
import subprocess

import pytest

from images import png
from small_disk import mounted_tmpfs


@pytest.fixture
def small_disk(tmp_path):
    with mounted_tmpfs(tmp_path, "48m") as mount:
        yield mount


def fill(disk):
    filler = disk / "filler"
    subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=1M", "count=100"], capture_output=True)
    return filler


def test_a_full_disk_answers_507_and_agora_resumes(instances, small_disk, db):
    agora = instances(env={"AGORA_DATA_DIR": str(small_disk / "data")})
    alice = agora.create_user("alice")
    assert agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "before"}).status_code == 200
    filler = fill(small_disk)

    upload = agora.api("POST", "/api/v2/media", token=alice, files={"file": ("a.png", png(), "image/png")})
    assert upload.status_code == 507, upload.text
    assert upload.json()["error"].startswith("The server has no space left")
    if db == "sqlite":  # the database shares the full disk
        for _ in range(3):
            r = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "x" * 400})
            assert r.status_code == 507, r.text
    home = agora.api("GET", "/api/v1/timelines/home", token=alice)
    assert home.status_code == 200 and [s["content"] for s in home.json()] == ["<p>before</p>"]
    leftovers = [p for p in (small_disk / "data").rglob(".tmp-*")]
    assert leftovers == []

    filler.unlink()
    assert agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "after"}).status_code == 200
    upload = agora.api("POST", "/api/v2/media", token=alice, files={"file": ("a.png", png(), "image/png")})
    assert upload.status_code in (200, 202), upload.text
    assert agora.api("GET", "/health").text == "OK"
    if db == "sqlite":
        agora.stop()
        check = subprocess.run(["sqlite3", str(small_disk / "data" / "agora.sqlite3"), "PRAGMA integrity_check"],
                               capture_output=True, text=True)
        assert check.stdout.strip() == "ok"
