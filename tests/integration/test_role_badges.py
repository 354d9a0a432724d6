"""A member's role in every Account entity, custom roles included, as Mastodon
renders it: the `roles` badge of a highlighted role, the CredentialAccount's
`role` and the admin Account's `role`."""

ADMIN_SCOPES = "read write admin:read admin:write"
EVERYONE = {"id": "-99", "name": "", "permissions": "65536", "color": "", "highlighted": False}


def test_custom_roles_show_in_account_entities(agora):
    admin = agora.create_user("root", scopes=ADMIN_SCOPES, role="admin")
    r = agora.api("POST", "/api/v1/admin/roles", token=admin,
                  json={"name": "Helper", "color": "#ff8800", "position": 5, "permissions": 8, "highlighted": True})
    assert r.status_code == 200, r.text
    role_id = r.json()["id"]
    helpy = agora.create_user("helpy", role="Helper")
    helpy_id = agora.account_id("helpy")
    badge = {"id": role_id, "name": "Helper", "color": "#ff8800"}

    def badges():
        """The roles of helpy's Account entity, read one at a time, in a list and in a status."""
        one = agora.api("GET", f"/api/v1/accounts/{helpy_id}").json()["roles"]
        many = agora.api("GET", "/api/v1/accounts", params={"id[]": [helpy_id]}, token=admin).json()[0]["roles"]
        looked_up = agora.api("GET", "/api/v1/accounts/lookup", params={"acct": "helpy"}).json()["roles"]
        assert one == many == looked_up
        return one

    assert badges() == [badge]
    status = agora.api("POST", "/api/v1/statuses", token=helpy, data={"status": "hello"}).json()
    assert status["account"]["roles"] == [badge]
    me = agora.api("GET", "/api/v1/accounts/verify_credentials", token=helpy).json()
    assert me["roles"] == [badge]
    assert me["role"] == {"id": role_id, "name": "Helper", "permissions": str(8 | 65536), "color": "#ff8800",
                          "highlighted": True}
    shown = agora.api("GET", f"/api/v1/admin/accounts/{helpy_id}", token=admin).json()
    assert (shown["role"]["id"], shown["role"]["name"], shown["role"]["permissions"]) == (int(role_id), "Helper", 8)
    assert shown["account"]["roles"] == [badge]

    # Not highlighted: no badge, the role itself still the member's.
    r = agora.api("PUT", f"/api/v1/admin/roles/{role_id}", token=admin, json={"highlighted": False, "name": "Aide"})
    assert r.status_code == 200, r.text
    assert badges() == []
    me = agora.api("GET", "/api/v1/accounts/verify_credentials", token=helpy).json()
    assert (me["role"]["name"], me["role"]["highlighted"]) == ("Aide", False)

    # Deleted: everyone's role.
    assert agora.api("DELETE", f"/api/v1/admin/roles/{role_id}", token=admin).status_code == 200
    assert badges() == []
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token=helpy).json()["role"] == EVERYONE


def test_built_in_roles_keep_their_badges(agora):
    agora.create_user("mod", role="moderator")
    member = agora.create_user("ada")
    accounts = agora.api("GET", "/api/v1/accounts", token=member,
                         params={"id[]": [agora.account_id("mod"), agora.account_id("ada")]}).json()
    assert [a["roles"] for a in accounts] == [[{"id": "1", "name": "Moderator", "color": ""}], []]
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token=member).json()["role"] == EVERYONE
