"""Polls: posting them with statuses, reading, voting, and the notifications when they end."""

from mastodon import Mastodon
from federation_helpers import eventually as wait_for

POLL_KEYS = ["id", "expires_at", "expired", "multiple", "votes_count", "voters_count", "options", "emojis"]


def post_poll(agora, token, options=("yes", "no"), expires_in="600", **extra):
    data = {"status": "Which one?", "poll[options][]": list(options), "poll[expires_in]": expires_in}
    data.update(extra)
    return agora.api("POST", "/api/v1/statuses", token=token, data=data)


def vote(agora, token, poll_id, *choices):
    return agora.api("POST", f"/api/v1/polls/{poll_id}/votes", token=token, data={"choices[]": list(choices)})



def test_single_choice_poll_posting_voting_and_reading(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    r = post_poll(agora, alice, options=(" four twenty ", "sixty-nine", "  "))
    assert r.status_code == 200, r.text
    status = r.json()
    poll = status["poll"]
    assert list(poll.keys()) == POLL_KEYS[:6] + ["voted", "own_votes"] + POLL_KEYS[6:]
    # The author counts as having voted, without votes; options are stripped and blank ones dropped.
    assert poll["voted"] is True and poll["own_votes"] == []
    assert poll["options"] == [{"title": "four twenty", "votes_count": 0}, {"title": "sixty-nine", "votes_count": 0}]
    assert poll["multiple"] is False and poll["expired"] is False
    assert poll["votes_count"] == 0 and poll["voters_count"] == 0
    assert poll["expires_at"].endswith("Z")

    r = vote(agora, bob, poll["id"], "1")
    assert r.status_code == 200, r.text
    voted = r.json()
    assert voted["voted"] is True and voted["own_votes"] == [1]
    assert voted["votes_count"] == 1 and voted["voters_count"] == 1
    assert [o["votes_count"] for o in voted["options"]] == [0, 1]

    # Voting twice, several choices on a single-choice poll, and one's own poll are refused.
    r = vote(agora, bob, poll["id"], "0")
    assert r.status_code == 422 and r.json() == {"error": "Validation failed: You have already voted on this poll"}
    carol = agora.create_user("carol")
    r = vote(agora, carol, poll["id"], "0", "1")
    assert r.status_code == 422 and r.json() == {"error": "Validation failed: You have already voted on this poll"}
    r = vote(agora, carol, poll["id"], "7")
    assert r.status_code == 422
    assert r.json() == {"error": "Validation failed: The chosen vote option does not exist"}
    r = vote(agora, alice, poll["id"], "0")
    assert r.status_code == 422 and r.json() == {"error": "Validation failed: You cannot vote in your own polls"}
    r = agora.api("POST", f"/api/v1/polls/{poll['id']}/votes", token=carol, data={})
    assert r.status_code == 400
    assert vote(agora, carol, "123456789", "0").status_code == 404
    assert len(agora.sql("SELECT id FROM poll_votes")) == 1  # nothing half-written

    anonymous = agora.api("GET", f"/api/v1/polls/{poll['id']}").json()
    assert "voted" not in anonymous and anonymous["votes_count"] == 1
    shown = agora.api("GET", f"/api/v1/polls/{poll['id']}", token=carol).json()
    assert shown["voted"] is False and shown["own_votes"] == []
    in_status = agora.api("GET", f"/api/v1/statuses/{status['id']}", token=bob).json()["poll"]
    assert in_status == voted
    assert agora.api("GET", "/api/v1/polls/123456789").status_code == 404


def test_multiple_choice_poll_from_json(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    r = agora.api("POST", "/api/v1/statuses", token=alice,
                  json={"status": "pick", "poll": {"options": ["a", "b", "c"], "expires_in": 3600, "multiple": True}})
    assert r.status_code == 200, r.text
    poll = r.json()["poll"]
    assert poll["multiple"] is True
    r = agora.api("POST", f"/api/v1/polls/{poll['id']}/votes", token=bob, json={"choices": [0, 2]})
    assert r.status_code == 200, r.text
    assert r.json()["own_votes"] == [0, 2]
    assert vote(agora, bob, poll["id"], "2").status_code == 422  # the same choice again
    r = vote(agora, bob, poll["id"], "1")  # another choice later is fine, as in Mastodon
    assert r.status_code == 200
    body = r.json()
    assert body["votes_count"] == 3 and body["voters_count"] == 1 and body["own_votes"] == [0, 2, 1]


def test_hidden_totals_and_invisible_statuses(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    r = post_poll(agora, alice, **{"poll[hide_totals]": "true"})
    poll = r.json()["poll"]
    assert [o["votes_count"] for o in poll["options"]] == [None, None]
    vote(agora, bob, poll["id"], "0")
    agora.sql(f"UPDATE polls SET expires_at = 1000 WHERE id = {poll['id']}")
    ended = agora.api("GET", f"/api/v1/polls/{poll['id']}", token=bob).json()
    assert ended["expired"] is True and [o["votes_count"] for o in ended["options"]] == [1, 0]
    carol = agora.create_user("carol")
    assert vote(agora, carol, poll["id"], "1").json() == {"error": "Validation failed: The poll has already ended"}
    # Every reason is given at once, as Mastodon's VoteValidator does.
    assert vote(agora, bob, poll["id"], "1").json() == {
        "error": "Validation failed: The poll has already ended, You have already voted on this poll"}

    private = post_poll(agora, alice, visibility="private").json()["poll"]
    assert agora.api("GET", f"/api/v1/polls/{private['id']}", token=bob).status_code == 404
    assert vote(agora, bob, private["id"], "0").status_code == 404


def test_bad_polls_are_refused_and_nothing_is_written(agora):
    alice = agora.create_user("alice")
    cases = [
        (("a", "b", "c", "d", "e"), "600", "Validation failed: Poll options can't contain more than 4 items"),
        (("a",), "600", "Validation failed: Poll options must have more than one item"),
        (("a", "x" * 51), "600", "Validation failed: Poll options cannot be longer than 50 characters each"),
        (("a", "a"), "600", "Validation failed: Poll options contain duplicate items"),
        (("a", "b"), "299", "Validation failed: Poll expires at is too soon"),
        (("a", "b"), "2629747", "Validation failed: Poll expires at is too far into the future"),
    ]
    for options, expires_in, error in cases:
        r = post_poll(agora, alice, options=options, expires_in=expires_in)
        assert r.status_code == 422 and r.json() == {"error": error}, (options, expires_in, r.text)
    r = post_poll(agora, alice, **{"media_ids[]": "1"})
    assert r.status_code == 422 and r.json() == {"error": "Cannot attach more than 4 files"}
    assert post_poll(agora, alice, expires_in="300").status_code == 200  # the limits themselves are fine
    assert post_poll(agora, alice, expires_in="2629746").status_code == 200
    assert len(agora.sql("SELECT id FROM statuses")) == 2
    assert len(agora.sql("SELECT id FROM polls")) == 2


def test_the_end_of_a_poll_is_notified_once_to_author_and_voters(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    agora.create_user("dave")  # did not vote
    status = post_poll(agora, alice).json()
    poll_id = status["poll"]["id"]
    vote(agora, bob, poll_id, "0")
    vote(agora, carol, poll_id, "1")
    assert agora.sql("SELECT id FROM notifications WHERE type = 'poll'") == []
    # End it now, and let the waiting job run.
    agora.sql(f"UPDATE polls SET expires_at = 1000 WHERE id = {poll_id}")
    agora.sql("UPDATE jobs SET run_at = 0 WHERE kind = 'poll_expired'")
    rows = wait_for(lambda: agora.sql("SELECT account_id, from_account_id, status_id FROM notifications "
                                      "WHERE type = 'poll' ORDER BY account_id") if not
                    agora.sql("SELECT id FROM jobs WHERE kind = 'poll_expired'") else None)
    alice_id = agora.account_id("alice")
    assert sorted(r[0] for r in rows) == sorted([alice_id, agora.account_id("bob"), agora.account_id("carol")])
    assert all(r[1] == alice_id and r[2] == status["id"] for r in rows)
    # A second run of the job (a retry, a duplicate) notifies nobody again.
    agora.sql("INSERT INTO jobs (id, queue, kind, payload, run_at, created_at) "
              f"VALUES (1, 'default', 'poll_expired', '{{\"poll_id\":{poll_id}}}', 0, 0)")
    wait_for(lambda: not agora.sql("SELECT id FROM jobs WHERE kind = 'poll_expired'"))
    assert len(agora.sql("SELECT id FROM notifications WHERE type = 'poll'")) == 3


def test_mastodon_py_polls(agora):
    alice = Mastodon(api_base_url=agora.base_url, access_token=agora.create_user("alice"), version_check_mode="none")
    bob = Mastodon(api_base_url=agora.base_url, access_token=agora.create_user("bob"), version_check_mode="none")
    status = alice.status_post("Tea or coffee?", poll=alice.make_poll(["tea", "coffee"], expires_in=3600))
    assert [o.title for o in status.poll.options] == ["tea", "coffee"]
    bob.poll_vote(status.poll.id, [1])
    voted = bob.poll(status.poll.id)
    assert voted.own_votes == [1] and voted.votes_count == 1 and voted.options[1].votes_count == 1
