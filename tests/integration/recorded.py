"""Reads the recorded traffic of a real Mastodon server (../shared/fixtures/mastodon-api-recorded)."""
import json

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
