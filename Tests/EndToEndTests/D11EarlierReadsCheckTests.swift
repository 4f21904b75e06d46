import Foundation
import KopsTestSupport
import Testing

/// tester69b D11: `use NUMBER; record F; trace WAMID; record stop` on a DISCONNECTED number (or `health` of a
/// messaging-BLOCKED one, or `numbers`, before `record`) failed `check F` on unchanged data: the trace's verdict weighed
/// the number's record and health the session read before the recording, the replay had neither, and `check --update`
/// offered "free-form replies go through" over "but a reply from this number fails now". The header now names those
/// reads and the replay makes them again; a change in the data since still fails.
@Suite struct D11EarlierReadsCheckTests {
    static let inbound = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBK11AAAAAAAAAAAAAAAAAAAA="
    static let disconnected = TestSeeds.path("c1-disconnected.seed.json")
    static let blocked = TestSeeds.path("c1-messaging-blocked.seed.json")
    /// The verdict's clause on a number the session read as unable to send: "may fail" on Kapso's record alone, "fails now"
    /// once its health says so (tester69b D7).
    static let warning = "but a reply from this number"

    static func session(before: [String]) -> [String] {
        ["set on_error continue"] + before + ["record FILE", "trace \(inbound)", "record stop"]
    }

    @Test(arguments: [
        (["use 100200300400501"], "- numbers read: all"),
        (["numbers"], "- numbers read: all"),
    ])
    func aTraceAfterTheNumbersRecordChecksClean(before: [String], line: String) async throws {
        let run = try await PreRecordSessions.run(Self.session(before: before), seed: Self.disconnected)
        // `trace` reads the number's health as `reply` does (tester70b G7), which confirms the record: certain (before,
        // "may fail: Kapso's record says Support Line is DISCONNECTED", the record alone).
        #expect(run.transcript.contains("\(Self.warning) fails now: Support Line is DISCONNECTED now (health: "), "\(run.said)")
        #expect(run.transcript.contains(line + "\n"), "\(run.transcript)")
        #expect(run.check.status == 0 && run.check.stderr.contains("output unchanged"), "\(run.said)")
        #expect(run.updated == run.transcript, "\(run.said)")
    }

    @Test func aTraceAfterAHealthReadChecksClean() async throws {
        let run = try await PreRecordSessions.run(
            Self.session(before: ["use 100200300400501", "health"]), seed: Self.blocked)
        #expect(run.transcript.contains("\(Self.warning) fails now: Support Line's health (checked"), "\(run.said)")
        #expect(run.transcript.contains("- health read: 100200300400501 ('health', checked 2026-11-21T12:00:00Z)\n"), "\(run.transcript)")
        #expect(run.check.status == 0 && run.check.stderr.contains("output unchanged"), "\(run.said)")
        #expect(!run.updated.contains("free-form replies go through"), "\(run.said)")
    }

    /// The data changed since: the number is CONNECTED with messaging BLOCKED now (no health read), or the health read
    /// before says DISCONNECTED now: the verdict differs and the check says so.
    @Test(arguments: [
        (["use 100200300400501"], disconnected, blocked),
        (["use 100200300400501", "health"], blocked, disconnected),
    ])
    func aChangeInTheDataStillFails(before: [String], seed: String, later: String) async throws {
        let run = try await PreRecordSessions.run(Self.session(before: before), seed: seed, checkSeed: later)
        #expect(run.transcript.contains(Self.warning), "\(run.said)")
        #expect(run.check.status == 1 && run.check.stdout.contains("-verdict: "), "\(run.said)")
    }
}
