import KopsTestSupport
import Testing

/// `trace` and `reply` through the built `kops` against the built `kapso-sim`, as a user runs them.
@Suite struct MessagingBinaryTests {
    private static let leeFailedReply = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
    private static let leeConversation = "e5a6c7d8-4f5b-4c6d-8e7f-901234567890"

    private func kops(_ commands: String, allowWrites: Bool = false) async throws -> (result: ProcessResult, key: String) {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let result = try ProcessRunner.run(
                "kops", ["-c", commands] + (allowWrites ? ["--allow-writes"] : []),
                environment: ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey], stdin: "")
            return (result, simulator.apiKey)
        }
    }

    @Test func tracesTheFailedInboxReplyToItsVerdict() async throws {
        let (result, _) = try await kops("trace \(Self.leeFailedReply)")
        #expect(result.stdout.contains("2026-11-20T09:15:02Z  failed  +2 s   131047 re-engagement (24 h window closed)\n"))
        #expect(result.stdout.hasSuffix("verdict: failed: 131047, the 24-hour window closed 2 h before the send; send an approved template with 'reply --template NAME'\n"))
        #expect(result.status == 0)
    }

    @Test func replyOutsideTheWindowIsRefusedWithOneLineAndStatusOne() async throws {
        let (result, _) = try await kops("conversation \(Self.leeConversation); reply Your part is ready", allowWrites: true)
        #expect(result.stderr.hasPrefix("-c:2: error: reply: the 24-hour window with Lee Park (14155550157) closed at 2026-11-20T07:15:00Z"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.status == 1)
    }

    @Test func dryRunNeverPrintsTheKey() async throws {
        let (result, key) = try await kops("use 100200300400501; reply --to +14155550142 --dry-run Hello")
        #expect(result.stdout.contains("X-API-Key: <redacted>\n"))
        #expect(!result.stdout.contains(key) && !result.stderr.contains(key))
        #expect(result.stderr.hasSuffix("dry run: nothing sent\n"))
        #expect(result.status == 0)
    }

    @Test func malformedMessageIDIsAUsageError() async throws {
        let (result, _) = try await kops("trace 12345")
        #expect(result.stderr == "-c:1: error: trace: invalid message id '12345'; expected a WAMID starting with 'wamid.'\n")
        #expect(result.status == 64)
    }
}
