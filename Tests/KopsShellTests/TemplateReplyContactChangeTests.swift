import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `reply --template` refuses a contact who changed their number (`user_changed_number`) or whose business-scoped user id
/// Meta regenerated (`user_changed_user_id`) as a text reply does (`ReplyCommand.contactChanges`, probe26 P26-4): a
/// template to the old number or id reaches nobody, or whoever holds it now. The refusal comes before the template is
/// looked up; `--force` sends anyway and says why it would have been refused.
@Suite struct TemplateReplyContactChangeTests {
    static let oldID = "US.11112222333344445555"
    static let newID = "US.99998888777766665555"

    @Test func aTemplateToAReplacedBusinessScopedUserIDIsRefused() async throws {
        let runs = try await runDemo(
            ["reply --to \(Self.oldID) --template part_ready --dry-run", "conversation 0a1b2c3d-0000-4000-8000-0000000008e1",
             "reply --template part_ready --dry-run", "reply --to \(Self.oldID) --template part_ready --force --dry-run"],
            number: "100200300400501", seed: Probe26RealTests.seed("probe26-s8"))
        let refusal = "the contact's business-scoped user id changed from \(Self.oldID) to \(Self.newID) at 2026-11-21T11:00:00Z "
            + "(user_changed_user_id): \(Self.oldID) no longer identifies them; write to \(Self.newID)"
        #expect(runs[0].status == 1, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[0].err.hasPrefix("error: reply: not sent: Uma (\(Self.oldID)): " + refusal), "\(runs[0].err)")
        #expect(!runs[0].err.contains("template"), "\(runs[0].err)")
        #expect(runs[2].status == 1 && runs[2].err.hasPrefix("error: reply: not sent: Uma (@uma): " + refusal), "\(runs[2].err)")
        #expect(runs[3].status == 0, "\(runs[3].err)")
        #expect(runs[3].out.contains("\"recipient\": \"\(Self.oldID)\""), "\(runs[3].out)")
        #expect((runs[3].out + runs[3].err).contains("--force: sending although Uma (\(Self.oldID)): " + refusal), "\(runs[3].err)")
    }

    @Test func aTemplateToAGivenUpNumberIsRefused() async throws {
        let runs = try await runDemo(
            ["reply --to +14155550600 --template part_ready --dry-run"], number: "100200300400501",
            seed: Probe26RealTests.seed("probe21-mover18"))
        #expect(runs[0].status == 1, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[0].err.hasPrefix(
            "error: reply: not sent: Contact Mover (14155550600): the contact changed their number to +14155550601 at "
                + "2026-11-21T11:00:00Z (user_changed_number): a message to this number reaches nobody, or whoever holds it now"),
            "\(runs[0].err)")
    }
}
