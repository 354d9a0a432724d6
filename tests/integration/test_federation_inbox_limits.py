"""A flood of inbox deliveries from one domain, signed by many of its actors, is turned away with 429
and Retry-After once the domain's budget (1000 verified deliveries per 5 minutes) is spent, while
other domains are served as usual; a forged signature cannot spend another domain's budget."""
import json
import time

import requests

AS = "https://www.w3.org/ns/activitystreams"
PER_DOMAIN = 1000


def signed_post(session, agora, actor, activity, path="/inbox"):
    data = json.dumps(activity).encode()
    headers = actor.sign("POST", agora.public_url + path, data)
    headers["Content-Type"] = "application/activity+json"
    return session.post(agora.url(path), data=data, headers=headers, timeout=10)


def like(actor, n):
    return {"@context": AS, "id": f"{actor.uri}#likes/{n}", "type": "Like", "actor": actor.uri,
            "object": "http://a.test/users/nobody/statuses/1"}


def test_one_domain_flooding_the_inbox_is_throttled_alone(fake_federation):
    agora, flood, calm = fake_federation("flood.test", "calm.test")
    actors = [flood.actor(f"bot{n}") for n in range(5)]
    neighbour = calm.actor("carol")
    agora.create_user("alice")
    session = requests.Session()

    # A forger signs as flood.test's actors with the wrong key: refused (401), and counted for nobody.
    impostor = calm.actor("bot0")  # same name on another host: a different key
    for n in range(20):
        forged = like(actors[0], f"forged-{n}")
        data = json.dumps(forged).encode()
        headers = impostor.sign("POST", agora.public_url + "/inbox", data)
        headers["Signature"] = headers["Signature"].replace(impostor.key_id, actors[0].key_id)
        headers["Content-Type"] = "application/activity+json"
        assert session.post(agora.url("/inbox"), data=data, headers=headers, timeout=10).status_code == 401

    # The limit counts in fixed 5-minute windows of the clock: start the flood early in one, so that it
    # does not straddle two on a slow machine.
    left_in_window = 300 - time.time() % 300
    if left_in_window < 180:
        time.sleep(left_in_window + 1)

    # The activity's actor is not its signer: refused after the signature is verified, so it counts.
    # (Cheap for the test: nothing is queued.)
    statuses = [signed_post(session, agora, actors[n % len(actors)], like(actors[(n + 1) % len(actors)], n)).status_code
                for n in range(PER_DOMAIN)]
    assert 429 not in statuses and set(statuses) == {401}

    r = signed_post(session, agora, actors[3], like(actors[3], "over"))
    assert r.status_code == 429, r.text
    assert r.json() == {"error": "Too many requests"}
    assert 1 <= int(r.headers["Retry-After"]) <= 300
    # Every actor of the domain, and every inbox, shares the budget; a bad signature claiming the
    # domain is turned away before its key is even looked at.
    assert signed_post(session, agora, actors[4], like(actors[4], "again"), path="/users/alice/inbox").status_code == 429
    assert signed_post(session, agora, actors[0], like(actors[0], "shared")).status_code == 429
    bad = like(actors[1], "bad")
    data = json.dumps(bad).encode()
    headers = actors[1].sign("POST", agora.public_url + "/inbox", data)
    headers["Signature"] = headers["Signature"].replace('signature="', 'signature="AAAA')
    headers["Content-Type"] = "application/activity+json"
    assert session.post(agora.url("/inbox"), data=data, headers=headers, timeout=10).status_code == 429

    # Another domain is served as usual.
    r = signed_post(session, agora, neighbour, like(neighbour, 1))
    assert r.status_code == 202, r.text
