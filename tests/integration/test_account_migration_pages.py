"""Settings → Account → Moving on the web pages: aliases of the new account,
then the move of the old one with its password, which sends Move to the
followers elsewhere and starts Mastodon's 30-day cooldown."""
import re

from federation_helpers import eventually, follow_remote, following
from web_client import PASSWORD, Browser, form_value

AP = {"Accept": "application/activity+json"}


def aliases_on(page):
    return re.findall(r'<span class="acct">([^<]+)</span>', page)


def test_aliases_are_added_and_removed_on_the_settings_page(federation):
    a, b = federation("a.test", "b.test")
    a.create_user("alice")
    a.create_user("dave")
    b.create_user("alice2", password=PASSWORD)
    browser = Browser(b)
    assert browser.get("/settings/aliases").headers["Location"] == "/auth/sign_in?return_to=/settings/aliases"
    browser.sign_in("alice2@example.org")

    refused = browser.post("/settings/aliases", {"account_alias[acct]": "alice@a.test"})
    assert refused.status_code == 422
    assert aliases_on(browser.get("/settings/aliases").text) == []

    token = browser.csrf("/settings/aliases")
    for handle in ("alice@a.test", "dave@a.test"):
        added = browser.post("/settings/aliases", {"authenticity_token": token, "account_alias[acct]": handle})
        assert added.status_code == 200 and "Successfully created a new alias" in added.text
    itself = browser.post("/settings/aliases", {"authenticity_token": token, "account_alias[acct]": "alice2"})
    assert itself.status_code == 422 and "cannot be yourself" in itself.text
    unknown = browser.post("/settings/aliases", {"authenticity_token": token, "account_alias[acct]": "nobody@a.test"})
    assert unknown.status_code == 404
    page = browser.get("/settings/aliases").text
    assert aliases_on(page) == ["alice@a.test", "dave@a.test"]
    actor = b.get("/users/alice2", headers=AP).json()
    assert actor["alsoKnownAs"] == [f"{a.public_url}/users/alice", f"{a.public_url}/users/dave"]

    dave_uri = f"{a.public_url}/users/dave"
    assert browser.post("/settings/aliases/remove", {"uri": dave_uri}).status_code == 422  # no CSRF token
    removed = browser.post("/settings/aliases/remove", {"authenticity_token": token, "uri": dave_uri})
    assert removed.status_code == 200 and aliases_on(removed.text) == ["alice@a.test"]
    again = browser.post("/settings/aliases/remove", {"authenticity_token": token, "uri": dave_uri})
    assert again.status_code == 404
    assert b.get("/users/alice2", headers=AP).json()["alsoKnownAs"] == [f"{a.public_url}/users/alice"]


def test_moving_needs_the_password_sends_move_and_then_waits_out_the_cooldown(federation):
    a, b = federation("a.test", "b.test")
    a.create_user("alice", password=PASSWORD)
    b.create_user("alice2")
    a.create_user("other")
    carol = b.create_user("carol")
    follow_remote(b, carol, "alice@a.test")
    browser = Browser(a)
    browser.sign_in("alice@example.org")
    page = browser.get("/settings/migration").text
    token = form_value(page, "authenticity_token")
    move = {"account_migration[acct]": "alice2@b.test", "account_migration[current_password]": PASSWORD}

    def not_moved():
        return a.sql("SELECT moved_to_account_id FROM accounts WHERE username = 'alice' AND domain IS NULL") == [("",)]

    assert browser.post("/settings/migration", move).status_code == 422  # no CSRF token
    wrong = browser.post("/settings/migration", {**move, "authenticity_token": token,
                                                 "account_migration[current_password]": "wrong password"})
    assert wrong.status_code == 422 and "Current password is invalid" in wrong.text
    # The new account has to name this one first.
    unclaimed = browser.post("/settings/migration", {**move, "authenticity_token": token})
    assert unclaimed.status_code == 422 and "aliases" in unclaimed.text
    assert not_moved()

    assert b.cli("accounts", "alias", "alice2", "alice@a.test").returncode == 0
    moved = browser.post("/settings/migration", {**move, "authenticity_token": token})
    assert moved.status_code == 200, moved.text
    assert "Your account is now redirecting to alice2@b.test" in moved.text
    assert a.get("/users/alice", headers=AP).json()["movedTo"] == f"{b.public_url}/users/alice2"
    # b received the Move: carol follows the new account instead.
    eventually(lambda: following(b, carol, b.account_id("alice2")), message="remote follower moved")
    alice_at_b = b.api("GET", "/api/v1/accounts/lookup", params={"acct": "alice@a.test"}).json()
    assert b.api("GET", f"/api/v1/accounts/{alice_at_b['id']}").json()["moved"]["acct"] == "alice2"

    # The API shows the old account as moved, which the web client's profile renders.
    shown = a.api("GET", f"/api/v1/accounts/{a.account_id('alice')}").json()
    assert shown["moved"]["acct"] == "alice2@b.test"

    # Mastodon's cooldown: no second move within 30 days.
    page = browser.get("/settings/migration").text
    assert 'class="cooldown"' in page and "account_migration[acct]" not in page
    assert "currently redirecting to <strong>alice2@b.test</strong>" in page
    again = browser.post("/settings/migration", {**move, "authenticity_token": token,
                                                 "account_migration[acct]": "other"})
    assert again.status_code == 422 and "cooldown" in again.text
    assert a.sql("SELECT acct FROM account_migrations") == [("alice2@b.test",)]
