"""Waiting for federation to happen between test instances."""
import time


def eventually(check, timeout=15, interval=0.1, message="condition"):
    """Polls `check` until it returns a truthy value; fails with `message` after `timeout` seconds."""
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            last = check()
            if last:
                return last
        except AssertionError:
            pass
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {message} (last: {last!r})")


def resolve(instance, token, acct):
    """The local id of a remote account, found through search with resolve=true."""
    r = instance.api("GET", "/api/v2/search", token=token, params={"q": acct, "resolve": "true", "type": "accounts"})
    assert r.status_code == 200, r.text
    accounts = r.json()["accounts"]
    assert accounts, f"{acct} not resolved"
    return accounts[0]["id"]


def following(instance, token, account_id):
    r = instance.api("GET", "/api/v1/accounts/relationships", token=token, params={"id[]": account_id})
    return r.json()[0]["following"]


def follow_remote(instance, token, acct):
    """Resolves a remote handle, follows it and waits until the other server accepted; returns the local id."""
    account_id = resolve(instance, token, acct)
    r = instance.api("POST", f"/api/v1/accounts/{account_id}/follow", token=token)
    assert r.status_code == 200, r.text
    eventually(lambda: following(instance, token, account_id), message=f"Accept from {acct}")
    return account_id


def follow_fake_actor(instance, token, remote, actor):
    """The local member follows an actor of a fake server (fake_remote.FakeRemote), which accepts the
    Follow it received; waits until following and returns the account's local id."""
    from fake_remote import deliver

    target = instance.api("GET", "/api/v1/accounts/lookup", params={"acct": f"{actor.username}@{remote.domain}"}).json()
    instance.api("POST", f"/api/v1/accounts/{target['id']}/follow", token=token)
    follow = eventually(lambda: [body for _, _, body in remote.received
                                 if body.get("type") == "Follow" and body.get("object") == actor.uri],
                        message="Follow delivered")[0]
    accept = {"@context": "https://www.w3.org/ns/activitystreams", "id": actor.uri + "#accepts/1", "type": "Accept",
              "actor": actor.uri, "object": follow}
    assert deliver(instance, actor, accept).status_code == 202
    eventually(lambda: following(instance, token, target["id"]), message="following")
    return target["id"]
