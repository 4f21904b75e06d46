#!/usr/bin/env python3
"""kapso-sim against the official Python SDK, kapso-whatsapp-cloud-api (pinned below).

Creates a venv in .venv/sdk-conformance (once), installs the SDK there (the only network access: PyPI),
re-runs itself inside it, starts `.build/debug/kapso-sim --port 0 --seed demo --deterministic --api-key K`
(override the binary with $KAPSO_SIM), and calls every Platform resource kops relies on through the SDK's
own clients, plus a send through its WhatsApp client. Each call's answer is parsed by the SDK's pydantic
models, so a shape the SDK cannot read fails that call. One line per call, then `N passed, M failed`;
the exit status is 1 when anything failed.

Base URLs. The Platform client takes any base URL, so it is pointed straight at the simulator. The
WhatsApp client refuses its Kapso-only proxy resources (conversations, contacts, calls, message history)
unless its base URL contains "kapso.ai" (`WhatsAppClient.is_kapso_proxy`). Rather than weaken the
simulator or patch the SDK's check, the harness gives that client the real base URL
(https://api.kapso.ai/meta/whatsapp) and mounts an httpx transport for that origin which sends every
request to the simulator on loopback instead: the SDK runs exactly as it would against Kapso.

The signature check runs a loopback HTTP receiver here, creates a webhook pointing at it, asks for a test
delivery, and verifies `X-Webhook-Signature` with hmac over the raw bytes received.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

SDK = "kapso-whatsapp-cloud-api"
SDK_VERSION = "0.3.0"
ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "sdk-conformance"
API_KEY = "K"

SUPPORT = "100200300400501"
SALES = "100200300400502"
MAIN_WEBHOOK = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
PROJECT_WEBHOOK = "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"
FAILED_WAMID = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
DANA_CONVERSATION = "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"


def ensure_venv() -> None:
    """Re-runs this script in .venv/sdk-conformance with the pinned SDK installed (installing it once)."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    python = VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {VENV.relative_to(ROOT)}", file=sys.stderr)
        venv.create(VENV, with_pip=True)
    probe = subprocess.run(
        [python, "-c", f"import importlib.metadata as m; print(m.version({SDK!r}))"], capture_output=True, text=True
    )
    if probe.stdout.strip() != SDK_VERSION:
        print(f"installing {SDK}=={SDK_VERSION} from PyPI", file=sys.stderr)
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"{SDK}=={SDK_VERSION}"],
            check=True,
        )
    os.execv(python, [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])


if __name__ == "__main__":
    ensure_venv()

# Everything below runs inside the venv.
import asyncio  # noqa: E402
import hashlib  # noqa: E402
import hmac  # noqa: E402
import http.server  # noqa: E402
import queue  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import traceback  # noqa: E402
from collections.abc import Awaitable, Callable  # noqa: E402
from typing import Any  # noqa: E402

import httpx  # noqa: E402
from kapso_whatsapp import WhatsAppClient  # noqa: E402
from kapso_whatsapp.exceptions import NotFoundError, ValidationError  # noqa: E402
from kapso_whatsapp.platform import KapsoPlatformClient  # noqa: E402

KAPSO_ORIGIN = "https://api.kapso.ai"


class Simulator:
    """kapso-sim as a child process; its stderr (event log) goes to a temporary file shown on failure."""

    def __init__(self, binary: Path) -> None:
        self.log = tempfile.TemporaryFile(mode="w+")
        command = [str(binary), "--port", "0", "--seed", "demo", "--deterministic", "--api-key", API_KEY]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self.log, text=True)
        first = self.process.stdout.readline().strip()  # "listening on http://127.0.0.1:PORT"
        if not first.startswith("listening on "):
            self.stop()
            raise SystemExit(f"kapso-sim did not start: {first!r}\n{self.log_text()}")
        self.base_url = first.removeprefix("listening on ")
        self.port = int(self.base_url.rsplit(":", 1)[1])

    def log_text(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


class LoopbackTransport(httpx.AsyncBaseTransport):
    """Sends requests addressed to https://api.kapso.ai to the simulator's loopback port instead."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def whatsapp_client(simulator: Simulator) -> WhatsAppClient:
    """The SDK's WhatsApp client on Kapso's real proxy URL, its pooled httpx client routed to the simulator.

    `_HttpCore` creates its httpx client lazily and keeps one that is already there; giving it one with a
    mount for Kapso's origin changes where requests go and nothing else (headers, timeouts, retries and
    the SDK's URL building stay the SDK's own).
    """
    client = WhatsAppClient(kapso_api_key=API_KEY, base_url=f"{KAPSO_ORIGIN}/meta/whatsapp", max_retries=0)
    core = client._http
    core._client = httpx.AsyncClient(
        timeout=httpx.Timeout(core._timeout),
        headers=core._headers,
        mounts={KAPSO_ORIGIN: LoopbackTransport(simulator.port)},
    )
    return client


class Receiver:
    """A loopback webhook receiver that keeps each request's headers and raw body bytes."""

    def __init__(self) -> None:
        received: queue.Queue[tuple[dict[str, str], bytes]] = queue.Queue()
        self.received = received

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                received.put(({name.lower(): value for name, value in self.headers.items()}, body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/kapso"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def next(self, timeout: float = 10) -> tuple[dict[str, str], bytes]:
        return self.received.get(timeout=timeout)

    def stop(self) -> None:
        self.server.shutdown()


class Report:
    """Runs the calls, one line each, and counts them."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0

    async def call(self, name: str, action: Callable[[], Awaitable[Any]], check: Callable[[Any], str]) -> Any:
        """Awaits `action`; `check` returns a one-line description of the result or raises AssertionError."""
        try:
            result = await action()
            detail = check(result)
        except Exception as error:  # noqa: BLE001 (every failure is reported, not raised)
            self.failed += 1
            print(f"FAIL  {name:<44} {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
            if os.environ.get("SDK_CONFORMANCE_TRACE"):
                traceback.print_exc()
            return None
        self.passed += 1
        print(f"ok    {name:<44} {detail}")
        return result

    async def refused(self, name: str, action: Callable[[], Awaitable[Any]], error: type[Exception]) -> None:
        """Expects `action` to raise `error` (the SDK's reading of one of the contract's error bodies)."""

        async def expect_error() -> Exception:
            try:
                await action()
            except error as raised:
                return raised
            raise AssertionError(f"expected {error.__name__}, got an answer")

        await self.call(name, expect_error, lambda raised: f"{type(raised).__name__} ({raised.status_code}): {raised}")


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


async def collect(iterator: Any) -> list[Any]:
    return [item async for item in iterator]


async def run(simulator: Simulator, receiver: Receiver) -> Report:
    report = Report()
    kp = KapsoPlatformClient(api_key=API_KEY, base_url=f"{simulator.base_url}/platform/v1", max_retries=0)
    wa = whatsapp_client(simulator)
    try:
        await phone_numbers(report, kp)
        await number_webhooks(report, kp)
        await project_webhooks(report, kp, receiver)
        await logs(report, kp)
        await messages_and_conversations(report, kp, wa)
    finally:
        await kp.close()
        await wa.close()
    return report


async def phone_numbers(report: Report, kp: KapsoPlatformClient) -> None:
    def listed(numbers: list[Any]) -> str:
        expect({n.id for n in numbers} == {SUPPORT, SALES}, f"ids {[n.id for n in numbers]}")
        return f"{len(numbers)} PhoneNumber"

    await report.call("phone_numbers.list", lambda: kp.phone_numbers.list(), listed)
    await report.call("phone_numbers.iter", lambda: collect(kp.phone_numbers.iter(per_page=1)), listed)

    def got(number: Any) -> str:
        expect(number.id == SUPPORT and number.display_phone_number == "+1 415-555-0100", repr(number.id))
        return f"PhoneNumber {number.name}"

    await report.call("phone_numbers.get", lambda: kp.phone_numbers.get(SUPPORT), got)
    for number, status in [(SUPPORT, "healthy"), (SALES, "degraded")]:

        def health(result: Any, status: str = status) -> str:
            expect(result.status == status and result.timestamp, f"status {result.status}")
            return f"PhoneHealth {result.status} at {result.timestamp}"

        await report.call(f"phone_numbers.check_health({number})", lambda n=number: kp.phone_numbers.check_health(n), health)
    await report.refused("phone_numbers.get(unknown id)", lambda: kp.phone_numbers.get("200300400500601"), NotFoundError)


async def number_webhooks(report: Report, kp: KapsoPlatformClient) -> None:
    await report.call(
        "webhooks.list(number)",
        lambda: kp.webhooks.list(SUPPORT),
        lambda hooks: f"{len(hooks)} Webhook" if len(hooks) == 3 else expect(False, f"{len(hooks)} webhooks"),
    )
    await report.call(
        "webhooks.get(number)",
        lambda: kp.webhooks.get(SUPPORT, MAIN_WEBHOOK),
        lambda hook: f"Webhook {hook.url}" if hook.secret_key == "whsec_demo_123" else expect(False, "secret"),
    )
    created = await report.call(
        "webhooks.create(number)",
        lambda: kp.webhooks.create(
            SUPPORT, url="https://sdk.example.test/hook", events=["whatsapp.message.read"], secret_key="sdk-secret"
        ),
        lambda hook: f"Webhook {hook.id} payload {hook.payload_version}",
    )
    if created is None:
        return
    await report.call(
        "webhooks.update(number)",
        lambda: kp.webhooks.update(SUPPORT, created.id, active=False, events=["whatsapp.message.failed"]),
        lambda hook: f"active={hook.active} events={hook.events}"
        if hook.active is False and hook.events == ["whatsapp.message.failed"]
        else expect(False, repr(hook)),
    )
    await report.call("webhooks.delete(number)", lambda: kp.webhooks.delete(SUPPORT, created.id), lambda _: "204")
    await report.refused("webhooks.get(deleted)", lambda: kp.webhooks.get(SUPPORT, created.id), NotFoundError)
    await report.refused(
        "webhooks.create(no secret_key)",
        lambda: kp.webhooks.create(SUPPORT, url="https://sdk.example.test/x", events=["whatsapp.message.read"]),
        ValidationError,
    )


async def project_webhooks(report: Report, kp: KapsoPlatformClient, receiver: Receiver) -> None:
    await report.call(
        "project_webhooks.list",
        lambda: kp.project_webhooks.list(per_page=100),
        lambda hooks: f"{len(hooks)} ProjectWebhook, {sum(h.phone_number_id is None for h in hooks)} project-scoped",
    )
    await report.call(
        "project_webhooks.get",
        lambda: kp.project_webhooks.get(PROJECT_WEBHOOK),
        lambda hook: f"ProjectWebhook scope={hook.phone_number_id}",
    )
    created = await report.call(
        "project_webhooks.create",
        lambda: kp.project_webhooks.create(url="https://sdk.example.test/project", events=["workflow.execution.failed"]),
        lambda hook: f"ProjectWebhook {hook.id}",
    )
    if created is not None:
        await report.call(
            "project_webhooks.update",
            lambda: kp.project_webhooks.update(created.id, url="https://sdk.example.test/project2"),
            lambda hook: f"url {hook.url}",
        )
        await report.call(
            "project_webhooks.test",
            lambda: kp.project_webhooks.test(created.id, event_type="workflow.execution.failed"),
            lambda result: f"WebhookTestResult success={result.success}",
        )
        await report.call("project_webhooks.delete", lambda: kp.project_webhooks.delete(created.id), lambda _: "204")
    await signature(report, kp, receiver)


async def signature(report: Report, kp: KapsoPlatformClient, receiver: Receiver) -> None:
    """A test delivery to the loopback receiver, its signature checked with hmac over the raw body."""
    secret = "whsec_sdk_conformance"
    hook = await report.call(
        "webhooks.create(loopback receiver)",
        lambda: kp.webhooks.create(
            SUPPORT, url=receiver.url, events=["whatsapp.message.received"], secret_key=secret, headers={"X-Check": "1"}
        ),
        lambda hook: f"Webhook {hook.id} -> {hook.url}",
    )
    if hook is None:
        return
    await report.call(
        "project_webhooks.test(loopback receiver)",
        lambda: kp.project_webhooks.test(hook.id, event_type="whatsapp.message.received"),
        lambda result: f"success={result.success}",
    )

    async def received() -> tuple[dict[str, str], bytes]:
        return await asyncio.to_thread(receiver.next)

    def verified(delivery: tuple[dict[str, str], bytes]) -> str:
        headers, body = delivery
        expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        given = headers.get("x-webhook-signature", "")
        expect(hmac.compare_digest(expected, given), f"signature {given!r} is not HMAC-SHA256 of the {len(body)} bytes")
        expect(headers.get("x-webhook-event") == "whatsapp.message.received", "X-Webhook-Event")
        expect(headers.get("x-check") == "1", "custom header")
        return f"X-Webhook-Signature verified over {len(body)} raw bytes"

    await report.call("webhook delivery signature (hmac)", received, verified)


async def logs(report: Report, kp: KapsoPlatformClient) -> None:
    await report.call(
        "webhook_deliveries.list",
        lambda: kp.webhook_deliveries.list(period="7d", per_page=50),
        lambda rows: f"{len(rows)} WebhookDelivery" if rows else expect(False, "no rows"),
    )
    await report.call(
        "webhook_deliveries.list(failed)",
        lambda: kp.webhook_deliveries.list(status="failed", period="30d", webhook_id=MAIN_WEBHOOK),
        lambda rows: f"{len(rows)} failed" if all(r.status == "failed" for r in rows) else expect(False, "status"),
    )
    await report.call(
        "webhook_deliveries.iter",
        lambda: collect(kp.webhook_deliveries.iter(period="7d", per_page=100)),
        lambda rows: f"{len(rows)} WebhookDelivery over every page",
    )
    await report.call(
        "api_logs.list(errors_only)",
        lambda: kp.api_logs.list(errors_only=True, period="7d"),
        lambda rows: f"{len(rows)} ApiLog" if all(r.response_status >= 400 for r in rows) else expect(False, "status"),
    )
    await report.call(
        "api_logs.iter",
        lambda: collect(kp.api_logs.iter(period="24h", per_page=100)),
        lambda rows: f"{len(rows)} ApiLog over every page",
    )


async def messages_and_conversations(report: Report, kp: KapsoPlatformClient, wa: WhatsAppClient) -> None:
    await report.call(
        "messages.list",
        lambda: kp.messages.list(phone_number_id=SUPPORT, per_page=50),
        lambda rows: f"{len(rows)} Message" if rows else expect(False, "no rows"),
    )

    def failed(message: Any) -> str:
        errors = (message.kapso.statuses or [{}])[-1].get("errors", [{}])
        expect(message.kapso.status == "failed" and errors[0].get("code") == 131047, repr(message.kapso))
        return "Message failed with 131047"

    await report.call("messages.get", lambda: kp.messages.get(FAILED_WAMID), failed)
    await report.call(
        "conversations.list",
        lambda: kp.conversations.list(phone_number_id=SUPPORT, per_page=50),
        lambda rows: f"{len(rows)} Conversation" if rows else expect(False, "no rows"),
    )
    await report.call(
        "conversations.get",
        lambda: kp.conversations.get(DANA_CONVERSATION),
        lambda conversation: f"Conversation with {conversation.kapso.contact_name}",
    )
    await report.call(
        "WhatsAppClient.is_kapso_proxy",
        lambda: asyncio.sleep(0, result=wa.is_kapso_proxy()),
        lambda yes: "true (real Kapso URL, loopback transport)" if yes else expect(False, "false"),
    )
    sent = await report.call(
        "messages.send_text (WhatsAppClient)",
        lambda: wa.messages.send_text(phone_number_id=SUPPORT, to="+14155550142", body="Your order ships today"),
        lambda response: f"SendMessageResponse {response.message_id}" if response.message_id else expect(False, "no id"),
    )
    if sent is not None:
        await report.call(
            "messages.get(sent)",
            lambda: kp.messages.get(sent.message_id),
            lambda message: f"Message {message.kapso.status}" if message.kapso.status == "sent" else expect(False, "status"),
        )
    await report.refused(
        "messages.send_text(closed 24-hour window)",
        lambda: wa.messages.send_text(phone_number_id=SUPPORT, to="+14155550157", body="Hi Lee"),
        ValidationError,
    )


def main() -> int:
    binary = Path(os.environ.get("KAPSO_SIM", ROOT / ".build" / "debug" / "kapso-sim"))
    if not binary.exists():
        print(f"error: {binary} not found; build it with 'swift build --product kapso-sim'", file=sys.stderr)
        return 2
    simulator = Simulator(binary)
    receiver = Receiver()
    try:
        report = asyncio.run(run(simulator, receiver))
    finally:
        receiver.stop()
        simulator.stop()
    if report.failed:
        print(f"kapso-sim log:\n{simulator.log_text()}", file=sys.stderr)
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
