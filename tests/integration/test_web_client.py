"""agora's own web client under /web: the static handler (types, caching,
security headers, no way out of web/dist) and the client itself in a real
browser (tests/clients/web_client_e2e.mjs, playwright-core with Debian's Chromium)."""
import json
import re
import subprocess
from pathlib import Path

import pytest

from agora_harness import exclusive
from node_clients import CLIENTS, node_clients

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session", autouse=True)
def web_client_built():
    """scripts/test builds web/dist; a direct pytest run builds it when missing."""
    with exclusive("web-client"):  # one parallel worker builds, the others wait
        if not (WEB / "dist" / "index.html").exists():
            if not (WEB / "node_modules" / "vite").exists():
                subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=WEB, check=True, capture_output=True)
            subprocess.run(["npm", "run", "build"], cwd=WEB, check=True, capture_output=True)


def csp_directives(header):
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in header.split(";")) if d}


def asset_paths(html):
    return re.findall(r'(?:src|href)="(/web/assets/[^"]+)"', html)


def test_index_answers_every_client_route_with_security_headers(agora):
    index = agora.get("/web")
    assert index.status_code == 200
    assert index.headers["Content-Type"] == "text/html; charset=utf-8"
    assert index.headers["Cache-Control"] == "no-cache"
    assert index.headers["Referrer-Policy"] == "same-origin"
    assert index.headers["X-Content-Type-Options"] == "nosniff"
    csp = csp_directives(index.headers["Content-Security-Policy"])
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"]  # no inline scripts, no eval
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert "<script" not in re.sub(r'<script type="module" crossorigin src="/web/assets/[^"]+"></script>', "",
                                   index.text)

    for route in ("/web/", "/web/notifications", "/web/statuses/109876543210", "/web/tags/caf%C3%A9",
                  "/web/callback?code=x&state=y"):
        r = agora.get(route)
        assert r.status_code == 200, route
        assert r.text == index.text, route
        assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"], route


def test_hashed_assets_are_typed_and_cached_for_long(agora):
    paths = asset_paths(agora.get("/web").text)
    assert any(p.endswith(".js") for p in paths) and any(p.endswith(".css") for p in paths)
    for path in paths:
        r = agora.get(path)
        assert r.status_code == 200, path
        expected = "text/javascript; charset=utf-8" if path.endswith(".js") else "text/css; charset=utf-8"
        assert r.headers["Content-Type"] == expected
        assert r.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.content == (WEB / "dist" / path.removeprefix("/web/")).read_bytes()
    # A missing file is not answered with the page (a stale cached index must not get HTML for its script).
    assert agora.get("/web/assets/index-missing.js").status_code == 404
    assert agora.get("/web/favicon.ico").status_code == 404


@pytest.mark.parametrize("target", [
    "/web/../../../../etc/passwd",
    "/web/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/web/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
    "/web/assets/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/web/..%5c..%5c..%5c..%5cetc%5cpasswd",
    "/web/%2e%2e/package.json",
    "/web/./index.html",
    "/web/.vite/manifest.json",
])
def test_paths_out_of_the_client_directory_are_refused(agora, target):
    response = agora.raw(f"GET {target} HTTP/1.1\r\nHost: {agora.domain}\r\nConnection: close\r\n\r\n".encode())
    status_line = response.split(b"\r\n", 1)[0]
    assert status_line == b"HTTP/1.1 404 Not Found", response[:300]
    assert b"root:" not in response
    assert b'"name": "agora-web"' not in response


def test_the_web_client_in_a_browser(agora):
    """Sign in through the OAuth pages, post with a CW, see another member's post
    live, reply, favourite, get a live notification, switch to German."""
    node = node_clients()
    agora.create_user("ada", password=PASSWORD)
    other = agora.create_user("grace")
    ada_id = agora.account_id("ada")
    # ada follows grace (through the API, as ada) so grace's posts reach ada's home.
    ada = agora.cli("accounts", "token", "ada", "--scopes", "read write follow", check=True).stdout.strip()
    assert agora.api("POST", f"/api/v1/accounts/{agora.account_id('grace')}/follow", token=ada).status_code == 200
    assert ada_id

    result = subprocess.run([node, str(CLIENTS / "web_client_e2e.mjs"), agora.public_url, "ada@example.org",
                             PASSWORD, other], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    timings = json.loads(result.stdout.strip().splitlines()[-1])
    assert timings["firstRenderMs"] > 0

    # What the browser did, seen through the API.
    statuses = agora.api("GET", f"/api/v1/accounts/{ada_id}/statuses", token=ada).json()
    cw = next(s for s in statuses if s["spoiler_text"] == "Spoilers ahead")
    assert "The butler did it" in cw["content"]
    reply = next(s for s in statuses if "I agree" in s["content"])
    assert reply["in_reply_to_account_id"] == agora.account_id("grace")
    assert reply["content"].count("@") >= 1  # the mention was prefilled


def test_composing_media_polls_and_edits_in_a_browser(agora):
    """An image with alt text behind a sensitive-media cover, a poll, an edit,
    a thread, the character counter and accepting a follow request; screenshots at desktop and phone widths
    land in build/screenshots/web-client."""
    from images import png

    node = node_clients()
    token = agora.create_user("ada")
    image = agora.workdir / "red.png"
    image.write_bytes(png(64, 48))
    # ada's account is locked and bob asks to follow her: the client accepts.
    assert agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token, data={"locked": "true"}).ok
    bob = agora.create_user("bob")
    assert agora.api("POST", f"/api/v1/accounts/{agora.account_id('ada')}/follow", token=bob).json()["requested"]
    shots = ROOT / "build" / "screenshots" / "web-client"
    shots.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([node, str(CLIENTS / "web_client_compose.mjs"), agora.public_url, token, str(image),
                             str(shots)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr

    statuses = agora.api("GET", f"/api/v1/accounts/{agora.account_id('ada')}/statuses", token=token).json()
    media = next(s for s in statuses if s["media_attachments"])
    assert media["sensitive"] is True
    assert media["media_attachments"][0]["description"] == "A red square"
    poll = next(s for s in statuses if s["poll"])
    assert [o["title"] for o in poll["poll"]["options"]] == ["Yes", "No"]
    assert "Poll post, edited" in poll["content"] and poll["edited_at"]
    relationship = agora.api("GET", f"/api/v1/accounts/relationships?id[]={agora.account_id('ada')}", token=bob).json()
    assert relationship[0]["following"] is True


def test_without_a_built_client_web_answers_503(instances, tmp_path, monkeypatch):
    """agora looks for web/dist next to its binary's directory, then under the working directory."""
    import shutil

    import agora_harness

    binary = tmp_path / "bin" / "agora"
    binary.parent.mkdir()
    shutil.copy2(agora_harness.AGORA, binary)
    monkeypatch.setattr(agora_harness, "AGORA", binary)
    monkeypatch.chdir(tmp_path)
    inst = instances()
    r = inst.get("/web/notifications")
    assert r.status_code == 503
    assert "npm run build" in r.text
    assert inst.get("/api/v1/instance").status_code == 200


def test_more_of_the_web_client_in_a_browser(agora):
    """Grouped notifications, scheduled posts, autocomplete, focal points, the media viewer, edit history,
    reports, settings, a moved profile, followed hashtags and an accessibility check (web_client_features.mjs)."""
    from images import png

    node = node_clients()
    token = agora.create_user("ada")
    ada_id = agora.account_id("ada")
    image = agora.workdir / "red.png"
    image.write_bytes(png(64, 48))
    agora.cli("emoji", "add", "blobcat", str(image), check=True)
    agora.cli("rules", "add", "Be kind", check=True)
    post = agora.api("POST", "/api/v1/statuses", token=token, data={"status": "Favourite me #AgoraTest"}).json()
    for name in ("bob", "carol", "dave"):
        other = agora.create_user(name)
        assert agora.api("POST", f"/api/v1/statuses/{post['id']}/favourite", token=other).ok
        if name == "bob":
            rude = agora.api("POST", "/api/v1/statuses", token=other, data={"status": "Rude words"}).json()
    assert agora.api("POST", f"/api/v1/accounts/{ada_id}/follow", token=other).ok
    agora.create_user("eve")
    agora.sql(f"UPDATE accounts SET moved_to_account_id = {agora.account_id('bob')} WHERE username = 'eve'")
    assert agora.api("PUT", f"/api/v1/statuses/{post['id']}", token=token,
                     data={"status": "Favourite me, edited"}).ok

    result = subprocess.run([node, str(CLIENTS / "web_client_features.mjs"), agora.public_url, token, str(image),
                             agora.account_id("bob"), agora.account_id("eve")],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr

    statuses = agora.api("GET", f"/api/v1/accounts/{ada_id}/statuses", token=token).json()
    mentions = next(s for s in statuses if "Hi " in s["content"])
    assert [m["acct"] for m in mentions["mentions"]] == ["bob"]
    assert [t["name"] for t in mentions["tags"]] == ["agoratest"]
    assert [e["shortcode"] for e in mentions["emojis"]] == ["blobcat"]
    focused = next(s for s in statuses if "Focus post" in s["content"])
    assert focused["media_attachments"][0]["meta"]["focus"] == {"x": 0.2, "y": 0.1}
    scheduled = agora.api("GET", "/api/v1/scheduled_statuses", token=token).json()
    assert [s["params"]["text"] for s in scheduled] == ["Later two"]
    rule_id = agora.api("GET", "/api/v1/instance/rules").json()[0]["id"]
    report = agora.sql("SELECT category, comment, status_ids, rule_ids, forwarded FROM reports")
    assert len(report) == 1
    category, comment, status_ids, rule_ids, forwarded = report[0]
    assert (category, comment) == ("violation", "Not kind")
    assert json.loads(status_ids) == [rude["id"]] and json.loads(rule_ids) == [rule_id]
    assert forwarded in ("0", "f", "false")
    me = agora.api("GET", "/api/v1/accounts/verify_credentials", token=token).json()
    assert (me["display_name"], me["source"]["note"]) == ("Ada L.", "Counting engines")
    assert me["source"]["fields"][0]["name"] == "Pronouns" and me["source"]["fields"][0]["value"] == "she/her"
    assert "missing" not in me["avatar"]
    assert (me["source"]["privacy"], me["source"]["language"], me["source"]["sensitive"]) == ("unlisted", "de", True)
    assert me["locked"] is True and me["hide_collections"] is True
    followed = agora.api("GET", "/api/v1/followed_tags", token=token).json()
    assert [t["name"].lower() for t in followed] == ["agoratest"]


ADMIN_SCOPES = "read write follow push admin:read admin:write"


def test_the_admin_area_in_a_browser(agora):
    """A moderator (signed in through the OAuth pages) suspends a reported account from the report, which
    resolves it, approves a pending sign-up and a trending tag; an admin adds, edits and deletes domain blocks, reads
    the dashboard, changes the server's settings and creates an announcement; a member sees no admin area
    (web_client_admin.mjs). What the browser did is checked through the admin API."""
    node = node_clients()
    agora.create_user("mod", password=PASSWORD, role="moderator")
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    member = agora.create_user("ada", scopes=ADMIN_SCOPES)
    spammer = agora.create_user("bob")
    agora.create_user("carol")
    agora.sql("UPDATE users SET approved = FALSE WHERE email = 'carol@example.org'")
    bob_id = agora.account_id("bob")
    spam = agora.api("POST", "/api/v1/statuses", token=spammer, data={"status": "Buy cheap watches"}).json()
    report = agora.api("POST", "/api/v1/reports", token=member, json={
        "account_id": bob_id, "status_ids": [spam["id"]], "comment": "Spam, again and again", "category": "spam"})
    assert report.status_code == 200, report.text
    # A tag waiting for review, which the moderator approves on the trends screen.
    assert agora.api("POST", "/api/v1/statuses", token=member, data={"status": "I like #zebras"}).status_code == 200
    assert agora.api("GET", "/api/v1/trends/tags").json() == []

    result = subprocess.run([node, str(CLIENTS / "web_client_admin.mjs"), agora.public_url, "mod@example.org",
                             PASSWORD, admin, member, "bob"], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr

    assert agora.api("GET", "/api/v1/admin/reports", token=admin).json() == []
    resolved = agora.api("GET", "/api/v1/admin/reports?resolved=true", token=admin).json()
    assert [r["id"] for r in resolved] == [report.json()["id"]]
    assert resolved[0]["action_taken"] is True
    assert resolved[0]["assigned_account"]["username"] == "mod"
    assert resolved[0]["action_taken_by_account"]["username"] == "mod"
    assert agora.api("GET", f"/api/v1/admin/accounts/{bob_id}", token=admin).json()["suspended"] is True
    carol = agora.api("GET", f"/api/v1/admin/accounts/{agora.account_id('carol')}", token=admin).json()
    assert carol["approved"] is True
    assert [t["name"] for t in agora.api("GET", "/api/v1/trends/tags").json()] == ["zebras"]

    blocks = agora.api("GET", "/api/v1/admin/domain_blocks", token=admin).json()
    assert [(b["domain"], b["severity"], b["reject_media"], b["public_comment"]) for b in blocks] == [
        ("spam.example", "suspend", True, "Spam source")]
    instance = agora.api("GET", "/api/v2/instance").json()
    assert instance["title"] == "Birdhouse" and instance["registrations"]["approval_required"] is True
    assert instance["configuration"]["statuses"]["max_characters"] == 1000
    assert ("update", "Setting", "site_title") in agora.sql("SELECT action, target_type, summary FROM admin_action_logs")
    announcements = agora.api("GET", "/api/v1/announcements", token=member).json()
    assert [(a["content"], a["all_day"]) for a in announcements] == [("<p>Maintenance on Sunday</p>", True)]


@pytest.mark.parametrize("method,path", [
    ("GET", "/api/v1/admin/reports"),
    ("GET", "/api/v2/admin/accounts"),
    ("GET", "/api/v1/admin/domain_blocks"),
    ("POST", "/api/v1/admin/domain_blocks"),
    ("GET", "/api/v1/admin/ip_blocks"),
])
def test_a_member_with_admin_scopes_is_refused_the_admin_api(agora, method, path):
    """The web client asks every member for the admin scopes; the role is what the server checks."""
    member = agora.create_user("ada", scopes=ADMIN_SCOPES)
    r = agora.api(method, path, token=member, json={"domain": "spam.example"} if method == "POST" else None)
    assert r.status_code == 403, r.text
    assert "error" in r.json()
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    assert agora.api("GET", "/api/v1/admin/domain_blocks", token=admin).json() == []
def test_a_newcomers_journey_in_a_browser(instances, smtp):
    """Sign up, confirm by the e-mailed link, sign in through OAuth, post with the keyboard alone, boost and
    favourite, follow a locked member who approves, switch to Spanish (web_client_journey.mjs); then the API
    shows all of it. Screenshots of the new screens land in build/screenshots/web-client."""
    from smtp_sink import body_text

    agora = instances(env=smtp.env())
    node = node_clients()
    lin = agora.create_user("lin")
    lin_id = agora.account_id("lin")
    assert agora.api("PATCH", "/api/v1/accounts/update_credentials", token=lin, data={"locked": "true"}).ok
    shared = agora.api("POST", "/api/v1/statuses", token=lin,
                       data={"status": "A post to share", "visibility": "public"}).json()
    shots = ROOT / "build" / "screenshots" / "web-client"
    shots.mkdir(parents=True, exist_ok=True)

    journey = subprocess.Popen([node, str(CLIENTS / "web_client_journey.mjs"), agora.public_url, "newcomer",
                                PASSWORD, "lin", str(shots)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert journey.stdout.readline().strip() == "SIGNED_UP"
        mail = smtp.sink.wait_for("newcomer@example.org")[0]
        link = re.search(r"https?://\S+/auth/confirmation\?confirmation_token=[\w-]+", body_text(mail["message"]))
        journey.stdin.write(link.group(0) + "\n")
        journey.stdin.flush()

        assert journey.stdout.readline().strip() == "REQUESTED"
        newcomer_id = agora.account_id("newcomer")
        requests = agora.api("GET", "/api/v1/follow_requests", token=lin).json()
        assert [a["id"] for a in requests] == [newcomer_id]
        assert agora.api("POST", f"/api/v1/follow_requests/{newcomer_id}/authorize", token=lin).ok
        journey.stdin.write("approved\n")
        journey.stdin.flush()
        out, err = journey.communicate(timeout=120)
    finally:
        if journey.poll() is None:
            journey.kill()
    assert journey.returncode == 0 and out.strip().endswith("OK"), out + err

    # What the browser did, seen through the API.
    token = agora.cli("accounts", "token", "newcomer", "--scopes", "read", check=True).stdout.strip()
    me = agora.api("GET", "/api/v1/accounts/verify_credentials", token=token).json()
    assert me["username"] == "newcomer" and me["id"] == newcomer_id
    statuses = agora.api("GET", f"/api/v1/accounts/{newcomer_id}/statuses", token=token).json()
    assert any("Typed without a mouse" in s["content"] for s in statuses)
    assert any(s["reblog"] and s["reblog"]["id"] == shared["id"] for s in statuses)
    seen = agora.api("GET", f"/api/v1/statuses/{shared['id']}", token=token).json()
    assert seen["favourited"] is True and seen["reblogged"] is True
    relationship = agora.api("GET", f"/api/v1/accounts/relationships?id[]={lin_id}", token=token).json()[0]
    assert relationship["following"] is True and relationship["requested"] is False
