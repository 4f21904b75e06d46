import KopsTestSupport
import Testing

/// tester69b D7: on a stale record (Kapso's record BANNED or DISCONNECTED, the health report naming no such state) the
/// inbound verdict said "a reply from this number fails now" before any health read and "free-form replies go through"
/// after `health` or `reply --dry-run`, while `health` said "blocking" and `reply` "the send may go". One session, one
/// hedged reading in every order: the record's state "may" refuse a reply, as `use` says it ("if so").
@Suite struct D7StaleRecordOneReadingTests: PrintedLines {
    static let banned = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBRBVjEzQjBDMUQyRTNGNEE1QjZDNwA="
    static let inbound = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBK11AAAAAAAAAAAAAAAAAAAA="

    @Test(arguments: [
        ["use 100200300400501", "trace \(banned)"],
        ["use 100200300400501", "reply hi --to +14155550171 --dry-run", "trace \(banned)"],
        ["use 100200300400501", "health", "trace \(banned)"],
    ])
    func d7ABannedRecordReadsTheSameInEveryOrder(_ commands: [String]) async throws {
        let runs = try await runDemo(
            ["set on_error continue"] + commands, number: "100200300400501", seed: TestSeeds.file("ak14-banned-record.seed.json"), width: 3000)
        let verdict = Self.line("verdict:", in: runs.last?.out ?? "")
        #expect(verdict.contains("more, but a reply from this number may fail: Kapso's record says Support Line is BANNED"), "\(verdict)")
        #expect(!verdict.contains("free-form replies go through"), "\(verdict)")
        #expect(!verdict.contains("fails now"), "\(verdict)")
    }

    /// `trace` reads the number's health as `reply` does (tester70b G7): the record is said beside that read, never alone
    /// (before: "Kapso's record says Support Line is BANNED (health not read): if so, …").
    @Test func d7TheRecordIsSaidBesideTheHealthTraceReads() async throws {
        let runs = try await runDemo(
            ["use 100200300400501", "trace \(Self.banned)"], number: "100200300400501", seed: TestSeeds.file("ak14-banned-record.seed.json"),
            width: 3000)
        let verdict = Self.line("verdict:", in: runs[1].out)
        #expect(verdict.contains("Kapso's record says Support Line is BANNED, but its health shows no such state"), "\(verdict)")
    }

    /// After a health read that names no state, the verdict keeps health's caveat, and `reply` says the same line.
    @Test func d7AfterHealthTheCaveatStaysAndReplySaysIt() async throws {
        let runs = try await runDemo(
            ["set on_error continue", "use 100200300400501", "health", "reply hi --to +14155550171 --dry-run", "trace \(Self.banned)"],
            number: "100200300400501", seed: TestSeeds.file("ak14-banned-record.seed.json"), width: 3000)
        let said = "Kapso's record says Support Line is BANNED, but its health shows no such state"
        #expect(Self.line("verdict:", in: runs[4].out).contains(said), "\(runs[4].out)")
        #expect(Self.line("verdict:", in: runs[4].out).contains("if the record holds, a send from it fails"), "\(runs[4].out)")
        #expect((runs[3].out + runs[3].err).contains(said), "\(runs[3].out)\(runs[3].err)")
    }

    /// A DISCONNECTED record a healthy read contradicts: hedged before and after `health` (tester's stale-disc seed).
    @Test(arguments: [["use 100200300400501"], ["use 100200300400501", "health"]])
    func d7ADisconnectedRecordHealthContradicts(_ before: [String]) async throws {
        let runs = try await runDemo(
            ["set on_error continue"] + before + ["trace \(Self.inbound)"], number: "100200300400501",
            seed: TestSeeds.file("d7-stale-disc.seed.json"), width: 3000)
        let verdict = Self.line("verdict:", in: runs.last?.out ?? "")
        #expect(verdict.contains("but a reply from this number may fail: Kapso's record says Support Line is DISCONNECTED"), "\(verdict)")
        #expect(!verdict.contains("go through"), "\(verdict)")
    }
}
