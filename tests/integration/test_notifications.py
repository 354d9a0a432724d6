"""Notifications: listing with filters and paging, dismissing, unread counts
against the marker, grouped notifications (v2), and the notification policy
with its requests."""
from mastodon import Mastodon


def post(agora, token, text, **params):
    r = agora.api("POST", "/api/v1/statuses", token=token, data={"status": text, **params})
    assert r.status_code == 200, r.text
    return r.json()


def follow(agora, token, username, **params):
    r = agora.api("POST", f"/api/v1/accounts/{agora.account_id(username)}/follow", token=token, data=params)
    assert r.status_code == 200, r.text


def notifications(agora, token, query="", version="v1"):
    r = agora.api("GET", f"/api/{version}/notifications{query}", token=token)
    assert r.status_code == 200, r.text
    return r


def test_list_renders_mastodon_entities_and_filters_by_type_and_sender(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    follow(agora, bob, "alice")
    mention = post(agora, carol, "hi @alice")

    listed = notifications(agora, alice).json()
    assert [n["type"] for n in listed] == ["mention", "follow"]
    m = listed[0]
    assert list(m.keys()) == ["id", "type", "created_at", "group_key", "account", "status"]
    assert m["group_key"] == f"ungrouped-{m['id']}"
    assert m["account"]["username"] == "carol"
    assert m["status"]["id"] == mention["id"] and m["status"]["mentions"][0]["username"] == "alice"
    f = listed[1]
    assert "status" not in f and f["account"]["username"] == "bob"
    assert f["group_key"].startswith("follow-")

    only = lambda q: [n["type"] for n in notifications(agora, alice, q).json()]  # noqa: E731
    assert only("?types[]=mention") == ["mention"]
    assert only("?exclude_types[]=mention") == ["follow"]
    assert only("?types[]=mention&exclude_types[]=mention") == []
    assert only("?types[]=mention&types[]=follow&exclude_types[]=follow_request") == ["mention", "follow"]
    assert only("?types[]=nonsense") == []
    assert only(f"?account_id={agora.account_id('bob')}") == ["follow"]

    shown = agora.api("GET", f"/api/v1/notifications/{m['id']}", token=alice)
    assert shown.status_code == 200 and shown.json() == m
    # Others' notifications and unknown ids are not found.
    assert agora.api("GET", f"/api/v1/notifications/{m['id']}", token=bob).status_code == 404
    r = agora.api("GET", "/api/v1/notifications/12345", token=alice)
    assert r.status_code == 404 and r.json() == {"error": "Record not found"}
    assert agora.api("GET", "/api/v1/notifications").status_code == 401


def test_paging_and_link_headers(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    for i in range(5):
        post(agora, bob, f"@alice number {i}")
    all_ids = [n["id"] for n in notifications(agora, alice).json()]
    assert len(all_ids) == 5 and all_ids == sorted(all_ids, key=int, reverse=True)

    r = notifications(agora, alice, "?limit=2")
    assert [n["id"] for n in r.json()] == all_ids[:2]
    assert r.links["next"]["url"] == f"{agora.public_url}/api/v1/notifications?limit=2&max_id={all_ids[1]}"
    assert r.links["prev"]["url"] == f"{agora.public_url}/api/v1/notifications?limit=2&min_id={all_ids[0]}"
    assert [n["id"] for n in notifications(agora, alice, f"?limit=2&max_id={all_ids[1]}").json()] == all_ids[2:4]
    assert [n["id"] for n in notifications(agora, alice, f"?limit=2&min_id={all_ids[4]}").json()] == all_ids[2:4]
    assert [n["id"] for n in notifications(agora, alice, f"?since_id={all_ids[2]}").json()] == all_ids[:2]
    # Mastodon keeps the filters in the links.
    r = notifications(agora, alice, "?types[]=mention&limit=1")
    assert "types[]=mention&limit=1&max_id=" in r.links["next"]["url"].replace("%5B%5D", "[]")
    r = notifications(agora, alice, f"?max_id={all_ids[4]}")
    assert r.json() == [] and "Link" not in r.headers


def test_dismiss_clear_and_status_visibility(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    first = post(agora, bob, "@alice one")
    post(agora, bob, "@alice two")
    ids = [n["id"] for n in notifications(agora, alice).json()]
    r = agora.api("POST", f"/api/v1/notifications/{ids[0]}/dismiss", token=alice)
    assert r.status_code == 200 and r.json() == {}
    assert [n["id"] for n in notifications(agora, alice).json()] == ids[1:]
    assert agora.api("POST", f"/api/v1/notifications/{ids[0]}/dismiss", token=alice).status_code == 404
    assert agora.api("POST", f"/api/v1/notifications/{ids[1]}/dismiss", token=bob).status_code == 404

    # A deleted status takes its notification along.
    assert agora.api("DELETE", f"/api/v1/statuses/{first['id']}", token=bob).status_code == 200
    assert notifications(agora, alice).json() == []

    post(agora, bob, "@alice three")
    # Blocking the sender hides what they caused; unblocking shows it again.
    bob_id = agora.account_id("bob")
    agora.api("POST", f"/api/v1/accounts/{bob_id}/mute", token=alice)
    assert notifications(agora, alice).json() == []
    agora.api("POST", f"/api/v1/accounts/{bob_id}/unmute", token=alice)
    assert len(notifications(agora, alice).json()) == 1

    r = agora.api("POST", "/api/v1/notifications/clear", token=alice)
    assert r.status_code == 200 and r.json() == {}
    assert notifications(agora, alice).json() == []
    assert agora.api("POST", "/api/v1/notifications/clear", token=agora.create_user("x", scopes="read")).status_code == 403


def test_unread_count_follows_the_marker(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    for i in range(3):
        post(agora, bob, f"@alice {i}")
    count = lambda v, q="": agora.api("GET", f"/api/{v}/notifications/unread_count{q}", token=alice).json()  # noqa: E731
    assert count("v1") == {"count": 3} and count("v2") == {"count": 3}
    assert count("v1", "?limit=2") == {"count": 2}
    ids = [n["id"] for n in notifications(agora, alice).json()]
    agora.sql("INSERT INTO markers (account_id, timeline, last_read_id, version, updated_at)"
              f" VALUES ({agora.account_id('alice')}, 'notifications', {ids[1]}, 1, 0)")
    assert count("v1") == {"count": 1} and count("v2") == {"count": 1}
    assert count("v1", "?types[]=follow") == {"count": 0}


def test_status_notifications_for_subscribed_followers(agora):
    alice = agora.create_user("alice")
    subscriber = agora.create_user("subscriber")
    plain = agora.create_user("plain")
    follow(agora, subscriber, "alice", notify="true")
    follow(agora, plain, "alice")
    public = post(agora, alice, "news")
    post(agora, alice, "secret", visibility="private")
    post(agora, alice, "only @plain", visibility="direct")
    other = post(agora, plain, "a thread")
    post(agora, alice, "@plain a reply to someone else", in_reply_to_id=other["id"])
    post(agora, alice, "continuing myself", in_reply_to_id=public["id"])
    got = notifications(agora, subscriber, "?types[]=status").json()
    assert [n["status"]["content"] for n in got] == ["<p>continuing myself</p>", "<p>secret</p>", "<p>news</p>"]
    assert all(n["account"]["username"] == "alice" for n in got)
    assert notifications(agora, plain, "?types[]=status").json() == []


def favourite(agora, recipient_id, sender_id, status_id, when_ms, bucket):
    """Inserts a favourite notification as services::notify files it."""
    nid = str(int(when_ms) << 16 | int(sender_id) % 65536)
    agora.sql("INSERT INTO notifications (id, account_id, from_account_id, type, status_id, group_key, created_at)"
              f" VALUES ({nid}, {recipient_id}, {sender_id}, 'favourite', {status_id},"
              f" 'favourite-{status_id}-{bucket}', {when_ms})")
    return nid


def test_grouped_notifications(agora):
    alice = agora.create_user("alice")
    fans = [agora.create_user(f"fan{i}") for i in range(3)]
    status = post(agora, alice, "like me")
    for fan in fans:
        follow(agora, fan, "alice")
    mention = post(agora, fans[0], "@alice hello")
    alice_id = agora.account_id("alice")

    body = notifications(agora, alice, version="v2").json()
    assert list(body.keys()) == ["accounts", "statuses", "notification_groups"]
    groups = body["notification_groups"]
    assert [g["type"] for g in groups] == ["mention", "follow"]
    follows = groups[1]
    assert follows["notifications_count"] == 3
    assert follows["sample_account_ids"] == [agora.account_id(f"fan{i}") for i in (2, 1, 0)]
    assert list(follows.keys()) == ["group_key", "notifications_count", "type", "most_recent_notification_id",
                                    "page_min_id", "page_max_id", "latest_page_notification_at",
                                    "sample_account_ids"]
    m = groups[0]
    assert m["group_key"] == f"ungrouped-{m['most_recent_notification_id']}" and m["status_id"] == mention["id"]
    assert [s["id"] for s in body["statuses"]] == [mention["id"]]
    assert {a["id"] for a in body["accounts"]} == {agora.account_id(f"fan{i}") for i in range(3)}

    # Favourites of one status group under "favourite-STATUS-HOUR".
    import time
    now = int(time.time() * 1000)
    key = f"favourite-{status['id']}-{now // 3600000}"
    for i, fan in enumerate(("fan0", "fan1")):
        favourite(agora, alice_id, agora.account_id(fan), status["id"], now + i + 10_000, now // 3600000)
    body = notifications(agora, alice, version="v2").json()
    fav = body["notification_groups"][0]
    assert fav["group_key"] == key and fav["type"] == "favourite" and fav["notifications_count"] == 2
    assert fav["status_id"] == status["id"] and fav["sample_account_ids"][0] == agora.account_id("fan1")
    assert status["id"] in [s["id"] for s in body["statuses"]]
    # grouped_types leaves other types ungrouped.
    ungrouped = notifications(agora, alice, "?grouped_types[]=follow", version="v2").json()["notification_groups"]
    assert [g["type"] for g in ungrouped] == ["favourite", "favourite", "mention", "follow"]
    # Paging by groups.
    r = notifications(agora, alice, "?limit=2", version="v2")
    assert [g["type"] for g in r.json()["notification_groups"]] == ["favourite", "mention"]
    assert "max_id=" in r.links["next"]["url"]

    shown = agora.api("GET", f"/api/v2/notifications/{key}", token=alice)
    assert shown.status_code == 200
    assert shown.json()["notification_groups"][0]["notifications_count"] == 2
    assert "page_min_id" not in shown.json()["notification_groups"][0]
    accounts = agora.api("GET", f"/api/v2/notifications/{key}/accounts", token=alice).json()
    assert [a["username"] for a in accounts] == ["fan1", "fan0"]
    assert agora.api("GET", "/api/v2/notifications/favourite-1-1", token=alice).status_code == 404
    # partial_avatars: only each group's newest sender in full.
    partial = notifications(agora, alice, "?expand_accounts=partial_avatars&limit=1", version="v2").json()
    assert [a["username"] for a in partial["accounts"]] == ["fan1"]
    assert [a["acct"] for a in partial["partial_accounts"]] == ["fan0"]
    assert set(partial["partial_accounts"][0].keys()) == {"id", "acct", "locked", "bot", "url", "avatar", "avatar_static"}
    r = agora.api("GET", "/api/v2/notifications?expand_accounts=everything", token=alice)
    assert r.status_code == 400

    assert agora.api("POST", f"/api/v2/notifications/{key}/dismiss", token=alice).json() == {}
    types = [g["type"] for g in notifications(agora, alice, version="v2").json()["notification_groups"]]
    assert types == ["mention", "follow"]


def test_policy_filters_strangers_into_requests(agora):
    alice = agora.create_user("alice")
    stranger = agora.create_user("stranger")
    friend = agora.create_user("friend")
    follow(agora, alice, "friend")

    policy = agora.api("GET", "/api/v2/notifications/policy", token=alice).json()
    assert policy == {"for_not_following": "accept", "for_not_followers": "accept", "for_new_accounts": "accept",
                      "for_private_mentions": "filter", "for_limited_accounts": "filter",
                      "summary": {"pending_requests_count": 0, "pending_notifications_count": 0}}
    r = agora.api("PATCH", "/api/v2/notifications/policy", token=alice, data={"for_not_following": "filter"})
    assert r.status_code == 200 and r.json()["for_not_following"] == "filter"
    r = agora.api("PATCH", "/api/v2/notifications/policy", token=alice, data={"for_not_followers": "maybe"})
    assert r.status_code == 422 and "For not followers" in r.json()["error"]
    assert agora.api("GET", "/api/v2/notifications/policy", token=alice).json()["for_not_followers"] == "accept"

    from_stranger = post(agora, stranger, "@alice buy now")
    post(agora, stranger, "@alice really")
    post(agora, friend, "@alice hi")
    assert [n["account"]["username"] for n in notifications(agora, alice).json()] == ["friend"]
    assert len(notifications(agora, alice, "?include_filtered=true").json()) == 3
    filtered = notifications(agora, alice, f"?account_id={agora.account_id('stranger')}").json()
    assert len(filtered) == 2 and all(n["filtered"] is True for n in filtered)

    summary = agora.api("GET", "/api/v2/notifications/policy", token=alice).json()["summary"]
    assert summary == {"pending_requests_count": 1, "pending_notifications_count": 2}
    v1 = agora.api("GET", "/api/v1/notifications/policy", token=alice).json()
    assert v1 == {"filter_not_following": True, "filter_not_followers": False, "filter_new_accounts": False,
                  "filter_private_mentions": True, "summary": summary}

    requests_ = agora.api("GET", "/api/v1/notifications/requests", token=alice).json()
    assert len(requests_) == 1
    req = requests_[0]
    assert list(req.keys()) == ["id", "created_at", "updated_at", "notifications_count", "account", "last_status"]
    assert req["notifications_count"] == "2" and req["account"]["username"] == "stranger"
    assert req["last_status"]["content"] == "<p><span class=\"h-card\" translate=\"no\"><a href=\"%s/@alice\" " \
        "class=\"u-url mention\">@<span>alice</span></a></span> really</p>" % agora.public_url
    assert agora.api("GET", f"/api/v1/notifications/requests/{req['id']}", token=alice).json() == req
    assert agora.api("GET", "/api/v1/notifications/requests/1", token=alice).status_code == 404
    assert agora.api("POST", "/api/v1/notifications/requests/1/accept", token=alice).status_code == 404

    r = agora.api("POST", f"/api/v1/notifications/requests/{req['id']}/accept", token=alice)
    assert r.status_code == 200 and r.json() == {}
    assert agora.api("GET", "/api/v1/notifications/requests/merged", token=alice).json() == {"merged": True}
    listed = notifications(agora, alice).json()
    assert [n["account"]["username"] for n in listed] == ["friend", "stranger", "stranger"]
    assert listed[2]["status"]["id"] == from_stranger["id"] and "filtered" not in listed[2]
    # Accepted senders are let through from now on.
    post(agora, stranger, "@alice again")
    assert len(notifications(agora, alice).json()) == 4
    assert agora.api("GET", "/api/v1/notifications/requests", token=alice).json() == []

    # Dismissing deletes what was held back; drop stores nothing.
    other = agora.create_user("other")
    post(agora, other, "@alice spam")
    rid = agora.api("GET", "/api/v1/notifications/requests", token=alice).json()[0]["id"]
    r = agora.api("POST", "/api/v1/notifications/requests/dismiss", token=alice, data={"id[]": [rid, "999"]})
    assert r.status_code == 200 and r.json() == {}
    assert notifications(agora, alice, f"?account_id={agora.account_id('other')}").json() == []
    r = agora.api("PUT", "/api/v1/notifications/policy", token=alice, data={"filter_not_following": "false"})
    assert r.status_code == 200 and r.json()["filter_not_following"] is False
    agora.api("PATCH", "/api/v2/notifications/policy", token=alice, data={"for_not_following": "drop"})
    post(agora, other, "@alice more spam")
    assert agora.sql(f"SELECT id FROM notifications WHERE from_account_id = {agora.account_id('other')}") == []


def test_private_mentions_from_strangers_are_filtered_by_default(agora):
    alice = agora.create_user("alice")
    stranger = agora.create_user("stranger")
    post(agora, stranger, "@alice psst", visibility="direct")
    post(agora, stranger, "@alice in public")
    assert [n["status"]["visibility"] for n in notifications(agora, alice).json()] == ["public"]
    assert len(agora.api("GET", "/api/v1/notifications/requests", token=alice).json()) == 1


def test_mastodon_py_reads_and_dismisses(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    follow(agora, bob, "alice")
    post(agora, bob, "@alice hello from bob")
    # "created" reads the version from /api/v1/instance; with "none" Mastodon.py assumes 1.0
    # and dismisses through the pre-2.9.2 endpoint Mastodon 4.3 no longer has.
    api = Mastodon(api_base_url=agora.base_url, access_token=alice, version_check_mode="created")
    got = api.notifications()
    assert [n.type for n in got] == ["mention", "follow"]
    mentions = api.notifications(types=["mention"])
    assert len(mentions) == 1 and mentions[0].status.account.username == "bob"
    api.notifications_dismiss(mentions[0].id)
    assert [n.type for n in api.notifications()] == ["follow"]
    api.notifications_clear()
    assert api.notifications() == []
