"""agora killed with SIGKILL again and again while it accepts posts, inbox activities and media uploads:
after each restart every write it acknowledged is there, every status reaches its remote follower at
least once (deliveries claimed by the killed process are run again when their lease runs out), and every
stored file belongs to a row (what a killed upload left is removed by the unattached-media cleanup)."""
import random
import threading
import time

import pytest
import requests

from agora_harness import psql
from fake_remote import deliver
from federation_helpers import eventually
from images import png

AS = "https://www.w3.org/ns/activitystreams"
CYCLES = 4


@pytest.fixture
def world(fake_federation):
    return fake_federation("remote.test")


def kill(agora):
    agora.process.kill()
    agora.process.wait()
    agora.log_file.close()


class Load:
    """Posts statuses and delivers signed Notes until stopped, remembering what agora acknowledged."""

    def __init__(self, agora, token, actor, alice_uri):
        self.agora, self.token, self.actor, self.alice_uri = agora, token, actor, alice_uri
        self.statuses = []  # (id, uri) answered 200
        self.notes = []  # Note ids answered 202
        self.stop = threading.Event()

    def post_statuses(self):
        while not self.stop.is_set():
            try:
                r = self.agora.api("POST", "/api/v1/statuses", token=self.token,
                                   data={"status": f"crash test {random.random()}"}, timeout=5)
            except requests.RequestException:
                continue
            if r.status_code == 200:
                self.statuses.append((r.json()["id"], r.json()["uri"]))

    def deliver_notes(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            note_id = f"{self.actor.uri}/notes/{time.time_ns()}-{n}"
            create = {"@context": AS, "id": note_id + "/activity", "type": "Create", "actor": self.actor.uri,
                      "to": [self.alice_uri], "object": {
                          "id": note_id, "type": "Note", "attributedTo": self.actor.uri, "to": [self.alice_uri],
                          "content": "<p>hello @alice</p>", "published": "2026-11-26T12:00:00Z",
                          "tag": [{"type": "Mention", "href": self.alice_uri, "name": "@alice@a.test"}]}}
            try:
                if deliver(self.agora, self.actor, create).status_code == 202:
                    self.notes.append(note_id)
            except requests.RequestException:
                continue

    def run_until_killed(self):
        threads = [threading.Thread(target=self.post_statuses), threading.Thread(target=self.deliver_notes)]
        for t in threads:
            t.start()
        time.sleep(random.uniform(0.8, 2.0))
        kill(self.agora)
        self.stop.set()
        for t in threads:
            t.join()
        self.stop.clear()


def test_nothing_acknowledged_is_lost_across_kills(world):
    agora, remote = world
    alice = agora.create_user("alice")
    bob = remote.actor("bob")
    alice_uri = "http://a.test/users/alice"
    follow = {"@context": AS, "id": bob.uri + "#follows/1", "type": "Follow", "actor": bob.uri, "object": alice_uri}
    assert deliver(agora, bob, follow, path="/users/alice/inbox").status_code == 202
    eventually(lambda: [b for _, _, b in remote.received if b.get("type") == "Accept"], message="Accept delivered")

    load = Load(agora, alice, bob, alice_uri)
    for _ in range(CYCLES):
        load.run_until_killed()
        agora.start()
    assert len(load.statuses) > CYCLES and len(load.notes) > CYCLES  # the load really ran

    alice_id = agora.account_id("alice")
    kept = {row[0] for row in agora.sql("SELECT id FROM statuses WHERE account_id = ?", (alice_id,))}
    lost = [status_id for status_id, _ in load.statuses if status_id not in kept]
    assert lost == [], f"{len(lost)} of {len(load.statuses)} acknowledged statuses lost"
    assert agora.api("GET", f"/api/v1/statuses/{load.statuses[-1][0]}", token=alice).status_code == 200

    def unprocessed():
        stored = {row[0] for row in agora.sql("SELECT uri FROM statuses WHERE account_id <> ?", (alice_id,))}
        return [n for n in load.notes if n not in stored]

    def undelivered():
        delivered = {b["object"]["id"] for _, _, b in list(remote.received)
                     if b.get("type") == "Create" and isinstance(b.get("object"), dict)}
        return [uri for _, uri in load.statuses if uri not in delivered]

    # An inbox job or a delivery the killed process had claimed runs again once its lease (30 s) is over.
    eventually(lambda: not unprocessed(), timeout=90, message="every acknowledged note stored")
    eventually(lambda: not undelivered(), timeout=90, message="every acknowledged status delivered")
    assert agora.get("/health").text == "OK"


def test_postgres_sessions_cut_under_load_are_reopened(instances, db):
    if db != "postgres":
        pytest.skip("PostgreSQL sessions only")
    agora = instances(env={"AGORA_RATE_LIMITS": "false"})  # posts as fast as it can, far past 300 per 3 hours
    alice = agora.create_user("alice")
    statuses, failures, stop = [], [], threading.Event()

    def post():
        while not stop.is_set():
            r = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "still here"}, timeout=10)
            (statuses.append(r.json()["id"]) if r.status_code == 200 else failures.append(r.status_code))

    poster = threading.Thread(target=post)
    poster.start()
    try:
        for _ in range(5):  # what a PostgreSQL restart or failover does to every pooled session
            time.sleep(0.4)
            psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{agora.pg_database}'")
    finally:
        stop.set()
        poster.join()
    assert len(statuses) > 5
    assert all(code in (500, 503) for code in failures), failures  # a statement cut mid-transaction fails cleanly
    # Afterwards every request succeeds again without a restart, and nothing acknowledged is missing.
    for _ in range(10):
        r = agora.api("GET", "/api/v1/timelines/home", token=alice)
        assert r.status_code == 200, r.text
    kept = {row[0] for row in agora.sql("SELECT id FROM statuses")}
    assert [s for s in statuses if s not in kept] == []


class Uploads:
    """Uploads media (v2 alone, and v1 followed by a status that carries it) until stopped, remembering
    what agora acknowledged."""

    def __init__(self, agora, token):
        self.agora, self.token = agora, token
        self.media = []  # ids answered 200 or 202
        self.statuses = []  # (status id, media id) answered 200
        self.stop = threading.Event()

    def upload(self, version):
        image = png(random.randint(40, 400), random.randint(40, 300), rgb=(random.randrange(256), 90, 40), level=0)
        r = self.agora.api("POST", f"/api/{version}/media", token=self.token,
                           files={"file": ("photo.png", image, "image/png")}, timeout=10)
        if r.status_code in (200, 202):
            self.media.append(r.json()["id"])
            return r.json()["id"]
        return None

    def upload_alone(self):
        while not self.stop.is_set():
            try:
                self.upload("v2")
            except requests.RequestException:
                continue

    def post_with_media(self):
        while not self.stop.is_set():
            try:
                media_id = self.upload("v1")
                if media_id is None:
                    continue
                r = self.agora.api("POST", "/api/v1/statuses", token=self.token,
                                   data={"status": "with a picture", "media_ids[]": media_id}, timeout=10)
            except requests.RequestException:
                continue
            if r.status_code == 200:
                self.statuses.append((r.json()["id"], media_id))

    def run_until_killed(self):
        threads = [threading.Thread(target=self.upload_alone), threading.Thread(target=self.post_with_media),
                   threading.Thread(target=self.upload_alone)]
        for t in threads:
            t.start()
        time.sleep(random.uniform(0.8, 2.5))
        kill(self.agora)
        self.stop.set()
        for t in threads:
            t.join()
        self.stop.clear()


def files_on_disk(agora):
    root = agora.data_dir / "system"
    return {str(p.relative_to(root)) for p in (root / "media_attachments").rglob("*") if p.is_file()} \
        if (root / "media_attachments").exists() else set()


def keys_in_rows(agora):
    rows = agora.sql("SELECT file_key, preview_key, thumbnail_key, upload_key FROM media_attachments")
    return {key for row in rows for key in row if key}


def test_uploads_in_flight_leave_no_orphans_across_kills(instances):
    agora = instances(env={"AGORA_RATE_LIMITS": "false"})  # uploads as fast as it can, past 30 per 30 minutes
    alice = agora.create_user("alice")
    load = Uploads(agora, alice)
    for _ in range(CYCLES):
        load.run_until_killed()
        agora.start()
    assert len(load.media) > CYCLES and len(load.statuses) > 1  # the load really ran

    # Every acknowledged upload is there and gets processed (a job the killed process held runs again
    # once its lease is over), with its files on disk.
    acknowledged = ",".join(load.media)

    def unfinished():
        return agora.sql(f"SELECT id, processing FROM media_attachments WHERE id IN ({acknowledged})"
                         " AND processing <> 'done'")

    eventually(lambda: not unfinished(), timeout=90, message="every acknowledged upload processed")
    kept = {row[0] for row in agora.sql(f"SELECT id FROM media_attachments WHERE id IN ({acknowledged})")}
    assert [m for m in load.media if m not in kept] == []
    for status_id, media_id in load.statuses:
        r = agora.api("GET", f"/api/v1/statuses/{status_id}", token=alice)
        assert r.status_code == 200
        assert [a["id"] for a in r.json()["media_attachments"]] == [media_id]
    eventually(lambda: not agora.sql("SELECT id FROM jobs WHERE kind = 'process_media' AND dead_at IS NULL"),
               timeout=60, message="processing jobs done")

    # What a killed request left (a row it never acknowledged) is the unattached-media cleanup's: run it as
    # if a day had passed for those rows only.
    agora.sql(f"UPDATE media_attachments SET created_at = created_at - 2 * 86400000 WHERE id NOT IN ({acknowledged})"
              " AND status_id IS NULL")
    agora.sql("UPDATE jobs SET run_at = 0 WHERE kind = 'remove_unattached_media'")
    eventually(lambda: not agora.sql("SELECT id FROM jobs WHERE kind = 'remove_unattached_media' AND dead_at IS NULL"),
               timeout=30, message="cleanup ran")
    left = {row[0] for row in agora.sql("SELECT id FROM media_attachments")}
    assert left == kept, f"unacknowledged rows kept: {left - kept}"

    # No file without a row, no row without its files, and no upload left waiting once processed.
    on_disk, named = files_on_disk(agora), keys_in_rows(agora)
    assert on_disk - named == set(), f"files no row names: {sorted(on_disk - named)[:5]}"
    assert named - on_disk == set(), f"rows whose files are missing: {sorted(named - on_disk)[:5]}"
    assert agora.sql("SELECT id FROM media_attachments WHERE upload_key IS NOT NULL") == []
    for media_id in load.media[-3:]:
        attachment = agora.api("GET", f"/api/v1/media/{media_id}", token=alice).json()
        assert requests.get(attachment["url"], timeout=10).status_code == 200
