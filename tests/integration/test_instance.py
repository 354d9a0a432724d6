"""The instance documents clients and servers read first."""
import re


def test_v2_instance_is_mastodon_shaped_with_the_configured_domain(agora):
    r = agora.get("/api/v2/instance")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "application/json; charset=utf-8"
    body = r.json()
    assert body["domain"] == agora.domain
    assert re.match(r"^4\.\d+\.\d+ \(compatible; agora \d+\.\d+\.\d+\)$", body["version"])
    assert body["configuration"]["urls"]["streaming"] == f"ws://{agora.domain}"
    assert body["configuration"]["statuses"]["max_characters"] == 500
    assert body["registrations"]["enabled"] is True
    assert body["contact"] == {"email": "", "account": None}
    assert body["rules"] == []
    assert "public, " in r.headers["Cache-Control"]


def test_v1_instance_and_trailing_slash(agora):
    a = agora.get("/api/v1/instance")
    b = agora.get("/api/v1/instance/")
    assert a.status_code == b.status_code == 200
    assert a.json() == b.json()
    body = a.json()
    assert body["uri"] == agora.domain
    assert body["urls"]["streaming_api"] == f"ws://{agora.domain}"
    assert body["stats"] == {"user_count": 0, "status_count": 0, "domain_count": 0}
    assert body["contact_account"] is None


def test_stats_count_accounts_created_from_the_cli(agora):
    for name in ("alice", "bob"):
        agora.cli("accounts", "create", name, "--email", f"{name}@example.org", check=True)
    assert agora.get("/api/v1/instance").json()["stats"]["user_count"] == 2
    assert agora.get("/nodeinfo/2.0").json()["usage"]["users"]["total"] == 2


def test_nodeinfo_discovery_and_documents(agora):
    links = agora.get("/.well-known/nodeinfo").json()["links"]
    by_rel = {link["rel"]: link["href"] for link in links}
    assert by_rel["http://nodeinfo.diaspora.software/ns/schema/2.0"] == f"http://{agora.domain}/nodeinfo/2.0"
    for version in ("2.0", "2.1"):
        r = agora.get(f"/nodeinfo/{version}")
        assert r.status_code == 200
        assert r.headers["Content-Type"].startswith("application/json")
        doc = r.json()
        assert doc["version"] == version
        assert doc["software"]["name"] == "agora"
        assert doc["protocols"] == ["activitypub"]
        assert doc["openRegistrations"] is True


def test_host_meta_in_xml_and_json(agora):
    r = agora.get("/.well-known/host-meta")
    assert r.headers["Content-Type"] == "application/xrd+xml; charset=utf-8"
    assert f'template="http://{agora.domain}/.well-known/webfinger?resource={{uri}}"' in r.text
    j = agora.get("/.well-known/host-meta", headers={"Accept": "application/json"}).json()
    assert j["links"][0]["template"] == f"http://{agora.domain}/.well-known/webfinger?resource={{uri}}"
    assert agora.get("/.well-known/host-meta.json").json() == j


def test_health_checks_the_database(agora):
    r = agora.get("/health")
    assert (r.status_code, r.text) == (200, "OK")


def test_unknown_routes_answer_mastodons_404(agora):
    for path in ("/api/v1/nope", "/api/v2/instance/extra", "/no/such/page"):
        r = agora.get(path)
        assert r.status_code == 404
        assert r.json() == {"error": "Record not found"}
    assert agora.post("/api/v1/instance").status_code == 404


def test_cors_as_mastodon(agora):
    r = agora.get("/api/v1/instance", headers={"Origin": "https://elk.zone"})
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "Link" in r.headers["Access-Control-Expose-Headers"]
    pre = agora.raw(b"OPTIONS /api/v1/statuses HTTP/1.1\r\nHost: x\r\nOrigin: https://elk.zone\r\n"
                    b"Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: authorization\r\n"
                    b"Connection: close\r\n\r\n").decode()
    assert pre.startswith("HTTP/1.1 200")
    assert "Access-Control-Allow-Headers: authorization" in pre
    assert "Access-Control-Allow-Methods: GET, POST" in pre
    assert "Access-Control-Allow-Origin" not in agora.get("/health").headers


def test_two_instances_with_different_domains_run_side_by_side(instances):
    one = instances(domain=None)
    two = instances(domain="second.localhost:1")
    assert one.get("/api/v2/instance").json()["domain"] == one.domain
    assert two.get("/api/v2/instance").json()["domain"] == "second.localhost:1"
