"""Scheduled statuses: scheduling, listing, moving, cancelling, and posting them when due."""
from datetime import datetime, timedelta, timezone

from mastodon import Mastodon
from federation_helpers import eventually as wait_for

PARAM_KEYS = ["text", "media_ids", "sensitive", "spoiler_text", "visibility", "language", "scheduled_at", "poll",
              "idempotency", "with_rate_limit", "in_reply_to_id", "application_id"]


def iso(delta):
    return (datetime.now(timezone.utc) + delta).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def schedule(agora, token, text="later", delta=timedelta(hours=1), **extra):
    return agora.api("POST", "/api/v1/statuses", token=token,
                     data={"status": text, "scheduled_at": iso(delta), **extra})



def test_schedule_list_show_move_and_cancel(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    when = iso(timedelta(hours=2))
    r = agora.api("POST", "/api/v1/statuses", token=alice,
                  data={"status": "please ensure adequate headroom", "scheduled_at": when, "visibility": "unlisted"})
    assert r.status_code == 200, r.text
    s = r.json()
    assert list(s.keys()) == ["id", "scheduled_at", "params", "media_attachments"]
    assert s["scheduled_at"] == when and s["media_attachments"] == []
    assert list(s["params"].keys()) == PARAM_KEYS
    assert s["params"]["text"] == "please ensure adequate headroom" and s["params"]["visibility"] == "unlisted"
    assert s["params"]["scheduled_at"] is None and s["params"]["with_rate_limit"] is False
    assert agora.sql("SELECT id FROM statuses") == []  # nothing posted yet

    second = schedule(agora, alice, "second").json()
    r = agora.api("GET", "/api/v1/scheduled_statuses?limit=1", token=alice)
    assert [x["id"] for x in r.json()] == [second["id"]]
    assert f"max_id={second['id']}" in r.headers["Link"] and 'rel="next"' in r.headers["Link"]
    r = agora.api("GET", f"/api/v1/scheduled_statuses?max_id={second['id']}", token=alice)
    assert [x["id"] for x in r.json()] == [s["id"]]
    assert agora.api("GET", "/api/v1/scheduled_statuses", token=bob).json() == []
    assert agora.api("GET", f"/api/v1/scheduled_statuses/{s['id']}", token=alice).json() == s
    assert agora.api("GET", f"/api/v1/scheduled_statuses/{s['id']}", token=bob).status_code == 404

    later = iso(timedelta(days=3))
    r = agora.api("PUT", f"/api/v1/scheduled_statuses/{s['id']}", token=alice, data={"scheduled_at": later})
    assert r.status_code == 200 and r.json()["scheduled_at"] == later
    r = agora.api("PUT", f"/api/v1/scheduled_statuses/{s['id']}", token=alice,
                  data={"scheduled_at": iso(timedelta(minutes=1))})
    assert r.status_code == 422
    assert r.json() == {"error": "Validation failed: Scheduled at The scheduled date must be in the future"}
    assert agora.api("PUT", f"/api/v1/scheduled_statuses/{s['id']}", token=bob,
                     data={"scheduled_at": later}).status_code == 404
    assert agora.api("GET", f"/api/v1/scheduled_statuses/{s['id']}", token=alice).json()["scheduled_at"] == later

    assert agora.api("DELETE", f"/api/v1/scheduled_statuses/{s['id']}", token=bob).status_code == 404
    r = agora.api("DELETE", f"/api/v1/scheduled_statuses/{s['id']}", token=alice)
    assert r.status_code == 200 and r.json() == {}
    assert agora.api("GET", f"/api/v1/scheduled_statuses/{s['id']}", token=alice).status_code == 404
    assert agora.api("GET", "/api/v1/scheduled_statuses").status_code == 401


def test_soon_or_past_times_post_at_once(agora):
    alice = agora.create_user("alice")
    for delta in (timedelta(minutes=1), timedelta(days=-1)):
        r = schedule(agora, alice, "now please", delta=delta)
        assert r.status_code == 200 and r.json()["content"] == "<p>now please</p>"
    assert agora.sql("SELECT id FROM scheduled_statuses") == []
    assert len(agora.sql("SELECT id FROM statuses")) == 2


def test_bad_scheduled_statuses_are_refused(agora):
    alice = agora.create_user("alice")
    r = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "x", "scheduled_at": "tomorrow"})
    assert r.status_code == 422
    r = schedule(agora, alice, "  ")
    assert r.status_code == 422 and r.json() == {"error": "Validation failed: Text can't be blank"}
    r = schedule(agora, alice, **{"poll[options][]": ["only one"], "poll[expires_in]": "600"})
    assert r.status_code == 422 and "Poll options" in r.json()["error"]
    assert agora.sql("SELECT id FROM scheduled_statuses") == []
    assert agora.sql("SELECT id FROM statuses") == []


def test_daily_and_total_limits(agora):
    alice = agora.create_user("alice")
    alice_id = agora.account_id("alice")
    day = datetime.now(timezone.utc).replace(hour=12, minute=0, second=0, microsecond=0) + timedelta(days=10)
    day_ms = int(day.timestamp() * 1000)
    rows = ", ".join(f"({i + 1}, {alice_id}, {day_ms + i}, '{{}}', 0)" for i in range(25))
    agora.sql(f"INSERT INTO scheduled_statuses (id, account_id, scheduled_at, params, created_at) VALUES {rows}")
    r = agora.api("POST", "/api/v1/statuses", token=alice,
                  data={"status": "one more", "scheduled_at": (day + timedelta(hours=1)).isoformat()})
    assert r.status_code == 422
    assert r.json() == {"error": "Validation failed: You have exceeded the limit of 25 scheduled posts for today"}
    assert schedule(agora, alice, delta=timedelta(days=20)).status_code == 200  # another day is fine

    rows = ", ".join(f"({i + 100}, {alice_id}, {day_ms + (i + 2) * 86_400_000}, '{{}}', 0)" for i in range(274))
    agora.sql(f"INSERT INTO scheduled_statuses (id, account_id, scheduled_at, params, created_at) VALUES {rows}")
    r = schedule(agora, alice, delta=timedelta(days=400))
    assert r.status_code == 422
    assert r.json() == {"error": "Validation failed: You have exceeded the limit of 300 scheduled posts"}
    assert len(agora.sql("SELECT id FROM scheduled_statuses")) == 300


def test_due_statuses_are_posted_once_and_cancelled_ones_never(agora):
    alice = agora.create_user("alice")
    s = schedule(agora, alice, "on time", spoiler_text="cw",
                 **{"poll[options][]": ["a", "b"], "poll[expires_in]": "600"}).json()
    cancelled = schedule(agora, alice, "never").json()
    agora.api("DELETE", f"/api/v1/scheduled_statuses/{cancelled['id']}", token=alice)
    # Make both due now and let the worker run their jobs.
    agora.sql("UPDATE scheduled_statuses SET scheduled_at = 1000")
    agora.sql("UPDATE jobs SET run_at = 0 WHERE kind = 'publish_scheduled_status'")
    wait_for(lambda: not agora.sql("SELECT id FROM jobs WHERE kind = 'publish_scheduled_status'"))
    rows = agora.sql("SELECT id, text, spoiler_text FROM statuses")
    assert len(rows) == 1 and rows[0][1] == "on time" and rows[0][2] == "cw"
    assert agora.sql("SELECT id FROM scheduled_statuses") == []
    posted = agora.api("GET", f"/api/v1/statuses/{rows[0][0]}", token=alice).json()
    assert [o["title"] for o in posted["poll"]["options"]] == ["a", "b"]
    # The same job again (a retry) posts nothing more.
    agora.sql("INSERT INTO jobs (id, queue, kind, payload, run_at, created_at) VALUES "
              f"(1, 'default', 'publish_scheduled_status', '{{\"scheduled_status_id\":{s['id']}}}', 0, 0)")
    wait_for(lambda: not agora.sql("SELECT id FROM jobs WHERE kind = 'publish_scheduled_status'"))
    assert len(agora.sql("SELECT id FROM statuses")) == 1


def test_mastodon_py_scheduled_statuses(agora):
    api = Mastodon(api_base_url=agora.base_url, access_token=agora.create_user("alice"), version_check_mode="none")
    when = datetime.now(timezone.utc) + timedelta(hours=1)
    scheduled = api.status_post("from the future", scheduled_at=when)
    assert scheduled.params.text == "from the future"
    assert [s.id for s in api.scheduled_statuses()] == [scheduled.id]
    moved = api.scheduled_status_update(scheduled.id, when + timedelta(hours=1))
    assert moved.scheduled_at > scheduled.scheduled_at
    api.scheduled_status_delete(scheduled.id)
    assert api.scheduled_statuses() == []
