"""agora killed with SIGKILL again and again while it accepts posts and inbox activities: after each
restart every write it acknowledged is there, and every status reaches its remote follower at least
once (deliveries claimed by the killed process are run again when their lease runs out)."""
import random
import threading
import time

import pytest
import requests

from agora_harness import psql
from fake_remote import deliver
from federation_helpers import eventually

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
