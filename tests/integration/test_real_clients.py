"""agora driven by clients nobody here wrote: Mastodon.py and toot (Debian) and masto.js (npm)."""
import json
import os
import subprocess

import pytest
from mastodon import Mastodon

from node_clients import CLIENTS, node_clients

PASSWORD = "correct horse battery"


def member(agora, name):
    agora.cli("accounts", "create", name, "--email", f"{name}@example.org", "--password", PASSWORD,
              "--confirmed", check=True)


def test_mastodon_py_password_login_profile_and_relationships(agora):
    member(agora, "alice")
    member(agora, "bob")
    client_id, client_secret = Mastodon.create_app("Mastodon.py test", api_base_url=agora.base_url,
                                                   scopes=["read", "write", "follow"])
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=agora.base_url)
    api.log_in("alice@example.org", PASSWORD, scopes=["read", "write", "follow"])
    me = api.account_verify_credentials()
    assert me.username == "alice" and me.acct == "alice"
    assert me.source.privacy == "public"

    updated = api.account_update_credentials(display_name="Alice A.", note="Teacher & tinkerer",
                                             fields=[("Web", "https://alice.example")])
    assert updated.display_name == "Alice A."
    assert "Teacher &amp; tinkerer" in updated.note
    assert updated.fields[0].name == "Web"

    bob = api.account_lookup("bob")
    rel = api.account_follow(bob.id)
    assert rel.following is True
    assert api.account_relationships([bob.id])[0].following is True
    assert [a.username for a in api.account_following(me.id)] == ["bob"]
    assert api.account_unfollow(bob.id).following is False
    assert api.account_block(bob.id).blocking is True
    assert [a.username for a in api.blocks()] == ["bob"]
    assert api.account_unblock(bob.id).blocking is False
    muted = api.account_mute(bob.id, notifications=True)
    assert muted.muting is True and muted.muting_notifications is True
    assert api.account_unmute(bob.id).muting is False


def test_toot_logs_in_and_follows(agora, tmp_path):
    member(agora, "carol")
    member(agora, "dave")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))

    def toot(*args, stdin=None):
        r = subprocess.run(["toot", *args], env=env, input=stdin, capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, f"toot {args}: {r.stdout}\n{r.stderr}"
        return r.stdout

    toot("login_cli", "--disable-https", "-i", agora.domain, "-e", "carol@example.org", stdin=PASSWORD + "\n")
    assert "@carol" in toot("whoami")
    toot("follow", "dave")
    assert "dave" in toot("following", "carol")
    toot("unfollow", "dave")
    toot("block", "dave")
    toot("unblock", "dave")
    toot("mute", "dave")
    toot("unmute", "dave")


@pytest.fixture(scope="session")
def masto_js():
    return node_clients()


def test_masto_js_login_profile_and_relationships(agora, masto_js):
    member(agora, "erin")
    member(agora, "frank")
    r = subprocess.run([masto_js, str(CLIENTS / "masto_flow.mjs"), agora.base_url, "erin@example.org", PASSWORD,
                        "frank"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    seen = json.loads(r.stdout)
    assert seen["app"] == {"name": "masto.js test", "hasClientId": True, "hasSecret": True}
    assert seen["tokenType"] == "Bearer"
    assert seen["me"] == {"username": "erin", "acct": "erin", "sourcePrivacy": "public"}
    assert seen["updated"]["displayName"] == "Masto Tester"
    assert "Hello from masto.js" in seen["updated"]["note"]
    assert seen["target"]["username"] == "frank"
    assert seen["follow"] == {"following": True}
    assert seen["relationship"] == {"following": True, "blocking": False}
    assert seen["unfollow"] == {"following": False}
    assert seen["block"] == {"blocking": True}
    assert seen["mute"] == {"muting": True, "mutingNotifications": True}
    assert seen["unmute"] == {"muting": False}


def test_authorization_code_flow_in_a_real_browser(agora, masto_js):
    """Chromium signs in on agora's HTML page and authorizes; Mastodon.py exchanges the code."""
    member(agora, "grace")
    redirect = "http://127.0.0.1:9/callback"  # nobody listens: the browser test catches the navigation
    client_id, client_secret = Mastodon.create_app("Browser test", api_base_url=agora.base_url,
                                                   scopes=["read", "write"], redirect_uris=redirect)
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=agora.base_url)
    url = api.auth_request_url(redirect_uris=redirect, scopes=["read", "write"], state="xyz")
    r = subprocess.run([masto_js, str(CLIENTS / "browser_oauth.mjs"), url, "grace@example.org", PASSWORD, redirect],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    seen = json.loads(r.stdout)
    assert seen["state"] == "xyz"
    assert seen["code"]
    api.log_in(code=seen["code"], redirect_uri=redirect, scopes=["read", "write"])
    assert api.account_verify_credentials().username == "grace"
