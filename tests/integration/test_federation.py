"""Two agora instances with their own domains federate end to end over loopback."""
from urllib.parse import unquote

import pytest

from federation_helpers import eventually, follow_remote, following, resolve
from web_client import PASSWORD, Browser, form_value


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

    # A vote made at a reaches b as the poll's new tallies (an Update of the Question).
    dave = a.create_user("dave")
    assert a.api("POST", f"/api/v1/polls/{poll['poll']['id']}/votes", token=dave, json={"choices": ["0"]}).status_code == 200
    eventually(lambda: [o["votes_count"] for o in
                        b.api("GET", f"/api/v1/polls/{seen['poll']['id']}", token=bob).json()["options"]] == [1, 1],
               message="tallies at b")


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


def test_remote_follow_page_follows_from_a_link_on_another_server(pair):
    a, b = pair
    a.create_user("alice")
    b.create_user("bob", password=PASSWORD)
    finger = b.get("/.well-known/webfinger", params={"resource": "acct:bob@b.test"}).json()
    template = [link["template"] for link in finger["links"] if link["rel"] == "http://ostatus.org/schema/1.0/subscribe"][0]
    assert template == f"{b.public_url}/authorize_interaction?uri={{uri}}"

    browser = Browser(b)
    r = browser.get("/authorize_interaction", params={"uri": "alice@a.test"})
    assert r.status_code == 302 and r.headers["Location"].startswith("/auth/sign_in?return_to=")
    r = browser.submit_sign_in("bob@example.org", PASSWORD, return_to=unquote(r.headers["Location"].split("=", 1)[1]))
    assert r.status_code == 302 and r.headers["Location"] == "/authorize_interaction?uri=alice%40a.test"

    page = browser.get(r.headers["Location"])
    assert page.status_code == 200 and "@alice@a.test" in page.text
    alice_id = form_value(page.text, "account_id")
    assert browser.post("/authorize_interaction", {"account_id": alice_id}).status_code == 422  # no CSRF token
    done = browser.post("/authorize_interaction", {"account_id": alice_id,
                                                   "authenticity_token": form_value(page.text, "authenticity_token")})
    assert done.status_code == 200 and "follow @alice@a.test" in done.text  # asked; following once a accepts
    eventually(lambda: a.api("GET", f"/api/v1/accounts/{a.account_id('alice')}").json()["followers_count"] == 1,
               message="follow arrived")

    missing = browser.get("/authorize_interaction", params={"uri": "nobody@a.test"})
    assert missing.status_code == 404


def test_report_forwarded_to_the_reported_accounts_server_without_naming_the_reporter(pair):
    a, b = pair
    alice = a.create_user("alice")
    bob = b.create_user("bob")
    alice_at_b = follow_remote(b, bob, "alice@a.test")
    post = a.api("POST", "/api/v1/statuses", token=alice, data={"status": "spam spam spam"}).json()
    seen = eventually(lambda: [s for s in home(b, bob) if s["uri"] == post["uri"]], message="post at b")[0]

    r = b.api("POST", "/api/v1/reports", token=bob, json={"account_id": alice_at_b, "status_ids": [seen["id"]],
                                                          "comment": "Selling things", "category": "spam",
                                                          "forward": True})
    assert r.status_code == 200, r.text
    assert r.json()["forwarded"] is True and r.json()["status_ids"] == [seen["id"]]
    rows = eventually(lambda: a.sql("SELECT r.comment, r.status_ids, acc.uri FROM reports r"
                                    " JOIN accounts acc ON acc.id = r.account_id"), message="report at a")
    comment, status_ids, reporter = rows[0]
    assert comment == "Selling things" and status_ids == f'["{post["id"]}"]'
    assert reporter == f"{b.public_url}/actor"  # the instance, not bob

    kept = b.api("POST", "/api/v1/reports", token=bob, json={"account_id": alice_at_b, "comment": "kept here"})
    assert kept.json()["forwarded"] is False
    assert len(a.sql("SELECT id FROM reports")) == 1


def test_account_moves_to_another_server_and_takes_its_followers(pair):
    a, b = pair
    a.create_user("alice")
    b.create_user("alice2")
    carol = b.create_user("carol")
    dave = a.create_user("dave")
    follow_remote(b, carol, "alice@a.test")
    assert a.api("POST", f"/api/v1/accounts/{a.account_id('alice')}/follow", token=dave).status_code == 200

    refused = a.cli("accounts", "move", "alice", "alice2@b.test")
    assert refused.returncode == 1 and "alias" in refused.stderr  # the new account has to agree first
    assert b.cli("accounts", "alias", "alice2", "alice@a.test").returncode == 0
    assert f"{a.public_url}/users/alice" in b.get("/users/alice2", headers={"Accept": "application/activity+json"}).json()["alsoKnownAs"]
    moved = a.cli("accounts", "move", "alice", "alice2@b.test")
    assert moved.returncode == 0, moved.stderr

    old = a.get("/users/alice", headers={"Accept": "application/activity+json"}).json()
    assert old["movedTo"] == f"{b.public_url}/users/alice2"
    alice2_at_a = a.api("GET", "/api/v1/accounts/lookup", params={"acct": "alice2@b.test"}).json()["id"]
    eventually(lambda: following(a, dave, alice2_at_a), message="local follower moved")
    assert not following(a, dave, a.account_id("alice"))
    alice_at_b = b.api("GET", "/api/v1/accounts/lookup", params={"acct": "alice@a.test"}).json()
    eventually(lambda: following(b, carol, b.account_id("alice2")), message="remote follower moved")
    assert not following(b, carol, alice_at_b["id"])
    assert b.api("GET", f"/api/v1/accounts/{alice_at_b['id']}").json()["moved"]["acct"] == "alice2"
