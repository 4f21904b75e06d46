import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `trace`, `message`, `messages` and `errors` on the probe17 message shapes (`Tests/Seeds/message-verdicts17.seed.json`,
/// from the tester's seed2, seed15, seed16, seed20, seed26 and seed27): every command reads one rule for each kind.
@Suite struct MessageVerdictsSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("message-verdicts17.seed.json") }

    /// The seed's message with a three-character tag (the tester's gen.py `wamid`).
    static func id(_ tag: String) -> String { "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(tag)AAAAAAAAAAAAAAAAAAAA=" }

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed)
    }

    /// P17-1: 131060 on an "image" is not blamed on the type, in `message`, `trace` and `errors`; 131051 on an image is
    /// "a kind of image the Cloud API does not deliver".
    @Test func anUnsupportedMessageIsReadByItsCode() async throws {
        let runs = try await run(["message \(Self.id("U01"))", "trace \(Self.id("U01"))", "errors --flat", "message \(Self.id("U02"))"])
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        for text in runs[0...2].map(\.out) {
            #expect(!text.contains("does not deliver this type"), "\(text)")
            #expect(!text.contains("the contact sent an \"image\" message"), "\(text)")
        }
        #expect(runs[0].out.contains("verdict:      received with error 131060 (message currently unavailable): WhatsApp reports the message"), "\(runs[0].out)")
        #expect(runs[1].out.contains("verdict: received with error 131060 (message currently unavailable): WhatsApp reports"), "\(runs[1].out)")
        #expect(!runs[1].out.contains("is not in kops's catalogue"), "\(runs[1].out)")
        #expect(runs[2].out.contains("currently unavailable, which says nothing against its type"), "\(runs[2].out)")
        #expect(runs[3].out.contains("the contact sent a kind of image the Cloud API does not deliver"), "\(runs[3].out)")
    }

    /// P17-17: Kapso `read` over a history sent → failed 131026, and the mirror (Kapso `failed` over sent → delivered →
    /// read), get the same uncertain verdict, timeline note, STATUS column and `errors` entry.
    @Test func kapsoAndTheHistoryDisagreeingIsUncertainEverywhere() async throws {
        let runs = try await run([
            "trace \(Self.id("C02"))", "trace \(Self.id("C01"))", "messages", "errors --flat", "message \(Self.id("C02"))",
            "message \(Self.id("C01"))",
        ])
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        #expect(runs[0].out.contains(
            "  Kapso's status is read, but the status history records failed 131026 at 2026-11-21T09:01:01Z (1 s after sending) and no delivered, read or played"),
            "\(runs[0].out)")
        #expect(runs[0].out.contains(
            "verdict: Kapso's status is read, but the status history records failed 131026 at 2026-11-21T09:01:01Z (1 s after sending) and no "
                + "delivered, read or played: whether the contact has it is uncertain; ask them before any resend"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("verdict: failed"), "\(runs[0].out)")
        #expect(runs[1].out.contains("  Kapso's status is failed, but the status history records read at 2026-11-21T09:00:05Z (5 s after sending) and no failure"),
            "\(runs[1].out)")
        #expect(runs[1].out.contains("and no failure: whether the contact has it is uncertain; ask them before any resend"), "\(runs[1].out)")
        let rows = runs[2].out.split(separator: "\n")
        #expect(rows.first { $0.contains(Self.id("C02")) }?.contains("read/failed 131026") == true, "\(runs[2].out)")
        #expect(rows.first { $0.contains(Self.id("C01")) }?.contains("failed/read") == true, "\(runs[2].out)")
        #expect(runs[3].out.contains("message to 14155550171 (text, Kapso's status read)"), "\(runs[3].out)")
        #expect(runs[3].out.contains("failed (Kapso's status only)"), "\(runs[3].out)")
        #expect(!runs[3].out.contains("the failed status has no errors[] entry"), "\(runs[3].out)")
        #expect(runs[4].out.contains("verdict:      Kapso's status is read, but the status history records failed 131026"), "\(runs[4].out)")
        #expect(runs[5].out.contains("verdict:      Kapso's status is failed, but the status history records read"), "\(runs[5].out)")
    }

    /// P17-8: messages without a readable `kapso.direction` (N01 missing, N10 "sideways"; both with `from` and status
    /// `received`) are inbound in `messages`, `message` and `trace`, with no invented send and no "unknown status".
    @Test func aMissingDirectionIsReadFromTheMessage() async throws {
        let runs = try await run(["messages --limit 40", "trace \(Self.id("N01"))", "message \(Self.id("N10"))"])
        for run in runs { #expect(run.status == 0, "\(run.err)") }
        for tag in ["N01", "N10"] {
            let row = runs[0].out.split(separator: "\n").first { $0.contains(Self.id(tag)) } ?? ""
            #expect(row.contains(" in "), "\(tag): \(runs[0].out)")
        }
        #expect(runs[1].out.contains("direction:    inbound text from Contact A (14155550171) (kapso.direction is missing; read as inbound:"),
            "\(runs[1].out)")
        #expect(!runs[1].out.contains("sent from the inbox or another project?"), "\(runs[1].out)")
        #expect(!runs[1].out.contains("not one kops knows"), "\(runs[1].out)")
        #expect(runs[1].out.contains("verdict: received"), "\(runs[1].out)")
        #expect(runs[2].out.contains("direction:    inbound (kapso.direction is \"sideways\", neither inbound nor outbound; read as inbound:"),
            "\(runs[2].out)")
    }

    /// P17-16: a message at `sent` for 31 days will not arrive, whatever reached the contact after those 30 days; one at
    /// `sent` for 3 h with a later send delivered is no offline phone (P39-1).
    @Test func pastTheTimeToLiveTheVerdictSaysItWillNotArrive() async throws {
        let runs = try await run(["trace \(Self.id("A04"))", "trace \(Self.id("A02"))"])
        #expect(runs[0].out.contains("verdict: sent 31 d ago and never delivered:"), "\(runs[0].out)")
        #expect(runs[0].out.contains("so it will not arrive"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("may be offline"), "\(runs[0].out)")
        // A02 (3 h ago) has a later send to the same contact delivered 2 h after it (D01), within Meta's 30 days: the
        // phone was online since, so not "may be offline" (P39-1); A04's later deliveries came after its 30 days.
        #expect(runs[1].out.contains("verdict: sent, and no delivery report reached Kapso, yet a later message to the same contact"), "\(runs[1].out)")
        #expect(!runs[1].out.contains("may be offline"), "\(runs[1].out)")
    }

    /// P17-15: a string quantity is read; missing titles are said missing, in `messages` and `message`.
    @Test func numbersAsStringsAreReadAndMissingTitlesSaid() async throws {
        let runs = try await run(["messages --limit 40", "message \(Self.id("R08"))"])
        #expect(runs[1].out.contains("content:      order of 3 items (1 product), 29.97 USD from catalog c1"), "\(runs[1].out)")
        #expect(!runs[0].out.contains("\"?\""), "\(runs[0].out)")
        #expect(runs[0].out.contains("chose button ('button_reply' has no 'title') (id b)"), "\(runs[0].out)")
    }

    /// P17-9: D01 and D02 went to one contact in one second; one `sent` delivery failed. Neither trace calls it its own.
    @Test func aFailedDeliveryOfEitherOfTwoSendsIsNotAssertedForOne() async throws {
        let runs = try await run(["trace \(Self.id("D01"))", "trace \(Self.id("D02"))"])
        for run in runs {
            // Hints go to standard error.
            let all = run.out + run.err
            #expect(run.status == 0, "\(run.err)")
            #expect(all.contains("these may belong to another message"), "\(all)")
            #expect(!all.contains("of this message failed"), "\(all)")
            #expect(all.contains("1 failed webhook delivery at that time may be this message's or another message's"), "\(all)")
        }
    }
}
