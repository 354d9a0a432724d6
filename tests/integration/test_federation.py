"""Two agora instances with their own domains federate end to end over loopback."""
import pytest

from federation_helpers import eventually, follow_remote, following, resolve


@pytest.fixture
def pair(federation):
    a, b = federation("a.test", "b.test")
    return a, b


def home(instance, token):
    return instance.api("GET", "/api/v1/timelines/home", token=token).json()


def test_follow_post_reply_favourite_boost_delete(pair):
    a, b = pair
    alice = a.create_user("alice")
    bob = b.create_user("bob")

    # bob@b.test finds alice@a.test and follows her; a.test accepts.
    follow_remote(b, bob, "alice@a.test")
    assert a.api("GET", f"/api/v1/accounts/{a.account_id('alice')}").json()["followers_count"] == 1

    # A public post reaches bob's home timeline with its content, CW and hashtag.
    posted = a.api("POST", "/api/v1/statuses", token=alice,
                   data={"status": "Hello fediverse #EdTech", "spoiler_text": "greeting"}).json()
    seen = eventually(lambda: [s for s in home(b, bob) if s["uri"] == posted["uri"]], message="post at b")[0]
    assert seen["account"]["acct"] == "alice@a.test"
    assert "Hello fediverse" in seen["content"] and seen["spoiler_text"] == "greeting" and seen["sensitive"]
    assert [t["name"] for t in seen["tags"]] == ["edtech"]
    assert seen["visibility"] == "public"

    # bob replies (mentioning alice), favourites and boosts; alice is notified of each.
    reply = b.api("POST", "/api/v1/statuses", token=bob,
                  data={"status": "@alice@a.test welcome!", "in_reply_to_id": seen["id"]}).json()
    assert reply["in_reply_to_id"] == seen["id"]
    b.api("POST", f"/api/v1/statuses/{seen['id']}/favourite", token=bob)
    b.api("POST", f"/api/v1/statuses/{seen['id']}/reblog", token=bob)

    def notified():
        types = {n["type"] for n in a.api("GET", "/api/v1/notifications", token=alice).json()}
        return {"mention", "favourite", "reblog", "follow"} <= types and types
    eventually(notified, message="notifications at a")
    context = a.api("GET", f"/api/v1/statuses/{posted['id']}/context", token=alice).json()
    assert [s["uri"] for s in context["descendants"]] == [reply["uri"]]
    original = a.api("GET", f"/api/v1/statuses/{posted['id']}", token=alice).json()
    assert original["favourites_count"] == 1 and original["reblogs_count"] == 1

    # alice edits, then deletes: b follows both.
    a.api("PUT", f"/api/v1/statuses/{posted['id']}", token=alice, data={"status": "Hello again #EdTech"})
    eventually(lambda: "Hello again" in b.api("GET", f"/api/v1/statuses/{seen['id']}", token=bob).json().get("content", ""),
               message="edit at b")
    a.api("DELETE", f"/api/v1/statuses/{posted['id']}", token=alice)
    eventually(lambda: b.api("GET", f"/api/v1/statuses/{seen['id']}", token=bob).status_code == 404,
               message="delete at b")


def test_locked_account_and_private_posts(pair):
    a, b = pair
    alice = a.create_user("alice")
    bob = b.create_user("bob")
    a.api("PATCH", "/api/v1/accounts/update_credentials", token=alice, data={"locked": "true"})
    alice_at_b = resolve(b, bob, "alice@a.test")
    rel = b.api("POST", f"/api/v1/accounts/{alice_at_b}/follow", token=bob).json()
    assert rel["requested"] is True and rel["following"] is False

    requests = eventually(lambda: a.api("GET", "/api/v1/follow_requests", token=alice).json(), message="request")
    assert requests[0]["acct"] == "bob@b.test"
    # Before acceptance, followers-only posts do not go to bob.
    a.api("POST", "/api/v1/statuses", token=alice, data={"status": "too early", "visibility": "private"})
    a.api("POST", f"/api/v1/follow_requests/{requests[0]['id']}/authorize", token=alice)
    eventually(lambda: following(b, bob, alice_at_b), message="Accept")
    secret = a.api("POST", "/api/v1/statuses", token=alice,
                   data={"status": "for followers", "visibility": "private"}).json()
    seen = eventually(lambda: [s for s in home(b, bob) if s["uri"] == secret["uri"]], message="private post")[0]
    assert seen["visibility"] == "private"
    assert not [s for s in home(b, bob) if "too early" in s["content"]]
    # Others at b.test cannot read it.
    carol = b.create_user("carol")
    assert b.api("GET", f"/api/v1/statuses/{seen['id']}", token=carol).status_code == 404


def test_direct_message_reaches_only_the_mentioned(pair):
    a, b = pair
    alice = a.create_user("alice")
    bob = b.create_user("bob")
    resolve(a, alice, "bob@b.test")
    dm = a.api("POST", "/api/v1/statuses", token=alice,
               data={"status": "@bob@b.test just between us", "visibility": "direct"}).json()
    assert dm["mentions"][0]["acct"] == "bob@b.test"

    # A private mention from a stranger waits as a notification request, as Mastodon filters it.
    conversation = eventually(lambda: b.api("GET", "/api/v1/conversations", token=bob).json(), message="direct message")
    assert conversation[0]["last_status"]["uri"] == dm["uri"]
    assert conversation[0]["last_status"]["visibility"] == "direct"
    requests = b.api("GET", "/api/v1/notifications/requests", token=bob).json()
    assert [r["account"]["acct"] for r in requests] == ["alice@a.test"]
    # Nobody else at b.test can read it.
    carol = b.create_user("carol")
    assert b.api("GET", f"/api/v1/statuses/{conversation[0]['last_status']['id']}", token=carol).status_code == 404


def test_unfollow_and_block_travel(pair):
    a, b = pair
    alice = a.create_user("alice")
    bob = b.create_user("bob")
    alice_at_b = resolve(b, bob, "alice@a.test")
    b.api("POST", f"/api/v1/accounts/{alice_at_b}/follow", token=bob)
    alice_id = a.account_id("alice")
    eventually(lambda: a.api("GET", f"/api/v1/accounts/{alice_id}").json()["followers_count"] == 1, message="follow")
    b.api("POST", f"/api/v1/accounts/{alice_at_b}/unfollow", token=bob)
    eventually(lambda: a.api("GET", f"/api/v1/accounts/{alice_id}").json()["followers_count"] == 0,
               message="unfollow")

    b.api("POST", f"/api/v1/accounts/{alice_at_b}/follow", token=bob)
    eventually(lambda: a.api("GET", f"/api/v1/accounts/{alice_id}").json()["followers_count"] == 1, message="refollow")
    bob_at_a = resolve(a, alice, "bob@b.test")
    a.api("POST", f"/api/v1/accounts/{bob_at_a}/block", token=alice)
    # The block ends bob's follow on both sides.
    eventually(lambda: not following(b, bob, alice_at_b), message="block at b")


def test_poll_vote_travels(pair):
    a, b = pair
    alice = a.create_user("alice")
    bob = b.create_user("bob")
    follow_remote(b, bob, "alice@a.test")
    poll = a.api("POST", "/api/v1/statuses", token=alice,
                 json={"status": "Which tool?", "poll": {"options": ["slides", "notebooks"], "expires_in": 3600}}).json()
    seen = eventually(lambda: [s for s in home(b, bob) if s["uri"] == poll["uri"]], message="poll at b")[0]
    assert [o["title"] for o in seen["poll"]["options"]] == ["slides", "notebooks"]
    r = b.api("POST", f"/api/v1/polls/{seen['poll']['id']}/votes", token=bob, json={"choices": ["1"]})
    assert r.status_code == 200, r.text
    eventually(lambda: a.api("GET", f"/api/v1/polls/{poll['poll']['id']}", token=alice).json()["options"][1]["votes_count"] == 1,
               message="vote at a")


def test_lookup_resolves_and_profile_updates_travel(pair):
    a, b = pair
    alice = a.create_user("alice")
    bob = b.create_user("bob")
    found = b.api("GET", "/api/v1/accounts/lookup", params={"acct": "alice@a.test"})
    assert found.status_code == 200 and found.json()["acct"] == "alice@a.test"
    assert b.api("GET", "/api/v1/accounts/lookup", params={"acct": "nobody@a.test"}).status_code == 404
    b.api("POST", f"/api/v1/accounts/{found.json()['id']}/follow", token=bob)
    eventually(lambda: a.api("GET", f"/api/v1/accounts/{a.account_id('alice')}").json()["followers_count"] == 1,
               message="follow")
    a.api("PATCH", "/api/v1/accounts/update_credentials", token=alice,
          data={"display_name": "Alice in Lisbon", "note": "New bio"})
    eventually(lambda: b.api("GET", f"/api/v1/accounts/{found.json()['id']}").json()["display_name"] == "Alice in Lisbon",
               message="profile update at b")
    assert "New bio" in b.api("GET", f"/api/v1/accounts/{found.json()['id']}").json()["note"]


def test_three_instances_boost_brings_a_post_from_a_third_server(federation):
    a, b, c = federation("a.test", "b.test", "c.test")
    alice, bob, carol = a.create_user("alice"), b.create_user("bob"), c.create_user("carol")
    follow_remote(b, bob, "alice@a.test")
    follow_remote(c, carol, "bob@b.test")

    post = a.api("POST", "/api/v1/statuses", token=alice, data={"status": "worth sharing"}).json()
    at_b = eventually(lambda: [s for s in home(b, bob) if s["uri"] == post["uri"]], message="post at b")[0]
    b.api("POST", f"/api/v1/statuses/{at_b['id']}/reblog", token=bob)
    # c never followed alice: it fetches the boosted post from a.test.
    boost = eventually(lambda: [s for s in home(c, carol) if s["reblog"] and s["reblog"]["uri"] == post["uri"]],
                       message="boost at c")[0]
    assert boost["account"]["acct"] == "bob@b.test"
    assert boost["reblog"]["account"]["acct"] == "alice@a.test" and "worth sharing" in boost["reblog"]["content"]
    # carol replies; the reply reaches alice, whom it mentions.
    c.api("POST", "/api/v1/statuses", token=carol,
          data={"status": "@alice@a.test agreed", "in_reply_to_id": boost["reblog"]["id"]})
    eventually(lambda: a.api("GET", f"/api/v1/statuses/{post['id']}/context", token=alice).json()["descendants"],
               message="reply at a")


def test_profile_and_status_page_links_resolve_on_another_server(pair):
    a, b = pair
    alice = a.create_user("alice")
    bob = b.create_user("bob")
    status = a.api("POST", "/api/v1/statuses", token=alice, data={"status": "a link worth pasting"}).json()
    assert status["url"] == f"{a.public_url}/@alice/{status['id']}"

    found = b.api("GET", "/api/v2/search", token=bob, params={"q": status["url"], "resolve": "true"}).json()
    assert [s["content"] for s in found["statuses"]] == [status["content"]]
    assert found["statuses"][0]["uri"] == status["uri"]
    again = b.api("GET", "/api/v2/search", token=bob, params={"q": status["uri"], "resolve": "true"}).json()
    assert again["statuses"][0]["id"] == found["statuses"][0]["id"]  # one status, however it was found

    found = b.api("GET", "/api/v2/search", token=bob, params={"q": f"{a.public_url}/@alice", "resolve": "true"}).json()
    assert [acc["acct"] for acc in found["accounts"]] == ["alice@a.test"]
