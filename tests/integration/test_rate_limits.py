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
