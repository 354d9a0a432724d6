"""POST /api/v1/reports: members report accounts and their statuses to the moderators."""


def test_report_an_account_with_statuses_and_rules(agora):
    alice, bob = agora.create_user("alice"), agora.create_user("bob")
    agora.cli("rules", "add", "Be kind", check=True)
    rule_id = agora.api("GET", "/api/v1/instance/rules").json()[0]["id"]
    post = agora.api("POST", "/api/v1/statuses", token=bob, data={"status": "rude words"}).json()
    bob_id = post["account"]["id"]

    r = agora.api("POST", "/api/v1/reports", token=alice,
                  data={"account_id": bob_id, "status_ids[]": post["id"], "comment": "Not kind"})
    assert r.status_code == 200, r.text
    report = r.json()
    assert list(report) == ["id", "action_taken", "action_taken_at", "category", "comment", "forwarded",
                            "created_at", "status_ids", "rule_ids", "target_account"]
    assert report["category"] == "other" and report["comment"] == "Not kind" and report["forwarded"] is False
    assert report["status_ids"] == [post["id"]] and report["rule_ids"] is None
    assert report["target_account"]["id"] == bob_id and report["action_taken"] is False

    r = agora.api("POST", "/api/v1/reports", token=alice, json={"account_id": bob_id, "rule_ids": [rule_id]})
    assert r.json()["category"] == "violation" and r.json()["rule_ids"] == [rule_id]
    assert agora.sql("SELECT count(*) FROM reports")[0][0] == "2"


def test_report_refusals(agora):
    alice, bob, carol = agora.create_user("alice"), agora.create_user("bob"), agora.create_user("carol")
    bob_id = agora.api("GET", "/api/v1/accounts/lookup", params={"acct": "bob"}).json()["id"]
    carols = agora.api("POST", "/api/v1/statuses", token=carol, data={"status": "mine"}).json()
    bobs_private = agora.api("POST", "/api/v1/statuses", token=bob,
                             data={"status": "followers only", "visibility": "private"}).json()

    def report(**params):
        return agora.api("POST", "/api/v1/reports", token=alice, json=params)

    assert report(account_id="123456").status_code == 404
    assert report().status_code == 404
    assert report(account_id=bob_id, status_ids=[carols["id"]]).status_code == 404      # not bob's status
    assert report(account_id=bob_id, status_ids=[bobs_private["id"]]).status_code == 404  # not visible to alice
    r = report(account_id=bob_id, comment="x" * 1001)
    assert r.status_code == 422 and "Comment is too long" in r.json()["error"]
    assert report(account_id=bob_id, category="nonsense").status_code == 422
    assert report(account_id=bob_id, rule_ids=["999"]).status_code == 422
    assert agora.api("POST", "/api/v1/reports", json={"account_id": bob_id}).status_code == 401
    read_only = agora.cli("accounts", "token", "alice", "--scopes", "read", check=True).stdout.strip()
    assert agora.api("POST", "/api/v1/reports", token=read_only, json={"account_id": bob_id}).status_code == 403
    assert agora.sql("SELECT count(*) FROM reports")[0][0] == "0"
