"""Posting, reading and deleting statuses: formatting, visibility, errors."""
import re


def post(agora, token, text, **params):
    return agora.api("POST", "/api/v1/statuses", token=token, data={"status": text, **params})


def test_post_renders_a_status_as_mastodon(agora):
    alice = agora.create_user("alice")
    agora.create_user("bob")
    r = post(agora, alice, "Hello @bob and @nobody, see https://example.org/a/very/long/path/that/gets/cut #Rust\nbye",
             spoiler_text="cw", language="de")
    assert r.status_code == 200, r.text
    s = r.json()
    keys = list(s.keys())
    assert keys[:14] == ["id", "created_at", "in_reply_to_id", "in_reply_to_account_id", "sensitive", "spoiler_text",
                         "visibility", "language", "uri", "url", "replies_count", "reblogs_count",
                         "favourites_count", "edited_at"]
    assert s["spoiler_text"] == "cw" and s["sensitive"] is True  # a content warning marks it sensitive
    assert s["visibility"] == "public" and s["language"] == "de"
    assert s["url"] == f"{agora.public_url}/@alice/{s['id']}"
    assert s["uri"] == f"{agora.public_url}/users/alice/statuses/{s['id']}"
    assert s["favourited"] is False and s["reblogged"] is False and s["bookmarked"] is False
    assert s["pinned"] is False and s["filtered"] == []
    assert s["account"]["username"] == "alice" and s["account"]["statuses_count"] == 1
    bob_id = agora.account_id("bob")
    assert s["mentions"] == [{"id": str(bob_id), "username": "bob", "url": f"{agora.public_url}/@bob", "acct": "bob"}]
    content = s["content"]
    assert '<span class="h-card" translate="no"><a href="%s/@bob" class="u-url mention">@<span>bob</span></a></span>' % \
        agora.public_url in content
    assert "@nobody" in content and "/@nobody" not in content  # unknown accounts stay text
    assert '<span class="invisible">https://</span><span class="ellipsis">example.org/a/very/long/path/t</span>' in content
    assert 'class="mention hashtag" rel="tag">#<span>Rust</span></a><br />bye</p>' in content

    shown = agora.api("GET", f"/api/v1/statuses/{s['id']}", token=alice).json()
    assert shown["content"] == content and shown["id"] == s["id"]
    anonymous = agora.api("GET", f"/api/v1/statuses/{s['id']}").json()
    assert "favourited" not in anonymous and anonymous["content"] == content


def test_bad_statuses_are_refused_and_nothing_is_written(agora):
    alice = agora.create_user("alice")
    r = post(agora, alice, "   ")
    assert r.status_code == 422 and r.json() == {"error": "Validation failed: Text can't be blank"}
    r = post(agora, alice, "x" * 501)
    assert r.status_code == 422 and r.json()["error"] == "Validation failed: Text character limit of 500 exceeded"
    # Links count as 23 characters, so a long URL fits.
    assert post(agora, alice, "y" * 470 + " https://example.org/" + "z" * 200).status_code == 200
    r = post(agora, alice, "hi", visibility="everyone")
    assert r.status_code == 422 and "Visibility" in r.json()["error"]
    r = post(agora, alice, "hi", in_reply_to_id="123456")
    assert r.status_code == 404
    assert r.json() == {"error": "The post you are trying to reply to does not appear to exist."}
    assert len(agora.sql("SELECT id FROM statuses")) == 1
    assert agora.api("POST", "/api/v1/statuses", data={"status": "x"}).status_code == 401
    assert agora.api("GET", "/api/v1/statuses/999").status_code == 404
    assert agora.api("GET", "/api/v1/statuses/abc").status_code == 404


def test_idempotency_key_returns_the_first_post(agora):
    alice = agora.create_user("alice")
    headers = {"Idempotency-Key": "k1"}
    a = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "once"}, headers=headers).json()
    b = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "once"}, headers=headers).json()
    assert a["id"] == b["id"]
    assert len(agora.sql("SELECT id FROM statuses")) == 1


def test_replies_thread_and_count(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    parent = post(agora, alice, "question").json()
    reply = post(agora, bob, "@alice answer", in_reply_to_id=parent["id"]).json()
    assert reply["in_reply_to_id"] == parent["id"]
    assert reply["in_reply_to_account_id"] == parent["account"]["id"]
    assert agora.api("GET", f"/api/v1/statuses/{parent['id']}", token=alice).json()["replies_count"] == 1
    mentions = agora.sql("SELECT type, status_id FROM notifications WHERE account_id = %s" % agora.account_id("alice"))
    assert [(t, str(sid)) for t, sid in mentions] == [("mention", reply["id"])]


def test_visibility_decides_who_reads(agora):
    alice = agora.create_user("alice")
    follower = agora.create_user("follower")
    mentioned = agora.create_user("mentioned")
    stranger = agora.create_user("stranger")
    blocked = agora.create_user("blocked")
    alice_id = agora.account_id("alice")
    agora.api("POST", f"/api/v1/accounts/{alice_id}/follow", token=follower)
    agora.api("POST", f"/api/v1/accounts/{alice_id}/follow", token=blocked)
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('blocked')}/block", token=alice)

    ids = {v: post(agora, alice, f"{v} for @mentioned", visibility=v).json()["id"]
           for v in ("public", "unlisted", "private", "direct")}
    expected = {
        "alice": {"public", "unlisted", "private", "direct"},
        "follower": {"public", "unlisted", "private"},
        "mentioned": {"public", "unlisted", "private", "direct"},
        "stranger": {"public", "unlisted"},
        "blocked": set(),
        None: {"public", "unlisted"},
    }
    tokens = {"alice": alice, "follower": follower, "mentioned": mentioned, "stranger": stranger,
              "blocked": blocked, None: None}
    for who, visible in expected.items():
        for v, sid in ids.items():
            r = agora.api("GET", f"/api/v1/statuses/{sid}", token=tokens[who])
            assert (r.status_code == 200) == (v in visible), (who, v, r.status_code)
        batch = agora.api("GET", "/api/v1/statuses?" + "&".join(f"id[]={i}" for i in ids.values()),
                          token=tokens[who]).json()
        assert {s["visibility"] for s in batch} == visible, who

    # Replying to what one cannot see is refused as if it did not exist.
    r = post(agora, stranger, "sneaky", in_reply_to_id=ids["private"])
    assert r.status_code == 404


def test_delete_returns_source_and_removes_everywhere(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    alice_id = agora.account_id("alice")
    agora.api("POST", f"/api/v1/accounts/{alice_id}/follow", token=bob)
    s = post(agora, alice, "to be #deleted").json()
    assert agora.sql(f"SELECT count(*) FROM feed_entries WHERE status_id = {s['id']}")[0][0] == "2"
    assert agora.api("DELETE", f"/api/v1/statuses/{s['id']}", token=bob).status_code == 404
    r = agora.api("DELETE", f"/api/v1/statuses/{s['id']}", token=alice)
    assert r.status_code == 200 and r.json()["text"] == "to be #deleted" and r.json()["id"] == s["id"]
    assert agora.api("GET", f"/api/v1/statuses/{s['id']}", token=alice).status_code == 404
    assert agora.sql(f"SELECT count(*) FROM feed_entries WHERE status_id = {s['id']}")[0][0] == "0"
    assert agora.sql(f"SELECT statuses_count FROM accounts WHERE id = {alice_id}")[0][0] == "0"
    assert agora.api("DELETE", f"/api/v1/statuses/{s['id']}", token=alice).status_code == 404


def test_home_feed_fan_out_follows_mastodon_rules(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    ids = {n: agora.account_id(n) for n in ("alice", "bob", "carol")}
    agora.api("POST", f"/api/v1/accounts/{ids['alice']}/follow", token=bob, data={"languages[]": "en"})
    agora.api("POST", f"/api/v1/accounts/{ids['alice']}/follow", token=carol)
    agora.api("POST", f"/api/v1/accounts/{ids['alice']}/mute", token=carol)

    def homes(status_id):
        owners = {int(r[0]) for r in agora.sql(f"SELECT feed_owner_id FROM feed_entries WHERE status_id = {status_id}")}
        return {name for name, i in ids.items() if int(i) in owners}

    assert homes(post(agora, alice, "english", language="en").json()["id"]) == {"alice", "bob"}
    assert homes(post(agora, alice, "deutsch", language="de").json()["id"]) == {"alice"}
    assert homes(post(agora, alice, "dm @carol", visibility="direct").json()["id"]) == {"alice", "carol"}


def test_translation_is_honestly_unavailable(agora):
    alice = agora.create_user("alice")
    s = post(agora, alice, "Guten Tag", language="de").json()
    r = agora.api("POST", f"/api/v1/statuses/{s['id']}/translate", token=alice, data={"lang": "en"})
    assert r.status_code == 503 and r.json() == {"error": "Translation is not available on this server"}
    assert agora.api("POST", "/api/v1/statuses/999/translate", token=alice).status_code == 404
    assert agora.api("POST", f"/api/v1/statuses/{s['id']}/translate").status_code == 401
