"""The streaming API (/api/v1/streaming): Server-Sent Events and WebSocket, the events Mastodon sends,
filtered per recipient like the REST timelines, errors, back-pressure, token revocation, Redis."""
import json
import socket
import time

import pytest
import requests
import websocket

from streaming_clients import SSE, WS, Redis


def follow(agora, token, username):
    r = agora.api("POST", f"/api/v1/accounts/{agora.account_id(username)}/follow", token=token)
    assert r.status_code == 200, r.text


def post(agora, token, text, **extra):
    r = agora.api("POST", "/api/v1/statuses", token=token, json={"status": text, **extra})
    assert r.status_code == 200, r.text
    return r.json()


def test_health(agora):
    r = requests.get(agora.url("/api/v1/streaming/health"))
    assert r.status_code == 200 and r.text == "OK"


def test_sse_errors_as_mastodon(agora):
    token = agora.create_user("alice")
    writer = agora.create_user("wendy", scopes="write")
    bob = agora.create_user("bob")
    lst = agora.api("POST", "/api/v1/lists", token=bob, json={"title": "b"}).json()
    cases = [
        ("/api/v1/streaming/user", None, {}, 401, "Missing access token"),
        ("/api/v1/streaming/user", "nope", {}, 401, "Invalid access token"),
        ("/api/v1/streaming/user", writer, {}, 401, "Access token does not have the required scopes"),
        ("/api/v1/streaming/nothing", token, {}, 400, "Unknown channel requested"),
        ("/api/v1/streaming/hashtag", token, {}, 400, "Missing tag name parameter"),
        ("/api/v1/streaming/list", token, {"list": lst["id"]}, 401, "Not authorized to stream this list"),
        ("/api/v1/streaming/list", token, {"list": "x1"}, 401, "Not authorized to stream this list"),
    ]
    for path, tok, params, status, message in cases:
        r = requests.get(agora.url(path), params=params, timeout=5,
                         headers={"Authorization": f"Bearer {tok}"} if tok else {})
        assert (r.status_code, r.json()) == (status, {"error": message}), path


def test_sse_user_stream_receives_updates_notifications_edits_deletes(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    follow(agora, alice, "bob")
    stream = SSE(agora, "/api/v1/streaming/user", token=alice)
    assert stream.status == 200
    assert stream.response.headers["Content-Type"] == "text/event-stream"

    status = post(agora, bob, "hello followers")
    name, data = stream.next("update")
    payload = json.loads(data)
    assert payload["id"] == status["id"] and payload["content"] == status["content"]
    assert payload["account"]["acct"] == "bob"

    mention = post(agora, bob, "@alice look")
    _, data = stream.next("notification")
    note = json.loads(data)
    assert note["type"] == "mention" and note["status"]["id"] == mention["id"]

    r = agora.api("PUT", f"/api/v1/statuses/{status['id']}", token=bob, json={"status": "hello, edited"})
    assert r.status_code == 200
    _, data = stream.next("status.update")
    assert json.loads(data)["content"] == "<p>hello, edited</p>"

    agora.api("DELETE", f"/api/v1/statuses/{status['id']}", token=bob)
    assert stream.next("delete") == ("delete", status["id"])

    agora.api("POST", "/api/v2/filters", token=alice,
              json={"title": "f", "context": ["home"], "keywords_attributes": [{"keyword": "x"}]})
    assert stream.next("filters_changed") == ("filters_changed", "undefined")
    stream.close()


def test_notification_stream_needs_notification_scope_and_gets_only_notifications(agora):
    alice = agora.create_user("alice", scopes="read:notifications")
    bob = agora.create_user("bob")
    assert SSE(agora, "/api/v1/streaming/user", token=alice).status == 401
    stream = SSE(agora, "/api/v1/streaming/user/notification", token=alice)
    assert stream.status == 200
    follow(agora, bob, "alice")
    name, data = stream.next()
    assert name == "notification" and json.loads(data)["type"] == "follow"
    post(agora, bob, "nothing for alice's notification stream")
    stream.nothing(1.0)


def test_public_and_hashtag_streams(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    public = SSE(agora, "/api/v1/streaming/public/local", token=alice)
    tag = SSE(agora, "/api/v1/streaming/hashtag", token=alice, params={"tag": "Cats"})
    media = SSE(agora, "/api/v1/streaming/public", token=alice, params={"only_media": "true"})

    post(agora, bob, "quietly", visibility="unlisted")
    tagged = post(agora, bob, "look #cats")
    _, data = public.next("update")
    assert json.loads(data)["id"] == tagged["id"]  # the unlisted one never came
    _, data = tag.next("update")
    assert json.loads(data)["id"] == tagged["id"]
    media.nothing(0.5)  # no media attached
    tag.nothing(0.5)


def test_filtered_per_recipient_like_timelines(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    dave = agora.create_user("dave")
    eve = agora.create_user("eve")
    follow(agora, alice, "bob")
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('carol')}/block", token=alice)
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('dave')}/mute", token=alice)

    alice_public = SSE(agora, "/api/v1/streaming/public", token=alice)
    alice_user = SSE(agora, "/api/v1/streaming/user", token=alice)
    eve_user = SSE(agora, "/api/v1/streaming/user", token=eve)
    eve_public = SSE(agora, "/api/v1/streaming/public", token=eve)
    eve_direct = SSE(agora, "/api/v1/streaming/direct", token=eve)

    carol_post = post(agora, carol, "from a blocked account")
    dave_post = post(agora, dave, "from a muted account")
    visible = post(agora, eve, "from eve")
    _, data = alice_public.next("update")
    assert json.loads(data)["id"] == visible["id"]  # carol's and dave's never came

    private = post(agora, bob, "followers only", visibility="private")
    _, data = alice_user.next("update")
    assert json.loads(data)["id"] == private["id"]

    direct = post(agora, bob, "@eve psst", visibility="direct")
    _, data = eve_direct.next("conversation")
    conversation = json.loads(data)
    assert conversation["last_status"]["id"] == direct["id"]
    assert [a["acct"] for a in conversation["accounts"]] == ["bob"]
    # Her own post, then the direct message: her home feed as on the REST timeline.
    assert [json.loads(eve_user.next("update")[1])["id"] for _ in range(2)] == [visible["id"], direct["id"]]
    alice_public.nothing(0.5)  # nor the private and the direct post
    on_eves = [json.loads(eve_public.next("update")[1])["id"] for _ in range(3)]
    assert on_eves == [carol_post["id"], dave_post["id"], visible["id"]]  # eve blocks and mutes nobody
    eve_public.nothing(0.5)  # the private and the direct post are on no public stream
    alice_user.nothing(0.3)
    eve_user.nothing(0.3)  # eve does not follow bob: no followers-only post

    # Custom filters mark the payload as the REST timeline does.
    agora.api("POST", "/api/v2/filters", token=alice,
              json={"title": "Spoilers", "context": ["home", "public"], "filter_action": "warn",
                    "keywords_attributes": [{"keyword": "finale"}]})
    post(agora, bob, "the finale was great")
    _, data = alice_user.next("update")
    assert [f["filter"]["title"] for f in json.loads(data)["filtered"]] == ["Spoilers"]


def test_list_stream(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    follow(agora, alice, "bob")
    follow(agora, alice, "carol")
    lst = agora.api("POST", "/api/v1/lists", token=alice, json={"title": "friends"}).json()
    agora.api("POST", f"/api/v1/lists/{lst['id']}/accounts", token=alice,
              json={"account_ids": [agora.account_id("bob")]})
    stream = SSE(agora, "/api/v1/streaming/list", token=alice, params={"list": lst["id"]})
    assert stream.status == 200
    post(agora, carol, "not on the list")
    in_list = post(agora, bob, "on the list")
    _, data = stream.next("update")
    assert json.loads(data)["id"] == in_list["id"]


def test_websocket_many_streams_on_one_socket(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    follow(agora, alice, "bob")
    ws = WS(agora, alice, query="stream=user")
    ws.subscribe("public:local")
    ws.subscribe("hashtag", tag="News")
    ws.send("this is not json")  # ignored, as Mastodon
    ws.send({"type": "dance"})
    ws.send({"type": "subscribe", "stream": "hashtag"})
    assert ws.recv() == {"error": "Missing tag name parameter", "status": 400}
    ws.send({"type": "subscribe", "stream": "nowhere"})
    assert ws.recv() == {"error": "Unknown stream type", "status": 400}

    status = post(agora, bob, "breaking #news")
    got = {}
    for _ in range(3):
        m = ws.next("update")
        got[json.dumps(m["stream"])] = json.loads(m["payload"])["id"]
    assert got == {'["user"]': status["id"], '["public:local"]': status["id"], '["hashtag", "News"]': status["id"]}

    ws.send({"type": "unsubscribe", "stream": "public:local"})
    ws.send({"type": "unsubscribe", "stream": "hashtag", "tag": "News"})
    ws.sync()
    post(agora, bob, "more #news")
    assert ws.next("update")["stream"] == ["user"]
    ws.nothing(0.7)

    post(agora, bob, "@alice hi")
    m = ws.next("notification")
    assert m["stream"] == ["user"] and json.loads(m["payload"])["type"] == "mention"
    ws.close()


def test_websocket_authentication(agora):
    alice = agora.create_user("alice")
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        WS(agora, "not-a-token")
    assert refused.value.status_code == 401
    with pytest.raises(websocket.WebSocketBadStatusException) as missing:
        WS(agora)
    assert missing.value.status_code == 401
    # The token as Sec-WebSocket-Protocol (browsers cannot set headers) is echoed back.
    ws = WS(agora, subprotocol=alice)
    assert ws.ws.getsubprotocol() == alice.lower()  # (the client lower-cases what it read)
    ws.subscribe("public")
    ws.close()


def test_revoked_token_closes_the_stream(agora):
    agora.create_user("alice")
    app = agora.post("/api/v1/apps", data={"client_name": "streamer", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
                                           "scopes": "read"}).json()
    token = agora.post("/oauth/token", data={"grant_type": "client_credentials", "client_id": app["client_id"],
                                             "client_secret": app["client_secret"], "scope": "read"}).json()
    # An app-only token has no user: streams need one.
    assert SSE(agora, "/api/v1/streaming/public", token=token["access_token"]).status == 401

    user_token = agora.create_user("bob")
    sse = SSE(agora, "/api/v1/streaming/public", token=user_token)
    ws = WS(agora, user_token)
    ws.subscribe("public")
    r = agora.post("/oauth/revoke", data={"client_id": app["client_id"], "client_secret": app["client_secret"],
                                          "token": user_token})
    assert r.status_code == 200
    assert sse.ended.wait(10), "the SSE stream stayed open"
    assert ws.ends(10), "the WebSocket stayed open"


def rss_kb(agora):
    for line in open(f"/proc/{agora.process.pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])


def test_a_client_that_never_reads_is_dropped(instances):
    # Under AddressSanitizer, freed memory would wait in quarantine (256 MB)
    # and the memory bound below would measure that instead of the queue.
    agora = instances(env={"ASAN_OPTIONS": "quarantine_size_mb=0"})
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    follow(agora, alice, "bob")
    ws = WS(agora, alice, query="stream=user", sockopt=((socket.SOL_SOCKET, socket.SO_RCVBUF, 4096),))
    for stream in ("public", "public:local"):
        ws.subscribe(stream)
    for tag in ("a", "b", "c"):
        ws.subscribe("hashtag", tag=tag)
    before = rss_kb(agora)
    text = "#a #b #c " + "x" * 480
    dropped = False
    for i in range(400):
        post(agora, bob, f"{i} {text}")
        if "does not read" in agora.log():
            dropped = True
            break
    assert dropped, "the server kept queueing for a client that does not read"
    assert rss_kb(agora) - before < 50_000
    # What was in flight may still arrive; then the connection ends.
    assert ws.ends(30)
    # Other clients keep streaming.
    sse = SSE(agora, "/api/v1/streaming/public", token=alice)
    fresh = post(agora, bob, "still here")
    assert json.loads(sse.next("update")[1])["id"] == fresh["id"]


@pytest.fixture
def redis(tmp_path):
    server = Redis(tmp_path)
    yield server
    server.stop()


def test_two_processes_over_redis(instances, redis):
    first = instances(env={"AGORA_REDIS_URL": redis.url})
    second = instances(domain=first.domain, run=False)
    second.env.update({"AGORA_REDIS_URL": redis.url, "AGORA_DATA_DIR": first.env["AGORA_DATA_DIR"]})
    if "AGORA_DATABASE_URL" in first.env:
        second.env["AGORA_DATABASE_URL"] = first.env["AGORA_DATABASE_URL"]
    second.start()

    alice = first.create_user("alice")
    bob = first.create_user("bob")
    follow(first, alice, "bob")
    stream = SSE(second, "/api/v1/streaming/user", token=alice)
    status = post(first, bob, "posted through the first process")
    _, data = stream.next("update")
    assert json.loads(data)["id"] == status["id"]
    post(first, bob, "@alice and a mention")
    assert json.loads(stream.next("notification")[1])["type"] == "mention"

    # The CLI is a process too: an announcement made there reaches the stream.
    first.cli("announcements", "add", "Maintenance tonight", check=True)
    _, data = stream.next("announcement")
    assert json.loads(data)["content"] == "<p>Maintenance tonight</p>"


def test_mastodon_py_streams_over_sse(agora):
    from mastodon import Mastodon, StreamListener

    reader = agora.create_user("reader")
    author = agora.create_user("author")
    follow(agora, reader, "author")

    class Collect(StreamListener):
        def __init__(self):
            self.updates, self.notifications = [], []

        def on_update(self, status):
            self.updates.append(status)

        def on_notification(self, notification):
            self.notifications.append(notification)

    api = Mastodon(access_token=reader, api_base_url=agora.base_url, version_check_mode="none")
    user, public = Collect(), Collect()
    handles = [api.stream_user(user, run_async=True), api.stream_public(public, run_async=True)]
    time.sleep(1.0)  # the streams open on their threads
    status = post(agora, author, "streamed to Mastodon.py")
    post(agora, author, "@reader hello")
    deadline = time.time() + 15
    while time.time() < deadline and not (user.notifications and len(user.updates) >= 2 and public.updates):
        time.sleep(0.1)
    for h in handles:
        h.close()
    assert int(status["id"]) in [s["id"] for s in user.updates]
    assert int(status["id"]) in [s["id"] for s in public.updates]
    assert [n["type"] for n in user.notifications] == ["mention"]
    assert user.notifications[0]["account"]["acct"] == "author"


def test_masto_js_streams_over_websocket(agora):
    import subprocess

    from node_clients import CLIENTS, node_clients

    node = node_clients()
    reader = agora.create_user("reader")
    author = agora.create_user("author")
    r = subprocess.run([node, str(CLIENTS / "masto_streaming.mjs"), agora.base_url, reader, author],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr + r.stdout
    seen = json.loads(r.stdout)
    assert seen["home"]["stream"] == ["user"] and seen["home"]["id"] == seen["postedId"]
    assert seen["local"]["stream"] == ["public:local"]
    assert seen["notification"]["type"] == "mention"
