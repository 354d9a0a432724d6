"""Public pages for browsers, without JavaScript: profiles, statuses with their thread, embeds,
hashtags, the about page, RSS feeds and oEmbed. Read with parsers nobody here wrote (mf2py for
microformats, feedparser for RSS, BeautifulSoup for the head), and checked never to show a
followers-only or direct post, whoever asks."""
import urllib.parse

import feedparser
import mf2py
import pytest
import requests
from bs4 import BeautifulSoup

from images import png

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def site(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    r = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=alice,
                  data={"display_name": "Alice <b>Teacher</b>", "note": "Teaching #maths with care",
                        "fields_attributes[0][name]": "Site", "fields_attributes[0][value]": "https://alice.example"})
    assert r.status_code == 200, r.text

    def post(token, text, **params):
        r = agora.api("POST", "/api/v1/statuses", token=token, data={"status": text, **params})
        assert r.status_code == 200, r.text
        return r.json()

    first = post(alice, "Hello class, fractions today #maths")
    reply = post(bob, "@alice thanks, see you there", in_reply_to_id=first["id"])
    cw = post(alice, "the answers are <script>alert(1)</script> 42", spoiler_text="Homework spoilers")
    private = post(alice, "followers only zebrasecret #maths", visibility="private")
    direct = post(alice, "@bob direct zebrasecret", visibility="direct")
    unlisted = post(alice, "unlisted note about #maths", visibility="unlisted")
    return {"agora": agora, "alice": alice, "first": first, "reply": reply, "cw": cw, "private": private,
            "direct": direct, "unlisted": unlisted}


def page(agora, path, status=200):
    r = agora.get(path, headers=BROWSER, allow_redirects=False)
    assert r.status_code == status, (path, r.status_code, r.text[:500])
    assert r.headers["Content-Type"].startswith("text/html")
    return r


def test_profile_page_is_an_h_card_with_public_posts_only(site):
    agora = site["agora"]
    r = page(agora, "/@alice")
    base = agora.public_url
    parsed = mf2py.parse(doc=r.text, url=base + "/@alice")
    cards = [i for i in parsed["items"] if "h-card" in i["type"]]
    assert cards, parsed["items"]
    card = cards[0]["properties"]
    assert card["name"] == ["Alice <b>Teacher</b>"]  # shown as text, never as markup
    assert card["url"][0] == base + "/@alice"
    assert "Teaching" in card["note"][0]
    assert "<b>Teacher</b>" not in r.text
    entries = [i for i in parsed["items"] if "h-entry" in i["type"]]
    urls = {e["properties"]["url"][0] for e in entries}
    assert site["first"]["url"] in urls and site["cw"]["url"] in urls and site["unlisted"]["url"] in urls
    assert site["private"]["url"] not in urls and "zebrasecret" not in r.text
    # The field's link says rel="me", so the site it points to can verify the profile.
    assert "https://alice.example" in parsed["rels"]["me"]


def test_profile_head_has_previews_feeds_and_the_activitypub_alternate(site):
    agora = site["agora"]
    r = page(agora, "/@alice")
    head = BeautifulSoup(r.text, "html.parser")
    props = {m["property"]: m["content"] for m in head.find_all("meta", property=True)}
    assert props["og:type"] == "profile"
    assert props["og:url"] == agora.public_url + "/@alice"
    assert props["og:title"].startswith("Alice <b>Teacher</b>")
    assert props["profile:username"] == "alice"
    assert "og:image" in props
    alternates = {l["type"]: l["href"] for l in head.find_all("link", rel="alternate")}
    actor = agora.get("/@alice", headers={"Accept": "application/activity+json"}).json()
    assert alternates["application/activity+json"] == actor["id"]
    assert alternates["application/rss+xml"] == agora.public_url + "/@alice.rss"
    assert head.find("meta", attrs={"name": "robots"}) is None
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "frame-ancestors 'none'" in csp
    assert r.headers["X-Frame-Options"] == "DENY"
    assert head.find("script") is None


def test_a_member_who_opts_out_of_search_engines_gets_noindex(site):
    agora = site["agora"]
    agora.sql("UPDATE users SET preferences = ? WHERE account_id = ?", ('{"noindex": true}', agora.account_id("alice")))
    head = BeautifulSoup(page(agora, "/@alice").text, "html.parser")
    assert head.find("meta", attrs={"name": "robots"})["content"] == "noindex, noarchive"


def test_content_warning_hides_the_text_until_opened_and_escapes_it(site):
    agora = site["agora"]
    html = page(agora, f"/@alice/{site['cw']['id']}").text
    soup = BeautifulSoup(html, "html.parser")
    details = soup.find("details")
    assert details.find("summary").get_text() == "Homework spoilers"
    assert "42" in details.get_text()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_status_page_shows_its_thread_and_links_oembed(site):
    agora = site["agora"]
    r = page(agora, f"/@alice/{site['first']['id']}")
    parsed = mf2py.parse(doc=r.text, url=site["first"]["url"])
    entries = [i for i in parsed["items"] if "h-entry" in i["type"]]
    urls = [e["properties"]["url"][0] for e in entries]
    assert urls == [site["first"]["url"], site["reply"]["url"]]
    assert entries[0]["properties"]["published"][0].startswith(site["first"]["created_at"][:19])
    head = BeautifulSoup(r.text, "html.parser")
    props = {m["property"]: m["content"] for m in head.find_all("meta", property=True)}
    assert props["og:type"] == "article" and "fractions today" in props["og:description"]
    oembed = head.find("link", type="application/json+oembed")["href"]
    assert oembed.startswith(agora.public_url + "/api/oembed?")
    answer = agora.get(oembed[len(agora.public_url):]).json()
    assert answer["type"] == "rich" and answer["version"] == "1.0"
    assert answer["author_url"] == agora.public_url + "/@alice"
    assert answer["provider_name"] == agora.domain and answer["width"] == 400 and answer["height"] is None
    embed_src = BeautifulSoup(answer["html"], "html.parser").find("iframe")["src"]
    assert embed_src == site["first"]["url"] + "/embed"


def test_embed_page_may_be_framed_and_the_others_may_not(site):
    agora = site["agora"]
    r = page(agora, f"/@alice/{site['first']['id']}/embed")
    assert "frame-ancestors *" in r.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in r.headers
    assert "fractions today" in r.text


@pytest.mark.parametrize("hidden", ["private", "direct"])
def test_hidden_posts_have_no_page_embed_oembed_or_feed_entry(site, hidden):
    agora, status = site["agora"], site[hidden]
    for path in (f"/@alice/{status['id']}", f"/@alice/{status['id']}/embed"):
        r = page(agora, path, status=404)
        assert "zebrasecret" not in r.text
    # Signed in as the author changes nothing: the pages are anonymous views.
    r = agora.get(f"/@alice/{status['id']}", headers={**BROWSER, "Authorization": f"Bearer {site['alice']}"})
    assert r.status_code == 404
    r = agora.get("/api/oembed", params={"url": status["url"]})
    assert r.status_code == 404 and r.json() == {"error": "Record not found"}
    for feed in ("/@alice.rss", "/tags/maths.rss"):
        assert "zebrasecret" not in agora.get(feed).text
    assert "zebrasecret" not in page(agora, "/tags/maths").text


def test_account_feed_is_rss_of_public_posts_without_replies(site):
    agora = site["agora"]
    r = agora.get("/@alice.rss")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(r.text)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Alice <b>Teacher</b>"
    assert feed.feed.link == agora.public_url + "/@alice"
    links = [e.link for e in feed.entries]
    # Public and unlisted, newest first, as Mastodon's feed.
    assert links == [site["unlisted"]["url"], site["cw"]["url"], site["first"]["url"]]
    first = feed.entries[-1]
    assert "fractions today" in first.summary and first.published_parsed is not None
    assert [t.term for t in first.tags] == ["maths"]
    # Bob's reply is not on Alice's feed, and his own feed leaves replies out.
    assert all(e.link != site["reply"]["url"] for e in feedparser.parse(agora.get("/@bob.rss").text).entries)


def test_tag_page_and_feed_list_public_posts_with_the_tag(site):
    agora = site["agora"]
    r = page(agora, "/tags/maths")
    parsed = mf2py.parse(doc=r.text, url=agora.public_url + "/tags/maths")
    urls = [i["properties"]["url"][0] for i in parsed["items"] if "h-entry" in i["type"]]
    assert urls == [site["first"]["url"]]  # unlisted posts stay out of hashtag timelines
    feed = feedparser.parse(agora.get("/tags/maths.rss").text)
    assert not feed.bozo and feed.feed.title == "#maths"
    assert [e.link for e in feed.entries] == [site["first"]["url"]]
    assert page(agora, "/tags/nothing-here").status_code == 200


def test_about_page_shows_description_rules_and_sign_up(agora):
    agora.cli("settings", "set", "site_title", "Pioneers", check=True)
    agora.cli("settings", "set", "site_short_description", "AI in education <em>pioneers</em>", check=True)
    agora.cli("settings", "set", "site_extended_description", "We meet monthly.\n\nSee https://pioneers.example", check=True)
    agora.cli("rules", "add", "Be kind to learners", check=True)
    r = page(agora, "/about")
    soup = BeautifulSoup(r.text, "html.parser")
    assert soup.find("h1").get_text() == "Pioneers"
    assert "AI in education <em>pioneers</em>" in soup.get_text()  # text, not markup
    assert [li.get_text().strip() for li in soup.select("ol.rules li")] == ["Be kind to learners"]
    assert soup.find("a", href="https://pioneers.example") is not None and "We meet monthly." in soup.get_text()
    assert soup.find("a", href="/auth/sign_up") is not None
    agora.cli("settings", "set", "registrations_mode", "none", check=True)
    soup = BeautifulSoup(page(agora, "/about").text, "html.parser")
    assert soup.find("a", href="/auth/sign_up") is None and "Sign-ups are closed" in soup.get_text()


def test_unknown_and_suspended_accounts(site):
    agora = site["agora"]
    assert "Not found" in page(agora, "/@nobody", status=404).text
    page(agora, "/@alice/123456789", status=404)
    page(agora, f"/@bob/{site['first']['id']}", status=404)  # Alice's status under Bob's name
    agora.sql("UPDATE accounts SET suspended_at = 1 WHERE id = ?", (agora.account_id("alice"),))
    r = page(agora, "/@alice", status=410)
    assert "zebrasecret" not in r.text and "fractions" not in r.text
    page(agora, f"/@alice/{site['first']['id']}", status=410)  # gone with its account, as Mastodon
    assert agora.get("/@alice.rss").status_code == 410


def test_activitypub_clients_still_get_json_at_the_same_addresses(site):
    agora = site["agora"]
    note = agora.get(f"/@alice/{site['first']['id']}", headers={"Accept": "application/activity+json"})
    assert note.status_code == 200 and note.json()["type"] == "Note"
    assert note.json()["id"] == site["first"]["uri"]


@pytest.mark.parametrize("url", ["", "https://elsewhere.example/@alice/1", "/@alice/1", "javascript:alert(1)"])
def test_oembed_refuses_what_is_not_a_local_status(site, url):
    r = site["agora"].get("/api/oembed", params={"url": url})
    assert r.status_code == 404 and r.json() == {"error": "Record not found"}


def test_oembed_honours_maxwidth_and_maxheight(site):
    agora = site["agora"]
    url = site["first"]["url"]
    answer = agora.get("/api/oembed", params={"url": url, "maxwidth": 300, "maxheight": 200}).json()
    assert answer["width"] == 300 and answer["height"] == 200
    r = agora.get("/api/oembed", params={"url": url, "maxwidth": -5})
    assert r.status_code == 400 and "error" in r.json()
    by_id_url = agora.public_url + "/users/alice/statuses/" + site["first"]["id"]
    assert agora.get("/api/oembed", params={"url": by_id_url}).json()["author_name"] == "Alice <b>Teacher</b>"
    assert urllib.parse.urlparse(answer["provider_url"]).path == "/"


def test_front_door_sends_visitors_to_about_and_members_to_the_web_app(agora):
    r = agora.get("/", allow_redirects=False)
    assert r.status_code == 302 and r.headers["Location"] == "/about"
    agora.create_user("carol", password="correct horse battery staple")
    s = requests.Session()
    form = s.get(agora.url("/auth/sign_in"))
    token = BeautifulSoup(form.text, "html.parser").find("input", attrs={"name": "authenticity_token"})["value"]
    signed_in = s.post(agora.url("/auth/sign_in"), data={"authenticity_token": token, "user[email]": "carol@example.org",
                                                          "user[password]": "correct horse battery staple"},
                       allow_redirects=False)
    assert signed_in.status_code == 302, signed_in.text
    r = s.get(agora.url("/"), allow_redirects=False)
    assert r.status_code == 302 and r.headers["Location"] == "/web"


def test_profile_page_shows_custom_emoji_of_the_name_as_images(agora, tmp_path):
    path = tmp_path / "blobcat.png"
    path.write_bytes(png(rgb=(0, 128, 255)))
    agora.cli("emoji", "add", "blobcat", str(path), check=True)
    carol = agora.create_user("carol")
    r = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=carol,
                  data={"display_name": "Carol :blobcat:", "note": "hi :blobcat:"})
    assert r.status_code == 200, r.text
    emoji_url = r.json()["emojis"][0]["static_url"]
    soup = BeautifulSoup(page(agora, "/@carol").text, "html.parser")
    heading = soup.find("h1")
    image = heading.find("img", class_="emoji")
    assert image is not None, heading
    assert image["src"] == emoji_url and image["alt"] == ":blobcat:"
