import Foundation
import KopsTestSupport
import Testing

/// tester64b U1: a transcript whose count or `logs` page comes before other commands (`use` / `overview`) failed its
/// first check with a fresh state folder against the simulator that recorded it, the count growing by the recording's
/// calls with each check ("API calls (24h): 0 total" → "4 total" → "8 total"): the replay left out an earlier run's call
/// only once it had made the same call itself, and at `overview` it had not yet made the calls of the commands after
/// it, nor, in `use`'s case, those `overview` itself makes after reading the count.
@Suite struct U1FreshStateLaterCallsTests {
    @Test(arguments: [
        ["use 100200300400501", "overview"],
        ["use 100200300400501", "logs --errors", "overview"],
        ["use 100200300400501", "logs", "numbers"],
        ["use 100200300400501", "messages --all --output json", "overview --output json"],
    ])
    func checksCleanEachTimeWithAFreshStateFolder(lines: [String]) async throws {
        let run = try await FreshStateChecks.run(script: lines.joined(separator: "\n") + "\n", checks: 3)
        #expect(run.transcript.contains("> " + lines[lines.count - 1]), "\(run.recorded.stderr)")
        for (index, check) in run.checks.enumerated() {
            #expect(check.status == 0, "check \(index + 1): \(check.stdout)\(check.stderr)")
            #expect(check.stderr.contains("output unchanged"), "check \(index + 1): \(check.stdout)\(check.stderr)")
        }
    }

    /// A check that left reads out for being earlier runs' says so: it cannot tell another client's reads with the key.
    @Test func theCheckNamesTheReadsItTookForEarlierRuns() async throws {
        let run = try await FreshStateChecks.run(script: "use 100200300400501\noverview\n", checks: 2)
        let check = try #require(run.checks.last)
        #expect(check.stderr.contains("successful reads with this API key"), "\(check.stderr)")
    }

    /// tester65 V1: another client's failures with kops's key to a path the replay read (and was answered 200) are the
    /// project's new failures: the check shows them (it said "output unchanged" over ten 400s).
    @Test func anotherClientsFailuresOnAPathTheReplayReadStillShow() async throws {
        let run = try await FreshStateChecks.run(script: "use 100200300400501\noverview\n", checks: 1) { simulator in
            try FreshStateChecks.curlGET(simulator, "/platform/v1/whatsapp/phone_numbers?page=-1", times: 3)
        }
        let check = try #require(run.checks.first)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("+API calls (24h):"), "\(check.stdout)")
    }

    /// tester65 V6: on a project with an empty log, `logs` then `numbers` never checked clean: the replay's first call was
    /// its read of the log, so it had not yet learned that the simulator's clock is behind the recording's, and the
    /// recording's calls were listed ("no API calls match in this period" became 2 rows).
    @Test func aFirstLogsPageOnAnEmptyProjectChecksClean() async throws {
        let run = try await FreshStateChecks.run(script: "logs\nnumbers\n", checks: 3, seed: "empty")
        #expect(run.transcript.contains("no API calls match in this period"), "\(run.transcript)")
        for (index, check) in run.checks.enumerated() {
            #expect(check.status == 0, "check \(index + 1): \(check.stdout)\(check.stderr)")
        }
    }
}
