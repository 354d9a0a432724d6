"""Timelines: home (fan-out, exclusions, purges, merges), public, hashtag, list and link, with paging."""
import re
import time

from mastodon import Mastodon

_last_id = [0]


def snowflake():
    """A fresh id as agora makes them (milliseconds << 16), for rows inserted by hand."""
    _last_id[0] = max(_last_id[0] + 1, int(time.time() * 1000) << 16)
    return _last_id[0]


def post(agora, token, text, **params):
    r = agora.api("POST", "/api/v1/statuses", token=token, data={"status": text, **params})
    assert r.status_code == 200, r.text
    return r.json()["id"]


def follow(agora, token, name, **params):
    r = agora.api("POST", f"/api/v1/accounts/{agora.account_id(name)}/follow", token=token, data=params)
    assert r.status_code == 200, r.text


def timeline(agora, path, token=None, **params):
    r = agora.api("GET", path, token=token, params=params)
    assert r.status_code == 200, (path, r.status_code, r.text)
    return r


def ids(agora, path, token=None, **params):
    return [s["id"] for s in timeline(agora, path, token, **params).json()]


def links(response):
    return dict((rel, url) for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', response.headers.get("Link", "")))


def add_remote_account(agora, username, domain):
    account_id = snowflake()
    agora.sql(f"INSERT INTO accounts (id, username, domain, uri, url, display_name, created_at, updated_at) "
              f"VALUES ({account_id}, '{username}', '{domain}', 'https://{domain}/users/{username}', "
              f"'https://{domain}/@{username}', 'Remote {username}', 0, 0)")
    return str(account_id)


def add_remote_status(agora, account_id, text, into_home_of=None):
    status_id = snowflake()
    agora.sql(f"INSERT INTO statuses (id, account_id, uri, local, content, created_at, updated_at) "
              f"VALUES ({status_id}, {account_id}, 'https://remote.example/s/{status_id}', FALSE, '<p>{text}</p>', 0, 0)")
    if into_home_of:
        agora.sql(f"INSERT INTO feed_entries (feed_owner_id, feed_kind, status_id, account_id) "
                  f"VALUES ({into_home_of}, 0, {status_id}, {account_id})")
    return str(status_id)


def add_boost(agora, booster, status_id):
    boost_id = snowflake()
    agora.sql(f"INSERT INTO statuses (id, account_id, uri, local, reblog_of_id, created_at, updated_at) "
              f"VALUES ({boost_id}, {agora.account_id(booster)}, 'http://x/boost/{boost_id}', TRUE, {status_id}, 0, 0)")
    return str(boost_id)


def home_rows(agora, owner, author):
    return int(agora.sql(f"SELECT count(*) FROM feed_entries WHERE feed_owner_id = {agora.account_id(owner)}"
                         f" AND feed_kind = 0 AND account_id = {agora.account_id(author)}")[0][0])


def test_home_timeline_pages_as_mastodon(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    follow(agora, alice, "bob")
    posted = [post(agora, bob, f"bob {i}") for i in range(4)] + [post(agora, alice, "mine")]
    newest_first = posted[::-1]

    r = timeline(agora, "/api/v1/timelines/home", alice)
    assert [s["id"] for s in r.json()] == newest_first
    assert r.json()[1]["content"] == "<p>bob 3</p>" and r.json()[1]["account"]["username"] == "bob"

    r = timeline(agora, "/api/v1/timelines/home", alice, limit=2)
    assert [s["id"] for s in r.json()] == newest_first[:2]
    link = links(r)
    assert link["next"] == f"{agora.public_url}/api/v1/timelines/home?limit=2&max_id={newest_first[1]}"
    assert link["prev"] == f"{agora.public_url}/api/v1/timelines/home?limit=2&min_id={newest_first[0]}"
    assert ids(agora, "/api/v1/timelines/home", alice, limit=2, max_id=newest_first[1]) == newest_first[2:4]
    # since_id: the newest after it; min_id: the ones right after it.
    assert ids(agora, "/api/v1/timelines/home", alice, limit=2, since_id=posted[0]) == newest_first[:2]
    assert ids(agora, "/api/v1/timelines/home", alice, limit=2, min_id=posted[0]) == [posted[2], posted[1]]
    assert ids(agora, "/api/v1/timelines/home", alice, max_id=posted[3], min_id=posted[0]) == [posted[2], posted[1]]
    # A short page still leads on (Mastodon's timelines always give next), an empty one has no Link.
    r = timeline(agora, "/api/v1/timelines/home", alice, max_id=posted[1])
    assert [s["id"] for s in r.json()] == [posted[0]] and links(r)["next"].endswith(f"max_id={posted[0]}")
    r = timeline(agora, "/api/v1/timelines/home", alice, max_id=posted[0])
    assert r.json() == [] and "Link" not in r.headers

    assert agora.api("GET", "/api/v1/timelines/home").status_code == 401
    write_only = agora.cli("accounts", "token", "alice", "--scopes", "write", check=True).stdout.strip()
    assert agora.api("GET", "/api/v1/timelines/home", token=write_only).status_code == 403


def test_home_leaves_out_what_the_reader_does_not_want(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    dave = agora.create_user("dave")
    follow(agora, alice, "bob")
    follow(agora, alice, "carol")
    follow(agora, alice, "dave", **{"languages[]": "en"})
    from_bob = post(agora, bob, "bob")
    from_carol = post(agora, carol, "carol mentions @bob")
    dave_en = post(agora, dave, "hello", language="en")
    dave_de = post(agora, dave, "hallo", language="de")
    remote = add_remote_account(agora, "eve", "remote.example")
    from_eve = add_remote_status(agora, remote, "eve", into_home_of=agora.account_id("alice"))
    home = ids(agora, "/api/v1/timelines/home", alice)
    assert home == [from_eve, dave_en, from_carol, from_bob]  # the follow's language filter left dave_de out
    assert dave_de not in home

    # Muting hides at read time; a domain block too.
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('bob')}/mute", token=alice)
    agora.api("POST", "/api/v1/domain_blocks", token=alice, data={"domain": "remote.example"})
    assert ids(agora, "/api/v1/timelines/home", alice) == [dave_en, from_carol]
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('bob')}/unmute", token=alice)
    agora.api("DELETE", "/api/v1/domain_blocks", token=alice, data={"domain": "remote.example"})
    assert ids(agora, "/api/v1/timelines/home", alice) == [from_eve, dave_en, from_carol, from_bob]

    # Blocking purges the blocked account's statuses and those mentioning it (FeedManager#clear_from_home).
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('bob')}/block", token=alice)
    assert home_rows(agora, "alice", "bob") == 0 and home_rows(agora, "alice", "carol") == 0
    assert ids(agora, "/api/v1/timelines/home", alice) == [from_eve, dave_en]
    # Being blocked ends the follow, and the blocker's statuses leave the feed.
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('alice')}/block", token=dave)
    assert ids(agora, "/api/v1/timelines/home", alice) == [from_eve]


def test_unfollow_purges_and_follow_merges(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    public = post(agora, bob, "public")
    private = post(agora, bob, "for followers", visibility="private")
    post(agora, bob, "dm @carol", visibility="direct")
    reply_to_carol = post(agora, bob, "@carol reply", in_reply_to_id=post(agora, carol, "carol asks"))
    boost = add_boost(agora, "bob", post(agora, carol, "carol's post"))

    # Following merges bob's recent statuses, with the home feed's rules: no DM, no reply to an
    # account alice does not follow, no boost when boosts are hidden.
    follow(agora, alice, "bob", reblogs="false")
    assert ids(agora, "/api/v1/timelines/home", alice) == [private, public]
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('bob')}/unfollow", token=alice)
    assert home_rows(agora, "alice", "bob") == 0
    assert ids(agora, "/api/v1/timelines/home", alice) == []

    follow(agora, alice, "carol")
    follow(agora, alice, "bob")
    home = ids(agora, "/api/v1/timelines/home", alice)
    assert boost in home and reply_to_carol in home and private in home and public in home

    # A locked account's follower gets the statuses once the request is accepted.
    dave = agora.create_user("dave")
    agora.sql(f"UPDATE accounts SET locked = TRUE WHERE id = {agora.account_id('dave')}")
    secret = post(agora, dave, "secret", visibility="private")
    follow(agora, bob, "dave")
    assert secret not in ids(agora, "/api/v1/timelines/home", bob)
    r = agora.api("POST", f"/api/v1/follow_requests/{agora.account_id('bob')}/authorize", token=dave)
    assert r.status_code == 200, r.text
    assert ids(agora, "/api/v1/timelines/home", bob)[0] == secret


def test_fan_out_skips_hidden_boosts_and_replies_to_strangers(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    follow(agora, alice, "bob")
    question = post(agora, carol, "question")
    to_stranger = post(agora, bob, "@carol answer", in_reply_to_id=question)
    to_alice = post(agora, bob, "@alice hi", in_reply_to_id=post(agora, alice, "alice asks"))
    own_thread = post(agora, bob, "more", in_reply_to_id=post(agora, bob, "thread"))
    home = ids(agora, "/api/v1/timelines/home", alice)
    assert to_stranger not in home and to_alice in home and own_thread in home


def test_public_timeline(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    first = post(agora, alice, "first")
    post(agora, alice, "unlisted", visibility="unlisted")
    post(agora, alice, "private", visibility="private")
    post(agora, alice, "direct @bob", visibility="direct")
    post(agora, bob, "@alice a reply to someone else", in_reply_to_id=first)
    self_reply = post(agora, alice, "a thread goes on", in_reply_to_id=first)
    add_boost(agora, "bob", first)
    remote = add_remote_account(agora, "eve", "remote.example")
    from_eve = add_remote_status(agora, remote, "remote")

    assert ids(agora, "/api/v1/timelines/public") == [from_eve, self_reply, first]
    r = timeline(agora, "/api/v1/timelines/public", local="true", limit=1)
    assert [s["id"] for s in r.json()] == [self_reply]
    assert links(r) == {
        "next": f"{agora.public_url}/api/v1/timelines/public?local=true&limit=1&max_id={self_reply}",
        "prev": f"{agora.public_url}/api/v1/timelines/public?local=true&limit=1&min_id={self_reply}"}
    assert ids(agora, "/api/v1/timelines/public", local="true", max_id=self_reply) == [first]
    assert ids(agora, "/api/v1/timelines/public", remote="true") == [from_eve]
    assert ids(agora, "/api/v1/timelines/public", local="true", remote="true") == [from_eve, self_reply, first]
    assert ids(agora, "/api/v1/timelines/public", only_media="true") == []

    # A signed-in reader's blocks, mutes and domain blocks apply; silenced accounts stay out.
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('alice')}/block", token=bob)
    agora.api("POST", "/api/v1/domain_blocks", token=bob, data={"domain": "remote.example"})
    assert ids(agora, "/api/v1/timelines/public", bob) == []
    agora.sql(f"UPDATE accounts SET silenced_at = 1 WHERE id = {agora.account_id('alice')}")
    assert ids(agora, "/api/v1/timelines/public") == [from_eve]

    # With timeline_preview off, only members read it.
    assert agora.cli("settings", "set", "timeline_preview", "maybe").returncode == 1
    agora.cli("settings", "set", "timeline_preview", "false", check=True)
    r = agora.api("GET", "/api/v1/timelines/public")
    assert r.status_code == 422 and r.json() == {"error": "This method requires an authenticated user"}
    assert agora.api("GET", "/api/v1/timelines/tag/x").status_code == 422
    assert agora.api("GET", "/api/v1/timelines/public", token=alice).status_code == 200
    assert agora.api("GET", "/api/v1/timelines/public", token="nonsense").status_code == 401


def tag(agora, name, *status_ids):
    rows = agora.sql(f"SELECT id FROM tags WHERE name = '{name}'")
    tag_id = rows[0][0] if rows else None
    if tag_id is None:
        tag_id = snowflake()
        agora.sql(f"INSERT INTO tags (id, name, display_name, created_at, updated_at) VALUES ({tag_id}, '{name}', '{name}', 0, 0)")
    for s in status_ids:
        agora.sql(f"INSERT INTO statuses_tags (status_id, tag_id) VALUES ({s}, {tag_id}) ON CONFLICT DO NOTHING")


def test_hashtag_timeline(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    cats = post(agora, alice, "#cats")
    both = post(agora, alice, "#cats #dogs")
    dogs = post(agora, bob, "#dogs")
    hidden = post(agora, alice, "#cats for followers", visibility="private")
    reply = post(agora, bob, "@alice #cats too", in_reply_to_id=cats)
    tag(agora, "cats", cats, both, hidden, reply)
    tag(agora, "dogs", both, dogs)

    assert ids(agora, "/api/v1/timelines/tag/cats") == [reply, both, cats]  # replies count here
    assert ids(agora, "/api/v1/timelines/tag/Cats") == [reply, both, cats]
    assert ids(agora, "/api/v1/timelines/tag/cats", **{"any[]": "dogs"}) == [reply, dogs, both, cats]
    assert ids(agora, "/api/v1/timelines/tag/cats", **{"all[]": "dogs"}) == [both]
    assert ids(agora, "/api/v1/timelines/tag/cats", **{"all[]": "unheard"}) == []
    assert ids(agora, "/api/v1/timelines/tag/cats", **{"none[]": "dogs"}) == [reply, cats]
    assert ids(agora, "/api/v1/timelines/tag/unheard") == []
    r = timeline(agora, "/api/v1/timelines/tag/cats", limit=1)
    assert links(r)["next"] == f"{agora.public_url}/api/v1/timelines/tag/cats?limit=1&max_id={reply}"
    assert ids(agora, "/api/v1/timelines/tag/cats", min_id=cats, limit=1) == [both]
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('bob')}/mute", token=alice)
    assert ids(agora, "/api/v1/timelines/tag/cats", alice) == [both, cats]


def add_list(agora, owner, *members, replies_policy="list", exclusive=False):
    list_id = snowflake()
    agora.sql(f"INSERT INTO lists (id, account_id, title, replies_policy, exclusive, created_at, updated_at) "
              f"VALUES ({list_id}, {agora.account_id(owner)}, 'list', '{replies_policy}', "
              f"{'TRUE' if exclusive else 'FALSE'}, 0, 0)")
    for m in members:
        agora.sql(f"INSERT INTO list_accounts (list_id, account_id) VALUES ({list_id}, {agora.account_id(m)})")
    return str(list_id)


def test_list_timeline(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    dave = agora.create_user("dave")
    for name in ("bob", "carol", "dave"):
        follow(agora, alice, name)
    follow(agora, bob, "dave")
    with_list_replies = add_list(agora, "alice", "bob", "carol")
    with_followed_replies = add_list(agora, "alice", "bob", replies_policy="followed")
    without_replies = add_list(agora, "alice", "bob", replies_policy="none")
    exclusive = add_list(agora, "alice", "dave", exclusive=True)

    from_bob = post(agora, bob, "bob")
    question_carol = post(agora, carol, "carol asks")
    to_carol = post(agora, bob, "@carol answer", in_reply_to_id=question_carol)
    to_dave = post(agora, bob, "@dave answer", in_reply_to_id=post(agora, dave, "dave asks"))
    to_alice = post(agora, bob, "@alice answer", in_reply_to_id=post(agora, alice, "alice asks"))
    from_dave = post(agora, dave, "dave again")

    path = "/api/v1/timelines/list/"
    assert ids(agora, path + with_list_replies, alice) == [to_alice, to_carol, question_carol, from_bob]
    assert ids(agora, path + with_followed_replies, alice) == [to_alice, to_dave, to_carol, from_bob]
    assert ids(agora, path + without_replies, alice) == [to_alice, from_bob]
    assert ids(agora, path + exclusive, alice)[0] == from_dave
    # An exclusive list keeps its members out of the home feed.
    home = ids(agora, "/api/v1/timelines/home", alice)
    assert from_dave not in home and from_bob in home
    r = timeline(agora, path + with_list_replies, alice, limit=2)
    assert links(r)["next"] == f"{agora.public_url}{path}{with_list_replies}?limit=2&max_id={to_carol}"

    # Unfollowing takes the account out of the lists' feeds too.
    agora.api("POST", f"/api/v1/accounts/{agora.account_id('carol')}/unfollow", token=alice)
    assert ids(agora, path + with_list_replies, alice) == [to_alice, to_carol, from_bob]

    for token, expected in ((bob, 404), (None, 401)):
        r = agora.api("GET", path + with_list_replies, token=token)
        assert r.status_code == expected
    assert agora.api("GET", path + "12345", token=alice).json() == {"error": "Record not found"}
    statuses_only = agora.cli("accounts", "token", "alice", "--scopes", "read:statuses", check=True).stdout.strip()
    assert agora.api("GET", path + with_list_replies, token=statuses_only).status_code == 403


def test_link_timeline(agora):
    alice = agora.create_user("alice")
    url = "https://example.org/article?id=1"
    shared = post(agora, alice, f"read {url} and {url}")
    post(agora, alice, f"quietly {url}", visibility="unlisted")
    other = post(agora, alice, "see https://example.org/other")
    assert ids(agora, "/api/v1/timelines/link", url=url) == [shared]
    assert ids(agora, "/api/v1/timelines/link", url="https://example.org/other") == [other]
    r = agora.api("GET", "/api/v1/timelines/link", params={"url": "https://example.org/never"})
    assert r.status_code == 404 and r.json() == {"error": "Record not found"}
    agora.api("DELETE", f"/api/v1/statuses/{shared}", token=alice)
    assert agora.sql(f"SELECT count(*) FROM status_links WHERE status_id = {shared}")[0][0] == "0"


def test_home_reads_one_index_range(agora):
    """The shape of store/feeds.cpp's page(): an index range in status order, no sorting."""
    if agora.db != "sqlite":
        return
    plan = agora.sql(
        "EXPLAIN QUERY PLAN SELECT fe.status_id FROM feed_entries fe JOIN accounts a ON a.id = fe.account_id"
        " LEFT JOIN statuses rs ON rs.id = fe.reblog_of_id LEFT JOIN accounts ra ON ra.id = rs.account_id"
        " WHERE fe.feed_owner_id = 1 AND fe.feed_kind = 0 AND fe.status_id < 5 ORDER BY fe.status_id DESC LIMIT 20")
    text = " | ".join(row[-1] for row in plan)
    assert "SEARCH fe USING PRIMARY KEY" in text or "SEARCH fe USING INDEX sqlite_autoindex_feed_entries_1" in text, text
    assert "TEMP B-TREE" not in text, text


def test_mastodon_py_reads_timelines(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    follow(agora, alice, "bob")
    posted = [post(agora, bob, f"#news number {i}") for i in range(5)]
    tag(agora, "news", *posted)
    api = Mastodon(api_base_url=agora.base_url, access_token=alice, version_check_mode="none")
    page = api.timeline_home(limit=2)
    assert [str(s.id) for s in page] == [posted[4], posted[3]]
    older = api.fetch_next(page)
    assert [str(s.id) for s in older] == [posted[2], posted[1]]
    assert [str(s.id) for s in api.timeline_local()] == posted[::-1]
    assert [str(s.id) for s in api.timeline_public(limit=3)] == posted[:1:-1]
    tagged = api.timeline_hashtag("news", limit=4)
    assert [str(s.id) for s in tagged] == posted[:0:-1]
    assert [str(s.id) for s in api.fetch_next(tagged)] == [posted[0]]
