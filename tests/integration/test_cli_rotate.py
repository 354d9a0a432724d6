"""agora accounts rotate: new signing keys for local accounts, announced to followers' servers with
Update(actor) so they keep verifying what the account signs, as tootctl accounts rotate."""
from federation_helpers import eventually, follow_remote


def actor_key(instance, username):
    actor = instance.api("GET", f"/users/{username}", headers={"Accept": "application/activity+json"}).json()
    return actor["publicKey"]["publicKeyPem"]


def knows_key(instance, actor_uri, pem):
    """Whether `instance` holds `pem` as the actor's key (matched on the PEM's modulus lines, as the
    test helper's SQL reads one line per row)."""
    body = "".join(pem.strip().splitlines()[1:-1])
    rows = instance.sql("SELECT count(*) FROM accounts WHERE uri = ? AND replace(public_key_pem, ?, '') LIKE ?",
                        (actor_uri, "\n", f"%{body}%"))
    return rows == [("1",)]


def home_uris(instance, token):
    return [s["uri"] for s in instance.api("GET", "/api/v1/timelines/home", token=token).json()]


def test_rotated_key_reaches_followers_and_later_posts_still_verify(federation):
    a, b = federation("a.test", "b.test")
    alice = a.create_user("alice")
    a.create_user("carol")
    bob = b.create_user("bob")
    follow_remote(b, bob, "alice@a.test")
    alice_uri = "http://a.test/users/alice"
    old = actor_key(a, "alice")
    carol_old = actor_key(a, "carol")
    assert knows_key(b, alice_uri, old)

    r = a.cli("accounts", "rotate", "alice")
    assert r.returncode == 0 and r.stdout.strip() == "OK", r.stderr
    new = actor_key(a, "alice")
    assert new != old and new.startswith("-----BEGIN PUBLIC KEY-----")
    assert actor_key(a, "carol") == carol_old  # one account only
    # The Update(actor) tells b before alice signs anything else.
    eventually(lambda: knows_key(b, alice_uri, new), message="the new key at b.test")

    # A post signed with the new key is verified and delivered.
    posted = a.api("POST", "/api/v1/statuses", token=alice, data={"status": "signed with a new key"}).json()
    eventually(lambda: posted["uri"] in home_uris(b, bob), message="the post at b.test")

    r = a.cli("accounts", "rotate", "--all")
    assert r.returncode == 0 and r.stdout.strip() == "Rotated keys of 2 accounts", r.stderr
    assert actor_key(a, "carol") != carol_old and actor_key(a, "alice") != new


def test_rotate_refuses_bad_input(agora):
    agora.create_user("alice")
    before = agora.sql("SELECT private_key_pem FROM accounts WHERE username = 'alice'")
    for args, status, message in ((("nobody",), 1, "no local account nobody"),
                                  ((), 2, "usage: agora accounts rotate"),
                                  (("alice", "--all"), 2, "usage: agora accounts rotate")):
        r = agora.cli("accounts", "rotate", *args)
        assert r.returncode == status and message in r.stderr, (args, r.stderr)
    r = agora.cli("accounts", "delete", "alice", "--all")
    assert r.returncode == 2 and "--all goes with accounts rotate" in r.stderr
    assert agora.sql("SELECT private_key_pem FROM accounts WHERE username = 'alice'") == before
