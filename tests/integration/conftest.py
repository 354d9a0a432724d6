import pytest

from agora_harness import Instance

DATABASES = ["sqlite", "postgres"]


@pytest.fixture(params=DATABASES)
def db(request):
    """Every test that uses it runs once per database."""
    return request.param


@pytest.fixture
def instances(db, tmp_path):
    """A factory: instances(domain=...) starts another agora on this test's database kind."""
    started = []

    def start(domain=None, env=None, run=True):
        inst = Instance(db=db, domain=domain, env=env, workdir=tmp_path / f"agora{len(started)}")
        started.append(inst)
        return inst.start() if run else inst

    yield start
    for inst in started:
        inst.cleanup()


@pytest.fixture
def agora(instances):
    return instances()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Attach the server log to failing tests."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and "instances" in item.fixturenames:
        for name in ("agora",):
            inst = item.funcargs.get(name)
            if inst is not None:
                report.sections.append(("agora log", inst.log()[-5000:]))


@pytest.fixture
def smtp():
    """A real SMTP server on loopback; pass smtp.env() to an instance."""
    from smtp_sink import SmtpServer

    with SmtpServer() as server:
        yield server
