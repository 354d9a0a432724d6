"""Script hidden in names, bios, profile fields and custom emoji — from a remote server or typed by a
member — never reaches a page or an API field as markup."""
from html.parser import HTMLParser

import pytest

from web_client import PASSWORD, Browser

SCRIPT = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'><svg onload=alert(3)>'


class Markup(HTMLParser):
    """Collects what a browser would run: script-capable elements, event handlers, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "svg", "img", "iframe", "object", "embed", "style", "math"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.found.append(f"{tag} {name}={value}")


@pytest.fixture
def world(fake_federation):
    return fake_federation("remote.test")


def no_markup(html, allowed=()):
    parser = Markup()
    parser.feed(html)
    return [f for f in parser.found if f not in allowed]


def test_a_hostile_remote_profile_is_inert(world):
    agora, remote = world
    mallory = remote.actor("mallory")
    mallory.extra = {
        "name": f"Mallory {SCRIPT} :evil:",
        "summary": f"<p>bio {SCRIPT}<a href=\"javascript:alert(4)\">link</a></p>",
        "attachment": [{"type": "PropertyValue", "name": f"field {SCRIPT}",
                        "value": f"<a href=\"javascript:alert(5)\" onclick=\"x\">v</a>{SCRIPT}"}],
        "tag": [{"type": "Emoji", "name": ':"><img src=x onerror=alert(6)>:', "id": "http://remote.test/emoji/1",
                 "icon": {"type": "Image", "url": "http://remote.test/emoji/1.png"}},
                {"type": "Emoji", "name": ":evil:", "id": "http://remote.test/emoji/2",
                 "icon": {"type": "Image", "url": "javascript:alert(7)"}}],
    }
    agora.create_user("bob", password=PASSWORD)
    account = agora.api("GET", "/api/v1/accounts/lookup", params={"acct": "mallory@remote.test"})
    assert account.status_code == 200, account.text
    a = account.json()
    assert no_markup(a["note"]) == [], a["note"]
    for field in a["fields"]:
        assert no_markup(field["value"]) == [], field
        # Names are plain text in Mastodon's API: clients escape them; what matters is they are not HTML.
        assert field["name"] == f"field {SCRIPT}"
    assert a["display_name"].startswith("Mallory")
    for emoji in a["emojis"]:
        assert emoji["shortcode"].replace("_", "").isalnum(), emoji
        assert emoji["url"].startswith("http"), emoji

    # The server-rendered page that shows a remote account escapes its name.
    browser = Browser(agora)
    browser.sign_in("bob@example.org")
    page = browser.get("/authorize_interaction", params={"uri": "mallory@remote.test"})
    assert page.status_code == 200
    body = page.text.split("<body", 1)[1]
    assert "Mallory" in body and no_markup(body, allowed=("img",)) == [], no_markup(body)
    assert body.count("<img") <= 1  # the avatar, nothing from the name


def test_a_members_own_hostile_profile_is_inert(world):
    agora, _ = world
    token = agora.create_user("alice")
    r = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token,
                  data={"display_name": "Alice" + SCRIPT[:20], "note": f"bio {SCRIPT}",
                        "fields_attributes[0][name]": "site", "fields_attributes[0][value]": f"javascript:alert(1) {SCRIPT}"})
    assert r.status_code == 200, r.text
    me = r.json()
    assert no_markup(me["note"]) == [], me["note"]
    assert no_markup(me["fields"][0]["value"]) == [], me["fields"][0]
    assert me["source"]["note"] == f"bio {SCRIPT}"  # the source keeps what was typed, as Mastodon
    status = agora.api("POST", "/api/v1/statuses", token=token, data={"status": f"hi {SCRIPT} :nonexistent:"}).json()
    assert no_markup(status["content"]) == [], status["content"]
    actor = agora.get("/users/alice", headers={"Accept": "application/activity+json"}).json()
    assert no_markup(actor["summary"]) == [] and no_markup(actor["attachment"][0]["value"]) == []
