import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Verdicts probe35 found wrong and confident, each on the tester's own seed (`/tmp/p35/reproN`, copied to
/// `Tests/Seeds/probe35-*.seed.json`; message-shapes.seed.json with its messages, health or numbers edited).
@Suite struct Probe35VerdictTests {
    static func seed(_ name: String) -> SimulatorSeed { Probe28RealTests.seed("probe35-\(name)") }

    /// P35-7: Joao wrote from 551187654321, then Meta's `user_changed_number` named 5511987654321 (the same mobile with
    /// Brazil's ninth digit): a reply to the new number, or to the old form, is no send to "the old number"; and a
    /// notice whose new number is the sender's own (A→A) moves nobody.
    @Test func aReplyToTheNumberTheContactMovedToIsNotRefused() async throws {
        let brazil = try await runDemo(
            ["reply --to 5511987654321 --dry-run oi", "reply --to 551187654321 --dry-run oi"], number: "100200300400501",
            seed: Self.seed("brazil-move"))
        let same = try await runDemo(["reply --to 14155550171 --dry-run hello"], number: "100200300400501", seed: Self.seed("self-move"))
        for run in brazil + same {
            let text = run.out + run.err
            #expect(run.status == 0, "\(text)")
            #expect(!text.contains("changed their number to"), "\(text)")
            #expect(!text.contains("to the old number"), "\(text)")
        }
        #expect(brazil[0].out.contains("\"to\": \"5511987654321\""), "\(brazil[0].out)")
    }

    /// P35-7: `whois` of either number names no move, and the notice itself is read as no move.
    @Test func aNoticeNamingTheSendersOwnNumberIsNoMove() async throws {
        let runs = try await runDemo(
            ["whois 5511987654321", "whois 551187654321", "trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBP02AAAAAAAAAAAAAAAAAAAA="],
            number: "100200300400501", seed: Self.seed("brazil-move"))
        for run in runs.prefix(2) { #expect(!run.out.contains("no longer theirs"), "\(run.out)") }
        #expect(runs[2].out.contains("another form of the number it came from (Brazil's ninth digit"), "\(runs[2].out)")
        #expect(!runs[2].out.contains("reaches nobody"), "\(runs[2].out)")
    }

    /// P35-3: sent, failed 131026, delivered, and Kapso's status `failed` (the failure processed last), stored in order
    /// and out of order: the line under the timeline names the failure it printed, never "no failed event was recorded".
    @Test func kapsosFailedStatusOverARecordedFailureIsNotDenied() async throws {
        let id = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBP02AAAAAAAAAAAAAAAAAAAA="
        for seed in ["failed-then-delivered", "failed-then-delivered-unordered"] {
            let run = try await runDemo(["trace \(id)"], number: "100200300400501", seed: Self.seed(seed))[0]
            #expect(run.status == 0, "\(run.out)\(run.err)")
            #expect(!run.out.contains("no failed event was recorded"), "\(run.out)")
            #expect(
                run.out.contains(
                    "Kapso's status is failed, as the failed 131026 at 2026-11-21T10:10:01Z; a delivered at 2026-11-21T10:10:05Z was recorded too"),
                "\(run.out)")
        }
    }
}
