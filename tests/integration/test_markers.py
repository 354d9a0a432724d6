"""Markers: GET and POST /api/v1/markers, and Mastodon.py's markers_set / markers_get."""
import re

from mastodon import Mastodon

from recorded import responses

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def test_markers_save_and_read_as_recorded(agora):
    alice = agora.create_user("alice")
    (_, theirs), = responses("test_markers", "POST", "/api/v1/markers")
    r = agora.api("POST", "/api/v1/markers", token=alice, json={"home": {"last_read_id": 109440142712669899}})
    assert r.status_code == 200
    ours = r.json()
    assert list(ours) == list(theirs) == ["home"]
    assert list(ours["home"]) == list(theirs["home"])
    assert ours["home"]["last_read_id"] == "109440142712669899"
    assert ours["home"]["version"] == 0
    assert ISO.match(ours["home"]["updated_at"])

    r = agora.api("GET", "/api/v1/markers?timeline[]=home", token=alice)
    assert r.json() == ours
    # Form parameters too; only a change raises the version.
    r = agora.api("POST", "/api/v1/markers", token=alice,
                  data={"home[last_read_id]": "109440142712669899", "notifications[last_read_id]": "5"})
    assert r.json()["home"]["version"] == 0
    assert r.json()["notifications"] == {"last_read_id": "5", "version": 0,
                                         "updated_at": r.json()["notifications"]["updated_at"]}
    r = agora.api("POST", "/api/v1/markers", token=alice, data={"home[last_read_id]": "109440142712669900"})
    assert r.json()["home"]["version"] == 1
    r = agora.api("GET", "/api/v1/markers", token=alice, params={"timeline[]": ["home", "notifications"]})
    assert set(r.json()) == {"home", "notifications"}
    assert r.json()["home"]["last_read_id"] == "109440142712669900"
    assert agora.api("GET", "/api/v1/markers", token=alice).json() == {}

    # Someone else's markers are their own.
    bob = agora.create_user("bob")
    assert agora.api("GET", "/api/v1/markers?timeline[]=home", token=bob).json() == {}


def test_bad_markers(agora):
    alice = agora.create_user("alice")
    r = agora.api("POST", "/api/v1/markers", token=alice, data={"home[last_read_id]": ""})
    assert (r.status_code, r.json()) == (422, {"error": "Validation failed: Last read can't be blank"})
    r = agora.api("POST", "/api/v1/markers", token=alice,
                  json={"notifications": {"last_read_id": "7"}, "home": {}})
    assert r.status_code == 422
    assert agora.api("GET", "/api/v1/markers?timeline[]=notifications", token=alice).json() == {}  # nothing half-saved
    # Unknown timelines and shapes are ignored, as Rails' permitted parameters.
    r = agora.api("POST", "/api/v1/markers", token=alice, json={"public": {"last_read_id": "1"}, "home": "3"})
    assert (r.status_code, r.json()) == (200, {})
    assert agora.api("POST", "/api/v1/markers", data={"home[last_read_id]": "1"}).status_code == 401
    reader = agora.create_user("reader", scopes="read:statuses")
    assert agora.api("GET", "/api/v1/markers", token=reader).status_code == 200
    assert agora.api("POST", "/api/v1/markers", token=reader, data={"home[last_read_id]": "1"}).status_code == 403


def test_mastodon_py_markers(agora):
    token = agora.create_user("alice")
    api = Mastodon(api_base_url=agora.base_url, access_token=token, version_check_mode="none")
    api.markers_set(["home", "notifications"], [1234, 5678])
    markers = api.markers_get(["home", "notifications"])
    assert markers.home.last_read_id == 1234 or str(markers.home.last_read_id) == "1234"
    assert markers.notifications.version == 0
