import Foundation
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// `kops check --allow-writes` of a recorded "create, capture, update ${wh}" session (probe12 P12-1/2): the transcript
/// holds the update with the id the create gave when recorded, so once the create or the capture does not replay as
/// recorded (not sent, or a new id), the update is not sent: it would change the recorded webhook, not the replay's.
@Suite struct TranscriptWriteReplayTests {
    static let number = "100200300400501"
    static let colleagueURL = "https://fixed-by-colleague.example.test/hook"

    /// Records `lines` on `fixture` (personal data kept, so no restore file is needed).
    private static func record(_ lines: [String], on fixture: SimulatorFixture) throws -> String {
        let (shell, _) = try fixture.shell(phoneNumberID: number)
        let recorder = try TranscriptRecorder(
            header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
        shell.recorder = recorder
        for line in lines { shell.run(line: line) }
        return recorder.text
    }

    private static func session(secret: Bool) -> [String] {
        [
            "webhooks create --url https://new.example.test/hook --events whatsapp.message.received"
                + (secret ? " --secret-key whsec_p12_0123456789abcdef" : ""),
            "capture .id as wh",
            "webhooks update ${wh} --url https://changed.example.test/hook",
        ]
    }

    /// Records the session, lets a colleague change the recorded webhook, replays with writes on the same API; returns
    /// the outcome, the recorded webhook id and its URL after the replay.
    private func replayAfterColleague(secret: Bool) async throws -> (TranscriptChecker.Outcome, String, String) {
        try await withSimulator { fixture in
            let transcript = try Self.record(Self.session(secret: secret), on: fixture)
            let id = try #require(
                transcript.split(separator: "\n").first { $0.hasPrefix("wh = ") }.map { String($0.dropFirst(5)) })
            let (colleague, _) = try fixture.shell(phoneNumberID: Self.number)
            colleague.readOnly = false
            #expect(colleague.run(line: "webhooks update \(id) --url \(Self.colleagueURL)") == .ok)
            let (shell, _) = try fixture.shell(phoneNumberID: Self.number)
            let outcome = try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell, allowWrites: true)
            let (reader, _) = try fixture.shell(phoneNumberID: Self.number)
            #expect(reader.run(line: "webhooks get \(id); capture .url as url") == .ok)
            return (outcome, id, reader.context.session.variables["url"] ?? "")
        }
    }

    /// P12-2: the create is sent again and gets a new id; the update, which holds the recorded one, is sent to the
    /// replay's new webhook (tester50 F4: `CreatedIDs` pairs the ids), never to the recorded one a colleague changed.
    @Test func aWriteAfterACreateWithANewIDGoesToTheReplaysWebhook() async throws {
        let (outcome, _, url) = try await replayAfterColleague(secret: false)
        #expect(url == Self.colleagueURL, "the update went to the recorded webhook")
        #expect(outcome.writesNotSent.isEmpty, "\(outcome.writesNotSent)")
        #expect(outcome.diff.isEmpty, "the replay's id is shown as the recorded one: \(outcome.diff)")
    }

    /// P12-1: the create's secret was redacted, so it is not sent; neither is the update after it, and both are named.
    @Test func aWriteAfterACreateThatWasNotSentIsNotSent() async throws {
        let (outcome, _, url) = try await replayAfterColleague(secret: true)
        #expect(url == Self.colleagueURL, "the update went to the recorded webhook")
        #expect(outcome.writesNotSent.map { $0.command.prefix(16) } == ["webhooks create ", "webhooks update "])
        #expect(outcome.writesNotSent.first?.reason == "the --secret-key value was redacted when recorded, so it cannot be sent again")
        // The update holds the id the capture gave when recorded (probe16 P16-2).
        #expect(outcome.writesNotSent.last?.reason.hasPrefix("uses ${wh} from line ") == true)
        #expect(outcome.writesNotSent.last?.reason.hasSuffix(", which was not replayed") == true)
        #expect(outcome.keptAsRecorded.map(\.command) == ["capture .id as wh"])
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
    }

    /// On an API in the state it was recorded on (a fresh deterministic simulator) every write replays as recorded
    /// (the generated secret is masked without its random tail: probe18 P18-3), so all are sent, none is held back, and
    /// the output is as recorded.
    @Test func writesThatReplayAsRecordedAreAllSent() async throws {
        let transcript = try await withSimulator { fixture in try Self.record(Self.session(secret: false), on: fixture) }
        let (outcome, url) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Self.number)
            let outcome = try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell, allowWrites: true)
            let (reader, _) = try fixture.shell(phoneNumberID: Self.number)
            let id = shell.context.session.variables["wh"] ?? "none"
            #expect(reader.run(line: "webhooks get \(id); capture .url as url") == .ok)
            return (outcome, reader.context.session.variables["url"] ?? "")
        }
        #expect(outcome.writesNotSent.isEmpty, "\(outcome.writesNotSent)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff)")
        #expect(url == "https://changed.example.test/hook", "the update was sent")
    }

    /// probe14 P14-6: a recorded `source` is kept as recorded, not refused; what its script did to the session (a
    /// capture) is not redone, so with writes on, no write after it is sent.
    @Test func aWriteAfterAKeptSourceLineIsNotSent() async throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p14-6-\(UUID().uuidString).kops")
        defer { try? FileManager.default.removeItem(at: script) }
        try Data("webhooks --scope project\n".utf8).write(to: script)
        let outcome = try await withSimulator { fixture in
            let transcript = try Self.record(
                ["source \(script.path)", "webhooks update 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --url https://changed.example.test/hook"],
                on: fixture)
            let (shell, _) = try fixture.shell(phoneNumberID: Self.number)
            return try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell, allowWrites: true)
        }
        #expect(outcome.keptAsRecorded.map(\.command) == ["source \(script.path)"])
        #expect(outcome.writesNotSent.map { $0.command.prefix(16) } == ["webhooks update "])
        #expect(outcome.writesNotSent.first?.reason.contains("which was not replayed (no write after that line is sent)") == true)
    }

    /// A masked secret's last characters are left out when blocks are compared; shortened ids and text are not.
    @Test(arguments: [
        ("secret:    whsec_…73", "secret:    whsec_…"),
        ("  \"secret_key\": \"whsec_…6a\",", "  \"secret_key\": \"whsec_…\","),
        ("secret:    …34", "secret:    …"),
        ("url: https://x.test  00000000…0209", "url: https://x.test  00000000…0209"),
        ("key whsec_…0209", "key whsec_…0209"),
        ("line 17 ('webhooks create --url ht…y <redacted>')", "line 17 ('webhooks create --url ht…y <redacted>')"),
    ])
    func aMaskedSecretsTailIsNotCompared(_ line: String, _ compared: String) {
        #expect(TranscriptChecker.secretTailless(Substring(line)) == compared)
    }
}

/// What a line not replayed because of a redaction names (probe16 P16-2: "its secret was redacted" for a URL's token).
@Suite struct RedactedValuesTests {
    @Test(arguments: [
        ("webhooks create --url https://h.test/x?token=<redacted> --events a", "the URL's token"),
        ("webhooks create --url 'https://u:<redacted>@h.test/x?a=1&sig=<redacted>'", "the URL's password and the URL's sig"),
        ("webhooks create --url https://h.test/x --secret-key <redacted>", "the --secret-key value"),
        ("verify --secret=<redacted> --body x", "the --secret value"),
        ("set api_key <redacted>", "the value of api_key"),
        ("webhooks update 1 --headers '{\"Authorization\": \"<redacted>\"}'", "the --headers values"),
        ("reply --to +14155550142 \"key <redacted>\"", "the API key, another secret kops knew or a word shaped like a key or token"),
        (
            "webhooks create --url https://h.test/<redacted>?token=<redacted> --secret-key <redacted>",
            "the URL's token, the API key, another secret kops knew or a word shaped like a key or token and the --secret-key value"
        ),
        ("health", nil),
    ] as [(String, String?)])
    func namesWhatWasRedacted(_ line: String, _ named: String?) {
        #expect(TranscriptChecker.redactedValues(in: line) == named)
    }

    /// The one command line every sink gets, the restore file included (probe24 P24-1): the URL's credentials redacted
    /// with the rest.
    @Test func theCommandLineHoldsNoURLCredential() {
        var redactor = Redactor(knownSecrets: [Secret("kapso_key_0123456789")])
        let line = "webhooks create --url 'https://u:pw0123@h.test/x?token=SUPERSECRET99&a=1' --secret-key whsec_p16_0123456789"
        redactor.learn(secretsTypedIn: line)
        #expect(
            redactor.redact(commandLine: line)
                == "webhooks create --url 'https://u:<redacted>@h.test/x?token=<redacted>&a=1' --secret-key <redacted>")
    }
}
