import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// The probe26 tester's seeds (`Tests/Seeds/probe26-*.seed.json`, from `/tmp/p26/gen1.py` and `gen8.py`): status times
/// ahead of the API's clock (P26-3) and a regenerated business-scoped user id (P26-4).
@Suite struct Probe26RealTests: PrintedLines {
    static func seed(_ name: String) -> SimulatorSeed { TestSeeds.file("\(name).seed.json") }

    /// Contact "Future": sent 11:50:00Z, delivered 11:50:02Z, read stamped 14:00:00Z at an API clock of 12:00:00Z.
    static let future = "wamid.HBgLMTQxNTU1NTAyMDUVAgASGBRUNU9VVAAAAAAAAAAAAAAAAAAAAA=="

    /// P26-3: a read stamped 2 h ahead of the API's clock gives no "read 2 h 10 min after sending"; trace and message say
    /// the time is ahead, as they do for an inbound message's time.
    @Test func aStatusTimeAheadOfTheClockGivesNoDelay() async throws {
        let runs = try await runDemo(["trace \(Self.future)", "message \(Self.future)"], number: "100200300400501", seed: Self.seed("probe26-s1"))
        let trace = runs[0].out
        let verdict = Self.line("verdict:", in: trace)
        #expect(!verdict.contains("2 h 10 min after sending"), "\(trace)")
        #expect(verdict.hasPrefix("verdict: read by the contact"), "\(trace)")
        #expect(verdict.contains(
            "stamped 2026-11-21T14:00:00Z, 2 h ahead of the API's clock (2026-11-21T12:00:00Z): a tool's or device's clock"), "\(trace)")
        let row = Self.line("2026-11-21T14:00:00Z", in: trace)
        #expect(!row.contains("+2 h 10 min"), "\(trace)")
        #expect(row.contains("2 h ahead of the API's clock"), "\(trace)")
        #expect(trace.contains("the read status is stamped 2026-11-21T14:00:00Z, 2 h ahead of the API's clock"), "\(trace)")
        let message = runs[1].out
        #expect(!message.contains("2 h 10 min after sending"), "\(message)")
    }

    static let oldID = "US.11112222333344445555"
    static let newID = "US.99998888777766665555"

    /// P26-4: after `user_changed_user_id`, `reply` refuses the old BSUID (dry run too) and names the new one, as it does
    /// for an old number; `whois` calls the old id the previous one.
    @Test func aReplacedBusinessScopedUserIDIsRefusedAndNamedPrevious() async throws {
        let runs = try await runDemo(
            ["reply --to \(Self.oldID) --dry-run hi", "conversation 0a1b2c3d-0000-4000-8000-0000000008e1", "reply --dry-run hi",
             "whois \(Self.oldID)", "whois \(Self.newID)", "reply --to \(Self.oldID) --force --dry-run hi"],
            number: "100200300400501", seed: Self.seed("probe26-s8"))
        let refusal = "the contact's business-scoped user id changed from \(Self.oldID) to \(Self.newID) at 2026-11-21T11:00:00Z "
            + "(user_changed_user_id): \(Self.oldID) no longer identifies them; write to \(Self.newID)"
        #expect(runs[0].status == 1, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[0].err.contains("not sent") && runs[0].err.contains(refusal), "\(runs[0].err)")
        #expect(runs[0].err.contains("or add --force to send to the old id anyway"), "\(runs[0].err)")
        #expect(runs[2].status == 1 && runs[2].err.contains(refusal), "\(runs[2].out)\(runs[2].err)")
        #expect(runs[3].out.contains(
            "\(Self.oldID) is the previous business-scoped user id of Uma (@uma), replaced by \(Self.newID) at 2026-11-21T11:00:00Z "
                + "(user_changed_user_id): it no longer identifies them"), "\(runs[3].out)")
        #expect(runs[3].out.contains("reply --to \(Self.newID) writes to them now"), "\(runs[3].out)")
        #expect(!runs[4].out.contains("previous"), "\(runs[4].out)")
        #expect(runs[4].out.contains("replaces") && runs[4].out.contains(Self.oldID), "\(runs[4].out)")
        // --force sends to the old id anyway, and the dry run says why it would be refused.
        #expect(runs[5].status == 0, "\(runs[5].err)")
        #expect(runs[5].out.contains("\"recipient\": \"\(Self.oldID)\""), "\(runs[5].out)")
        #expect((runs[5].out + runs[5].err).contains(refusal), "\(runs[5].out)\(runs[5].err)")
    }

    /// P26-4's sibling: `whois` of the number a contact gave up (user_changed_number) says so, as `reply` does.
    @Test func whoisOfAGivenUpNumberSaysSo() async throws {
        let runs = try await runDemo(["whois 14155550600"], number: "100200300400501", seed: Self.seed("probe21-mover18"))
        #expect(runs[0].out.contains(
            "they changed their number to +14155550601 at 2026-11-21T11:00:00Z (user_changed_number), so this number is no longer theirs"),
            "\(runs[0].out)")
        #expect(runs[0].out.contains("reply --to +14155550601 writes to them now"), "\(runs[0].out)")
    }

    /// P26-9: an outbound failure whose error is on the message itself (`errors`, no status): the verdict reads its code,
    /// trace calls it the sent message, and `errors` counts one failure with one cause.
    @Test func aSentMessagesOwnErrorIsItsFailuresCode() async throws {
        let id = "wamid.HBgLMTQxNTU1NTE0MDEVAgASGBRYMVRPUAAAAAAAAAAAAAAAAAAAAA=="
        let runs = try await runDemo(["message \(id)", "trace \(id)", "errors"], number: "100200300400501", seed: Self.seed("probe26-s14"))
        for text in runs[0...1].map(\.out) {
            let verdict = Self.line("verdict:", in: text)
            #expect(verdict.contains("131047"), "\(text)")
            #expect(!verdict.contains("Meta gave no error code"), "\(text)")
        }
        #expect(!runs[1].out.contains("errors on the received message"), "\(runs[1].out)")
        #expect(runs[1].out.contains("errors on the sent message"), "\(runs[1].out)")
        let rows = runs[2].out.split(separator: "\n").filter { $0.contains("Top err") || $0.contains("14155551401") }
        #expect(!runs[2].out.contains("failed, and Meta gave no error code"), "\(runs[2].out)")
        #expect(rows.count == 1, "\(runs[2].out)")
    }
}
