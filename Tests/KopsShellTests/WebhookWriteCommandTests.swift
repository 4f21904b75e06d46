import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// `webhooks create|update|delete|test|get --reveal-secret` on the demo seed: validation, 422s, secrets.
@Suite struct WebhookWriteCommandTests {
    static let sales = "100200300400502"
    static let support = "100200300400501"
    static let failing = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"
    static let legacy = "4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81"
    static let projectCRM = "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"

    @Test func createGeneratesASecretAndShowsItOnce() async throws {
        let runs = try await runDemo([
            "webhooks create --url https://example.com/hook --events whatsapp.message.received,whatsapp.message.sent"
        ])
        let secretLine = try #require(runs[0].out.split(separator: "\n").last { $0.hasPrefix("secret_key: ") })
        let secret = secretLine.dropFirst("secret_key: ".count)
        #expect(secret.hasPrefix("whsec_") && secret.count == 38)
        #expect(runs[0].err == "warning: this generated secret is shown only now; store it where the receiver verifies signatures\n")
        #expect(runs[0].status == 0)
        #expect(runs[0].out.hasPrefix("created webhook "))
        #expect(runs[0].out.contains("scope:     phone number 100200300400502\n"))
        #expect(runs[0].out.contains("secret:    whsec_…" + String(secret.suffix(2)) + "\n"))
    }

    @Test(arguments: [
        (
            "webhooks create --url http://example.com/hook --events whatsapp.message.received",
            "error: webhooks: invalid value for --url 'http://example.com/hook'; expected an https:// URL (plain http only for loopback receivers)\n"
        ),
        (
            "webhooks create --url https://example.com/hook --events whatsapp.message.recieved",
            "error: webhooks: unknown event 'whatsapp.message.recieved'; did you mean 'whatsapp.message.received'? ('payload sample' lists the events)\n"
        ),
        (
            "webhooks create --url https://example.com/hook --events whatsapp.message.received --buffer-window-seconds 61",
            "error: webhooks: invalid value for --buffer-window-seconds '61'; expected a whole number from 1 to 60\n"
        ),
        (
            "webhooks create --url https://example.com/hook --events whatsapp.message.received --max-buffer-size 0",
            "error: webhooks: invalid value for --max-buffer-size '0'; expected a whole number from 1 to 100\n"
        ),
        (
            "webhooks update 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81 --inactivity-minutes 1441",
            "error: webhooks: invalid value for --inactivity-minutes '1441'; expected a whole number from 1 to 1440\n"
        ),
        (
            "webhooks create --url https://example.com/hook --events whatsapp.message.received --headers '{\"X-Env\": 1}'",
            "error: webhooks: --headers has a value that is not a string (its value is not shown: it may hold secrets); give a JSON object of strings: --headers '{\"X-Env\":\"prod\"}'\n"
        ),
        (
            "webhooks create --url https://example.com/hook --events '[\"whatsapp.message.received\"' ",
            "error: webhooks: invalid value for --events '[\"whatsapp.message.received\"'; expected a JSON array of event names or a comma-separated list\n"
        ),
        (
            "webhooks create --scope project --url https://example.com/hook --events whatsapp.message.received",
            "error: webhooks: invalid event for --scope project 'whatsapp.message.received'; expected project events only (message and conversation events reach only number webhooks; use --scope number)\n"
        ),
        (
            "webhooks create --url https://example.com/hook --events whatsapp.message.received,whatsapp.account.disabled",
            "error: webhooks: invalid event for a phone-number webhook 'whatsapp.account.disabled'; expected phone-number events only (whatsapp.account.disabled reaches only project webhooks, never a phone-number webhook; create a project webhook for it with 'webhooks create --scope project')\n"
        ),
        (
            "webhooks create --url https://example.com/hook",
            "error: webhooks: missing --events (kapso webhooks need at least one); usage: webhooks create --url URL --events a,b [--scope number|project] [--kind kapso|meta] [--payload-version v1|v2] [--secret-key S] ...\n"
        ),
        (
            "webhooks update 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81 --kind meta",
            "error: webhooks: invalid flag for 'update' '--kind'; expected --active, --add-events, --buffer-enabled, --buffer-window-seconds, --events, --headers, --inactivity-minutes, --keep-blanks, --max-buffer-size, --payload-version, --remove-events, --secret-key, --send-secret, --url, --yes\n"
        ),
        (
            "webhooks list --yes",
            "error: webhooks: invalid flag for 'list' '--yes'; expected --active, --kind, --per-page, --scope\n"
        ),
    ])
    func invalidSettingsAreRefusedBeforeSending(line: String, error: String) async throws {
        let ran = try await runDemo(line)
        #expect(ran.err == error)
        #expect(ran.out == "")
        #expect(ran.status == 64)
    }

    /// `update` of a meta-kind webhook refuses the flags only kind kapso takes, as `create --kind meta` does, before
    /// any PATCH: Kapso refuses buffering on a meta webhook and ignores a payload version there (kapso-api.md §3.1, §3.2).
    @Test(arguments: [
        "--payload-version v1", "--buffer-enabled", "--buffer-window-seconds 10", "--max-buffer-size 20",
        "--active false --payload-version v2",
    ])
    func updateOfAMetaWebhookRefusesKapsoOnlyFlags(flags: String) async throws {
        let meta = "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"
        let runs = try await runDemo(["webhooks update \(meta) \(flags)", "webhooks get \(meta)"], number: Self.support)
        let flag = flags.split(separator: " ").first { $0 != "--active" && $0 != "false" } ?? ""
        #expect(runs[0].err == "error: webhooks: invalid flag for meta webhook \(meta) '\(flag)'; expected no \(flag): a meta webhook gets Meta's own payloads, never batched or versioned by Kapso (kind kapso has them)\n")
        #expect(runs[0].out == "")
        #expect(runs[0].status == 64)
        // Nothing was sent: the webhook is as the seed has it.
        #expect(runs[1].out.contains("active:    yes\n"))
    }

    @Test func updateOfAMetaWebhookStillTakesItsOwnSettings() async throws {
        let meta = "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"
        let ran = try await runDemo("webhooks update \(meta) --active false", number: Self.support)
        // What changed, with its new value (probe38 P38-15 f: "…: active" read as "it is active").
        #expect(ran.out.hasPrefix("updated webhook \(meta): active: false\n"))
        #expect(ran.status == 0)
    }

    @Test func apiValidationErrorsAreShownFieldByField() async throws {
        let ran = try await runDemo(
            "webhooks create --url https://example.com/meta --kind meta --secret-key s3cr3t-value", number: Self.support)
        #expect(ran.err == "error: the API rejected the request (422): kind: meta webhook already exists for this phone number\n")
        #expect(ran.status == 1)
    }

    @Test func updateChangesOnlyWhatIsGiven() async throws {
        let ran = try await runDemo("webhooks update \(Self.legacy) --payload-version v2 --active false")
        #expect(ran.out == """
            updated webhook 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81: payload_version: v2; active: false
            id:        4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81
            url:       https://sales.acme-demo.test/webhooks/kapso
            scope:     phone number 100200300400502
            kind:      kapso
            payload:   v2
            active:    no
            events:    whatsapp.message.received, whatsapp.message.sent
            secret:    whsec_…54
            buffering: off
            created:   2026-11-12T18:00:00Z
            updated:   2026-11-21T12:00:00Z

            """)
        #expect(ran.status == 0)
    }

    /// Custom headers are named in `get` and after `update` (P20-7: not shown at all), their values never: a
    /// receiver's token travels there.
    @Test func customHeadersAreNamedWithoutTheirValues() async throws {
        let runs = try await runDemo([
            "webhooks update \(Self.legacy) --headers '{\"X-Env\":\"prod\",\"Authorization\":\"Bearer hdr_canary_0123456789\"}'",
            "webhooks get \(Self.legacy)",
        ])
        for ran in runs {
            #expect(ran.out.contains("buffering: off\nheaders:   X-Env, Authorization (values not shown)\ncreated:"))
            #expect(!ran.out.contains("hdr_canary") && !ran.out.contains("prod"))
            #expect(ran.status == 0)
        }
    }

    @Test func deleteNeedsYesWithoutATerminalThenUnknownIdListsValidOnes() async throws {
        let runs = try await runDemo([
            "webhooks delete \(Self.projectCRM)", "webhooks delete \(Self.projectCRM) --yes",
            "webhooks get \(Self.projectCRM)",
        ])
        #expect(runs[0].err == "error: webhooks: missing --yes (not at a terminal, so kops cannot ask); usage: webhooks delete ID --yes\n")
        #expect(runs[0].status == 64)
        #expect(runs[1].out == "deleted webhook 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70\n")
        #expect(runs[1].status == 0)
        #expect(runs[2].err == """
            error: webhook 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 was not found; webhook ids: 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92, 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81, 1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e, 2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f, 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d

            """)
        #expect(runs[2].status == 1)
    }

    /// An id of no webhook is found missing in the webhooks list before a write that would leave a 404 in the
    /// project's API log (probe5 P5-4); one that is no UUID is refused before any request.
    @Test(arguments: [
        "webhooks update 12345678-1234-4123-8123-123456789abc --active true", "webhooks test 12345678-1234-4123-8123-123456789abc",
        "webhooks delete 12345678-1234-4123-8123-123456789abc --yes",
    ])
    func unknownIdsListTheProjectsWebhooks(line: String) async throws {
        let ran = try await runShell([line])
        #expect(ran.err == """
            error: webhook 12345678-1234-4123-8123-123456789abc was not found; webhook ids: 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92, 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81, 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70, 1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e, 2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f, 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d

            """)
        #expect(ran.statuses == [.failure])
    }

    @Test(arguments: ["webhooks update nope --active true", "webhooks test nope", "webhooks delete nope --yes", "webhooks get nope"])
    func idsThatAreNoUUIDAreRefusedBeforeAnyRequest(line: String) async throws {
        let ran = try await runShell([line])
        #expect(ran.err == """
            error: webhooks: invalid webhook id 'nope'; expected a UUID such as e5a6c7d8-4f5b-4c6d-8e7f-901234567890 \
            (Kapso's webhook ids are UUIDs)

            """)
        #expect(ran.statuses == [.usage])
        #expect(ran.requests == 0)
    }

    // probe24 P24-2: a webhook id copied in part was quoted cut at 24 characters, a valid prefix, so the user never saw
    // the part that was wrong; it is quoted whole now, with what is wrong in it.
    @Test(arguments: [
        ("webhooks get 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8", "'4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8'",
         "its groups have 8-4-4-4-11 hex digits; a UUID's have 8-4-4-4-12 (one digit short: copied in part?)"),
        ("webhooks test 4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8g", "'4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8g'",
         "character 36 is 'g', not a hex digit (0-9, a-f)"),
        ("webhooks get '4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81 --reveal-secret'", "'4e5f6a7b-8c9d-4e0f-9a1b…'",
         "it is a UUID followed by a space and 15 more characters (a value that held two words?)"),
    ])
    func aNearlyUUIDIsQuotedWholeWithItsDefect(line: String, quoted: String, defect: String) async throws {
        let ran = try await runShell([line])
        #expect(ran.err == """
            error: webhooks: invalid webhook id \(quoted); expected a UUID such as e5a6c7d8-4f5b-4c6d-8e7f-901234567890 \
            (Kapso's webhook ids are UUIDs): \(defect)

            """)
        #expect(ran.requests == 0)
    }

    @Test func deleteAsksOnATerminalAndKeepsTheWebhookOnNo() async throws {
        let runs = try await runDemo(
            ["webhooks delete \(Self.projectCRM)", "webhooks get \(Self.projectCRM)"], interactive: true,
            confirm: { _ in false })
        #expect(runs[0].out == "not deleted\n")
        #expect(runs[1].status == 0)
    }

    @Test func testOfTheFailingWebhookShowsTheFailedDelivery() async throws {
        let ran = try await runDemo("webhooks test \(Self.failing)")
        #expect(ran.out == """
            test whatsapp.message.received sent to https://analytics.acme-demo.test/ingest/whatsapp
            delivery:     00000000-0000-4000-8000-000000000003
            status:       pending
            http:         500
            attempts:     1
            last attempt: 2026-11-21T12:00:00Z

            """)
        // The advice `errors` gives for the same answer (probe11 P11-15), worded for the one delivery shown.
        #expect(ran.err == "the receiver's handler failed (500) on this event: check its logs at the time of the last attempt above (Kapso retries it, 10 s, 40 s and 90 s after each failure by its docs, or 3 attempts in all (now, +10 s, +40 s) by a summary of its newer Delivery page (the sources disagree: https://docs.kapso.ai/docs/platform/webhooks/overview, https://docs.kapso.ai/docs/platform/webhooks/advanced)); then 'webhooks test 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92' again\n")
        #expect(ran.status == 1)
    }

    /// A simulated receiver's retries follow the simulator's clock: nothing is stamped in the simulated future,
    /// and 'sim advance' past the schedule ends the delivery failed after 4 attempts (probe2 F16).
    @Test func aSimulatedReceiversRetriesFollowTheSimulatorsClock() async throws {
        let runs = try await runDemo([
            "webhooks test \(Self.failing)", "sim advance 60", "deliveries --limit 1 --output json", "sim advance 100",
            "deliveries --limit 1 --output json",
        ])
        #expect(runs[2].out.contains("\"status\": \"pending\""), "\(runs[2].out)")
        #expect(runs[2].out.contains("\"attempt_count\": 3"))
        #expect(runs[2].out.contains("\"last_attempt_at\": \"2026-11-21T12:00:50Z\""))
        #expect(runs[4].out.contains("\"status\": \"failed\""))
        #expect(runs[4].out.contains("\"attempt_count\": 4"))
        #expect(runs[4].out.contains("\"failed_at\": \"2026-11-21T12:02:20Z\""))
    }

    @Test func testOfAnUnsubscribedEventIsRejectedByTheAPI() async throws {
        let ran = try await runDemo("webhooks test \(Self.failing) --event whatsapp.message.read")
        #expect(ran.err == "error: the API rejected the request (422): Webhook is not subscribed to event whatsapp.message.read\n")
        #expect(ran.status == 1)
    }

    /// probe12 P12-4: in JSON (a script's form) the generated secret was only `whsec_…6a`, so by kops's own account
    /// it was lost; `--reveal-secret --output json` was masked too. The JSON now holds it, the warning goes to stderr.
    @Test(arguments: [
        "webhooks create --url https://example.com/hook --events whatsapp.message.received --output json",
        "webhooks create --url https://example.com/hook --events whatsapp.message.received --output=json",
    ])
    func createInJSONShowsTheGeneratedSecretInTheJSON(line: String) async throws {
        let ran = try await runDemo(line)
        let json = try JSONValue.parse(Array(ran.out.utf8))
        let secret = try #require(json["secret_key"]?.string)
        #expect(secret.hasPrefix("whsec_") && secret.count == 38 && !secret.contains("…"), "\(secret)")
        #expect(ran.err == "warning: this generated secret is shown only now; store it where the receiver verifies signatures\n")
    }

    @Test func revealSecretInJSONShowsItInTheJSONAndTheSessionModeToo() async throws {
        let runs = try await runDemo([
            "webhooks get \(Self.legacy) --reveal-secret --output json", "output json", "webhooks get \(Self.legacy) --reveal-secret",
            "webhooks get \(Self.legacy)",
        ])
        for ran in [runs[0], runs[2]] {
            #expect(ran.out.contains("\"secret_key\": \"whsec_sales_654\""), "\(ran.out)")
            #expect(ran.err == "warning: the signing secret is shown in clear; keep it out of tickets and screenshots\n")
        }
        #expect(runs[3].out.contains("\"secret_key\": \"whsec_…54\""), "not asked: masked")
    }

    /// A recording of a revealed secret keeps it masked, in the JSON and in the capture's line.
    @Test func aRecordingOfARevealedSecretMasksIt() async throws {
        let page = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: Self.sales)
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: false), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in [
                "webhooks get \(Self.legacy) --reveal-secret --output json", "capture .secret_key as s", "set", "webhooks get \(Self.legacy) --reveal-secret",
            ] {
                shell.run(line: line)
            }
            #expect(output.out.contains("whsec_sales_654"), "the terminal shows it")
            return recorder.text
        }
        #expect(!page.contains("whsec_sales_654"), "\(page)")
        #expect(page.contains("\"secret_key\": \"whsec_…54\""))
        #expect(page.contains("s = whsec_…54 (the secret itself; kops prints it masked)"))
    }

    /// `capture` of a secret kops masked stored the mask (`whsec_…54`), which then signed nothing right; a revealed one
    /// is captured as the secret (it signs), a masked one is refused.
    @Test func captureTakesARevealedSecretAndRefusesAMaskedOne() async throws {
        let body = #"{"a":1}"#
        let signature = WebhookSignature.hmacSHA256Hex(key: Array("whsec_sales_654".utf8), message: Array(body.utf8))
        let runs = try await runDemo([
            "webhooks get \(Self.legacy) --reveal-secret", "capture .secret_key as s",
            "verify --secret ${s} --signature \(signature) --body '\(body)'", "set",
            "webhooks get \(Self.legacy)", "capture .secret_key as masked", "webhooks list", "capture .data[0] as hook",
        ])
        #expect(runs[1].err == "s = whsec_…54 (the secret itself; kops prints it masked)\n")
        #expect(runs[2].status == 0 && runs[2].out.hasPrefix("valid: "), "\(runs[2].out)\(runs[2].err)")
        #expect(runs[3].out.contains("s: <redacted>\n") && !runs[3].out.contains("whsec_sales_654"), "\(runs[3].out)")
        #expect(runs[5].status == 1)
        #expect(
            runs[5].err
                == "error: capture: .secret_key is a secret kops masks in this result, so the variable would hold the mask, not the value; run 'webhooks get ID --reveal-secret' and capture it from that\n"
        )
        #expect(runs[7].status == 1)
        #expect(
            runs[7].err
                == "error: capture: .data[0] holds a secret kops masks in this result, so the variable would hold the mask, not the value; capture the fields you need around it\n"
        )
    }

    @Test func revealSecretPrintsItInClearWithAWarning() async throws {
        let ran = try await runDemo("webhooks get \(Self.legacy) --reveal-secret")
        #expect(ran.out.hasSuffix("secret:    whsec_…54\nbuffering: off\ncreated:   2026-11-12T18:00:00Z\nupdated:   2026-11-12T18:00:00Z\nsecret_key: whsec_sales_654\n"))
        #expect(ran.err == "warning: the signing secret is shown in clear; keep it out of tickets and screenshots\n")
    }
}
