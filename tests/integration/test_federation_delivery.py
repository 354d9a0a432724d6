"""Deliveries run concurrently: servers that accept a delivery and never answer (or answer a byte a
second) hold their own requests until the timeout, while the same status reaches every healthy server
at once; the stalled deliveries are then scheduled again with back-off."""
import time

from fake_remote import deliver
from federation_helpers import eventually

AS = "https://www.w3.org/ns/activitystreams"
# Sorted first, so their jobs are the oldest: with one blocking request per worker thread (2 by
# default) they used to hold every worker for the 10 s timeout before anyone else was served.
STALLED = ["a0-silent.test", "a1-silent.test", "a2-trickle.test"]
HEALTHY = [f"h{n}.test" for n in range(1, 6)]
REQUEST_TIMEOUT = 10


def followed_by_all(agora, remotes):
    alice = agora.create_user("alice")
    alice_uri = "http://a.test/users/alice"
    for remote in remotes:
        bob = remote.actor("bob")
        follow = {"@context": AS, "id": bob.uri + "#follows/1", "type": "Follow", "actor": bob.uri,
                  "object": alice_uri}
        assert deliver(agora, bob, follow, path="/users/alice/inbox").status_code == 202
    for remote in remotes:
        eventually(lambda: any(b.get("type") == "Accept" for _, _, b in remote.received),
                   message=f"Accept delivered to {remote.domain}")
    return alice


def creates_of(remote, uri):
    return [b for _, _, b in list(remote.received)
            if b.get("type") == "Create" and isinstance(b.get("object"), dict) and b["object"].get("id") == uri]


def test_stalled_servers_do_not_delay_deliveries_to_others(fake_federation):
    agora, *remotes = fake_federation(*STALLED, *HEALTHY)
    stalled, healthy = remotes[:len(STALLED)], remotes[len(STALLED):]
    alice = followed_by_all(agora, remotes)
    for remote in stalled:
        remote.inbox_stall = "trickle" if "trickle" in remote.domain else "silent"

    posted_at = time.monotonic()
    r = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "hello everyone"})
    assert r.status_code == 200, r.text
    uri = r.json()["uri"]

    for remote in healthy:
        eventually(lambda: creates_of(remote, uri), timeout=REQUEST_TIMEOUT,
                   message=f"Create delivered to {remote.domain}")
    took = time.monotonic() - posted_at
    assert took < 4, f"healthy servers waited {took:.1f} s behind stalled ones"
    # Meanwhile the stalled servers hold their requests: received, never answered.
    eventually(lambda: all(remote.stalled for remote in stalled), message="stalled servers reached")
    assert all(not creates_of(remote, uri) for remote in stalled)

    # Each stalled delivery ends by the timeout and waits in the queue for its retry, with the reason.
    def retried():
        rows = agora.sql("SELECT payload, attempts, run_at, last_error FROM jobs WHERE kind = 'deliver'"
                         " AND locked_by IS NULL")
        return {domain: row for domain in STALLED for row in rows if f"//{domain}/" in row[0]}

    eventually(lambda: len(retried()) == len(STALLED), timeout=REQUEST_TIMEOUT + 10,
               message="stalled deliveries scheduled again")
    now_ms = time.time() * 1000
    for domain, (_, attempts, run_at, last_error) in retried().items():
        assert int(attempts) == 1, domain
        assert int(run_at) > now_ms + 5000, f"{domain} retried without back-off"
        assert domain in last_error and ("timed out" in last_error or "failed" in last_error), last_error
    assert all(len(remote.stalled) == 1 for remote in stalled)  # not hammered meanwhile


def test_a_stalled_server_recovers_on_retry(fake_federation):
    agora, silent, healthy = fake_federation("a0-silent.test", "h1.test")
    alice = followed_by_all(agora, [silent, healthy])
    silent.inbox_stall = "silent"
    uri = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "later"}).json()["uri"]
    eventually(lambda: creates_of(healthy, uri), message="healthy server served")
    eventually(lambda: agora.sql("SELECT attempts FROM jobs WHERE kind = 'deliver' AND attempts = 1"),
               timeout=REQUEST_TIMEOUT + 10, message="timed out once")
    silent.inbox_stall = None
    agora.sql("UPDATE jobs SET run_at = 0 WHERE kind = 'deliver'")  # the retry is due now
    eventually(lambda: creates_of(silent, uri), timeout=10, message="delivered on retry")
    eventually(lambda: not agora.sql("SELECT id FROM jobs WHERE kind = 'deliver'"), message="job done")
