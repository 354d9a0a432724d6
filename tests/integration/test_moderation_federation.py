"""Moderation as other servers and visitors meet it: suspensions and what they send, the deletion of a
suspended account's data 30 days later, domain blocks, limited federation mode, IP blocks with no_access
and sensitized accounts."""
import json
import random
import subprocess
import time

import pytest

from agora_harness import AGORA
from fake_remote import deliver
from federation_helpers import eventually, follow_fake_actor, follow_remote, resolve
from images import png

AS = "https://www.w3.org/ns/activitystreams"
ADMIN_SCOPES = "read write follow admin:read admin:write"
DAY_MS = 24 * 3600 * 1000


def admin_token(agora):
    return agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")


def act(agora, token, account_id, kind):
    return agora.api("POST", f"/api/v1/admin/accounts/{account_id}/action", token=token, data={"type": kind})


def bodies(remote, kind):
    return [body for _, _, body in list(remote.received) if body.get("type") == kind]


def local_uri(agora, username):
    return f"{agora.public_url}/users/{username}"


def remote_follows(agora, remote, actor, username):
    """The fake actor follows a local member, who accepts (not locked)."""
    follow = {"@context": AS, "id": f"{actor.uri}#follows/{username}", "type": "Follow", "actor": actor.uri,
              "object": local_uri(agora, username)}
    assert deliver(agora, actor, follow).status_code == 202
    eventually(lambda: [b for b in bodies(remote, "Accept") if b["object"].get("id") == follow["id"]],
               message=f"Accept of {actor.username}'s follow")


def public_note(actor, n, text):
    note_id = f"{actor.uri}/statuses/{n}"
    return {"@context": AS, "id": note_id + "/activity", "type": "Create", "actor": actor.uri, "to": [AS + "#Public"],
            "object": {"id": note_id, "type": "Note", "attributedTo": actor.uri, "content": f"<p>{text}</p>",
                       "to": [AS + "#Public"]}}


def status_id_of(agora, uri):
    rows = agora.sql("SELECT id FROM statuses WHERE uri = ?", (uri,))
    return rows[0][0] if rows else None


def drained(agora, kind=None):
    """No job is due (of this kind): what was going to happen has happened. Periodic
    jobs (the weekly digest's hourly check) wait in the future and do not count."""
    sql = "SELECT count(*) FROM jobs WHERE dead_at IS NULL AND run_at <= ?" + (f" AND kind = '{kind}'" if kind else "")
    return agora.sql(sql, (int(time.time() * 1000),))[0][0] == "0"


def queue_delivery(agora, sender_id, inbox, activity):
    """A delivery job as one waiting in the queue since before a suspension."""
    payload = json.dumps({"inbox": inbox, "sender_id": int(sender_id), "activity": json.dumps(activity)})
    agora.sql("INSERT INTO jobs (id, queue, kind, payload, run_at, attempts, max_attempts, created_at)"
              " VALUES (?, 'push', 'deliver', ?, 0, 0, 3, 0)", (random.randrange(1 << 40, 1 << 60), payload))


# Suspending a local account


def test_suspending_a_local_account_tells_its_followers_and_stops_its_deliveries(fake_federation):
    agora, remote = fake_federation("remote.test")
    admin = admin_token(agora)
    agora.create_user("alice")
    bob = remote.actor("bob")
    remote_follows(agora, remote, bob, "alice")
    alice_id, alice_uri = agora.account_id("alice"), local_uri(agora, "alice")

    assert act(agora, admin, alice_id, "suspend").status_code == 200
    eventually(lambda: [b for b in bodies(remote, "Update")
                        if b["actor"] == alice_uri and b["object"]["id"] == alice_uri and b["object"].get("suspended")],
               message="Update(actor) with suspended")
    # Her followers stay (Mastodon keeps a local account's followers, for when it comes back).
    assert agora.sql("SELECT count(*) FROM follows WHERE target_account_id = ?", (alice_id,))[0][0] == "1"

    # What was still queued as her is not sent; others' deliveries go on.
    def note_from(username, marker):
        uri = local_uri(agora, username)
        return {"@context": AS, "id": f"{uri}/statuses/{marker}/activity", "type": "Create", "actor": uri,
                "object": {"id": f"{uri}/statuses/{marker}", "type": "Note", "content": marker}}
    queue_delivery(agora, alice_id, "http://remote.test/inbox", note_from("alice", "from-alice"))
    queue_delivery(agora, agora.account_id("root"), "http://remote.test/inbox", note_from("root", "from-root"))
    eventually(lambda: [b for b in bodies(remote, "Create") if b["object"]["content"] == "from-root"],
               message="the other member's delivery")
    eventually(lambda: drained(agora, "deliver"), message="deliveries done")
    assert not [b for b in bodies(remote, "Create") if b["object"]["content"] == "from-alice"]

    # Lifting the suspension sends the profile again, without suspended.
    assert agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/unsuspend", token=admin).status_code == 200
    eventually(lambda: [b for b in bodies(remote, "Update")
                        if b["object"]["id"] == alice_uri and "suspended" not in b["object"]],
               message="Update(actor) without suspended")


def test_suspension_refusals_leave_nothing_behind(agora):
    owner = agora.create_user("boss", scopes=ADMIN_SCOPES, role="owner")
    mod = agora.create_user("mod", scopes=ADMIN_SCOPES, role="moderator")
    agora.create_user("alice")
    agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    alice_id = agora.account_id("alice")
    assert act(agora, mod, alice_id, "suspend").status_code == 200
    # Again: 422, and no second strike, log entry or deletion request.
    r = act(agora, mod, alice_id, "suspend")
    assert r.status_code == 422 and r.json()["error"] == "Validation failed: Account is already suspended"
    assert agora.sql("SELECT count(*) FROM account_warnings")[0][0] == "1"
    assert agora.sql("SELECT count(*) FROM admin_action_logs WHERE action = 'suspend'")[0][0] == "1"
    assert agora.sql("SELECT count(*) FROM account_deletion_requests")[0][0] == "1"
    # The owner cannot suspend itself, a moderator cannot act above its role.
    assert act(agora, owner, agora.account_id("boss"), "suspend").status_code == 403
    assert act(agora, mod, agora.account_id("root"), "suspend").status_code == 403
    assert agora.sql("SELECT count(*) FROM accounts WHERE suspended_at IS NOT NULL")[0][0] == "1"
    assert agora.sql("SELECT count(*) FROM account_deletion_requests")[0][0] == "1"
    # A moderator may not delete data (delete_user_data).
    r = agora.api("DELETE", f"/api/v1/admin/accounts/{alice_id}", token=mod)
    assert r.status_code == 403 and r.json()["error"] == "This action is not allowed"


# Suspending a remote account


def test_suspending_a_remote_account_rejects_its_follows_and_hides_it_until_lifted(fake_federation):
    agora, remote = fake_federation("remote.test")
    admin = admin_token(agora)
    alice = agora.create_user("alice")
    bob = remote.actor("bob")
    bob_id = follow_fake_actor(agora, alice, remote, bob)
    remote_follows(agora, remote, bob, "alice")
    note = public_note(bob, 1, "before the suspension")
    assert deliver(agora, bob, note).status_code == 202
    status_id = eventually(lambda: status_id_of(agora, note["object"]["id"]), message="bob's note")
    assert agora.api("GET", f"/api/v1/statuses/{status_id}", token=alice).status_code == 200

    assert act(agora, admin, bob_id, "suspend").status_code == 200
    # bob's follow of alice is rejected and ends; alice keeps following bob (hidden while suspended).
    eventually(lambda: [b for b in bodies(remote, "Reject")
                        if b["object"]["type"] == "Follow" and b["object"]["actor"] == bob.uri],
               message="Reject of bob's follow")
    assert agora.sql("SELECT count(*) FROM follows WHERE account_id = ?", (bob_id,))[0][0] == "0"
    assert agora.sql("SELECT count(*) FROM follows WHERE target_account_id = ?", (bob_id,))[0][0] == "1"
    # His content is hidden at once, and what he sends now is dropped.
    assert agora.api("GET", f"/api/v1/statuses/{status_id}", token=alice).status_code == 404
    assert agora.api("GET", f"/api/v1/accounts/{bob_id}").json().get("suspended") is True
    later = public_note(bob, 2, "while suspended")
    deliver(agora, bob, later)
    eventually(lambda: drained(agora, "process_activity"), message="inbox processed")
    assert status_id_of(agora, later["object"]["id"]) is None

    # Lifted within 30 days: everything is back.
    assert agora.api("POST", f"/api/v1/admin/accounts/{bob_id}/unsuspend", token=admin).status_code == 200
    assert agora.api("GET", f"/api/v1/statuses/{status_id}", token=alice).status_code == 200
    assert agora.sql("SELECT count(*) FROM account_deletion_requests")[0][0] == "0"


# Deleting a suspended account's data


def test_data_is_deleted_30_days_after_suspension_unless_lifted(fake_federation):
    agora, remote = fake_federation("remote.test")
    admin = admin_token(agora)
    alice = agora.create_user("alice")
    remote_follows(agora, remote, remote.actor("bob"), "alice")
    alice_id = agora.account_id("alice")
    posted = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "still mine"}).json()

    def alice_statuses():
        return agora.sql("SELECT count(*) FROM statuses WHERE account_id = ?", (alice_id,))[0][0]

    assert act(agora, admin, alice_id, "suspend").status_code == 200
    waits = agora.sql("SELECT run_at - created_at FROM jobs WHERE kind = 'delete_suspended_account'")
    assert len(waits) == 1 and abs(int(waits[0][0]) - 30 * DAY_MS) < 60_000
    # The job running early (or twice) deletes nothing.
    agora.sql("UPDATE jobs SET run_at = 0 WHERE kind = 'delete_suspended_account'")
    eventually(lambda: drained(agora, "delete_suspended_account"), message="early cleanup run")
    assert alice_statuses() == "1"

    # Lifted within 30 days: the post is back.
    assert agora.api("POST", f"/api/v1/admin/accounts/{alice_id}/unsuspend", token=admin).status_code == 200
    assert agora.api("GET", f"/api/v1/statuses/{posted['id']}").status_code == 200
    assert agora.sql("SELECT count(*) FROM account_deletion_requests")[0][0] == "0"

    # Suspended again and left for 30 days: the data goes, and every known server hears Delete(actor).
    assert act(agora, admin, alice_id, "suspend").status_code == 200
    agora.sql(f"UPDATE account_deletion_requests SET created_at = created_at - {31 * DAY_MS}")
    agora.sql("UPDATE jobs SET run_at = 0 WHERE kind = 'delete_suspended_account'")
    eventually(lambda: alice_statuses() == "0", message="data deleted")
    eventually(lambda: [b for b in bodies(remote, "Delete") if b["object"] == local_uri(agora, "alice")],
               message="Delete(actor)")
    assert agora.sql("SELECT count(*) FROM follows WHERE target_account_id = ?", (alice_id,))[0][0] == "0"
    # The account stays, suspended, its name taken; its data cannot be deleted twice.
    assert agora.api("GET", f"/api/v1/admin/accounts/{alice_id}", token=admin).json()["suspended"] is True
    assert agora.api("DELETE", f"/api/v1/admin/accounts/{alice_id}", token=admin).status_code == 403


def test_admin_delete_deletes_a_suspended_accounts_data_now(fake_federation):
    agora, remote = fake_federation("remote.test")
    admin = admin_token(agora)
    alice = agora.create_user("alice")
    remote.actor("carol")
    # carol is known here without following alice: Delete(actor) still reaches her server.
    resolve(agora, admin, "carol@remote.test")
    media = agora.api("POST", "/api/v2/media", token=alice, files={"file": ("a.png", png(8, 6), "image/png")})
    assert media.status_code in (200, 202), media.text
    agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "soon gone", "media_ids[]": media.json()["id"]})
    stored = [agora.data_dir / "system" / key for row in agora.sql(
        "SELECT file_key, thumbnail_key FROM media_attachments") for key in row if key]
    assert stored and all(path.exists() for path in stored)
    alice_id = agora.account_id("alice")
    # A local follower's count of whom it follows is recounted.
    dave = agora.create_user("dave")
    assert agora.api("POST", f"/api/v1/accounts/{alice_id}/follow", token=dave).status_code == 200
    dave_id = agora.account_id("dave")
    assert act(agora, admin, alice_id, "suspend").status_code == 200
    r = agora.api("DELETE", f"/api/v1/admin/accounts/{alice_id}", token=admin)
    assert r.status_code == 200 and r.json() == {}
    assert agora.sql("SELECT count(*) FROM statuses WHERE account_id = ?", (alice_id,))[0][0] == "0"
    assert agora.sql("SELECT count(*) FROM media_attachments")[0][0] == "0"
    # The files go by a job committed with the deletion.
    eventually(lambda: not any(path.exists() for path in stored), message="the files removed")
    assert agora.api("GET", f"/api/v1/accounts/{dave_id}").json()["following_count"] == 0
    assert agora.sql("SELECT count(*) FROM account_deletion_requests")[0][0] == "0"
    eventually(lambda: [b for b in bodies(remote, "Delete") if b["object"] == local_uri(agora, "alice")],
               message="Delete(actor) to a known inbox")


def test_cli_accounts_delete_tells_other_servers_and_keeps_the_name(federation):
    a, b = federation("a.test", "b.test")
    alice, bob = a.create_user("alice"), b.create_user("bob")
    alice_on_b = follow_remote(b, bob, "alice@a.test")
    alice_id = a.account_id("alice")
    r = a.cli("accounts", "delete", "alice")
    assert r.returncode == 0 and "Deleted alice" in r.stdout, r.stderr
    # b hears Delete(actor): alice is gone there and bob follows no one.
    eventually(lambda: b.api("GET", f"/api/v1/accounts/{alice_on_b}").json().get("suspended") is True,
               message="alice deleted at b")
    bob_id = b.account_id("bob")
    eventually(lambda: b.api("GET", f"/api/v1/accounts/{bob_id}").json()["following_count"] == 0,
               message="bob's follow ended at b")
    # At a the name stays taken (tootctl keeps the account row), the member and its address are gone.
    assert a.sql("SELECT count(*) FROM accounts WHERE id = ? AND suspended_at IS NOT NULL", (alice_id,))[0][0] == "1"
    assert a.sql("SELECT count(*) FROM users WHERE account_id = ?", (alice_id,))[0][0] == "0"
    assert a.sql("SELECT followers_count FROM accounts WHERE id = ?", (alice_id,))[0][0] == "0"


# Domain blocks


def test_domain_suspension_ends_follows_both_ways_hides_content_and_stops_traffic(federation):
    a, b = federation("a.test", "b.test")
    admin = admin_token(a)
    alice, bob = a.create_user("alice"), b.create_user("bob")
    alice_on_b = follow_remote(b, bob, "alice@a.test")
    bob_on_a = follow_remote(a, alice, "bob@b.test")
    posted = b.api("POST", "/api/v1/statuses", token=bob, data={"status": "before the block"}).json()
    seen = eventually(lambda: status_id_of(a, posted["uri"]), message="bob's post at a")

    r = a.api("POST", "/api/v1/admin/domain_blocks", token=admin, data={"domain": "b.test", "severity": "suspend"})
    assert r.status_code == 200, r.text
    # b hears that both follows ended: bob's was rejected, alice's undone.
    eventually(lambda: not b.api("GET", "/api/v1/accounts/relationships", token=bob,
                                 params={"id[]": alice_on_b}).json()[0]["following"], message="Reject at b")
    bob_id_on_b = b.account_id("bob")
    eventually(lambda: b.api("GET", f"/api/v1/accounts/{bob_id_on_b}").json()["followers_count"] == 0,
               message="Undo at b")
    # At a, bob's content goes and his account is suspended (by the job the block left).
    eventually(lambda: a.api("GET", f"/api/v1/statuses/{seen}", token=alice).status_code == 404,
               message="bob's post hidden at a")
    assert a.api("GET", f"/api/v1/accounts/{bob_on_a}").json().get("suspended") is True
    assert a.sql("SELECT count(*) FROM follows")[0][0] == "0"

    # Traffic stops both ways: b's mention of alice is refused at a's inbox, a sends nothing to b.
    b.api("POST", "/api/v1/statuses", token=bob, data={"status": "@alice@a.test are you there?"})
    a.api("POST", "/api/v1/statuses", token=alice, data={"status": "@bob@b.test hello?"})
    eventually(lambda: drained(a) and drained(b), message="queues drained")
    assert a.sql("SELECT count(*) FROM statuses WHERE account_id = ?", (bob_on_a,))[0][0] == "0"
    assert [n for n in b.api("GET", "/api/v1/notifications", token=bob).json() if n["type"] == "mention"] == []

    # Lifting the block lifts the accounts' suspension.
    a.api("DELETE", f"/api/v1/admin/domain_blocks/{r.json()['id']}", token=admin)
    assert a.api("GET", f"/api/v1/accounts/{bob_on_a}").json().get("suspended") is None


def test_domain_suspension_runs_in_a_job_not_in_the_request(instances):
    # No worker threads: the request writes the block and leaves the work to `agora worker`.
    agora = instances(env={"AGORA_WORKER_THREADS": "0"})
    admin = admin_token(agora)
    now = int(time.time() * 1000)
    agora.sql("INSERT INTO accounts (id, username, domain, uri, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
              (4242, "bob", "big.example", "https://big.example/users/bob", now, now))
    r = agora.api("POST", "/api/v1/admin/domain_blocks", token=admin,
                  data={"domain": "big.example", "severity": "suspend"})
    assert r.status_code == 200, r.text
    assert agora.sql("SELECT count(*) FROM accounts WHERE id = 4242 AND suspended_at IS NULL")[0][0] == "1"
    jobs = agora.sql("SELECT payload FROM jobs WHERE kind = 'suspend_domain'")
    assert len(jobs) == 1 and json.loads(jobs[0][0]) == {"domain_block_id": int(r.json()["id"])}
    worker = subprocess.Popen([str(AGORA), "worker"], env=agora.env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        eventually(lambda: agora.sql("SELECT count(*) FROM accounts WHERE id = 4242 AND suspended_at IS NOT NULL")
                   [0][0] == "1", message="the job suspended the domain's account")
    finally:
        worker.terminate()
        worker.wait(timeout=15)
    assert agora.sql("SELECT count(*) FROM jobs WHERE kind = 'suspend_domain'")[0][0] == "0"


# Limited federation mode


def test_limited_federation_mode_federates_only_with_allowed_domains(fake_federation):
    agora, allowed, other = fake_federation("allowed.test", "other.test")
    admin = admin_token(agora)
    alice = agora.create_user("alice")
    bob, carol = allowed.actor("bob"), other.actor("carol")
    remote_follows(agora, allowed, bob, "alice")
    remote_follows(agora, other, carol, "alice")
    follow_fake_actor(agora, alice, allowed, bob)  # so that bob's posts concern someone here

    assert agora.cli("settings", "set", "limited_federation_mode", "maybe").returncode != 0
    assert agora.cli("settings", "set", "limited_federation_mode", "true").returncode == 0
    r = agora.api("POST", "/api/v1/admin/domain_allows", token=admin, data={"domain": "allowed.test"})
    assert r.status_code == 200

    # Out: only the allowed domain receives alice's post.
    agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "limited hello"})
    eventually(lambda: [b for b in bodies(allowed, "Create") if "limited hello" in b["object"]["content"]],
               message="post at the allowed domain")
    eventually(lambda: drained(agora, "deliver"), message="deliveries done")
    assert not [b for b in bodies(other, "Create") if "limited hello" in b["object"]["content"]]
    # In: the other domain's activities are refused at the inbox; the allowed one's accepted.
    dave = other.actor("dave")
    follow = {"@context": AS, "id": dave.uri + "#follows/1", "type": "Follow", "actor": dave.uri,
              "object": local_uri(agora, "alice")}
    r = deliver(agora, dave, follow)
    assert r.status_code == 403 and "error" in r.json()
    assert deliver(agora, bob, public_note(bob, 1, "allowed in")).status_code == 202
    eventually(lambda: status_id_of(agora, f"{bob.uri}/statuses/1"), message="allowed note stored")
    # Lookups: the resolver does not fetch from the other domain.
    asked_before = len(other.requested)
    found = agora.api("GET", "/api/v2/search", token=alice,
                      params={"q": "dave@other.test", "resolve": "true", "type": "accounts"}).json()
    assert found["accounts"] == []
    assert other.requested[asked_before:] == []
    # Off again: the other domain federates.
    assert agora.cli("settings", "set", "limited_federation_mode", "false").returncode == 0
    assert deliver(agora, dave, follow).status_code == 202


# IP blocks


def test_no_access_ip_block_refuses_every_request_from_the_range(agora):
    admin = admin_token(agora)
    r = agora.api("POST", "/api/v1/admin/ip_blocks", token=admin,
                  data={"ip": "203.0.113.0/24", "severity": "no_access", "comment": "flood"})
    assert r.status_code == 200, r.text
    block_id = r.json()["id"]
    blocked = {"X-Forwarded-For": "203.0.113.7"}

    def answer(headers):
        return agora.api("GET", "/api/v1/instance", headers=dict(headers))
    eventually(lambda: answer(blocked).status_code == 403, timeout=5, message="blocked address refused")
    assert answer(blocked).json() == {"error": "Forbidden"}
    assert agora.api("POST", "/api/v1/apps", headers=dict(blocked), data={"client_name": "x",
                     "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"}).status_code == 403
    assert answer({"X-Forwarded-For": "198.51.100.1"}).status_code == 200
    assert answer({}).status_code == 200
    # A sign-up block refuses only signing up.
    agora.api("POST", "/api/v1/admin/ip_blocks", token=admin, data={"ip": "198.51.100.0/24", "severity": "sign_up_block"})
    assert answer({"X-Forwarded-For": "198.51.100.1"}).status_code == 200
    # Lifted: the range is served again.
    assert agora.api("DELETE", f"/api/v1/admin/ip_blocks/{block_id}", token=admin).status_code == 200
    eventually(lambda: answer(blocked).status_code == 200, timeout=5, message="block lifted")


# Sensitized accounts


def test_a_sensitized_accounts_posts_are_sensitive_to_everyone_else(agora):
    admin = admin_token(agora)
    alice, bob = agora.create_user("alice"), agora.create_user("bob")
    posted = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "a picture"}).json()
    assert posted["sensitive"] is False
    assert act(agora, admin, agora.account_id("alice"), "sensitive").status_code == 200
    path = f"/api/v1/statuses/{posted['id']}"
    assert agora.api("GET", path, token=bob).json()["sensitive"] is True
    assert agora.api("GET", path).json()["sensitive"] is True
    assert agora.api("GET", path, token=alice).json()["sensitive"] is False  # the author sees it as posted
    assert agora.api("POST", f"/api/v1/admin/accounts/{agora.account_id('alice')}/unsensitive",
                     token=admin).status_code == 200
    assert agora.api("GET", path, token=bob).json()["sensitive"] is False
