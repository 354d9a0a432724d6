"""The smaller instance documents: rules, peers, activity, extended
description, translation languages and the public domain block list."""
import datetime
import hashlib
import time

from mastodon import Mastodon


def test_rules_from_the_cli_in_order_and_removed(agora):
    assert agora.get("/api/v1/instance/rules").json() == []
    first = agora.cli("rules", "add", "Be kind", "--hint", "No harassment", check=True).stdout.strip()
    second = agora.cli("rules", "add", "No spam", check=True).stdout.strip()
    rules = agora.get("/api/v1/instance/rules").json()
    assert rules == [{"id": first, "text": "Be kind", "hint": "No harassment"},
                     {"id": second, "text": "No spam", "hint": ""}]
    assert agora.get("/api/v2/instance").json()["rules"] == rules
    assert agora.get("/api/v1/instance").json()["rules"] == rules
    listed = agora.cli("rules", "list", check=True).stdout
    assert "Be kind\tNo harassment" in listed

    assert agora.cli("rules", "remove", first, check=True).stdout.strip() == "OK"
    assert [r["id"] for r in agora.get("/api/v1/instance/rules").json()] == [second]
    # Removing again, or an unknown id, fails without touching anything.
    again = agora.cli("rules", "remove", first)
    assert again.returncode == 1 and "Record not found" in again.stderr
    assert agora.cli("rules", "remove", "abc").returncode == 2
    blank = agora.cli("rules", "add", "   ")
    assert blank.returncode == 1 and "Text can't be blank" in blank.stderr
    too_long = agora.cli("rules", "add", "x" * 301)
    assert too_long.returncode == 1
    assert len(agora.get("/api/v1/instance/rules").json()) == 1


def test_peers_are_known_remote_domains_without_blocked_ones(agora):
    assert agora.get("/api/v1/instance/peers").json() == []
    now = int(time.time() * 1000)
    for i, domain in enumerate(["b.example", "a.example", "a.example", "blocked.example"]):
        agora.sql("INSERT INTO accounts (id, username, domain, uri, created_at, updated_at)"
                  f" VALUES ({now * 65536 + i}, 'u{i}', '{domain}', 'https://{domain}/u{i}', {now}, {now})")
    agora.sql("INSERT INTO domain_blocks (id, domain, severity, created_at, updated_at)"
              f" VALUES (1, 'blocked.example', 'suspend', {now}, {now})")
    assert agora.get("/api/v1/instance/peers").json() == ["a.example", "b.example"]


def test_activity_counts_twelve_weeks_from_this_monday(agora):
    agora.create_user("alice")
    agora.create_user("bob")
    now = int(time.time() * 1000)
    alice = agora.account_id("alice")
    agora.sql(f"UPDATE users SET current_sign_in_at = {now} WHERE account_id = {alice}")
    agora.sql("INSERT INTO statuses (id, account_id, uri, local, created_at, updated_at)"
              f" VALUES ({now * 65536}, {alice}, 'https://x/s/1', TRUE, {now}, {now})")
    old = now - 21 * 86400 * 1000
    agora.sql("INSERT INTO statuses (id, account_id, uri, local, created_at, updated_at)"
              f" VALUES ({now * 65536 + 1}, {alice}, 'https://x/s/2', TRUE, {old}, {old})")
    weeks = agora.get("/api/v1/instance/activity").json()
    assert len(weeks) == 12
    today = datetime.datetime.now(datetime.timezone.utc).date()
    monday = today - datetime.timedelta(days=today.weekday())
    start = int(datetime.datetime(monday.year, monday.month, monday.day, tzinfo=datetime.timezone.utc).timestamp())
    assert [w["week"] for w in weeks] == [str(start - i * 604800) for i in range(12)]
    assert weeks[0] == {"week": str(start), "statuses": "1", "logins": "1", "registrations": "2"}
    assert weeks[3]["statuses"] == "1"
    assert all(w["registrations"] == "0" for w in weeks[1:])


def test_extended_description_and_translation_languages(agora):
    r = agora.get("/api/v1/instance/extended_description")
    assert r.status_code == 200
    assert r.json() == {"updated_at": None, "content": ""}
    agora.cli("settings", "set", "site_extended_description", "Welcome!\n\nBe <nice>.", check=True)
    body = agora.get("/api/v1/instance/extended_description").json()
    assert body["content"] == "<p>Welcome!</p><p>Be &lt;nice&gt;.</p>"
    assert body["updated_at"].endswith("Z")
    assert agora.get("/api/v1/instance/translation_languages").json() == {}


def test_domain_blocks_follow_the_visibility_settings(agora):
    now = int(time.time() * 1000)
    agora.sql("INSERT INTO domain_blocks (id, domain, severity, public_comment, obfuscate, created_at, updated_at)"
              f" VALUES (1, 'spam.example', 'silence', 'Spam', FALSE, {now}, {now}),"
              f" (2, 'really.bad.example', 'suspend', '', TRUE, {now}, {now}),"
              f" (3, 'noop.example', 'noop', '', FALSE, {now}, {now})")
    r = agora.get("/api/v1/instance/domain_blocks")
    assert r.status_code == 404 and r.text == ""  # hidden by default, as Mastodon
    token = agora.create_user("alice")
    agora.cli("settings", "set", "show_domain_blocks", "users", check=True)
    assert agora.get("/api/v1/instance/domain_blocks").status_code == 404
    blocks = agora.api("GET", "/api/v1/instance/domain_blocks", token=token).json()
    assert blocks == [
        {"domain": "reall*.***.***mple", "digest": hashlib.sha256(b"really.bad.example").hexdigest(),
         "severity": "suspend"},
        {"domain": "spam.example", "digest": hashlib.sha256(b"spam.example").hexdigest(), "severity": "silence"},
    ]
    agora.cli("settings", "set", "show_domain_blocks", "all", check=True)
    agora.cli("settings", "set", "show_domain_blocks_rationale", "all", check=True)
    public = agora.get("/api/v1/instance/domain_blocks").json()
    assert [b["comment"] for b in public] == [None, "Spam"]
    bad = agora.cli("settings", "set", "show_domain_blocks", "everyone")
    assert bad.returncode == 1


def test_mastodon_py_reads_rules_peers_and_activity(agora):
    agora.cli("rules", "add", "Be kind", check=True)
    api = Mastodon(api_base_url=agora.base_url, version_check_mode="none")
    assert [r["text"] for r in api.instance_rules()] == ["Be kind"]
    assert api.instance_peers() == []
    assert len(api.instance_activity()) == 12
