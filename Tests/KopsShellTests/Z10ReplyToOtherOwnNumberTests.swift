import KopsShell
import Testing

/// tester56 Z10: `reply --to` the project's other number was refused as "your own … number, not a contact's", even with
/// --force, while `health` of that number asks for "a WhatsApp message to this number". Meta refuses only a message to
/// its sender (131021): the other number is a recipient like any other; the selected number itself stays refused.
@Suite struct Z10ReplyToOtherOwnNumberTests {
    @Test func theProjectsOtherNumberIsARecipient() async throws {
        let run = try await runShell(["reply --dry-run --force --to +14155550101 hi", "reply --dry-run --force --to +14155550100 hi"])
        let lines = run.err.split(separator: "\n")
        #expect(!lines.contains { $0.contains("+14155550101") && $0.contains("your own") }, "\(run.err)")
        #expect(run.statuses.first == .ok, "\(run.out)\n\(run.err)")
        #expect(run.out.contains("14155550101") || run.out.contains("415-555-0101") || run.out.contains("415•••0101"), "\(run.out)")
        // The number it sends from: refused, with why.
        #expect(run.statuses.last == .failure, "\(run.err)")
        #expect(run.err.contains("that is your own Support Line number (+1 415-555-0100), the number this sends from: WhatsApp refuses a message to its sender (131021)"), "\(run.err)")
    }
}
