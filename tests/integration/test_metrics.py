"""GET /metrics: Prometheus's text format, counting requests by route and status, latency, jobs,
deliveries per domain, the database pool and open streams; only for a direct caller on loopback."""
import math
import re
import socket
import time

import pytest
import requests

from federation_helpers import eventually, follow_remote
from images import png
from streaming_clients import WS

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)')


def parse(text):
    """{(name, frozenset(labels)): value}, checking the text format on the way: every sample belongs to a
    family declared by # TYPE before it, label sets parse completely, histograms are cumulative."""
    types, samples = {}, {}
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ")
            assert kind in ("counter", "gauge", "histogram") and name not in types, line
            types[name] = kind
            continue
        if line.startswith("# HELP ") or not line:
            continue
        m = SAMPLE.match(line)
        assert m, f"not a sample: {line!r}"
        name, labels_text, value = m.groups()
        labels = {}
        if labels_text:
            pos = 0
            for lm in LABEL.finditer(labels_text):
                assert lm.start() == pos, f"bad labels in {line!r}"
                labels[lm.group(1)] = lm.group(2)
                pos = lm.end()
            assert pos == len(labels_text), f"bad labels in {line!r}"
        family = re.sub(r"_(bucket|sum|count)$", "", name) if name not in types else name
        assert family in types, f"{name} has no # TYPE"
        key = (name, frozenset(labels.items()))
        assert key not in samples, f"duplicate sample {line!r}"
        samples[key] = float(value)
    for (name, labels), value in samples.items():
        if name.endswith("_count") and types.get(name[:-6]) == "histogram":
            series = {k: v for k, v in labels}
            buckets = sorted(((float(dict(l)["le"]), v) for (n, l), v in samples.items()
                              if n == name[:-6] + "_bucket" and {k: x for k, x in l if k != "le"} == series))
            counts = [v for _, v in buckets]
            assert counts == sorted(counts) and buckets[-1][0] == math.inf and buckets[-1][1] == value, (name, series)
    return samples


def value(samples, name, **labels):
    return samples.get((name, frozenset(labels.items())), 0.0)


def values(samples, name):
    return {labels: v for (n, labels), v in samples.items() if n == name}


def scrape(agora):
    r = requests.get(agora.url("/metrics"), timeout=10)
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    return parse(r.text)


def test_requests_are_counted_by_route_and_status(agora):
    token = agora.create_user("alice")
    before = scrape(agora)
    for _ in range(3):
        assert agora.api("GET", "/api/v1/timelines/home", token=token).status_code == 200
    assert agora.api("GET", "/api/v1/statuses/12345", token=token).status_code == 404
    assert agora.api("GET", "/no/such/page").status_code == 404
    assert agora.api("GET", "/api/v1/timelines/home").status_code == 401
    after = scrape(agora)

    def delta(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    home = {"method": "GET", "route": "/api/v1/timelines/home"}
    assert delta("agora_http_requests_total", **home, status="200") == 3
    assert delta("agora_http_requests_total", **home, status="401") == 1
    assert delta("agora_http_requests_total", method="GET", route="/api/v1/statuses/:id", status="404") == 1
    assert delta("agora_http_requests_total", method="GET", route="unmatched", status="404") == 1
    assert delta("agora_http_request_duration_seconds_count", **home) == 4
    assert delta("agora_http_request_duration_seconds_bucket", **home, le="+Inf") == 4
    assert delta("agora_http_request_duration_seconds_sum", **home) > 0
    # The scrape before this one was counted too; no label carries a URL's own values.
    assert value(after, "agora_http_requests_total", method="GET", route="/metrics", status="200") >= 1
    assert not any("12345" in v for labels in values(after, "agora_http_requests_total") for _, v in labels)

    assert value(after, "agora_db_pool_connections") >= 2
    assert 0 <= value(after, "agora_db_pool_in_use") <= value(after, "agora_db_pool_connections")
    assert value(after, "process_resident_memory_bytes") > 1_000_000
    assert abs(value(after, "process_start_time_seconds") - time.time()) < 3600
    assert value(after, "agora_uptime_seconds") > 0


def test_jobs_and_streams(agora):
    token = agora.create_user("alice")
    r = agora.api("POST", "/api/v2/media", token=token, files={"file": ("a.png", png(8, 8), "image/png")})
    assert r.status_code == 200, r.text
    # Every upload is checked a day later for being still unattached.
    queued = values(scrape(agora), "agora_jobs_queued")
    assert any(dict(labels).get("kind") == "remove_unattached_media" and v >= 1 for labels, v in queued.items()), queued

    assert value(scrape(agora), "agora_streaming_connections") == 0
    ws = WS(agora, token=token)
    ws.subscribe("user")
    assert value(scrape(agora), "agora_streaming_connections") == 1
    ws.close()
    eventually(lambda: value(scrape(agora), "agora_streaming_connections") == 0, message="stream closed")


def test_deliveries_and_failures_per_domain(federation):
    a, b = federation("a.test", "b.test")
    alice = a.create_user("alice")
    bob = b.create_user("bob")
    follow_remote(b, bob, "alice@a.test")
    a.api("POST", "/api/v1/statuses", token=alice, json={"status": "to my followers"})
    eventually(lambda: value(scrape(a), "agora_deliveries_total", domain="b.test", result="delivered") >= 1,
               message="a delivery to b.test counted")
    b.stop()
    a.api("POST", "/api/v1/statuses", token=alice, json={"status": "b is down"})

    def failed_delivery_counted():
        samples = scrape(a)
        return samples if value(samples, "agora_deliveries_total", domain="b.test", result="failed") >= 1 else None

    samples = eventually(failed_delivery_counted, message="a failed delivery counted")
    assert value(samples, "agora_job_failures_total", queue="push", kind="deliver") >= 1


def non_loopback_address():
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # no packet is sent
            address = s.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def test_only_direct_loopback_callers(instances):
    agora = instances(run=False)
    agora.env["AGORA_LISTEN"] = f"0.0.0.0:{agora.port}"
    agora.start()
    assert requests.get(agora.url("/metrics"), timeout=10).status_code == 200
    # A proxy on this machine speaks for someone else.
    for header in ("X-Forwarded-For", "X-Real-IP", "Forwarded"):
        r = requests.get(agora.url("/metrics"), headers={header: "203.0.113.9"}, timeout=10)
        assert r.status_code == 403 and r.json() == {"error": "This action is not allowed"}, header
        r = requests.get(agora.url("/metrics"), headers={header: "127.0.0.1"}, timeout=10)
        assert r.status_code == 403, header
    address = non_loopback_address()
    if address is None:
        pytest.skip("no non-loopback address on this machine")
    r = requests.get(f"http://{address}:{agora.port}/metrics", timeout=10)
    assert r.status_code == 403 and "agora_http_requests_total" not in r.text
