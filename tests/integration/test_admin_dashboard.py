"""The admin dashboard: Mastodon's measures, dimensions and retention, and
agora's job queue, instances and audit log endpoints."""
import datetime as dt
import re

ADMIN_SCOPES = "read write admin:read admin:write"
SQL_DAY = re.compile(r"^\d{4}-\d\d-\d\dT00:00:00\.000\+00:00$")
TRACKER_DAY = re.compile(r"^\d{4}-\d\d-\d\dT00:00:00Z$")
COHORT_DAY = re.compile(r"^\d{4}-\d\d-\d\dT00:00:00\+00:00$")
MEASURES = ["active_users", "new_users", "interactions", "opened_reports", "resolved_reports",
            "instance_accounts", "instance_media_attachments", "instance_reports", "instance_statuses",
            "instance_follows", "instance_followers"]


def today():
    return dt.datetime.now(dt.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)


def period(days_back=2):
    end = dt.datetime.now(dt.timezone.utc)
    return {"start_at": (today() - dt.timedelta(days=days_back)).isoformat(), "end_at": end.isoformat()}


def add_remote_account(agora, acct_id, username, domain, followers=0):
    agora.sql("INSERT INTO accounts (id, username, domain, uri, followers_count, created_at, updated_at)"
              f" VALUES ({acct_id}, '{username}', '{domain}', 'https://{domain}/users/{username}', {followers},"
              " 1700000000000, 1700000000000)")


def test_measures_match_mastodons_shapes(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    alice = agora.create_user("alice")
    agora.create_user("bob")
    bob_id = agora.api("GET", "/api/v1/accounts/lookup?acct=bob", token=alice).json()["id"]
    assert agora.api("POST", "/api/v1/reports", token=alice, data={"account_id": bob_id}).status_code == 200
    add_remote_account(agora, 900001, "carol", "remote.example")
    r = agora.api("POST", "/api/v1/admin/measures", token=admin,
                  json={"keys": MEASURES + ["no_such_measure"], **period(2),
                        "instance_accounts": {"domain": "remote.example"},
                        "instance_media_attachments": {"domain": "remote.example"}})
    assert r.status_code == 200, r.text
    measures = {m["key"]: m for m in r.json()}
    assert [m["key"] for m in r.json()] == MEASURES  # unknown keys are left out, as Mastodon does
    assert list(measures["new_users"]) == ["key", "unit", "total", "previous_total", "data"]
    assert list(measures["instance_accounts"]) == ["key", "unit", "total", "data"]
    assert list(measures["instance_media_attachments"]) == ["key", "unit", "total", "human_value", "data"]
    assert measures["instance_media_attachments"]["unit"] == "bytes"
    assert measures["instance_media_attachments"]["human_value"] == "0 Bytes"
    new_users = measures["new_users"]
    assert new_users["unit"] is None and new_users["total"] == "3" and new_users["previous_total"] == "0"
    assert len(new_users["data"]) == 3 and all(SQL_DAY.match(d["date"]) for d in new_users["data"])
    assert new_users["data"][-1] == {"date": today().strftime("%Y-%m-%dT00:00:00.000+00:00"), "value": "3"}
    assert sum(int(d["value"]) for d in new_users["data"]) == 3
    assert measures["opened_reports"]["total"] == "1" and measures["resolved_reports"]["total"] == "0"
    assert measures["instance_accounts"]["total"] == "0"  # carol was first seen long ago
    # The activity tracker's days stop before end_at's day, dated with "Z", as Mastodon's do.
    assert all(TRACKER_DAY.match(d["date"]) for d in measures["active_users"]["data"])
    assert len(measures["active_users"]["data"]) == 2


def test_measures_count_a_tag_and_refuse_bad_input(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    alice = agora.create_user("alice")
    assert agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "hello #Birds"}).status_code == 200
    tag_id = agora.sql("SELECT id FROM tags WHERE name = 'birds'")[0][0]
    r = agora.api("POST", "/api/v1/admin/measures", token=admin,
                  json={"keys": ["tag_uses", "tag_accounts", "tag_servers"], **period(1),
                        "tag_uses": {"id": tag_id}, "tag_accounts": {"id": tag_id}, "tag_servers": {"id": tag_id}})
    assert r.status_code == 200, r.text
    assert [(m["key"], m["total"], m["previous_total"]) for m in r.json()] == \
        [("tag_uses", "1", "0"), ("tag_accounts", "1", "0"), ("tag_servers", "0", "0")]

    def measures(**body):
        return agora.api("POST", "/api/v1/admin/measures", token=admin, json={"keys": ["new_users"], **body})

    for body in ({"start_at": "yesterday", "end_at": "2024-01-01"}, {"end_at": "2024-01-01"},
                 {"start_at": "2024-01-05", "end_at": "2024-01-01"}, {"start_at": "2020-01-01", "end_at": "2024-01-01"}):
        r = measures(**body)
        assert r.status_code == 400 and "error" in r.json(), body
    assert measures(start_at="2024-01-01", end_at="2024-01-03").json()[0]["data"][0]["date"] == \
        "2024-01-01T00:00:00.000+00:00"
    r = agora.api("POST", "/api/v1/admin/measures", token=admin,
                  json={"keys": ["tag_uses"], **period(1), "tag_uses": {"id": "999"}})
    assert r.status_code == 404 and r.json() == {"error": "Record not found"}


def test_dimensions(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    alice = agora.create_user("alice")
    agora.sql("UPDATE users SET locale = 'de', current_sign_in_at = ?", (int(dt.datetime.now().timestamp() * 1000),))
    agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "hi", "language": "en"})
    add_remote_account(agora, 900001, "carol", "remote.example", followers=5)
    add_remote_account(agora, 900002, "dave", "remote.example", followers=9)
    r = agora.api("POST", "/api/v1/admin/dimensions", token=admin,
                  json={"keys": ["languages", "sources", "servers", "space_usage", "software_versions",
                                 "instance_accounts", "instance_languages", "nonsense"], "limit": 1, **period(1),
                        "instance_accounts": {"domain": "remote.example"},
                        "instance_languages": {"domain": "remote.example"}})
    assert r.status_code == 200, r.text
    dims = {d["key"]: d["data"] for d in r.json()}
    assert [d["key"] for d in r.json()] == ["languages", "sources", "servers", "space_usage", "software_versions",
                                            "instance_accounts", "instance_languages"]
    assert all(list(d) == ["key", "data"] for d in r.json())
    assert dims["languages"] == [{"key": "de", "human_key": "de", "value": "2"}]
    assert dims["sources"] == [{"key": "web", "human_key": "Website", "value": "2"}]
    assert dims["servers"] == [{"key": agora.domain, "human_key": agora.domain, "value": "1"}]
    assert dims["instance_accounts"] == [{"key": "dave", "human_key": "dave", "value": "9"}]  # limit 1
    assert dims["instance_languages"] == []
    space = {e["key"]: e for e in dims["space_usage"]}
    database = "postgresql" if agora.db == "postgres" else "sqlite"
    assert set(space) == {database, "media"}
    assert list(space[database]) == ["key", "human_key", "value", "unit", "human_value"]
    assert int(space[database]["value"]) > 0 and space[database]["unit"] == "bytes"
    assert re.match(r"^[\d.]+ (Bytes|KB|MB|GB)$", space[database]["human_value"])
    versions = {e["key"]: e for e in dims["software_versions"]}
    assert versions["agora"]["value"] and versions[database]["human_value"]


def test_retention_cohorts(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    agora.create_user("alice")
    now_ms = int(dt.datetime.now().timestamp() * 1000)
    day = 86400000
    # Both signed up two days ago; root came back today, alice last yesterday, bob signed up today and never signed in.
    agora.sql(f"UPDATE users SET created_at = {now_ms - 2 * day}")
    agora.sql(f"UPDATE users SET current_sign_in_at = {now_ms - day} WHERE account_id IN"
              " (SELECT id FROM accounts WHERE username = 'alice')")
    agora.create_user("bob")
    agora.sql(f"UPDATE users SET current_sign_in_at = {now_ms} WHERE account_id IN"
              " (SELECT id FROM accounts WHERE username = 'root')")
    r = agora.api("POST", "/api/v1/admin/retention", token=admin, data={**period(2), "frequency": "day"})
    assert r.status_code == 200, r.text
    cohorts = r.json()
    assert [len(c["data"]) for c in cohorts] == [3, 2, 1]
    first = cohorts[0]
    assert list(first) == ["period", "frequency", "data"] and first["frequency"] == "day"
    assert COHORT_DAY.match(first["period"]) and list(first["data"][0]) == ["date", "rate", "value"]
    # As Mastodon's: a member counts in a period when their last sign-in is in it or later.
    assert [(d["value"], d["rate"]) for d in first["data"]] == [("2", 1.0), ("2", 1.0), ("1", 0.5)]
    assert cohorts[1]["data"][0] == {"date": cohorts[1]["period"], "rate": 0.0, "value": "0"}
    assert cohorts[2]["data"] == [{"date": cohorts[2]["period"], "rate": 0.0, "value": "0"}]  # bob, not back
    r = agora.api("POST", "/api/v1/admin/retention", token=admin, data={**period(40), "frequency": "month"})
    assert r.status_code == 200 and all(c["period"][8:10] == "01" for c in r.json())
    assert agora.api("POST", "/api/v1/admin/retention", token=admin,
                     data={**period(2), "frequency": "week"}).status_code == 400


def test_dashboard_permissions(agora):
    mod = agora.create_user("mod", scopes=ADMIN_SCOPES, role="moderator")
    user = agora.create_user("alice", scopes=ADMIN_SCOPES)
    reader = agora.create_user("root", scopes="read write", role="admin")  # no admin scope
    body = {"keys": ["new_users"], **period(1)}
    assert agora.api("POST", "/api/v1/admin/measures", token=mod, json=body).status_code == 200
    assert agora.api("GET", "/api/v1/admin/queues", token=mod).status_code == 200
    assert agora.api("GET", "/api/v1/admin/action_logs", token=mod).status_code == 200
    assert agora.api("GET", "/api/v1/admin/instances", token=mod).status_code == 403  # manage_federation
    for method, path in (("POST", "/api/v1/admin/measures"), ("POST", "/api/v1/admin/dimensions"),
                         ("POST", "/api/v1/admin/retention"), ("GET", "/api/v1/admin/queues"),
                         ("GET", "/api/v1/admin/instances"), ("GET", "/api/v1/admin/action_logs")):
        r = agora.api(method, path, token=user, json=body)
        assert r.status_code == 403 and r.json() == {"error": "This action is not allowed"}, path
        assert agora.api(method, path, token=reader, json=body).status_code == 403, path


def test_job_queues(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    agora.sql("INSERT INTO jobs (id, queue, kind, payload, run_at, attempts, dead_at, created_at)"
              " VALUES (1, 'push', 'deliver', '{}', 1, 5, 2, 1), (2, 'push', 'deliver', '{}', 9999999999999, 0, NULL, 1)")
    r = agora.api("GET", "/api/v1/admin/queues", token=admin)
    assert r.status_code == 200
    assert {"queue": "push", "kind": "deliver", "waiting": 1, "dead": 1} in r.json()


def test_instances_overview(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    add_remote_account(agora, 900001, "carol", "remote.example")
    add_remote_account(agora, 900002, "dave", "remote.example")
    add_remote_account(agora, 900003, "erin", "other.example")
    agora.sql("INSERT INTO instances (domain, software, first_seen_at, last_success_at, failure_count, unavailable_since)"
              " VALUES ('other.example', 'mastodon', 1, 1700000000000, 3, 1700000001000)")
    assert agora.api("POST", "/api/v1/admin/domain_blocks", token=admin,
                     data={"domain": "other.example", "severity": "silence"}).status_code == 200
    r = agora.api("GET", "/api/v1/admin/instances", token=admin)
    assert r.status_code == 200, r.text
    rows = r.json()
    assert [x["domain"] for x in rows] == ["remote.example", "other.example"]
    assert list(rows[0]) == ["domain", "accounts_count", "statuses_count", "software", "last_success_at",
                             "failure_count", "unavailable_since", "domain_block", "domain_allow"]
    assert rows[0]["accounts_count"] == 2 and rows[0]["domain_block"] is None and rows[0]["failure_count"] == 0
    other = rows[1]
    assert other["failure_count"] == 3 and other["software"] == "mastodon"
    assert other["last_success_at"] == "2023-11-14T22:13:20.000Z"
    assert other["domain_block"]["severity"] == "silence"
    r = agora.api("GET", "/api/v1/admin/instances?limit=1", token=admin)
    assert [x["domain"] for x in r.json()] == ["remote.example"] and 'offset=1>; rel="next"' in r.headers["Link"]
    assert [x["domain"] for x in agora.api("GET", "/api/v1/admin/instances?by_domain=other",
                                           token=admin).json()] == ["other.example"]
    assert agora.api("GET", "/api/v1/admin/instances?offset=-1", token=admin).status_code == 400


def test_action_logs_page_and_filter(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    mod = agora.create_user("mod", scopes=ADMIN_SCOPES, role="moderator")
    for domain in ("a.example", "b.example"):
        agora.api("POST", "/api/v1/admin/domain_blocks", token=admin, data={"domain": domain})
    agora.api("POST", "/api/v1/admin/rules", token=admin, data={"text": "Be kind"})
    r = agora.api("GET", "/api/v1/admin/action_logs", token=mod)
    assert r.status_code == 200
    logs = r.json()
    assert [(x["action"], x["target_type"], x["summary"]) for x in logs] == \
        [("create", "Rule", "Be kind"), ("create", "DomainBlock", "b.example"), ("create", "DomainBlock", "a.example")]
    assert list(logs[0]) == ["id", "action", "target_type", "target_id", "summary", "account_id", "acct", "created_at"]
    assert logs[0]["acct"] == "root"
    r = agora.api("GET", "/api/v1/admin/action_logs?limit=2", token=admin)
    assert len(r.json()) == 2 and f"max_id={logs[1]['id']}" in r.headers["Link"]
    older = agora.api("GET", f"/api/v1/admin/action_logs?max_id={logs[1]['id']}", token=admin).json()
    assert [x["summary"] for x in older] == ["a.example"]
    assert len(agora.api("GET", "/api/v1/admin/action_logs?target_type=DomainBlock", token=admin).json()) == 2
    assert agora.api("GET", "/api/v1/admin/action_logs?action=destroy", token=admin).json() == []
    mod_id = agora.api("GET", "/api/v1/accounts/verify_credentials", token=mod).json()["id"]
    assert agora.api("GET", f"/api/v1/admin/action_logs?account_id={mod_id}", token=admin).json() == []
    assert agora.api("GET", "/api/v1/admin/action_logs?account_id=abc", token=admin).status_code == 400
