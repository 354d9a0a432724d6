"""Announcements on the staff side: listed, written, scheduled, published,
unpublished and removed by holders of manage_announcements, in the audit log
and streamed to members."""
import json

from streaming_clients import SSE
from federation_helpers import eventually as wait_for

ADMIN_SCOPES = "read write admin:read admin:write"
BASE = "/api/v1/admin/announcements"


def staff(agora, username, role):
    return agora.create_user(username, scopes=ADMIN_SCOPES, role=role)



def member_ids(agora, token):
    r = agora.api("GET", "/api/v1/announcements", token=token)
    assert r.status_code == 200, r.text
    return [a["id"] for a in r.json()]


def test_only_manage_announcements_may_use_the_admin_endpoints(agora):
    admin = staff(agora, "root", "admin")
    moderator = staff(agora, "mod", "moderator")
    user = staff(agora, "plain", "user")
    made = agora.api("POST", BASE, token=admin, data={"text": "Hello"}).json()
    # Mastodon's Moderator role has no manage_announcements; nor has a member.
    for token in (moderator, user):
        for method, path in (("GET", BASE), ("POST", BASE), ("GET", f"{BASE}/{made['id']}"),
                             ("PUT", f"{BASE}/{made['id']}"), ("POST", f"{BASE}/{made['id']}/publish"),
                             ("POST", f"{BASE}/{made['id']}/unpublish"), ("DELETE", f"{BASE}/{made['id']}")):
            r = agora.api(method, path, token=token, data={"text": "x"})
            assert r.status_code == 403, (method, path, r.text)
            assert r.json() == {"error": "This action is not allowed"}
    # Without a token, and with a token lacking the admin scope.
    assert agora.api("GET", BASE).status_code == 403  # as Mastodon: no member, not permitted
    no_scope = agora.create_user("scopeless", role="admin")
    assert agora.api("GET", BASE, token=no_scope).status_code == 403
    assert agora.api("GET", f"{BASE}/{made['id']}", token=admin).json()["text"] == "Hello"


def test_admin_creates_edits_unpublishes_publishes_and_deletes(agora):
    admin = staff(agora, "root", "admin")
    alice = agora.create_user("alice")
    stream = SSE(agora, "/api/v1/streaming/user", token=alice)
    assert stream.status == 200

    r = agora.api("POST", BASE, token=admin, data={"text": "Maintenance #ops", "starts_at": "2099-01-01T10:00:00Z",
                                                   "ends_at": "2099-01-02T10:00:00Z", "all_day": "true"})
    assert r.status_code == 200, r.text
    a = r.json()
    assert list(a) == ["id", "text", "content", "starts_at", "ends_at", "all_day", "published", "published_at",
                       "scheduled_at", "created_at", "updated_at", "mentions", "statuses", "tags", "emojis",
                       "reactions"]
    assert a["text"] == "Maintenance #ops" and a["content"].startswith("<p>Maintenance <a href=")
    assert a["published"] is True and a["published_at"] is not None and a["scheduled_at"] is None
    assert a["starts_at"] == "2099-01-01T10:00:00.000Z" and a["all_day"] is True
    assert member_ids(agora, alice) == [a["id"]]
    name, data = stream.next("announcement")
    assert json.loads(data)["id"] == a["id"]

    r = agora.api("PUT", f"{BASE}/{a['id']}", token=admin, data={"text": "Maintenance moved"})
    assert r.status_code == 200, r.text
    assert r.json()["text"] == "Maintenance moved" and r.json()["starts_at"] == "2099-01-01T10:00:00.000Z"
    assert agora.api("GET", "/api/v1/announcements", token=alice).json()[0]["content"] == "<p>Maintenance moved</p>"

    r = agora.api("POST", f"{BASE}/{a['id']}/unpublish", token=admin)
    assert r.status_code == 200 and r.json()["published"] is False
    assert member_ids(agora, alice) == []
    assert stream.next("announcement.delete") == ("announcement.delete", a["id"])
    # Unpublished ones are still listed for staff.
    listed = agora.api("GET", BASE, token=admin).json()
    assert [(x["id"], x["published"]) for x in listed] == [(a["id"], False)]

    r = agora.api("POST", f"{BASE}/{a['id']}/publish", token=admin)
    assert r.status_code == 200 and r.json()["published"] is True
    assert member_ids(agora, alice) == [a["id"]]

    assert agora.api("DELETE", f"{BASE}/{a['id']}", token=admin).json() == {}
    assert member_ids(agora, alice) == []
    assert agora.api("GET", BASE, token=admin).json() == []
    stream.close()

    actions = agora.sql("SELECT action, target_type, target_id FROM admin_action_logs ORDER BY id")
    assert [(x[0], x[1]) for x in actions] == [("create", "Announcement"), ("update", "Announcement"),
                                               ("unpublish", "Announcement"), ("publish", "Announcement"),
                                               ("destroy", "Announcement")]
    assert {x[2] for x in actions} == {a["id"]}


def test_bad_input_and_unknown_ids(agora):
    admin = staff(agora, "root", "admin")
    cases = (
        {"text": ""},
        {"text": "x", "starts_at": "2099-01-02T00:00:00Z", "ends_at": "2099-01-01T00:00:00Z"},
        {"text": "x", "starts_at": "2099-01-02T00:00:00Z"},
        {"text": "x", "scheduled_at": "tomorrow"},
        {"text": "x" * 10001},
    )
    for data in cases:
        r = agora.api("POST", BASE, token=admin, data=data)
        assert r.status_code == 422, (data, r.text)
        assert "error" in r.json()
    assert agora.api("GET", BASE, token=admin).json() == []
    made = agora.api("POST", BASE, token=admin, data={"text": "ok"}).json()
    r = agora.api("PUT", f"{BASE}/{made['id']}", token=admin, data={"ends_at": "2099-01-01T00:00:00Z",
                                                                   "starts_at": "2099-02-01T00:00:00Z"})
    assert r.status_code == 422
    assert agora.api("GET", f"{BASE}/{made['id']}", token=admin).json()["ends_at"] is None
    for method, path in (("GET", f"{BASE}/12345"), ("PUT", f"{BASE}/12345"), ("POST", f"{BASE}/12345/publish"),
                         ("POST", f"{BASE}/12345/unpublish"), ("DELETE", f"{BASE}/12345")):
        r = agora.api(method, path, token=admin, data={"text": "x"})
        assert r.status_code == 404, (method, path, r.text)
        assert r.json() == {"error": "Record not found"}


def test_a_scheduled_announcement_is_published_by_the_job(agora):
    admin = staff(agora, "root", "admin")
    alice = agora.create_user("alice")
    r = agora.api("POST", BASE, token=admin, data={"text": "Soon", "scheduled_at": "2099-01-01T00:00:00Z"})
    assert r.status_code == 200, r.text
    a = r.json()
    assert a["published"] is False and a["published_at"] is None
    assert a["scheduled_at"] == "2099-01-01T00:00:00.000Z"
    assert member_ids(agora, alice) == []
    assert agora.sql("SELECT kind FROM jobs WHERE kind = 'publish_scheduled_announcement'")

    # Due now: the worker publishes it.
    agora.sql("UPDATE announcements SET scheduled_at = 0")
    agora.sql("UPDATE jobs SET run_at = 0 WHERE kind = 'publish_scheduled_announcement'")
    wait_for(lambda: not agora.sql("SELECT id FROM jobs WHERE kind = 'publish_scheduled_announcement'"))
    assert member_ids(agora, alice) == [a["id"]]
    shown = agora.api("GET", f"{BASE}/{a['id']}", token=admin).json()
    assert shown["published"] is True and shown["scheduled_at"] is None


def test_a_job_for_an_unscheduled_announcement_publishes_nothing(agora):
    admin = staff(agora, "root", "admin")
    alice = agora.create_user("alice")
    a = agora.api("POST", BASE, token=admin, data={"text": "Later", "scheduled_at": "2099-01-01T00:00:00Z"}).json()
    # Unpublishing drops the schedule; the job that was waiting then does nothing.
    assert agora.api("POST", f"{BASE}/{a['id']}/unpublish", token=admin).json()["scheduled_at"] is None
    agora.sql("UPDATE jobs SET run_at = 0 WHERE kind = 'publish_scheduled_announcement'")
    wait_for(lambda: not agora.sql("SELECT id FROM jobs WHERE kind = 'publish_scheduled_announcement'"))
    assert member_ids(agora, alice) == []
    # A schedule in the past publishes at once, as Mastodon's set_published.
    past = agora.api("POST", BASE, token=admin, data={"text": "Now", "scheduled_at": "2020-01-01T00:00:00Z"}).json()
    assert past["published"] is True and past["scheduled_at"] is None
    assert member_ids(agora, alice) == [past["id"]]
