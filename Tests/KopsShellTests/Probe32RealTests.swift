import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// The probe32 findings on contacts who changed number (P32-2), built into `Tests/Seeds/probe32-moves.seed.json`: Rosa
/// A→B→A and writes from A again; Moe's notice A→B and later messages from A; Ned A→B→A with nothing from A since; a
/// 131026 after a notice on a message read 10 s later (Quinn), and one after which the contact wrote from the old number
/// (Pat). The demo's clock is 2026-11-21T12:00:00Z; every move is between 10:00 and 11:00.
@Suite struct Probe32RealTests {
    static let seed = Probe28RealTests.seed("probe32-moves")

    /// P32-2: A→B then B→A and a message from A: `whois A` says nothing of "no longer theirs", and `whois B` sends the user
    /// to A without "they have not written from it" (kops did not read A's messages there).
    @Test func aContactBackOnTheirFirstNumberIsNotSentRoundInACircle() async throws {
        let runs = try await runDemo(["whois 14155553201", "whois 14155553202"], number: "100200300400501", seed: Self.seed)
        #expect(runs[0].status == 0, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[0].out.contains("+14155553201 is the contact Rosa"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("no longer theirs"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("reply --to +14155553202"), "\(runs[0].out)")
        #expect(runs[1].out.contains("they changed their number to +14155553201 at 2026-11-21T10:30:00Z"), "\(runs[1].out)")
        #expect(!runs[1].out.contains("then to +14155553202"), "\(runs[1].out)")
        #expect(!runs[1].out.contains("have not written from it"), "\(runs[1].out)")
    }

    /// P32-2: a notice A→B followed by messages from A: A is still theirs (`whois`, `reply`).
    @Test func aLaterMessageFromTheOldNumberSupersedesTheNotice() async throws {
        let runs = try await runDemo(
            ["whois 14155553301", "reply --to +14155553301 --dry-run hi"], number: "100200300400501", seed: Self.seed)
        #expect(!runs[0].out.contains("no longer theirs"), "\(runs[0].out)")
        #expect(runs[1].status == 0, "\(runs[1].out)\(runs[1].err)")
        #expect(!(runs[1].out + runs[1].err).contains("changed their number"), "\(runs[1].out)\(runs[1].err)")
    }

    /// P32-2: A→B→A with nothing written from A since: `reply --to A` follows the chain back to A, so no move stands
    /// (never "write to +A" while looking at A); `whois B` sends to A, whose records it reads since probe33: nothing
    /// written from A since the move back, so a template first.
    @Test func aChainBackToTheNumberLookedAtLeavesItTheirs() async throws {
        let runs = try await runDemo(
            ["reply --to +14155553401 --dry-run hi", "whois 14155553402"], number: "100200300400501", seed: Self.seed)
        let reply = runs[0].out + runs[0].err
        #expect(runs[0].status == 0, "\(reply)")
        #expect(!reply.contains("changed their number"), "\(reply)")
        #expect(runs[1].out.contains("reply --to +14155553401 writes to them now (a template first, as they have not written from it since the move)"), "\(runs[1].out)")
    }

    /// P32-2: a 131026 sent after a notice is not blamed on the move when the message was read 10 s later, or when the
    /// contact wrote from the old number afterwards (`errors`, `trace`).
    @Test func aSendThatReachedTheOldNumberIsNotBlamedOnTheMove() async throws {
        let runs = try await runDemo(
            ["errors --output expanded", "trace wamid.HBgLMTQxNTU1NTM1MDEVAgASGBQBP15AAAAAAAAAAAAAAAAAAAA=",
             "trace wamid.HBgLMTQxNTU1NTM2MDEVAgASGBQBP18AAAAAAAAAAAAAAAAAAAA="],
            number: "100200300400501", seed: Self.seed)
        #expect(runs[0].out.contains("131026"), "\(runs[0].out)")
        #expect(runs[1].out.contains("131026") && runs[2].out.contains("131026"), "\(runs[1].out)\(runs[2].out)")
        for run in runs {
            #expect(!run.out.contains("most likely no longer theirs"), "\(run.out)")
            #expect(!run.out.contains("do not retry to +141555535"), "\(run.out)")
            #expect(!run.out.contains("do not retry to +141555536"), "\(run.out)")
        }
    }

    /// P32-4: a free-form send refused with 131047 8 min after the contact wrote, and the contact wrote again since:
    /// `trace` and `errors` give one reading (the window kops sees was open; a template still goes through), neither says
    /// "send it again as is", and `trace` does not state "the contact last wrote more than 24 hours ago" as fact.
    @Test func aRefusalInsideTheWindowKopsSawIsReadAlikeEverywhere() async throws {
        let id = "wamid.HBgLMTQxNTU1NTM3MDEVAgASGBQBP21AAAAAAAAAAAAAAAAAAAA="
        let runs = try await runDemo(["trace \(id)", "errors --output expanded"], number: "100200300400501", seed: Self.seed)
        let trace = runs[0].out
        #expect(trace.contains("131047"), "\(trace)")
        #expect(!trace.contains("the contact last wrote more than 24 hours ago"), "\(trace)")
        #expect(!trace.contains("send it again as is"), "\(trace)")
        #expect(trace.contains("yet the contact's last inbound here was 8 min before the send"), "\(trace)")
        let errors = runs[1].out
        #expect(errors.contains("131047"), "\(errors)")
        #expect(!errors.contains("send it again as is"), "\(errors)")
        #expect(errors.contains("yet the contact's last inbound here was 8 min before the send"), "\(errors)")
        #expect(errors.contains("a template still goes through"), "\(errors)")
    }
}
