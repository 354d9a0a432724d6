"""Web Push: /api/v1/push/subscription as Mastodon, the VAPID key where
Mastodon shows it, and notifications pushed to a receiver on loopback that
decrypts them (RFC 8291) and checks the VAPID token (RFC 8292) itself."""
import time

import pytest
from mastodon import Mastodon

from federation_helpers import eventually
from push_receiver import PushReceiver, Subscriber, b64url_decode, message, verify_vapid

PASSWORD = "correct horse battery"


@pytest.fixture
def world(instances):
    receiver = PushReceiver("push.test")
    agora = instances(domain="a.test", run=False)
    agora.env.update({"AGORA_TEST_HTTP": "true",
                      "AGORA_TEST_CONNECT_TO": f"a.test=127.0.0.1:{agora.port},push.test=127.0.0.1:{receiver.port}"})
    agora.start()
    yield agora, receiver
    receiver.close()


def vapid_key(agora):
    return agora.api("GET", "/api/v2/instance").json()["configuration"]["vapid"]["public_key"]


def subscribe(agora, token, subscriber, endpoint, alerts=None, policy=None):
    data = {"subscription[endpoint]": endpoint,
            "subscription[keys][p256dh]": subscriber.keys["p256dh"],
            "subscription[keys][auth]": subscriber.keys["auth"],
            "subscription[standard]": "true"}
    for type_, on in (alerts or {}).items():
        data[f"data[alerts][{type_}]"] = "true" if on else "false"
    if policy:
        data["data[policy]"] = policy
    r = agora.api("POST", "/api/v1/push/subscription", token=token, data=data)
    assert r.status_code == 200, r.text
    return r.json()


def mention(agora, token, text):
    r = agora.api("POST", "/api/v1/statuses", token=token, json={"status": text})
    assert r.status_code == 200, r.text
    return r.json()


def test_subscription_lifecycle_and_shapes(world):
    agora, receiver = world
    alice = agora.create_user("alice")
    key = vapid_key(agora)
    point = b64url_decode(key)
    assert len(point) == 65 and point[0] == 4
    assert vapid_key(agora) == key  # made once, kept

    app = agora.post("/api/v1/apps", data={"client_name": "pusher", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
                                           "scopes": "read push"}).json()
    assert app["vapid_key"] == key

    subscriber = Subscriber()
    # Mastodon.py's form: standard base64 with padding, policy beside data.
    import base64
    r = agora.api("POST", "/api/v1/push/subscription", token=alice, data={
        "subscription[endpoint]": receiver.endpoint("/s/1"),
        "subscription[keys][p256dh]": base64.b64encode(subscriber.public_point).decode(),
        "subscription[keys][auth]": base64.b64encode(subscriber.auth).decode(),
        "policy": "none",
        "data[alerts][follow]": "1", "data[alerts][favourite]": "0", "data[alerts][mention]": "1",
        "data[alerts][bogus]": "1"})
    assert r.status_code == 200, r.text
    created = r.json()
    assert list(created) == ["id", "endpoint", "standard", "alerts", "server_key", "policy"]
    assert isinstance(created["id"], int)
    assert created["endpoint"] == receiver.endpoint("/s/1")
    assert created["standard"] is False
    assert created["alerts"] == {"mention": True, "follow": True, "favourite": False}
    assert list(created["alerts"]) == ["mention", "follow", "favourite"]  # Mastodon's order of types
    assert created["server_key"] == key
    assert created["policy"] == "none"
    assert agora.api("GET", "/api/v1/push/subscription", token=alice).json() == created

    # PUT replaces alerts and policy (policy back to "all" when not given, as Mastodon).
    updated = agora.api("PUT", "/api/v1/push/subscription", token=alice,
                        data={"data[alerts][reblog]": "true"}).json()
    assert updated["id"] == created["id"]
    assert updated["alerts"] == {"reblog": True} and updated["policy"] == "all"

    # A new POST replaces the token's subscription.
    again = subscribe(agora, alice, Subscriber(), receiver.endpoint("/s/2"), {"mention": True}, "followed")
    assert again["id"] != created["id"] and again["standard"] is True and again["policy"] == "followed"
    assert agora.api("GET", "/api/v1/push/subscription", token=alice).json() == again

    r = agora.api("DELETE", "/api/v1/push/subscription", token=alice)
    assert r.status_code == 200 and r.json() == {}
    for method in ("GET", "PUT"):
        r = agora.api(method, "/api/v1/push/subscription", token=alice)
        assert r.status_code == 404 and r.json() == {"error": "Record not found"}


def test_bad_requests(world):
    agora, receiver = world
    alice = agora.create_user("alice")
    no_push = agora.create_user("bob", scopes="read write")
    good = Subscriber().keys

    assert agora.api("GET", "/api/v1/push/subscription").status_code == 401
    r = agora.api("POST", "/api/v1/push/subscription", token=no_push,
                  data={"subscription[endpoint]": receiver.endpoint("/x"), "subscription[keys][p256dh]": good["p256dh"],
                        "subscription[keys][auth]": good["auth"]})
    assert r.status_code == 403
    r = agora.api("POST", "/api/v1/push/subscription", token=alice, data={"data[policy]": "all"})
    assert r.status_code == 400 and r.json() == {"error": "param is missing or the value is empty: subscription"}
    cases = [
        ({"subscription[endpoint]": "", "subscription[keys][p256dh]": good["p256dh"],
          "subscription[keys][auth]": good["auth"]}, "Endpoint can't be blank"),
        ({"subscription[endpoint]": "not a url", "subscription[keys][p256dh]": good["p256dh"],
          "subscription[keys][auth]": good["auth"]}, "Endpoint is not a valid URL"),
        ({"subscription[endpoint]": receiver.endpoint("/x"), "subscription[keys][p256dh]": "BAAA" + "A" * 83,
          "subscription[keys][auth]": good["auth"]}, "Key p256dh is not a valid P-256 public key"),
        ({"subscription[endpoint]": receiver.endpoint("/x"), "subscription[keys][p256dh]": good["p256dh"]},
         "Key auth can't be blank"),
    ]
    for data, error in cases:
        r = agora.api("POST", "/api/v1/push/subscription", token=alice, data=data)
        assert r.status_code == 422, (data, r.text)
        assert r.json() == {"error": "Validation failed: " + error}
    assert agora.api("GET", "/api/v1/push/subscription", token=alice).status_code == 404


def test_mention_is_pushed_encrypted_and_signed(world):
    agora, receiver = world
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    agora.api("PATCH", "/api/v1/accounts/update_credentials", token=bob, data={"display_name": "Bob B"})
    subscriber = Subscriber()
    subscribe(agora, alice, subscriber, receiver.endpoint("/alice"), {"mention": True, "favourite": False})

    mine = mention(agora, alice, "a post of mine")
    agora.api("POST", f"/api/v1/statuses/{mine['id']}/favourite", token=bob)  # favourite: not wanted
    mention(agora, bob, "@alice hello there <b>friend</b>")
    headers, body = eventually(lambda: receiver.to("/alice"), message="a push")[0]

    assert headers["content-type"] == "application/octet-stream"
    assert headers["ttl"] == "172800" and headers["urgency"] == "normal"
    verify_vapid(headers["authorization"], vapid_key(agora), "http://push.test")
    push = message(subscriber, headers, body)
    notifications = agora.api("GET", "/api/v1/notifications", token=alice).json()
    mentions = [n for n in notifications if n["type"] == "mention"]
    assert [n["type"] for n in notifications] == ["mention", "favourite"]
    assert list(push) == ["access_token", "preferred_locale", "notification_id", "notification_type", "icon",
                          "title", "body"]
    assert push["access_token"] == alice
    assert push["preferred_locale"] == "en"
    assert push["notification_id"] == int(mentions[0]["id"])
    assert push["notification_type"] == "mention"
    assert push["title"] == "You were mentioned by Bob B"
    assert push["body"] == "@alice hello there friend"  # tags stripped, as Mastodon
    assert push["icon"].startswith("http")

    time.sleep(1.0)  # the favourite made no job; nothing else arrives
    assert len(receiver.to("/alice")) == 1


def test_policy_and_gone_subscriptions(world):
    agora, receiver = world
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    carol = agora.create_user("carol")
    carol_id = agora.account_id("carol")
    agora.api("POST", f"/api/v1/accounts/{carol_id}/follow", token=alice)
    subscriber = Subscriber()
    subscribe(agora, alice, subscriber, receiver.endpoint("/followed"), {"mention": True}, "followed")
    mention(agora, bob, "@alice from a stranger")
    mention(agora, carol, "@alice from someone alice follows")
    headers, body = eventually(lambda: receiver.to("/followed"), message="a push")[0]
    assert "someone alice follows" in message(subscriber, headers, body)["body"]
    time.sleep(1.0)
    assert len(receiver.to("/followed")) == 1

    # The push service says the subscription is gone: agora forgets it.
    receiver.statuses["/gone"] = 410
    subscribe(agora, alice, subscriber, receiver.endpoint("/gone"), {"mention": True})
    mention(agora, bob, "@alice are you there")
    eventually(lambda: receiver.to("/gone"), message="a push to the gone endpoint")
    eventually(lambda: agora.api("GET", "/api/v1/push/subscription", token=alice).status_code == 404,
               message="subscription removed")


def test_revoked_token_loses_its_subscription(world):
    agora, receiver = world
    agora.cli("accounts", "create", "alice", "--email", "alice@example.org", "--password", PASSWORD,
              "--confirmed", check=True)
    app = agora.post("/api/v1/apps", data={"client_name": "pusher", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
                                           "scopes": "read push"}).json()
    token = agora.post("/oauth/token", data={"grant_type": "password", "client_id": app["client_id"],
                                             "client_secret": app["client_secret"], "username": "alice@example.org",
                                             "password": PASSWORD, "scope": "read push"}).json()["access_token"]
    verified = agora.api("GET", "/api/v1/apps/verify_credentials", token=token).json()
    assert verified["vapid_key"] == vapid_key(agora)
    subscribe(agora, token, Subscriber(), receiver.endpoint("/revoked"), {"mention": True})
    assert agora.sql("SELECT count(*) FROM web_push_subscriptions")[0][0] in (1, "1")
    r = agora.post("/oauth/revoke", data={"client_id": app["client_id"], "client_secret": app["client_secret"],
                                          "token": token})
    assert r.status_code == 200
    assert agora.sql("SELECT count(*) FROM web_push_subscriptions")[0][0] in (0, "0")


def test_mastodon_py_push_api(world):
    agora, receiver = world
    agora.cli("accounts", "create", "alice", "--email", "alice@example.org", "--password", PASSWORD,
              "--confirmed", check=True)
    bob = agora.create_user("bob")
    client_id, client_secret = Mastodon.create_app("Mastodon.py push", api_base_url=agora.base_url,
                                                   scopes=["read", "write", "push"])
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=agora.base_url)
    api.log_in("alice@example.org", PASSWORD, scopes=["read", "write", "push"])
    private, public = api.push_subscription_generate_keys()
    sub = api.push_subscription_set(receiver.endpoint("/py"), public, mention_events=True, follow_events=False)
    assert sub.endpoint == receiver.endpoint("/py")
    assert sub.alerts == {"mention": True, "follow": False}
    assert sub.server_key == vapid_key(agora)
    assert api.push_subscription().id == sub.id
    updated = api.push_subscription_update(follow_events=True)
    assert updated.alerts == {"follow": True}
    updated = api.push_subscription_update(mention_events=True, follow_events=True)

    mention(agora, bob, "@alice from Mastodon.py's point of view")
    headers, body = eventually(lambda: receiver.to("/py"), message="a push")[0]
    # Mastodon.py's push_subscription_decrypt_push reads the legacy "aesgcm" encoding
    # only; the keys it generated decrypt the standard encoding here.
    subscriber = Subscriber()
    from cryptography.hazmat.primitives.asymmetric import ec
    subscriber.private_key = ec.derive_private_key(private["privkey"], ec.SECP256R1())
    subscriber.public_point = public["pubkey"]
    subscriber.auth = private["auth"]
    push = message(subscriber, headers, body)
    assert push["notification_type"] == "mention" and push["access_token"] == api.access_token

    api.push_subscription_delete()
    assert agora.api("GET", "/api/v1/push/subscription", token=api.access_token).status_code == 404
