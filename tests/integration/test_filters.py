"""Filters v2 (filters, keywords, statuses) and v1, with bad input and Mastodon.py's v1 filter calls."""
import json
import time

from mastodon import Mastodon

from agora_harness import FIXTURES

EXAMPLE = json.loads((FIXTURES / "mastodon-api" / "filter-v2.json").read_text())


def insert_status(agora, username):
    """A bare status row (statuses have no API yet) for status filters."""
    account_id = agora.account_id(username)
    status_id = str(int(time.time() * 1000) << 16)
    agora.sql(f"INSERT INTO statuses (id, account_id, uri, local, created_at, updated_at) VALUES "
              f"({status_id}, {account_id}, 'https://x.example/s/{status_id}', TRUE, 0, 0)")
    return status_id


def test_filter_v2_lifecycle_in_mastodons_shape(agora):
    alice = agora.create_user("alice")
    r = agora.api("POST", "/api/v2/filters", token=alice, json={
        "title": "Test filter", "context": ["home"], "filter_action": "warn", "expires_in": 3600,
        "keywords_attributes": [{"keyword": "bad word", "whole_word": False}]})
    assert r.status_code == 200
    f = r.json()
    assert list(f) == list(EXAMPLE)
    assert list(f["keywords"][0]) == list(EXAMPLE["keywords"][0])
    assert (f["title"], f["context"], f["filter_action"]) == ("Test filter", ["home"], "warn")
    assert f["keywords"][0]["keyword"] == "bad word" and f["keywords"][0]["whole_word"] is False
    assert f["expires_at"] is not None and f["statuses"] == []
    filter_id, keyword_id = f["id"], f["keywords"][0]["id"]

    # Form-encoded nested attributes: change one keyword, add another, then destroy the first.
    r = agora.api("PUT", f"/api/v2/filters/{filter_id}", token=alice, data={
        "title": "Renamed", "filter_action": "hide", "expires_in": "", "context[]": ["home", "public"],
        "keywords_attributes[0][id]": keyword_id, "keywords_attributes[0][keyword]": "worse word",
        "keywords_attributes[1][keyword]": "other", "keywords_attributes[1][whole_word]": "true"})
    assert r.status_code == 200
    f = r.json()
    assert (f["title"], f["context"], f["filter_action"], f["expires_at"]) == ("Renamed", ["home", "public"], "hide",
                                                                             None)
    assert [(k["keyword"], k["whole_word"]) for k in f["keywords"]] == [("worse word", False), ("other", True)]
    r = agora.api("PUT", f"/api/v2/filters/{filter_id}", token=alice,
                  json={"keywords_attributes": [{"id": keyword_id, "_destroy": True}]})
    assert [k["keyword"] for k in r.json()["keywords"]] == ["other"]
    assert agora.api("GET", f"/api/v2/filters/{filter_id}", token=alice).json() == r.json()
    assert [x["id"] for x in agora.api("GET", "/api/v2/filters", token=alice).json()] == [filter_id]

    r = agora.api("DELETE", f"/api/v2/filters/{filter_id}", token=alice)
    assert (r.status_code, r.json()) == (200, {})
    assert agora.api("GET", f"/api/v2/filters/{filter_id}", token=alice).status_code == 404
    assert agora.sql("SELECT COUNT(*) FROM filter_keywords")[0][0] == "0"


def test_filter_keywords_and_statuses(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    filter_id = agora.api("POST", "/api/v2/filters", token=alice,
                          data={"title": "t", "context[]": "thread"}).json()["id"]
    r = agora.api("POST", f"/api/v2/filters/{filter_id}/keywords", token=alice, data={"keyword": "spoiler"})
    assert r.status_code == 200
    keyword = r.json()
    assert list(keyword) == ["id", "keyword", "whole_word"] and keyword["whole_word"] is True
    r = agora.api("POST", f"/api/v2/filters/{filter_id}/keywords", token=alice, data={"keyword": " "})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Keyword can't be blank"})
    r = agora.api("PUT", f"/api/v2/filters/keywords/{keyword['id']}", token=alice, data={"whole_word": "false"})
    assert r.json() == {"id": keyword["id"], "keyword": "spoiler", "whole_word": False}
    assert agora.api("GET", f"/api/v2/filters/keywords/{keyword['id']}", token=alice).json() == r.json()
    assert agora.api("GET", f"/api/v2/filters/{filter_id}/keywords", token=alice).json() == [r.json()]

    status_id = insert_status(agora, "bob")
    r = agora.api("POST", f"/api/v2/filters/{filter_id}/statuses", token=alice, data={"status_id": status_id})
    assert r.status_code == 200
    rule = r.json()
    assert rule["status_id"] == status_id and list(rule) == ["id", "status_id"]
    r = agora.api("POST", f"/api/v2/filters/{filter_id}/statuses", token=alice, data={"status_id": status_id})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Status has already been taken"})
    r = agora.api("POST", f"/api/v2/filters/{filter_id}/statuses", token=alice, data={"status_id": "123"})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Status must exist"})
    assert agora.api("GET", f"/api/v2/filters/statuses/{rule['id']}", token=alice).json() == rule
    assert agora.api("GET", f"/api/v2/filters/{filter_id}/statuses", token=alice).json() == [rule]
    assert agora.api("GET", f"/api/v2/filters/{filter_id}", token=alice).json()["statuses"] == [rule]

    # Bob sees none of it and can change none of it.
    for method, path in (("GET", f"/api/v2/filters/{filter_id}"), ("PUT", f"/api/v2/filters/{filter_id}"),
                         ("DELETE", f"/api/v2/filters/{filter_id}"),
                         ("GET", f"/api/v2/filters/{filter_id}/keywords"),
                         ("POST", f"/api/v2/filters/{filter_id}/keywords"),
                         ("GET", f"/api/v2/filters/keywords/{keyword['id']}"),
                         ("DELETE", f"/api/v2/filters/keywords/{keyword['id']}"),
                         ("GET", f"/api/v2/filters/{filter_id}/statuses"),
                         ("GET", f"/api/v2/filters/statuses/{rule['id']}"),
                         ("DELETE", f"/api/v2/filters/statuses/{rule['id']}"),
                         ("GET", f"/api/v1/filters/{keyword['id']}")):
        r = agora.api(method, path, token=bob, data={"keyword": "x", "title": "x"})
        assert (r.status_code, r.json()) == (404, {"error": "Record not found"}), (method, path)

    assert agora.api("DELETE", f"/api/v2/filters/statuses/{rule['id']}", token=alice).json() == {}
    assert agora.api("DELETE", f"/api/v2/filters/keywords/{keyword['id']}", token=alice).json() == {}
    f = agora.api("GET", f"/api/v2/filters/{filter_id}", token=alice).json()
    assert (f["keywords"], f["statuses"]) == ([], [])


def test_bad_filter_input(agora):
    alice = agora.create_user("alice")
    r = agora.api("POST", "/api/v2/filters", token=alice, data={})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Title can't be blank, Context can't be "
                                                         "blank, Context none or invalid context supplied"})
    r = agora.api("POST", "/api/v2/filters", token=alice, json={"title": "t", "context": ["home", "timeline"]})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Context none or invalid context supplied"})
    r = agora.api("POST", "/api/v2/filters", token=alice, json={"title": "t", "context": "home"})  # not an array
    assert r.status_code == 422
    r = agora.api("POST", "/api/v2/filters", token=alice,
                  json={"title": "t", "context": ["home"], "filter_action": "explode"})
    assert (r.status_code, r.json()) == (422, {"error": "'explode' is not a valid action"})
    r = agora.api("POST", "/api/v2/filters", token=alice,
                  json={"title": "t", "context": ["home"], "keywords_attributes": [{"keyword": "", "whole_word": True}]})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Keywords keyword can't be blank"})
    r = agora.api("POST", "/api/v2/filters", token=alice,
                  json={"title": "t", "context": ["home"], "keywords_attributes": [{"id": "12345", "keyword": "x"}]})
    assert r.status_code == 404
    assert agora.api("GET", "/api/v2/filters", token=alice).json() == []  # nothing was half-created
    for path in ("/api/v2/filters/999", "/api/v2/filters/abc", "/api/v2/filters/keywords/999",
                 "/api/v2/filters/statuses/999", "/api/v1/filters/999"):
        assert agora.api("GET", path, token=alice).status_code == 404, path

    assert agora.api("GET", "/api/v2/filters").status_code == 401
    reader = agora.create_user("reader", scopes="read:filters")
    assert agora.api("GET", "/api/v2/filters", token=reader).status_code == 200
    r = agora.api("POST", "/api/v2/filters", token=reader, json={"title": "t", "context": ["home"]})
    assert (r.status_code, r.json()) == (403, {"error": "This action is outside the authorized scopes"})
    assert agora.api("GET", "/api/v1/filters", token=agora.create_user("w", scopes="write:filters")).status_code == 403


def test_v1_filters_are_keywords_of_v2_filters(agora):
    alice = agora.create_user("alice")
    r = agora.api("POST", "/api/v1/filters", token=alice,
                  data={"phrase": "nope", "context[]": ["home", "notifications"], "irreversible": "true",
                        "whole_word": "false"})
    assert r.status_code == 200
    v1 = r.json()
    assert list(v1) == ["id", "phrase", "context", "whole_word", "expires_at", "irreversible"]
    assert (v1["phrase"], v1["context"], v1["whole_word"], v1["expires_at"], v1["irreversible"]) == (
        "nope", ["home", "notifications"], False, None, True)
    v2, = agora.api("GET", "/api/v2/filters", token=alice).json()
    assert (v2["title"], v2["filter_action"], v2["keywords"][0]["id"]) == ("nope", "hide", v1["id"])

    r = agora.api("PUT", f"/api/v1/filters/{v1['id']}", token=alice, data={"phrase": "yes", "irreversible": "false"})
    assert (r.json()["phrase"], r.json()["irreversible"]) == ("yes", False)
    assert agora.api("GET", f"/api/v1/filters/{v1['id']}", token=alice).json() == r.json()
    assert agora.api("GET", "/api/v1/filters", token=alice).json() == [r.json()]

    # A filter with two keywords cannot be changed through one of them.
    agora.api("POST", f"/api/v2/filters/{v2['id']}/keywords", token=alice, data={"keyword": "second"})
    r = agora.api("PUT", f"/api/v1/filters/{v1['id']}", token=alice, data={"context[]": "public"})
    assert r.status_code == 422
    assert "more than one filter keyword" in r.json()["error"]
    assert len(agora.api("GET", "/api/v1/filters", token=alice).json()) == 2

    r = agora.api("POST", "/api/v1/filters", token=alice, data={"phrase": "", "context[]": "home"})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Title can't be blank"})
    r = agora.api("POST", "/api/v1/filters", token=alice, data={"phrase": "x"})
    assert r.status_code == 422

    assert agora.api("DELETE", f"/api/v1/filters/{v1['id']}", token=alice).json() == {}
    assert [f["phrase"] for f in agora.api("GET", "/api/v1/filters", token=alice).json()] == ["second"]


def test_mastodon_py_v1_filters(agora):
    token = agora.create_user("alice")
    api = Mastodon(api_base_url=agora.base_url, access_token=token, version_check_mode="none")
    created = api.filter_create("spoiler", ["home", "public"], irreversible=False, whole_word=True, expires_in=600)
    assert created.phrase == "spoiler" and created.expires_at is not None
    assert [f.id for f in api.filters()] == [created.id]
    updated = api.filter_update(created.id, phrase="spoilers", context=["thread"])
    assert updated.phrase == "spoilers" and updated.context == ["thread"]
    assert api.filter(created.id).phrase == "spoilers"
    api.filter_delete(created.id)
    assert api.filters() == []
