"""Settings → Import and export: a member's follows, followers, lists, blocks, mutes, blocked
domains and bookmarks as Mastodon's CSV files, and imports of them (merge or overwrite) applied by
jobs, also across servers. Bad files are refused with the reason and leave nothing behind."""
import csv
import io
import json
import re
import zipfile

import pytest

from federation_helpers import eventually
from images import png
from web_client import PASSWORD, Browser, form_value


def signed_in(agora, username):
    token = agora.create_user(username, password=PASSWORD)
    browser = Browser(agora)
    browser.sign_in(f"{username}@example.org")
    return browser, token


def upload(browser, kind, content, mode="merge", filename="data.csv", csrf=True):
    page = browser.get("/settings/imports")
    assert page.status_code == 200, page.text
    fields = {"type": kind, "mode": mode}
    if csrf:
        fields["authenticity_token"] = form_value(page.text, "authenticity_token")
    return browser.session.post(browser.agora.url("/settings/imports"), data=fields,
                                files={"data": (filename, content, "text/csv")}, allow_redirects=False, timeout=10)


def rows(text):
    return list(csv.reader(io.StringIO(text)))


def imports_finished(agora, username):
    done = agora.sql("SELECT COUNT(*) FROM bulk_imports b JOIN accounts a ON a.id = b.account_id"
                     " WHERE a.username = ? AND b.state <> 'finished'", (username,))
    return done[0][0] == "0"


@pytest.fixture
def member(agora):
    browser, token = signed_in(agora, "alice")
    others = {name: agora.create_user(name) for name in ("bob", "carol", "dave")}
    ids = {name: agora.account_id(name) for name in others}
    api = lambda method, path, **kw: agora.api(method, path, token=token, **kw)  # noqa: E731
    assert api("POST", f"/api/v1/accounts/{ids['bob']}/follow", data={"notify": "true", "reblogs": "false",
                                                                       "languages[]": ["en", "de"]}).status_code == 200
    assert api("POST", f"/api/v1/accounts/{ids['carol']}/follow").status_code == 200
    assert agora.api("POST", f"/api/v1/accounts/{agora.account_id('alice')}/follow",
                     token=others["bob"]).status_code == 200
    assert api("POST", f"/api/v1/accounts/{ids['dave']}/block").status_code == 200
    assert api("POST", f"/api/v1/accounts/{ids['carol']}/mute", data={"notifications": "false"}).status_code == 200
    assert api("POST", "/api/v1/domain_blocks", data={"domain": "spam.example"}).status_code == 200
    status = agora.api("POST", "/api/v1/statuses", token=others["bob"], data={"status": "keep this"}).json()
    assert api("POST", f"/api/v1/statuses/{status['id']}/bookmark").status_code == 200
    friends = api("POST", "/api/v1/lists", data={"title": "Friends, close"}).json()
    assert api("POST", f"/api/v1/lists/{friends['id']}/accounts", data={"account_ids[]": [ids["bob"]]}).status_code == 200
    return {"agora": agora, "browser": browser, "token": token, "others": others, "ids": ids, "status": status}


def test_exports_are_mastodons_csv_files(member):
    agora, browser, domain = member["agora"], member["browser"], member["agora"].domain
    page = browser.get("/settings/export")
    assert page.status_code == 200 and 'href="/settings/exports/follows.csv"' in page.text

    def export(name):
        r = browser.get(f"/settings/exports/{name}")
        assert r.status_code == 200, (name, r.text)
        assert r.headers["Content-Type"].startswith("text/csv")
        assert r.headers["Content-Disposition"] == f'attachment; filename="{name}"'
        return rows(r.text)

    assert export("follows.csv") == [["Account address", "Show boosts", "Notify on new posts", "Languages"],
                                     [f"bob@{domain}", "false", "true", "en, de"],
                                     [f"carol@{domain}", "true", "false", ""]]
    assert export("followers.csv") == [[f"bob@{domain}"]]
    assert export("blocks.csv") == [[f"dave@{domain}"]]
    assert export("mutes.csv") == [["Account address", "Hide notifications"], [f"carol@{domain}", "false"]]
    assert export("domain_blocks.csv") == [["spam.example"]]
    assert export("bookmarks.csv") == [[member["status"]["uri"]]]
    assert export("lists.csv") == [["Friends, close", f"bob@{domain}"]]  # quoted comma survives
    assert browser.get("/settings/exports/passwords.csv").status_code == 404
    # Someone else's browser gets nothing.
    assert Browser(agora).get("/settings/exports/follows.csv").status_code == 302


def test_an_export_imports_into_another_account(member):
    agora = member["agora"]
    files = {name: member["browser"].get(f"/settings/exports/{name}").content
             for name in ("follows.csv", "blocks.csv", "mutes.csv", "domain_blocks.csv", "bookmarks.csv", "lists.csv")}
    erin, erin_token = signed_in(agora, "erin")
    for kind, name in (("following", "follows.csv"), ("blocking", "blocks.csv"), ("muting", "mutes.csv"),
                       ("domain_blocking", "domain_blocks.csv"), ("bookmarks", "bookmarks.csv"),
                       ("lists", "lists.csv")):
        r = upload(erin, kind, files[name], filename=name)
        assert r.status_code == 302, r.text
        eventually(lambda: imports_finished(agora, "erin"), message=f"{kind} import finished")
    ids = member["ids"]
    rel = {r["id"]: r for r in agora.api("GET", "/api/v1/accounts/relationships", token=erin_token,
                                         params={"id[]": list(ids.values())}).json()}
    assert rel[ids["bob"]]["following"] and rel[ids["bob"]]["notifying"] and not rel[ids["bob"]]["showing_reblogs"]
    assert rel[ids["bob"]]["languages"] == ["en", "de"]
    assert rel[ids["carol"]]["following"] and rel[ids["carol"]]["muting"]
    assert not rel[ids["carol"]]["muting_notifications"]
    assert rel[ids["dave"]]["blocking"]
    assert agora.api("GET", "/api/v1/domain_blocks", token=erin_token).json() == ["spam.example"]
    assert [s["id"] for s in agora.api("GET", "/api/v1/bookmarks", token=erin_token).json()] == [member["status"]["id"]]
    lists = agora.api("GET", "/api/v1/lists", token=erin_token).json()
    assert [l["title"] for l in lists] == ["Friends, close"]
    members = agora.api("GET", f"/api/v1/lists/{lists[0]['id']}/accounts", token=erin_token).json()
    assert [a["acct"] for a in members] == ["bob"]
    page = erin.get("/settings/imports").text
    assert page.count('class="state">Finished') == 6


def test_overwrite_replaces_and_merge_adds(member):
    agora, browser, token, ids = member["agora"], member["browser"], member["token"], member["ids"]
    domain = agora.domain
    # Merge: carol's block is added, dave's stays.
    assert upload(browser, "blocking", f"carol@{domain}\n").status_code == 302
    eventually(lambda: imports_finished(agora, "alice"))
    blocked = {a["acct"] for a in agora.api("GET", "/api/v1/blocks", token=token).json()}
    assert blocked == {"carol", "dave"}
    # Overwrite: only bob is blocked afterwards.
    assert upload(browser, "blocking", f"Account address\nbob@{domain}\n", mode="overwrite").status_code == 302
    eventually(lambda: imports_finished(agora, "alice"))
    assert {a["acct"] for a in agora.api("GET", "/api/v1/blocks", token=token).json()} == {"bob"}
    # Overwriting domain blocks with an empty-but-for-one file.
    assert upload(browser, "domain_blocking", "other.example\n", mode="overwrite").status_code == 302
    eventually(lambda: imports_finished(agora, "alice"))
    assert agora.api("GET", "/api/v1/domain_blocks", token=token).json() == ["other.example"]
    counts = agora.sql("SELECT total_items, processed_items, imported_items FROM bulk_imports ORDER BY id")
    assert counts == [("1", "1", "1"), ("1", "1", "1"), ("1", "1", "1")]
    assert agora.sql("SELECT COUNT(*) FROM bulk_import_rows") == [("0",)]


def test_rows_that_cannot_be_applied_are_counted_not_imported(member):
    agora, browser, token = member["agora"], member["browser"], member["token"]
    content = f"nobody@{agora.domain}\nalice@{agora.domain}\ncarol@{agora.domain}\n"
    assert upload(browser, "muting", content).status_code == 302
    eventually(lambda: imports_finished(agora, "alice"))
    assert agora.sql("SELECT total_items, processed_items, imported_items FROM bulk_imports") == [("3", "3", "1")]


BAD_FILES = [
    ("following", b"", "Data file is empty"),
    ("following", b"Account address,Show boosts\n", "Data file is empty"),
    ("blocking", b'"unterminated\n', "not a CSV file"),
    ("blocking", b'ab"c\n', "not a CSV file"),
    ("blocking", b"not an address at all\n", "Data row 1 is not an account address"),
    ("domain_blocking", b"good.example\n../etc\n", "Data row 2 is not a domain name"),
    ("bookmarks", b"javascript:alert(1)\n", "is not a status URL"),
    ("lists", b",bob@x.example\n", "has no list name"),
    ("passwords", b"a@b.example\n", "Type is not included in the list"),
    ("blocking", b"a@b.example\n" * 20001, "more than 20000 rows"),
    ("following", b"a@b.example\n" * 7501, "more accounts than you may follow"),
]


@pytest.mark.parametrize("kind,content,message", BAD_FILES, ids=[m for _, _, m in BAD_FILES])
def test_bad_files_are_refused_with_the_reason_and_store_nothing(member, kind, content, message):
    agora = member["agora"]
    r = upload(member["browser"], kind, content)
    assert r.status_code == 422, r.text
    assert message in r.text
    assert agora.sql("SELECT COUNT(*) FROM bulk_imports") == [("0",)]
    assert agora.sql("SELECT COUNT(*) FROM bulk_import_rows") == [("0",)]


def test_imports_need_the_forms_token_and_a_session(member):
    agora = member["agora"]
    assert upload(member["browser"], "blocking", b"a@b.example\n", csrf=False).status_code == 422
    r = agora.post("/settings/imports", data={"type": "blocking", "mode": "merge"},
                   files={"data": ("x.csv", b"a@b.example\n", "text/csv")}, allow_redirects=False)
    assert r.status_code == 422
    assert agora.sql("SELECT COUNT(*) FROM bulk_imports") == [("0",)]
    assert Browser(agora).get("/settings/imports").status_code == 302


def test_importing_follows_of_another_server_reaches_it(federation):
    a, b = federation("a.test", "b.test")
    browser, token = signed_in(a, "alice")
    b.create_user("bob")
    r = upload(browser, "following", b"Account address,Show boosts,Notify on new posts,Languages\n"
                                     b"bob@b.test,true,false,\n")
    assert r.status_code == 302, r.text
    eventually(lambda: imports_finished(a, "alice"), timeout=30)
    bob_followers = lambda: b.sql("SELECT COUNT(*) FROM follows f JOIN accounts a ON a.id = f.account_id"  # noqa: E731
                                  " WHERE a.username = 'alice'")[0][0] == "1"
    eventually(bob_followers, timeout=30, message="bob's server knows alice follows him")


def test_archive_holds_every_post_its_media_likes_and_bookmarks(agora):
    browser, token = signed_in(agora, "alice")
    other = agora.create_user("olga")
    api = lambda method, path, **kw: agora.api(method, path, token=token, **kw)  # noqa: E731
    avatar = png(8, 8)
    me = api("PATCH", "/api/v1/accounts/update_credentials",
             files={"avatar": ("me.png", avatar, "image/png")}).json()
    media = api("POST", "/api/v1/media", files={"file": ("r.png", png(40, 30), "image/png")},
                data={"description": "a red square"}).json()
    first = api("POST", "/api/v1/statuses", data={"status": "first, with media", "media_ids[]": [media["id"]]}).json()
    secret = api("POST", "/api/v1/statuses", data={"status": "@olga a direct one", "visibility": "direct"}).json()
    theirs = agora.api("POST", "/api/v1/statuses", token=other, data={"status": "olga's post"}).json()
    assert api("POST", f"/api/v1/statuses/{theirs['id']}/favourite").status_code == 200
    assert api("POST", f"/api/v1/statuses/{theirs['id']}/bookmark").status_code == 200
    boost = api("POST", f"/api/v1/statuses/{theirs['id']}/reblog").json()

    page = browser.get("/settings/export")
    r = browser.post("/settings/export/archive", {"authenticity_token": form_value(page.text, "authenticity_token")})
    assert r.status_code == 302, r.text

    def link():
        found = re.search(r'href="(/settings/exports/archive/\d+)"', browser.get("/settings/export").text)
        return found.group(1) if found else None

    eventually(lambda: link() is not None, timeout=30, message="the archive is ready")
    download = browser.get(link())
    assert download.status_code == 200 and download.headers["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    assert archive.testzip() is None
    names = set(archive.namelist())
    actor = json.loads(archive.read("actor.json"))
    assert actor["type"] == "Person" and actor["preferredUsername"] == "alice"
    assert actor["icon"]["url"] == "avatar.png" and archive.read("avatar.png") == agora.get(
        me["avatar"][len(agora.public_url):]).content
    outbox = json.loads(archive.read("outbox.json"))
    assert outbox["type"] == "OrderedCollection" and outbox["totalItems"] == 3
    kinds = [(i["type"], i["object"]["id"] if i["type"] == "Create" else i["object"]) for i in outbox["orderedItems"]]
    assert kinds == [("Create", first["uri"]), ("Create", secret["uri"]), ("Announce", theirs["uri"])]
    assert boost["reblog"]["id"] == theirs["id"]
    attachment = outbox["orderedItems"][0]["object"]["attachment"][0]
    assert attachment["name"] == "a red square" and attachment["url"] in names
    served = agora.get(first["media_attachments"][0]["url"][len(agora.public_url):]).content
    assert archive.read(attachment["url"]) == served
    assert json.loads(archive.read("likes.json"))["orderedItems"] == [theirs["uri"]]
    assert json.loads(archive.read("bookmarks.json"))["orderedItems"] == [theirs["uri"]]

    # One request a week; nobody else can download it; signed out, one is sent to sign in.
    page = browser.get("/settings/export")
    again = browser.post("/settings/export/archive", {"authenticity_token": form_value(page.text, "authenticity_token")})
    assert again.status_code == 422 and "once every 7 days" in again.text
    olga, _ = signed_in(agora, "olga2")
    assert olga.get(link()).status_code == 404
    assert Browser(agora).get(link()).status_code == 302
