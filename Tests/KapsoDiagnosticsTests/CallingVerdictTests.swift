import KapsoClient
import KapsoDiagnostics
import Testing

/// probe25 P25-16: on a number with WhatsApp calling on, every verdict and fix that says a window is closed, or that only
/// a template goes through, carries `ContactWindow.callCaveat`, as `conversation` and `reply` say it; with calling off
/// they read as before.
@Suite struct CallingVerdictTests {
    static let now = WindowVerdictTests.now
    static let hour = WindowVerdictTests.hour
    static let caveat = "(calling is on for this number; kops cannot see calls)"

    @Test(arguments: [true, false])
    func aSendRefusedForAClosedWindowIsHedged(_ calls: Bool) throws {
        let sent = Self.now - 2 * Self.hour
        let message = try WindowVerdictTests.failedSend(code: "131047", sent: sent, failed: sent + 1)
        let window = ServiceWindow(lastInbound: sent - 26 * Self.hour, at: sent)
        let verdict = MessageVerdict.of(message, windowAtSend: window, now: Self.now, callsEnabled: calls)
        #expect(verdict.text.hasPrefix("failed: 131047, the 24-hour window closed 2 h before the send; send an approved template"), "\(verdict.text)")
        #expect(verdict.text.hasSuffix("'reply --template NAME'" + (calls ? " unless the contact called since the send " + Self.caveat : "")), "\(verdict.text)")
        // Without the window at the send (`message`): the catalogue's fix, hedged the same way.
        let bare = MessageVerdict.of(message, windowAtSend: nil, now: Self.now, callsEnabled: calls)
        #expect(bare.text.contains("unless the contact called since the send " + Self.caveat) == calls, "\(bare.text)")
    }

    @Test(arguments: ["131047", "470"])
    func theFixOfAWindowCodeIsHedged(_ code: String) throws {
        let error = try #require(MessageError.all(in: .array([.object(["code": .string(code), "title": "x"])])).first)
        let send = FailedSend(message: try WindowVerdictTests.failedSend(code: code, sent: Self.now, failed: Self.now).json)
        #expect(error.fix(for: send, writtenSince: nil, callsEnabled: true)
            == "send an approved template ('reply --template NAME' in kops) unless the contact called since the send " + Self.caveat
                + "; free-form works again after the contact replies or calls")
        #expect(error.fix(for: send, writtenSince: nil, callsEnabled: false) == error.fix(for: send))
        #expect(!error.fix(for: send).contains("called"))
    }

    @Test(arguments: [true, false])
    func anInboundMessagesClosedWindowIsHedged(_ calls: Bool) throws {
        let message = try WindowVerdictTests.unsupported("image", at: Self.now - 30 * Self.hour)
        let verdict = MessageVerdict.of(message, windowAtSend: nil, newestInbound: Self.now - 30 * Self.hour, now: Self.now, callsEnabled: calls)
        #expect(verdict.text.contains("closed 6 h ago: reply with an approved template ('reply --template NAME')"), "\(verdict.text)")
        #expect(verdict.text.contains("unless the contact called since " + Self.caveat) == calls, "\(verdict.text)")
    }

    @Test func theWindowsCaveatIsTheSharedPhrase() {
        var window = ContactWindow(evidence: .lastInbound(Self.now - 25 * Self.hour), at: Self.now)
        window.callsEnabled = true
        #expect(window.callCaveat == ContactWindow.callCaveat(since: "since"))
    }
}
