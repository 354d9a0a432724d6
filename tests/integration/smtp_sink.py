"""A real SMTP server on loopback (aiosmtpd, from Debian) that keeps what it receives."""
import email
import email.policy
import threading
import time

from aiosmtpd.controller import Controller

from agora_harness import free_port


class Sink:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append({"from": envelope.mail_from, "to": list(envelope.rcpt_tos), "message": message})
        return "250 OK"

    def wait_for(self, to, count=1, timeout=10):
        """The messages received for `to`, once there are `count` of them."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                got = [m for m in self.messages if to in m["to"]]
            if len(got) >= count:
                return got
            time.sleep(0.05)
        raise AssertionError(f"no mail for {to} within {timeout}s (got {len(self.messages)} in all)")


def body_text(message):
    part = message.get_body(preferencelist=("plain",))
    return part.get_content()


class SmtpServer:
    def __init__(self):
        self.port = free_port()
        self.sink = Sink()
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        self.running = True
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.running:
            self.controller.stop()
            self.running = False

    def env(self):
        """agora settings that send mail here."""
        return {"AGORA_SMTP_SERVER": "127.0.0.1", "AGORA_SMTP_PORT": str(self.port), "AGORA_SMTP_TLS": "none",
                "AGORA_SMTP_FROM_ADDRESS": "notifications@agora.test"}
