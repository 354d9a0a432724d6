"""Statuses, timelines, notifications, lists, filters and search through
clients nobody here wrote: toot (Debian) and masto.js (npm)."""
import json
import os
import subprocess

from test_real_clients import CLIENTS, PASSWORD, masto_js, member  # noqa: F401 (fixture)


def test_masto_js_everyday_flow(agora, masto_js):  # noqa: F811
    author = agora.create_user("author")
    reader = agora.create_user("reader")
    r = subprocess.run([masto_js, str(CLIENTS / "masto_statuses.mjs"), agora.base_url, author, reader],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr + r.stdout
    seen = json.loads(r.stdout)
    assert seen["cw"] == {"spoilerText": "long", "sensitive": True, "visibility": "unlisted", "tags": ["teaching"]}
    assert seen["reply"]["mentions"] == ["author"]
    assert seen["actions"] == {"favourited": True, "reblogged": True, "bookmarked": True}
    assert seen["edit"] == {"editedAt": True, "versions": 2}
    assert seen["poll"] == {"votesCount": 1, "ownVotes": [1]}
    assert seen["scheduled"] == {"hasParams": True, "listed": 1}
    assert seen["homePages"] == [3, 3, 3]
    assert seen["publicLocal"] >= 6  # the poll and the five page items (the unlisted post is not public)
    assert len(seen["tag"]) == 0  # the tagged post is unlisted: not on tag timelines
    assert seen["notificationTypes"] == ["favourite", "follow", "mention", "reblog"]
    assert seen["listAccounts"] == ["author"]
    assert seen["filter"] == {"title": "No spoilers", "keywords": 1}
    assert seen["search"] is True
    assert seen["context"]["descendants"] == [seen["context"]["replyId"]]
    assert seen["deleted"] is True


def test_toot_posts_reads_and_acts(agora, tmp_path):
    member(agora, "toota")
    member(agora, "tootb")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))

    def toot(*args, stdin=None):
        r = subprocess.run(["toot", *args, "--no-color"], env=env, input=stdin, capture_output=True, text=True,
                           timeout=60)
        assert r.returncode == 0, f"toot {args}: {r.stdout}\n{r.stderr}"
        return r.stdout

    toot("login_cli", "--disable-https", "-i", agora.domain, "-e", "toota@example.org", stdin=PASSWORD + "\n")
    out = toot("post", "Hello from toot #agora", "-p", "a warning", "-v", "unlisted", "-l", "en")
    status_id = out.strip().split("/")[-1]
    assert status_id.isdigit(), out
    s = agora.api("GET", f"/api/v1/statuses/{status_id}").json()
    assert (s["spoiler_text"], s["visibility"], s["language"]) == ("a warning", "unlisted", "en")
    toot("post", "a reply", "-r", status_id)
    assert "a reply" in toot("thread", status_id)
    assert "Hello from toot" in toot("timeline", "-1")
    toot("favourite", status_id)
    toot("bookmark", status_id)
    assert "Hello from toot" in toot("bookmarks")
    toot("pin", status_id)
    toot("unpin", status_id)
    toot("reblog", status_id)
    assert "toota" in toot("reblogged_by", status_id)
    toot("unreblog", status_id)
    toot("delete", status_id)
    assert agora.api("GET", f"/api/v1/statuses/{status_id}").status_code == 404
