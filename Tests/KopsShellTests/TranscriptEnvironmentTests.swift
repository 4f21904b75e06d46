import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// `kops check` where it cannot reach the API as recorded (probe16 P16-12): with no key, a rejected key, the API down
/// or failing, the replay stops at the first such line with its status and one line, instead of diffing kops's own
/// error against every recorded output (which `--update` then wrote over them).
@Suite struct TranscriptEnvironmentTests {
    static let number = "100200300400501"
    static let lines = ["numbers", "health", "webhooks"]

    /// Records `lines` on a fresh simulator, personal data kept (no restore file needed).
    private static func record(_ lines: [String] = lines) async throws -> String {
        try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: number)
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in lines { shell.run(line: line) }
            return recorder.text
        }
    }

    /// A shell on `client`, as `kops check` makes it, with the key from `key` when given.
    private static func shell(_ client: KapsoClient, key: KeyOrigin? = nil) -> Shell {
        let context = ShellContext(
            session: Session(baseURL: client.baseURL, phoneNumberID: number), client: client, registry: .standard)
        if let key { context.useKey(from: key) }
        return Shell(context: context, renderer: Renderer(), output: BufferOutput())
    }

    /// What the replay threw, or nil when it ran to the end.
    private static func failure(replaying transcript: String, on shell: Shell) -> ScriptError? {
        do {
            _ = try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell)
            return nil
        } catch {
            return error
        }
    }

    @Test func noKeyStopsAtTheFirstLineWithUsage() async throws {
        let transcript = try await Self.record()
        let failure = try await offPool {
            let fixture = try SimulatorFixture()
            return Self.failure(replaying: transcript, on: Self.shell(try fixture.client(), key: .none(profile: nil)))
        }
        let error = try #require(failure)
        #expect(error.exitStatus == .usage)
        let line = try #require(transcript.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasSuffix("> numbers") }) + 1
        #expect(error.message.hasPrefix("t.md:\(line): check stopped at 'numbers' (the transcript is unchanged): this command needs a Kapso project API key; "), "\(error.message)")
    }

    @Test func aRejectedKeyStopsWithNoPermission() async throws {
        let transcript = try await Self.record()
        let failure = try await offPool {
            let fixture = try SimulatorFixture()
            return Self.failure(replaying: transcript, on: Self.shell(try fixture.client(apiKey: "wrong_key_0123456789")))
        }
        let error = try #require(failure)
        #expect(error.exitStatus == .noPermission)
        #expect(error.message.contains("check stopped at 'numbers' (the transcript is unchanged): the API key was rejected by 127.0.0.1 (401); "), "\(error.message)")
        #expect(!error.message.contains("wrong_key_0123456789"), "the key is not shown")
    }

    @Test func anAPIThatIsDownStopsWithUnavailable() async throws {
        let transcript = try await Self.record()
        let failure = try await offPool {
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let client = KapsoClient(baseURL: "http://127.0.0.1:1", apiKey: Secret("test_key_0123456789"), transport: transport)
            return Self.failure(replaying: transcript, on: Self.shell(client))
        }
        let error = try #require(failure)
        #expect(error.exitStatus == .unavailable)
        #expect(error.message.contains("(the transcript is unchanged): cannot connect to 127.0.0.1:1"), "\(error.message)")
    }

    @Test func anAPIAnswering500StopsWithUnavailable() async throws {
        let transcript = try await Self.record()
        let failure = try await offPool {
            let fixture = try SimulatorFixture()
            try fixture.setFaults("500")
            return Self.failure(replaying: transcript, on: Self.shell(try fixture.client()))
        }
        let error = try #require(failure)
        #expect(error.exitStatus == .unavailable)
        #expect(error.message.contains("check stopped at 'numbers' (the transcript is unchanged): "), "\(error.message)")
    }

    /// A failure the transcript recorded (the key was rejected then too) replays as recorded: nothing to stop for.
    @Test func aRecordedSameFailureReplaysUnchanged() async throws {
        let transcript = try await withSimulator { fixture in
            let shell = Self.shell(try fixture.client(apiKey: "wrong_key_0123456789"))
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: true), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.run(line: "numbers")
            return recorder.text
        }
        #expect(transcript.contains("error: the API key was rejected"), "\(transcript)")
        let diff = try await offPool {
            let fixture = try SimulatorFixture()
            let shell = Self.shell(try fixture.client(apiKey: "wrong_key_0123456789"))
            return try TranscriptChecker(expected: transcript, path: "t.md").replay(on: shell).diff
        }
        #expect(diff.isEmpty, "\(diff)")
    }

    /// probe16 P16-13: the API a transcript was recorded against, against the one configured now.
    @Test(arguments: [
        ("127.0.0.1:47162", TranscriptHeader.APIKind.simulator, "http://127.0.0.1:47160", "127.0.0.1:47160"),
        ("127.0.0.1:47162", .simulator, "http://127.0.0.1:47162", nil),
        ("api.kapso.ai", .kapso, "https://api.kapso.ai", nil),
        ("api.kapso.ai", .kapso, "https://staging.example.test", "staging.example.test"),
        ("kapso-demo", .demo, "http://127.0.0.1:41234", nil),
        ("", nil, "https://api.kapso.ai", nil),
    ] as [(String, TranscriptHeader.APIKind?, String, String?)])
    func otherAPI(recorded: String, kind: TranscriptHeader.APIKind?, baseURL: String, now: String?) {
        let header = TranscriptHeader(time: "", profile: "default", host: recorded, kind: kind, phoneNumberID: nil)
        let other = header.otherAPI(baseURL: baseURL)
        #expect(other?.now == now)
        #expect(other.map { $0.recorded == recorded } ?? true)
    }
}
