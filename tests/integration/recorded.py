"""Responses a real Mastodon server gave (../shared/fixtures/mastodon-api-recorded),
for comparing the shape and values of ours with theirs."""
import json
from urllib.parse import urlparse

import yaml

from agora_harness import FIXTURES

RECORDED = FIXTURES / "mastodon-api-recorded"

# Relationship fields newer Mastodon versions added after this traffic was recorded (on 4.0).
RELATIONSHIP_ADDITIONS = ("requested_by", "muting_expires_at")


def responses(scenario, method, path_end):
    """The (status, parsed body) of each recorded `method` request whose path ends with `path_end`."""
    data = yaml.safe_load((RECORDED / f"{scenario}.yaml").read_text())
    out = []
    for interaction in data["interactions"]:
        request, response = interaction["request"], interaction["response"]
        path = request["uri"].split("?")[0]
        if request["method"] == method and path.endswith(path_end):
            out.append((response["status"]["code"], json.loads(response["body"]["string"])))
    return out


def assert_same_relationship(ours, theirs):
    """Same fields in the same order and the same values, ids and Mastodon 4.3's additions aside."""
    ours = dict(ours)
    for key in RELATIONSHIP_ADDITIONS:
        assert key in ours
        del ours[key]
    assert list(ours) == list(theirs)
    for key in theirs:
        if key != "id":
            assert ours[key] == theirs[key], key


def recorded(name, method, path, status=200):
    """The JSON body of the first recorded `method path` response with `status`
    in `name`.yaml (path without the query string)."""
    data = yaml.safe_load((RECORDED / f"{name}.yaml").read_text())
    for interaction in data["interactions"]:
        request = interaction["request"]
        if (request["method"] == method and urlparse(request["uri"]).path == path
                and interaction["response"]["status"]["code"] == status):
            return json.loads(interaction["response"]["body"]["string"])
    raise LookupError(f"no {method} {path} in {name}.yaml")


def assert_same_shape(ours, theirs, newer=()):
    """Every key Mastodon sent is there, in Mastodon's order; any other key is
    one that Mastodon versions newer than the recording added (`newer`)."""
    assert isinstance(ours, dict), ours
    missing = [k for k in theirs if k not in ours]
    assert not missing, f"missing keys {missing}"
    extra = [k for k in ours if k not in theirs and k not in newer]
    assert not extra, f"unexpected keys {extra}"
    order = [k for k in ours if k in theirs]
    assert order == list(theirs), f"key order {order} != {list(theirs)}"
