import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Probe37: commands that read the same data and said different things, one of them with false confidence. Each test
/// runs two or more commands on one seeded simulator (`Tests/Seeds/probe37-agree.seed.json`: Lag Lee's sends whose Kapso
/// `status` lags their status history, Window Wu whose conversation's `last_inbound_at` says open while their messages do
/// not, a health report `unhealthy` over passed checks) and checks they say one thing in the same words.
@Suite struct Probe37AgreementTests: PrintedLines {
    static func seed() -> SimulatorSeed { TestSeeds.file("probe37-agree.seed.json") }

    static func id(_ tag: String) -> String { "wamid.HBgLMTQxNTU1NTAxODEVAgASGBQ\(tag)AAAAAAAAAAAAAAAAA=" }

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed())
    }

    /// P37-2: Kapso's `status` says sent (L02) or delivered (L03) while the history records Meta's read: `messages`,
    /// `message` and `trace` all say read, and name Kapso's lagging field beside it (before: `messages` said sent and
    /// `trace` read).
    @Test func aLaggingStatusFieldIsReadAlikeByMessagesMessageAndTrace() async throws {
        let runs = try await run(["messages", "message \(Self.id("L02"))", "trace \(Self.id("L02"))", "message \(Self.id("L03"))"])
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        let lagSent = "read (Kapso's status field still says sent)"
        let lagDelivered = "read (Kapso's status field still says delivered)"
        let row = runs[0].out.split(separator: "\n").first { $0.contains("Let me check") }.map(String.init) ?? ""
        #expect(row.contains(lagSent), "\(runs[0].out)")
        let other = runs[0].out.split(separator: "\n").first { $0.contains("It arrives tomorrow") }.map(String.init) ?? ""
        #expect(other.contains(lagDelivered), "\(runs[0].out)")
        #expect(Self.line("status:", in: runs[1].out).hasSuffix(lagSent), "\(runs[1].out)")
        #expect(Self.line("status:", in: runs[3].out).hasSuffix(lagDelivered), "\(runs[3].out)")
        let verdict = Self.line("verdict:", in: runs[2].out)
        #expect(verdict.hasPrefix("verdict: read") && verdict.contains("(Kapso's status field still says sent)"), "\(runs[2].out)")
        #expect(runs[2].out.contains("  Kapso's status field still says sent, but its status history records read at 2026-11-21T11:10:30Z"), "\(runs[2].out)")
    }

    /// P37-4: Window Wu's conversation says they wrote at 10:00 (open), while their only message is 30 h old: the list,
    /// `conversation ID`, `trace` of their message and `reply --dry-run` all say open by Kapso's summary alone, unconfirmed,
    /// in the same words (before: the list "open …?", `reply` certain, `trace` "closed now").
    @Test func aWindowOnlyKapsosSummaryShowsIsUnconfirmedEverywhere() async throws {
        let runs = try await run([
            "conversations", "conversation 0a1b2c3d-0000-4000-8000-000000000182", "trace \(Self.id("W01"))",
            "reply --to +14155550182 --dry-run hello",
        ])
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        let unsure = "open until 2026-11-22T10:00:00Z (22 h left) by Kapso's last_inbound_at 2026-11-21T10:00:00Z alone, unconfirmed: "
            + "the inbound messages read hold none the contact wrote since 2026-11-20T12:00:00Z (the newest they wrote is "
            + "2026-11-20T06:00:00Z); kops cannot tell which is right"
        let row = runs[0].out.split(separator: "\n").first { $0.contains("14155550182") }.map(String.init) ?? ""
        #expect(row.hasSuffix("open, 22 h left?"), "\(runs[0].out)")
        #expect(runs[0].err.contains("open …?: Kapso's last_inbound_at alone says open, and the inbound messages read hold none the contact "
            + "wrote since 2026-11-20T12:00:00Z (the newest they wrote is 2026-11-20T06:00:00Z), so kops cannot tell which is right"),
            "\(runs[0].out)\(runs[0].err)")
        #expect(Self.line("window:", in: runs[1].out).contains(unsure), "\(runs[1].out)")
        #expect(Self.line("window:", in: runs[2].out).contains(unsure), "\(runs[2].out)")
        #expect(!runs[2].out.contains("closed now"), "\(runs[2].out)")
        #expect(Self.line("verdict:", in: runs[2].out).contains(unsure), "\(runs[2].out)")
        #expect((runs[3].out + runs[3].err).contains(unsure), "\(runs[3].out)\(runs[3].err)")
    }

    /// P37-4, the messages agree: Lag Lee wrote at 11:00, so every view states the window open without a mark.
    @Test func aWindowTheMessagesShowIsStatedPlainlyEverywhere() async throws {
        let runs = try await run(["conversations", "conversation 0a1b2c3d-0000-4000-8000-000000000181"])
        let row = runs[0].out.split(separator: "\n").first { $0.contains("14155550181") }.map(String.init) ?? ""
        #expect(row.hasSuffix("open, 23 h left"), "\(runs[0].out)")
        #expect(Self.line("window:", in: runs[1].out).contains("open until 2026-11-22T11:00:00Z (23 h left)"), "\(runs[1].out)")
        #expect(!runs[1].out.contains("unconfirmed"), "\(runs[1].out)")
    }

    /// P37-16: Kapso says unhealthy and every listed check passed: `health` says so and what to check next, and
    /// `overview`'s headline says the same (before: "unhealthy" above a table of passes).
    @Test func unhealthyOverPassedChecksIsSaidAsSuch() async throws {
        let runs = try await run(["health", "overview"])
        let health = runs[0].out
        #expect(runs[0].status == 1)
        #expect(health.hasPrefix("100200300400501: unhealthy by Kapso, but every check it lists passed (checked 2026-11-21T12:00:00Z) (below)"), "\(health)")
        #expect(health.contains("unexplained: Kapso's overall status is unhealthy"), "\(health)")
        #expect(health.contains("Kapso's overall status disagrees with every check it lists, so kops cannot name the cause"), "\(health)")
        #expect(health.contains("  next:  run 'health' again in 3 min"), "\(health)")
        let row = runs[1].out.split(separator: "\n").first { $0.hasPrefix("100200300400501") }.map(String.init) ?? ""
        #expect(row.contains("unhealthy by Kapso, but every check it lists passed"), "\(runs[1].out)")
    }

    /// After Contact A moved 14155550171 → 14155550173, H22 (sent to the old number, read): `message` reads the move as
    /// `trace` does, in the same verdict, never "read by the contact".
    @Test func messageReadsTheMoveAsTraceDoes() async throws {
        let runs = try await runCases(["message \(caseID("H22"))", "trace \(caseID("H22"))"])
        // `message` pads its field labels, `trace` does not: the verdicts are compared after the label.
        let verdicts = runs.map { Self.line("verdict:", in: $0.out).dropFirst("verdict:".count).trimmingCharacters(in: .whitespaces) }
        let hedged = "read 5 s after sending, by whoever holds +14155550171, not necessarily the contact: "
        for (run, verdict) in zip(runs, verdicts) {
            #expect(verdict.hasPrefix(hedged) && verdict.contains(MovedNumberAgreementTests.laterRead), "\(run.out)")
            #expect(!run.out.contains("read by the contact"), "\(run.out)")
        }
        #expect(verdicts[0] == verdicts[1])
    }
}
