import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester67b Z4: X3's rule (a replay takes Kapso's normal 404 `Marketing preference not found` with its key for an
/// earlier run's read) also hid ANOTHER client's such 404s made after the recording, and the check's note called them
/// "successful reads". On a running clock such an answer is now left out only when a line of the transcript reads a
/// preference (`trace`, a template reply), so a run of it could have made it; the note names them as what they are.
@Suite struct Z4OtherClientNormalAnswerTests {
    static let path = "/platform/v1/whatsapp/contacts/14155550157/marketing_preferences/100200300400501"

    /// Records `lines` on a running-clock simulator, has another client read a marketing preference (404, Kapso's normal
    /// answer), then checks the transcript in a fresh shell.
    static func recordThenCheck(_ lines: [String]) async throws -> TranscriptChecker.Outcome {
        try await offPool {
            let key = "test_key_0123456789"
            let simulator = try KapsoSimulator.startBlocking(options: SimulatorOptions(apiKey: key, seed: .demo))
            defer { simulator.stop() }
            func shell() throws -> Shell {
                let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 10, userAgent: "kops-tests"))
                let client = KapsoClient(baseURL: simulator.baseURL, apiKey: Secret(key), transport: transport)
                let context = ShellContext(
                    session: Session(baseURL: client.baseURL, phoneNumberID: Demo.support), client: client, registry: .standard)
                return Shell(context: context, renderer: Renderer(), output: BufferOutput())
            }
            let recording = try shell()
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: recording.context, keepPII: false), destination: .memory, context: recording.context)
            recording.recorder = recorder
            for line in lines { recording.run(line: line) }
            try otherClientGet(simulator.baseURL + path, apiKey: key)
            return try TranscriptChecker(expected: recorder.text, path: "t.md").replay(on: try shell())
        }
    }

    @Test func anotherClientsNormalAnswerSinceTheRecordingShows() async throws {
        let outcome = try await Self.recordThenCheck(["logs --limit 5"])
        #expect(outcome.diff.contains { $0.hasPrefix("+") && $0.contains("marketing_preferences") }, "\(outcome.diff.joined(separator: "\n"))")
        #expect(outcome.assumedNormalAnswers == 0)
        // The recording's own reads may still be named as earlier runs'; the other client's 404 is not among them.
        #expect(!(outcome.assumedReadsLine ?? "").contains("Marketing preference"), "\(outcome.assumedReadsLine ?? "")")
    }

    @Test func linesThatReadAPreferenceAreKnown() {
        #expect(TranscriptChecker.readsPreference("trace <message 1>"))
        #expect(TranscriptChecker.readsPreference("reply --to +1 415 ••• 0171 --template order_update --dry-run"))
        #expect(!TranscriptChecker.readsPreference("reply --to +1 415 ••• 0171 <body 1>"))
        #expect(!TranscriptChecker.readsPreference("logs"))
    }
}
