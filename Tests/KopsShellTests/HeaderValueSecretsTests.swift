import Foundation
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// Probe34 P34-6: a webhook's custom header value is masked where it shows as a header's value (the recorded command
/// line, a webhook's JSON, `headers: … (values not shown)`), and is a secret of the whole session only when its name
/// reads as a credential's or the value looks like one (`Redactor.isSecretHeader`). `X-Tenant: acme-demo` made every
/// later `acme-demo` (a host name, a number's name) `<redacted>`, in the transcript before the create too.
@Suite struct HeaderValueSecretsTests {
    @Test(arguments: [
        ("Authorization", "Basic dXNlcjpwYXNzd29yZA==", true), ("X-Api-Key", "short-key-1", true), ("X-Hook-Token", "abcdef", true),
        ("X-Signature", "static-signature", true), ("Cookie", "session=abc", true), ("x-hook-pass", "Winter", true),
        ("X-Custom", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", true), ("X-Custom", "3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c", true),
        ("X-Tenant", "acme-demo", false), ("X-Env", "production", false), ("X-Team", "Support", false),
        ("X-Tenant", "7c1e4b2a-9d3f-4e8a-b6c5-0f1e2d3c4b5a", false), ("X-Phone-Number", "100200300400501", false),
        ("X-Release", "release-2026-12-03", false),
    ])
    func aHeaderIsASessionSecretByItsNameOrShape(name: String, value: String, secret: Bool) {
        #expect(Redactor.isSecretHeader(name: name, value: value) == secret)
    }

    static let canaries = ["Bearer CANARYhdr0123456789abcdef", "sk_live_CANARY9q8w7e6r5t4y3u2i"]

    /// The probe's session, with a credential header and a token under a plain name beside the plain ones: the tenant
    /// and team names stay wherever they are not header values (the demo's hook hosts, the numbers' names), before
    /// and after the create, on the terminal and in the transcript; the credentials appear nowhere.
    @Test func aPlainHeaderValueIsMaskedOnlyAsAHeaderValue() async throws {
        let headers = #"{"X-Tenant":"acme-demo","X-Team":"Support","Authorization":"\#(Self.canaries[0])","X-Custom":"\#(Self.canaries[1])"}"#
        let (terminal, transcript, history) = try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            shell.readOnly = false
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(session: shell.context.session, host: "127.0.0.1"), destination: .memory)
            shell.recorder = recorder
            var gate = HistoryGate()
            var kept: [String] = []
            let lines = [
                "webhooks", "webhooks create --url https://example.com/q --events whatsapp.message.received --headers '\(headers)'",
                "webhooks", "numbers", "output json", "webhooks", "output table",
            ]
            for line in lines {
                if gate.admit(line, redactor: shell.redactor).save { kept.append(line) }
                shell.run(line: line)
            }
            return (output.combined, recorder.text, kept.joined(separator: "\n"))
        }
        for (sink, text) in [("terminal", terminal), ("transcript", transcript)] {
            #expect(!text.contains(".<redacted>.test"), "\(sink): \(text)")
            #expect(!text.contains("<redacted> Line"), "\(sink): \(text)")
            #expect(text.components(separatedBy: "https://ops.acme-demo.test/kapso/conversations").count - 1 >= 3, "\(sink): \(text)")
            #expect(text.contains("Support Line"), "\(sink): \(text)")
            // As header values they are not shown: the JSON masks them, the detail names the headers only.
            #expect(text.contains(#""X-Tenant": "<redacted>""#), "\(sink): \(text)")
            #expect(!text.contains(#""X-Tenant": "acme-demo""#), "\(sink): \(text)")
            #expect(text.contains("X-Tenant, X-Team, Authorization, X-Custom (values not shown)"), "\(sink): \(text)")
        }
        for (sink, text) in [("terminal", terminal), ("transcript", transcript), ("history", history)] {
            for canary in Self.canaries + ["CANARYhdr0123456789abcdef"] {
                #expect(!text.contains(canary), "\(canary) in the \(sink): \(text)")
            }
        }
        #expect(
            transcript.contains(
                #"--headers '{"X-Tenant":"<redacted>","X-Team":"<redacted>","Authorization":"<redacted>","X-Custom":"<redacted>"}'"#),
            "\(transcript)")
    }

    /// The recorded session replays with writes on: the create, whose header values the transcript does not hold, is
    /// named as not sent, and no block before it differs (a value learned at the create rewrote the blocks before it,
    /// so they no longer matched what the API answers).
    @Test func aTranscriptWithPlainHeadersShowsWhatWasSeenAndReplays() async throws {
        let lines = [
            "webhooks", "webhooks create --url https://example.com/q --events whatsapp.message.received --headers '{\"X-Tenant\":\"acme-demo\"}'",
            "numbers",
        ]
        let transcript = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.readOnly = false
            for line in lines { shell.run(line: line) }
            return recorder.text
        }
        #expect(!transcript.contains(".<redacted>.test") && !transcript.contains("<redacted> Line"), "\(transcript)")
        let outcome = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: "100200300400501")
            return try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell, allowWrites: true)
        }
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(outcome.writesNotSent.map(\.reason) == ["the --headers values were redacted when recorded, so it cannot be sent again"])
    }
}
