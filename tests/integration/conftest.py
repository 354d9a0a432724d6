import pytest

from agora_harness import Instance

DATABASES = ["sqlite", "postgres"]


@pytest.fixture(params=DATABASES)
def db(request):
    """Every test that uses it runs once per database."""
    return request.param


@pytest.fixture
def instances(db, tmp_path, request):
    """A factory: instances(domain=...) starts another agora on this test's database kind."""
    started = []
    request.node.agora_instances = started

    def start(domain=None, env=None, run=True):
        inst = Instance(db=db, domain=domain, env=env, workdir=tmp_path / f"agora{len(started)}")
        started.append(inst)
        return inst.start() if run else inst

    yield start
    failures = []
    for inst in started:  # every one, even when an earlier one fails (a sanitizer report)
        try:
            inst.cleanup()
        except Exception as e:
            failures.append(e)
    if failures:
        raise failures[0]


@pytest.fixture
def federation(instances):
    """A factory: federation("a.test", "b.test") starts instances with those domains that reach each other
    over loopback (plain http, AGORA_TEST_CONNECT_TO), with job workers running."""

    def start(*domains, env=None):
        pending = [instances(domain=d, run=False) for d in domains]
        connect_to = ",".join(f"{i.domain}=127.0.0.1:{i.port}" for i in pending)
        for inst in pending:
            inst.env.update({"AGORA_TEST_HTTP": "true", "AGORA_TEST_CONNECT_TO": connect_to, **(env or {})})
            inst.start()
        return pending

    return start


@pytest.fixture
def agora(instances):
    return instances()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Attach the server log to failing tests."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and "instances" in item.fixturenames:
        for inst in getattr(item, "agora_instances", []):
            report.sections.append((f"agora log ({inst.domain})", inst.log()[-50000:]))


@pytest.fixture
def smtp():
    """A real SMTP server on loopback; pass smtp.env() to an instance."""
    from smtp_sink import SmtpServer

    with SmtpServer() as server:
        yield server


@pytest.fixture(scope="session")
def s3_server():
    """One S3-compatible server (s3rver, checking Signature V4) on loopback for the session,
    with the bucket "agora-test"; see s3_server.py."""
    from s3_server import S3Server

    with S3Server(buckets=("agora-test", "agora-other")) as server:
        yield server


@pytest.fixture
def s3_agora(instances, s3_server):
    """An agora (on each database) whose stored files (avatars, headers, emoji, media) go to the
    S3 bucket "agora-test" of `s3_server`; `s3_agora.s3` is that server. For other settings
    (a wrong key, another bucket) start one yourself: instances(env=s3_server.env(...))."""
    inst = instances(env=s3_server.env())
    inst.s3 = s3_server
    return inst


@pytest.fixture
def fake_federation(instances):
    """A factory: fake_federation("remote.test", …) starts agora as a.test, reaching fake servers
    (fake_remote.FakeRemote) with those domains over loopback; returns (agora, remote, …)."""
    from fake_remote import FakeRemote

    remotes = []

    def start(*domains, env=None):
        fakes = [FakeRemote(d) for d in domains]
        remotes.extend(fakes)
        agora = instances(domain="a.test", run=False)
        connect_to = ",".join([f"a.test=127.0.0.1:{agora.port}"] + [f"{f.domain}=127.0.0.1:{f.port}" for f in fakes])
        agora.env.update({"AGORA_TEST_HTTP": "true", "AGORA_TEST_CONNECT_TO": connect_to, **(env or {})})
        agora.start()
        return (agora, *fakes)

    yield start
    for remote in remotes:
        remote.close()
