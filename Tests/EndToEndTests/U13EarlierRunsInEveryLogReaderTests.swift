import Foundation
import KopsTestSupport
import Testing

/// tester64b U13: AO2's rule (a replay leaves the calls of earlier runs of the transcript out of a `logs` page) reached one
/// page only: after a look-up, `logs --all --errors --flat` listed every earlier run's look-up 404 as the project's
/// failure ("-49 calls" / "+53 calls"), and `logs search` listed the earlier runs' reads as another client's, each check
/// failing with a fresh state folder.
@Suite struct U13EarlierRunsInEveryLogReaderTests {
    static let mistyped = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBZZZ"

    static func run(_ reader: String) async throws -> FreshStateChecks {
        let script = ["set on_error continue", "use 100200300400501", "message \(Self.mistyped)", reader].joined(separator: "\n") + "\n"
        let run = try await FreshStateChecks.run(script: script, checks: 3)
        #expect(run.transcript.contains("> " + reader), "\(run.recorded.stderr)")
        return run
    }

    @Test(arguments: ["logs --all --errors --flat", "logs --all"])
    func theStreamChecksCleanEachTimeWithAFreshStateFolder(reader: String) async throws {
        for (index, check) in try await Self.run(reader).checks.enumerated() {
            #expect(check.status == 0, "check \(index + 1): \(check.stdout)\(check.stderr)")
            #expect(check.stderr.contains("output unchanged"), "check \(index + 1): \(check.stdout)\(check.stderr)")
        }
    }

    /// Log search's rows show each call's request id, which a replay's own calls have anew (a difference this does not
    /// settle: tester64b U2's kind): what is checked is that no earlier run's call is listed as another client's.
    @Test(arguments: ["logs search messages", "logs search --source external_api_log"])
    func logSearchListsNoEarlierRunsCallAsAnotherClients(reader: String) async throws {
        for (index, check) in try await Self.run(reader).checks.enumerated() {
            let added = check.stdout.split(separator: "\n").filter { $0.hasPrefix("+") && $0.contains("/platform/v1/whatsapp/messages") }
            #expect(!added.contains { $0.contains("api  ") && !$0.contains("(kops)") }, "check \(index + 1): \(check.stdout)")
        }
    }
}
