import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester58 AD5 (AC5's kind): a `reply` declined at its `[y/N]` when recorded was sent to the contact by `kops check
/// --allow-writes` (and by any check on the demo) once an editor or ticket system had touched its `not sent` line: a
/// no-break space, a zero-width space, a full stop, a capital, an indent, a double space, or the line deleted. What a
/// block does not show was done is never done by a replay: such a write is kept as recorded and named as not sent.
@Suite struct AD5EditedDeclineTests {
    static let variants = [
        "not sent\u{A0}", "not\u{A0}sent", "Not sent", "not sent.", "not sent\u{200B}", " not sent", "not  sent", "",
        "(not sent)",
    ]

    /// The recorded transcript with its declined outcome line `old` replaced by `new`, replayed with `--allow-writes`
    /// on a fresh demo simulator: the outcome and how many webhook deliveries the replay caused (a send causes them).
    private func replayed(_ lines: [String], outcome old: String, as new: String) async throws -> (TranscriptChecker.Outcome, Int) {
        let (recorded, restore) = try await AB2DeclinedWriteReplayTests.record(lines, answer: false)
        let transcript = recorded.replacingOccurrences(of: "\n\(old)\n", with: new.isEmpty ? "\n" : "\n\(new)\n")
        #expect(transcript != recorded, "\(recorded)")
        return try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            let before = fixture.counters().deliveries
            let outcome = try TranscriptChecker(expected: transcript, path: "t.md", restore: restore).replay(on: shell, allowWrites: true)
            return (outcome, fixture.counters().deliveries - before)
        }
    }

    @Test(arguments: variants)
    func aDeclinedReplyWhoseOutcomeLineWasEditedIsNotSent(_ edited: String) async throws {
        let (outcome, deliveries) = try await replayed(["message \(Demo.danaInbound)", "reply Hello there"], outcome: "not sent", as: edited)
        #expect(deliveries == 0, "nothing may be sent: \(outcome.diff.joined(separator: "\n"))")
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        #expect(outcome.writesNotSent.count == 1, "\(outcome.writesNotSent)")
        #expect(outcome.writesNotSent.first?.reason.contains("check does not send it") == true, "\(outcome.writesNotSent)")
    }

    /// tester58b AE1: a declined block that also holds a line saying it was sent (two copies merged, a note pasted under
    /// it) is declined: never sent.
    @Test func aDeclinedReplyWithASentLineAddedIsNotSent() async throws {
        let (outcome, deliveries) = try await replayed(
            ["message \(Demo.danaInbound)", "reply Hello there"], outcome: "not sent",
            as: "not sent\nsent <message 2> to <contact 1> (1415•••0142)")
        #expect(deliveries == 0, "nothing may be sent: \(outcome.diff.joined(separator: "\n"))")
        #expect(outcome.writesNotSent.first?.reason.contains("declined when recorded") == true, "\(outcome.writesNotSent)")
    }

    @Test func aDeclinedUpdateWhoseOutcomeLineWasCapitalisedIsNotSent() async throws {
        let (recorded, _) = try await AB2DeclinedWriteReplayTests.record(
            ["webhooks update \(AB2DeclinedWriteReplayTests.webhook) --events whatsapp.message.received"], answer: false)
        let old = try #require(recorded.split(separator: "\n").first { $0.hasPrefix("not updated; ") }, "\(recorded)")
        let (outcome, _) = try await replayed(
            ["webhooks update \(AB2DeclinedWriteReplayTests.webhook) --events whatsapp.message.received"],
            outcome: String(old), as: "N" + old.dropFirst())
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
        #expect(outcome.writesNotSent.count == 1, "\(outcome.writesNotSent)")
    }

    /// A reply answered `y` still shows it was sent, and is sent again with `--allow-writes` as before.
    @Test func anAcceptedReplyIsStillSentAgainWithAllowWrites() async throws {
        let (transcript, restore) = try await AB2DeclinedWriteReplayTests.record(["message \(Demo.danaInbound)", "reply Hello there"], answer: true)
        let (outcome, deliveries) = try await withSimulator { fixture in
            let (shell, _) = try fixture.shell(phoneNumberID: Demo.support)
            let before = fixture.counters().deliveries
            let outcome = try TranscriptChecker(expected: transcript, path: "t.md", restore: restore).replay(on: shell, allowWrites: true)
            return (outcome, fixture.counters().deliveries - before)
        }
        #expect(outcome.writesNotSent.isEmpty, "\(outcome.writesNotSent)")
        #expect(deliveries > 0, "the accepted reply is sent again")
    }
}
