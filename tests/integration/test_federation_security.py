"""Hostile federation input: unsigned, badly signed, replayed or lying activities are refused and never stored."""
import json
import uuid

import pytest

from fake_remote import deliver
from federation_helpers import eventually, follow_fake_actor

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


@pytest.fixture
def world(fake_federation):
    agora, evil, other = fake_federation("evil.test", "other.test")
    agora.create_user("alice")  # whom the notes address: posts that concern nobody here are dropped
    return agora, evil, other


def create_note(actor, text, object_id=None, attributed_to=None, to=(PUBLIC,)):
    """A public note mentioning alice@a.test."""
    note_id = object_id or f"{actor.uri}/statuses/{uuid.uuid4().hex}"
    alice = "http://a.test/users/alice"
    return {"@context": "https://www.w3.org/ns/activitystreams", "id": note_id + "/activity", "type": "Create",
            "actor": actor.uri, "to": list(to), "cc": [alice],
            "object": {"id": note_id, "type": "Note", "attributedTo": attributed_to or actor.uri,
                       "content": f"<p>@alice {text}</p>", "to": list(to), "cc": [alice],
                       "tag": [{"type": "Mention", "href": alice, "name": "@alice@a.test"}],
                       "published": "2026-11-26T10:00:00Z"}}


def stored(agora, uri):
    return agora.sql("SELECT count(*) FROM statuses WHERE uri = ?", (uri,))[0][0] == "1"


def after_a_control_note(agora, actor, text):
    """Delivers a harmless note by `actor`, waits until it is stored and no inbox job is left: everything
    sent before has been processed by then, so its absence of effect can be asserted."""
    control = create_note(actor, text)
    assert deliver(agora, actor, control).status_code == 202
    eventually(lambda: stored(agora, control["object"]["id"]), message="control note")
    eventually(lambda: agora.sql("SELECT count(*) FROM jobs WHERE kind = 'process_activity'")[0][0] == "0",
               message="activities processed")


def test_a_well_signed_note_is_stored_and_sanitized(world):
    agora, evil, _ = world
    mallory = evil.actor("mallory")
    activity = create_note(mallory, 'hi <script>alert(1)</script><a href="javascript:x()">x</a>')
    r = deliver(agora, mallory, activity)
    assert r.status_code == 202, r.text
    uri = activity["object"]["id"]
    eventually(lambda: stored(agora, uri), message="stored note")
    content = agora.sql("SELECT content FROM statuses WHERE uri = ?", (uri,))[0][0]
    assert "<script" not in content and "javascript:" not in content and "hi" in content


def test_unsigned_and_badly_signed_requests_are_refused(world):
    agora, evil, _ = world
    mallory, eve = evil.actor("mallory"), evil.actor("eve")
    activity = create_note(mallory, "unsigned")
    r = agora.post("/inbox", data=json.dumps(activity), headers={"Content-Type": "application/activity+json"})
    assert r.status_code == 401 and r.json()["error"]

    # eve's key cannot sign for mallory's key id.
    body = json.dumps(create_note(mallory, "forged")).encode()
    headers = eve.sign("POST", agora.public_url + "/inbox", body)
    headers["Signature"] = headers["Signature"].replace(eve.key_id, mallory.key_id)
    r = agora.post("/inbox", data=body, headers=headers)
    assert r.status_code == 401

    # A replay from 13 hours ago, a body that is not the digested one, a signature over too little.
    old = "Wed, 25 Nov 2026 22:00:00 GMT"
    assert deliver(agora, mallory, create_note(mallory, "old"), date=old).status_code == 401
    tampered = deliver(agora, mallory, None, body=json.dumps(create_note(mallory, "a")).encode(),
                       digest="SHA-256=" + "A" * 43 + "=")
    assert tampered.status_code == 401
    assert deliver(agora, mallory, create_note(mallory, "few"), headers_signed=["date"]).status_code == 401
    for text in ("unsigned", "forged", "old", "few"):
        assert agora.sql("SELECT count(*) FROM statuses WHERE content LIKE ?", (f"%{text}%",))[0][0] == "0"


def test_an_actor_cannot_speak_for_another(world):
    agora, evil, other = world
    mallory = evil.actor("mallory")
    victim = other.actor("victim")
    # The activity claims another actor than the signer.
    spoofed = create_note(victim, "spoofed")
    r = deliver(agora, mallory, spoofed)
    assert r.status_code == 401
    # The object lives on another host, or is attributed to someone else.
    foreign = create_note(mallory, "foreign", object_id=f"{victim.uri}/statuses/1")
    misattributed = create_note(mallory, "misattributed", attributed_to=evil.actor("eve").uri)
    control = create_note(mallory, "control")
    for activity in (foreign, misattributed):
        assert deliver(agora, mallory, activity).status_code in (202, 401)
    assert deliver(agora, mallory, control).status_code == 202
    eventually(lambda: stored(agora, control["object"]["id"]), message="control note")
    assert not stored(agora, spoofed["object"]["id"])
    assert not stored(agora, foreign["object"]["id"])
    assert not stored(agora, misattributed["object"]["id"])


def test_one_cannot_delete_what_another_wrote(world):
    agora, evil, _ = world
    mallory, eve = evil.actor("mallory"), evil.actor("eve")
    note = create_note(eve, "eve's words")
    assert deliver(agora, eve, note).status_code == 202
    eventually(lambda: stored(agora, note["object"]["id"]), message="eve's note")
    delete = {"@context": "https://www.w3.org/ns/activitystreams", "id": mallory.uri + "#delete/1", "type": "Delete",
              "actor": mallory.uri, "object": note["object"]["id"]}
    assert deliver(agora, mallory, delete).status_code == 202
    after_a_control_note(agora, mallory, "after the delete")
    assert stored(agora, note["object"]["id"])


def test_malformed_huge_and_deep_documents(world):
    agora, evil, _ = world
    mallory = evil.actor("mallory")
    assert deliver(agora, mallory, None, body=b"{not json").status_code == 400
    assert deliver(agora, mallory, None, body=b"\xff\xfe invalid utf-8").status_code == 400
    deep = b'{"a":' * 200 + b"1" + b"}" * 200
    assert deliver(agora, mallory, None, body=deep).status_code == 400
    huge = json.dumps(create_note(mallory, "x" * (2 * 1024 * 1024))).encode()
    assert deliver(agora, mallory, None, body=huge).status_code == 413
    assert agora.get("/health").status_code == 200


def test_notes_that_concern_nobody_here_are_dropped(world):
    agora, evil, _ = world
    mallory = evil.actor("mallory")
    stray = create_note(mallory, "nobody asked")
    for key in ("cc",):
        stray.pop(key)
        stray["object"].pop(key)
    stray["object"]["tag"] = []
    control = create_note(mallory, "for alice")
    assert deliver(agora, mallory, stray).status_code == 202
    assert deliver(agora, mallory, control).status_code == 202
    eventually(lambda: stored(agora, control["object"]["id"]), message="control note")
    eventually(lambda: agora.sql("SELECT count(*) FROM jobs WHERE kind = 'process_activity'")[0][0] == "0",
               message="activities processed")
    assert not stored(agora, stray["object"]["id"])


def test_suspended_domains_are_refused(world):
    agora, evil, _ = world
    mallory = evil.actor("mallory")
    agora.sql("INSERT INTO domain_blocks (id, domain, severity, created_at, updated_at) VALUES (1, 'evil.test', 'suspend', 0, 0)")
    note = create_note(mallory, "from a blocked domain")
    r = deliver(agora, mallory, note)
    assert r.status_code == 403
    assert not stored(agora, note["object"]["id"])


def test_an_announce_carries_only_what_the_origin_serves(world):
    agora, evil, other = world
    mallory, victim = evil.actor("mallory"), other.actor("victim")
    alice = agora.cli("accounts", "token", "alice", "--scopes", "read write follow", check=True).stdout.strip()
    follow_fake_actor(agora, alice, evil, mallory)
    real = create_note(victim, "real words")["object"]
    other.documents[real["id"].split("other.test", 1)[1]] = {"@context": "https://www.w3.org/ns/activitystreams",
                                                            **real}
    forged = dict(real, content="<p>@alice fake words</p>")  # inline copy that lies about the victim's words
    announce = {"@context": "https://www.w3.org/ns/activitystreams", "id": mallory.uri + "#announces/1",
                "type": "Announce", "actor": mallory.uri, "to": [PUBLIC], "object": forged,
                "published": "2026-11-26T10:00:00Z"}
    assert deliver(agora, mallory, announce).status_code == 202
    eventually(lambda: stored(agora, real["id"]), message="the announced note, fetched from its origin")
    content = agora.sql("SELECT content FROM statuses WHERE uri = ?", (real["id"],))[0][0]
    assert "real words" in content and "fake words" not in content


def test_an_update_by_another_actor_changes_nothing(world):
    agora, evil, _ = world
    mallory, eve = evil.actor("mallory"), evil.actor("eve")
    note = create_note(eve, "eve's words")
    assert deliver(agora, eve, note).status_code == 202
    eventually(lambda: stored(agora, note["object"]["id"]), message="eve's note")
    update = {"@context": "https://www.w3.org/ns/activitystreams", "id": mallory.uri + "#updates/1", "type": "Update",
              "actor": mallory.uri, "to": [PUBLIC],
              "object": dict(note["object"], content="<p>@alice mallory's words</p>", updated="2026-11-26T11:00:00Z")}
    assert deliver(agora, mallory, update).status_code in (202, 401)
    after_a_control_note(agora, mallory, "after the update")
    content = agora.sql("SELECT content FROM statuses WHERE uri = ?", (note["object"]["id"],))[0][0]
    assert "eve's words" in content and "mallory" not in content
