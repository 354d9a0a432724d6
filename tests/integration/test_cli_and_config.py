"""The agora command line and configuration, as an operator meets them."""
import subprocess

from agora_harness import AGORA, Instance, assert_no_sanitizer_reports


def run(*args, env=None):
    r = subprocess.run([str(AGORA), *args], env=env or {"PATH": "/usr/bin:/bin"}, capture_output=True,
                       text=True, timeout=60)
    assert_no_sanitizer_reports(r.stderr, f"agora {' '.join(args)}")
    return r


def test_help_and_version():
    r = run("--help")
    assert r.returncode == 0
    assert "accounts create USERNAME" in r.stdout and "AGORA_DOMAIN" in r.stdout
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("agora ")


def test_usage_errors_exit_2_with_a_message():
    for args in ([], ["frobnicate"], ["serve", "--bogus"], ["accounts", "create", "alice"],
                 ["accounts", "create", "alice", "--email"]):
        r = run(*args)
        assert r.returncode == 2, args
        assert r.stderr or r.stdout


def test_accounts_create_prints_a_new_password_like_tootctl(agora):
    r = agora.cli("accounts", "create", "admin", "--email", "admin@example.org", "--role", "Owner", "--confirmed")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[0] == "OK"
    assert lines[1].startswith("New password: ") and len(lines[1]) > len("New password: ") + 15
    # A chosen password is not printed.
    r = agora.cli("accounts", "create", "bob", "--email", "bob@example.org", "--password", "hunter2hunter2")
    assert r.returncode == 0 and r.stdout.strip() == "OK"
    # Duplicates fail clearly and change nothing.
    r = agora.cli("accounts", "create", "ADMIN", "--email", "other@example.org")
    assert r.returncode == 1
    assert "Username has already been taken" in r.stderr
    r = agora.cli("accounts", "create", "carol", "--email", "not-an-email")
    assert r.returncode == 1 and "E-mail address is invalid" in r.stderr
    assert agora.get("/api/v1/instance").json()["stats"]["user_count"] == 2


def test_unknown_or_invalid_settings_fail_at_start(instances):
    inst = instances(run=False)
    for extra, expected in (({"AGORA_DOMIAN": "x.org"}, "unknown setting AGORA_DOMIAN"),
                            ({"AGORA_ENV": "staging"}, "AGORA_ENV=staging"),
                            ({"AGORA_LISTEN": "nowhere"}, "AGORA_LISTEN=nowhere"),
                            ({"AGORA_DATABASE_URL": "mysql://x"}, "AGORA_DATABASE_URL"),
                            ({"AGORA_ENV": "production", "AGORA_TEST_HTTP": "true"},
                             "only allowed with AGORA_ENV=test")):
        r = inst.cli("serve", env=extra)
        assert r.returncode == 1, extra
        assert expected in r.stderr, r.stderr


def test_config_file_is_read_and_the_environment_wins(instances, tmp_path):
    inst = instances(run=False)
    config = tmp_path / "agora.env"
    config.write_text("# settings\nAGORA_DOMAIN=from-file.localhost:9\nAGORA_LOG_LEVEL=warn\n")
    del inst.env["AGORA_DOMAIN"]
    r = inst.cli("--config", str(config), "migrate")
    assert r.returncode == 0, r.stderr
    inst.log_file = open(inst.log_path, "ab")  # scanned for sanitizer reports at cleanup
    inst.process = subprocess.Popen([str(AGORA), "serve", "--config", str(config)], env=inst.env,
                                    stdout=inst.log_file, stderr=subprocess.STDOUT)
    import time, requests
    domain, deadline = None, time.time() + 30
    while time.time() < deadline:
        try:
            domain = requests.get(inst.url("/api/v2/instance"), timeout=1).json()["domain"]
            break
        except requests.RequestException:  # not listening yet (a sanitized build starts slower)
            time.sleep(0.05)
    assert domain == "from-file.localhost:9"
    assert inst.stop() == 0
    r = inst.cli("--config", str(config), "accounts", "create", "zed", "--email", "z@example.org",
                 env={"AGORA_DOMAIN": "env-wins.localhost:9"})
    assert r.returncode == 0, r.stderr


def test_migrate_is_idempotent(instances):
    inst = instances(run=False)
    first = inst.cli("migrate")
    assert first.returncode == 0, first.stderr
    assert "applied migration 0001" in first.stderr
    second = inst.cli("migrate")
    assert second.returncode == 0
    assert "Database is up to date." in second.stdout
    assert "applied migration" not in second.stderr


def test_settings_change_what_the_instance_announces(agora):
    assert agora.cli("settings", "set", "site_title", "Educators Network").returncode == 0
    assert agora.cli("settings", "set", "registrations_mode", "approved").returncode == 0
    v2 = agora.get("/api/v2/instance").json()
    assert v2["title"] == "Educators Network"
    assert v2["registrations"]["enabled"] is True and v2["registrations"]["approval_required"] is True
    assert agora.cli("settings", "get", "registrations_mode").stdout.strip() == "approved"
    assert agora.cli("settings", "set", "registrations_mode", "none").returncode == 0
    assert agora.get("/api/v1/instance").json()["registrations"] is False
    bad = agora.cli("settings", "set", "registrations_mode", "maybe")
    assert bad.returncode == 1 and "must be open, approved or none" in bad.stderr
    assert agora.cli("settings", "set", "no_such_setting", "x").returncode == 1
    assert agora.cli("settings", "set", "site_title").returncode == 2


def test_doctor_warns_about_unsafe_settings(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    config = tmp_path / "agora.env"
    config.write_text("AGORA_DOMAIN=social.example.org\nAGORA_LISTEN=0.0.0.0:3000\nAGORA_SMTP_SERVER=smtp.example.org\n"
                      "AGORA_SMTP_TLS=none\nAGORA_SMTP_PASSWORD=hunter2\nAGORA_LOG_LEVEL=debug\n"
                      f"AGORA_DATA_DIR={data}\nAGORA_REDIS_URL=redis://:pw@10.0.0.5:6379\n"
                      "AGORA_DATABASE_URL=postgres://agora:pw@db.internal/agora\n")
    config.chmod(0o644)
    env = {"PATH": "/usr/bin:/bin"}
    r = run("doctor", "--config", str(config), env=env)
    assert r.returncode == 1, r.stderr
    warned = {line.split(":", 2)[1].strip() for line in r.stdout.splitlines() if line.startswith("warning:")}
    assert warned == {"AGORA_LISTEN", "AGORA_SMTP_TLS", "AGORA_LOG_LEVEL", "AGORA_DATA_DIR", "--config",
                      "AGORA_REDIS_URL", "AGORA_DATABASE_URL"}, r.stdout
    assert "hunter2" not in r.stdout and "pw@" not in r.stdout  # the advice never repeats a secret

    config.write_text(f"AGORA_DOMAIN=social.example.org\nAGORA_DATA_DIR={data}\nAGORA_SMTP_SERVER=smtp.example.org\n"
                      "AGORA_DATABASE_URL=postgres://agora:pw@db.internal/agora?sslmode=verify-full\n")
    config.chmod(0o600)
    data.chmod(0o700)
    r = run("doctor", "--config", str(config), env=env)
    assert (r.returncode, r.stdout) == (0, "No problems found.\n"), r.stdout
