"""What other servers read here: WebFinger, actors, notes and collections."""
import requests

AP = {"Accept": "application/activity+json"}
LD = {"Accept": 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'}


def test_webfinger_finds_local_accounts_by_acct_and_url(agora):
    agora.create_user("alice")
    actor = f"{agora.public_url}/users/alice"
    for resource in (f"acct:alice@{agora.domain}", f"alice@{agora.domain}", actor, f"{agora.public_url}/@alice"):
        r = agora.get("/.well-known/webfinger", params={"resource": resource})
        assert r.status_code == 200, resource
        assert r.headers["Content-Type"].startswith("application/jrd+json")
        jrd = r.json()
        assert jrd["subject"] == f"acct:alice@{agora.domain}"
        assert actor in jrd["aliases"]
        self_link = [link for link in jrd["links"] if link["rel"] == "self"][0]
        assert self_link == {"rel": "self", "type": "application/activity+json", "href": actor}


def test_webfinger_refuses_other_domains_unknown_users_and_missing_resource(agora):
    agora.create_user("alice")
    assert agora.get("/.well-known/webfinger", params={"resource": "acct:alice@elsewhere.example"}).status_code == 404
    assert agora.get("/.well-known/webfinger", params={"resource": f"acct:nobody@{agora.domain}"}).status_code == 404
    assert agora.get("/.well-known/webfinger").status_code == 400


def test_actor_document_has_key_inboxes_and_profile(agora):
    token = agora.create_user("alice")
    agora.api("PATCH", "/api/v1/accounts/update_credentials", token=token,
              data={"display_name": "Alice", "note": "Teaching with AI", "locked": "true",
                    "fields_attributes[0][name]": "Site", "fields_attributes[0][value]": "example.org"})
    for headers in (AP, LD):
        r = agora.get("/users/alice", headers=headers)
        assert r.status_code == 200
        assert r.headers["Content-Type"].startswith("application/activity+json")
        a = r.json()
        base = f"{agora.public_url}/users/alice"
        assert a["id"] == base and a["type"] == "Person" and a["preferredUsername"] == "alice"
        assert a["inbox"] == base + "/inbox" and a["outbox"] == base + "/outbox"
        assert a["followers"] == base + "/followers" and a["following"] == base + "/following"
        assert a["endpoints"] == {"sharedInbox": f"{agora.public_url}/inbox"}
        assert a["name"] == "Alice" and "Teaching with AI" in a["summary"]
        assert a["manuallyApprovesFollowers"] is True
        assert a["publicKey"]["id"] == base + "#main-key" and a["publicKey"]["owner"] == base
        assert a["publicKey"]["publicKeyPem"].startswith("-----BEGIN PUBLIC KEY-----")
        assert a["attachment"] == [{"type": "PropertyValue", "name": "Site", "value": "example.org"}]
        assert "https://w3id.org/security/v1" in a["@context"]


def test_browsers_are_sent_to_the_profile_and_status_pages(agora):
    token = agora.create_user("alice")
    status = agora.api("POST", "/api/v1/statuses", token=token, data={"status": "hello"}).json()
    r = agora.get("/users/alice", headers={"Accept": "text/html"}, allow_redirects=False)
    assert r.status_code == 302 and r.headers["Location"] == f"{agora.public_url}/@alice"
    r = agora.get(f"/users/alice/statuses/{status['id']}", headers={"Accept": "text/html"}, allow_redirects=False)
    assert r.status_code == 302 and r.headers["Location"] == status["url"]


def test_profile_and_status_pages_answer_activitypub(agora):
    token = agora.create_user("alice")
    status = agora.api("POST", "/api/v1/statuses", token=token, data={"status": "hello"}).json()
    actor = agora.get("/@alice", headers=AP)
    assert actor.status_code == 200 and actor.json()["id"] == f"{agora.public_url}/users/alice"
    note = agora.get(f"/@alice/{status['id']}", headers=LD)
    assert note.status_code == 200 and note.json()["id"] == status["uri"] and note.json()["type"] == "Note"
    assert agora.get(f"/@bob/{status['id']}", headers=AP).status_code == 404  # not under another name
    assert agora.get("/@nobody", headers=AP).status_code == 404
    private = agora.api("POST", "/api/v1/statuses", token=token, data={"status": "hi", "visibility": "private"}).json()
    assert agora.get(f"/@alice/{private['id']}", headers=AP).status_code == 404  # unsigned: not shown


def test_public_note_with_mention_hashtag_cw_and_reply(agora):
    alice = agora.create_user("alice")
    agora.create_user("bob")
    parent = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "first"}).json()
    s = agora.api("POST", "/api/v1/statuses", token=alice,
                  data={"status": "hi @bob #EdTech", "spoiler_text": "cw", "in_reply_to_id": parent["id"],
                        "language": "en"}).json()
    r = agora.get(f"/users/alice/statuses/{s['id']}", headers=AP)
    assert r.status_code == 200
    note = r.json()
    assert note["id"] == s["uri"] and note["type"] == "Note" and note["url"] == s["url"]
    assert note["attributedTo"] == f"{agora.public_url}/users/alice"
    assert note["summary"] == "cw" and note["sensitive"] is True
    assert note["inReplyTo"] == parent["uri"]
    assert note["content"] == s["content"] and note["contentMap"] == {"en": s["content"]}
    assert note["to"] == ["https://www.w3.org/ns/activitystreams#Public"]
    bob_uri = f"{agora.public_url}/users/bob"
    assert note["cc"] == [f"{agora.public_url}/users/alice/followers", bob_uri]
    kinds = {t["type"]: t for t in note["tag"]}
    assert kinds["Mention"] == {"type": "Mention", "href": bob_uri, "name": f"@bob@{agora.domain}"}
    assert kinds["Hashtag"]["name"] == "#edtech"
    assert note["conversation"].startswith(f"tag:{agora.domain},")
    activity = agora.get(f"/users/alice/statuses/{s['id']}/activity", headers=AP).json()
    assert activity["type"] == "Create" and activity["object"]["id"] == s["uri"]
    assert activity["id"] == s["uri"] + "/activity"


def test_poll_is_a_question(agora):
    alice = agora.create_user("alice")
    s = agora.api("POST", "/api/v1/statuses", token=alice,
                  json={"status": "pick", "poll": {"options": ["a", "b"], "expires_in": 3600}}).json()
    q = agora.get(f"/users/alice/statuses/{s['id']}", headers=AP).json()
    assert q["type"] == "Question"
    assert [o["name"] for o in q["oneOf"]] == ["a", "b"]
    assert q["oneOf"][0]["replies"] == {"type": "Collection", "totalItems": 0}
    assert "endTime" in q


def test_private_and_direct_statuses_are_not_served_unsigned(agora):
    alice = agora.create_user("alice")
    for visibility in ("private", "direct"):
        s = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "secret", "visibility": visibility}).json()
        assert agora.get(f"/users/alice/statuses/{s['id']}", headers=AP).status_code == 404
        assert agora.get(f"/users/alice/statuses/{s['id']}/activity", headers=AP).status_code == 404
    outbox = agora.get("/users/alice/outbox?page=true", headers=AP).json()
    assert outbox["orderedItems"] == []


def test_statuses_of_someone_else_are_not_found_under_another_name(agora):
    alice = agora.create_user("alice")
    agora.create_user("bob")
    s = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "mine"}).json()
    assert agora.get(f"/users/bob/statuses/{s['id']}", headers=AP).status_code == 404
    assert agora.get("/users/nobody", headers=AP).status_code == 404


def test_outbox_pages_posts_and_boosts(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    bob_post = agora.api("POST", "/api/v1/statuses", token=bob, data={"status": "by bob"}).json()
    for i in range(22):
        agora.api("POST", "/api/v1/statuses", token=alice, data={"status": f"post {i}"})
    boost = agora.api("POST", f"/api/v1/statuses/{bob_post['id']}/reblog", token=alice).json()
    base = f"{agora.public_url}/users/alice/outbox"
    summary = agora.get("/users/alice/outbox", headers=AP).json()
    count = agora.api("GET", f"/api/v1/accounts/{agora.account_id('alice')}").json()["statuses_count"]
    assert summary["type"] == "OrderedCollection" and summary["totalItems"] == count >= 22
    assert summary["first"] == base + "?page=true"
    page = agora.get("/users/alice/outbox?page=true", headers=AP).json()
    assert page["type"] == "OrderedCollectionPage" and page["partOf"] == base
    items = page["orderedItems"]
    assert len(items) == 20
    assert items[0]["type"] == "Announce" and items[0]["object"] == bob_post["uri"] and items[0]["id"] == boost["uri"]
    assert items[1]["type"] == "Create" and items[1]["object"]["content"] == "<p>post 21</p>"
    rest = agora.get(page["next"].replace(agora.public_url, ""), headers=AP).json()
    assert [i["object"]["content"] for i in rest["orderedItems"]] == ["<p>post 2</p>", "<p>post 1</p>", "<p>post 0</p>"]


def test_followers_and_following_collections(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    alice_id = agora.account_id("alice")
    agora.api("POST", f"/api/v1/accounts/{alice_id}/follow", token=bob)
    followers = agora.get("/users/alice/followers", headers=AP).json()
    assert followers["totalItems"] == 1
    page = agora.get("/users/alice/followers?page=true", headers=AP).json()
    assert page["orderedItems"] == [f"{agora.public_url}/users/bob"]
    following = agora.get("/users/bob/following?page=true", headers=AP).json()
    assert following["orderedItems"] == [f"{agora.public_url}/users/alice"]


def test_featured_collection_lists_pinned_statuses(agora):
    alice = agora.create_user("alice")
    s = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "pinned"}).json()
    agora.api("POST", f"/api/v1/statuses/{s['id']}/pin", token=alice)
    featured = agora.get("/users/alice/collections/featured", headers=AP).json()
    assert featured["totalItems"] == 1 and featured["orderedItems"][0]["id"] == s["uri"]
