"""Mastodon's default throttles, with its headers and 429 body."""
import requests


def test_unauthenticated_api_is_limited_per_client_address(agora):
    session = requests.Session()
    url = agora.url("/api/v1/instance")
    first = session.get(url, headers={"X-Forwarded-For": "198.51.100.1"})
    assert first.headers["X-RateLimit-Limit"] == "300"
    assert first.headers["X-RateLimit-Remaining"] == "299"
    assert first.headers["X-RateLimit-Reset"].endswith("Z")
    for _ in range(299):
        assert session.get(url, headers={"X-Forwarded-For": "198.51.100.1"}).status_code == 200
    over = session.get(url, headers={"X-Forwarded-For": "198.51.100.1"})
    assert over.status_code == 429
    assert over.json() == {"error": "Too many requests"}
    assert over.headers["X-RateLimit-Remaining"] == "0"
    # Another client behind the same (loopback) proxy has its own budget.
    assert session.get(url, headers={"X-Forwarded-For": "198.51.100.2"}).status_code == 200
    # Pages outside the API are not counted.
    assert "X-RateLimit-Limit" not in session.get(agora.url("/health")).headers


def test_limits_can_be_switched_off_for_benchmarks(instances):
    agora = instances(env={"AGORA_RATE_LIMITS": "false"})
    assert "X-RateLimit-Limit" not in agora.get("/api/v1/instance").headers


def test_posting_is_limited_per_account_as_mastodon(agora):
    """300 statuses (and boosts) per 3 hours, with that family's headers on posts."""
    import datetime

    token = agora.create_user("alice")
    first = agora.api("POST", "/api/v1/statuses", token=token, data={"status": "one"})
    assert first.status_code == 200
    assert first.headers["X-RateLimit-Limit"] == "300" and first.headers["X-RateLimit-Remaining"] == "299"
    # Windows are aligned to the epoch as Mastodon's: this one ends at the next multiple of 3 hours.
    reset = datetime.datetime.fromisoformat(first.headers["X-RateLimit-Reset"].replace("Z", "+00:00"))
    assert reset.hour % 3 == 0 and reset.minute == 0 and reset.second == 0
    assert datetime.timedelta(0) < reset - datetime.datetime.now(datetime.timezone.utc) <= datetime.timedelta(hours=3)
    boost = agora.api("POST", f"/api/v1/statuses/{first.json()['id']}/reblog", token=token)
    assert boost.status_code == 200 and boost.headers["X-RateLimit-Remaining"] == "298"
    # Reading is counted in its own 5-minute window.
    timeline = agora.api("GET", "/api/v1/timelines/home", token=token)
    assert timeline.headers["X-RateLimit-Limit"] == "300"
    reset = datetime.datetime.fromisoformat(timeline.headers["X-RateLimit-Reset"].replace("Z", "+00:00"))
    assert reset - datetime.datetime.now(datetime.timezone.utc) <= datetime.timedelta(minutes=5)
