import KapsoClient
import KapsoDiagnostics
import Testing

/// One reading of the contact's 24-hour window behind every verdict (probe21): an inbound message's verdict states the
/// contact's window, not the message's own; an action is not counted whichever envelope Meta uses; a send refused at
/// the closing second, or after the contact wrote again, or to the number the contact left, reads as what it is.
@Suite struct WindowVerdictTests {
    static let now: Int64 = 1_795_262_400
    static let hour: Int64 = 3_600
    static let day: Int64 = 86_400

    static func json(_ text: String) throws -> JSONObject { try #require(try JSONValue.parse(Array(text.utf8)).object) }

    /// An inbound message from 14155550183 at `timestamp`, with `body` (a JSON fragment: the type's fields and errors).
    static func inbound(_ id: String, timestamp: Int64, type: String = "text", body: String = #""text":{"body":"hi"}"#) throws -> Message {
        try Message(
            json: json(
                #"{"id":"\#(id)","timestamp":"\#(timestamp)","from":"14155550183","type":"\#(type)",\#(body),"#
                    + #""kapso":{"direction":"inbound","status":"received","phone_number":"14155550183","phone_number_id":"100"}}"#))
    }

    static func unsupported(_ kind: String, at timestamp: Int64) throws -> Message {
        try inbound(
            "wamid.U", timestamp: timestamp, type: "unsupported",
            body: #""unsupported":{"type":"\#(kind)"},"errors":[{"code":131051,"title":"Message type unknown"}]"#)
    }

    /// An outbound text to 14155550600 sent at `sent`, failed with `code` at `failed`.
    static func failedSend(code: String, sent: Int64, failed: Int64) throws -> Message {
        try Message(
            json: json(
                #"{"id":"wamid.O","timestamp":"\#(sent)","to":"14155550600","type":"text","text":{"body":"hi"},"#
                    + #""kapso":{"direction":"outbound","status":"failed","phone_number":"14155550600","phone_number_id":"100","#
                    + #""statuses":[{"status":"sent","timestamp":"\#(sent)"},{"status":"failed","timestamp":"\#(failed)","#
                    + #""errors":[{"code":\#(code),"title":"x"}]}]}}"#))
    }

    // MARK: - P21-1, P21-2: the inbound verdict states the contact's window

    @Test(arguments: [
        // (own age, newest inbound age or nil, what the verdict says, what it must not say)
        (23 * hour + 50 * 60, Int64?(140), "the contact wrote again at 2026-11-21T11:57:40Z, so the 24-hour window is open for 23 h 57 min more", "10 min more"),
        (23 * hour + 50 * 60, nil, "the 24-hour window is open for at least 10 min more", "wrote again"),
        (30 * hour, Int64?(30 * hour), "the 24-hour window it opened closed 6 h ago: reply with an approved template", "unless the contact wrote since"),
        (30 * hour, nil, "closed 6 h ago (unless the contact wrote since", "wrote again"),
    ])
    func anInboundVerdictStatesTheContactsWindow(own: Int64, newest: Int64?, says: String, never: String) throws {
        let message = try Self.unsupported("image", at: Self.now - own)
        let verdict = MessageVerdict.of(message, windowAtSend: nil, newestInbound: newest.map { Self.now - $0 }, now: Self.now)
        #expect(verdict.text.contains(says), "\(verdict.text)")
        #expect(!verdict.text.contains(never), "\(verdict.text)")
    }

    /// P21-2: a future-stamped message is not preceded by an older one "again", and the window is unknown, as the window
    /// line says, unless a readable message shows it open.
    @Test func aFutureStampedMessageLeavesTheWindowUnknownNotClosed() throws {
        let future = try Self.inbound("wamid.F", timestamp: Self.now + 2 * Self.hour)
        let old = Self.now - 3 * Self.day
        let verdict = MessageVerdict.of(future, windowAtSend: nil, newestInbound: old, now: Self.now)
        #expect(verdict.text.contains("the 24-hour window is unknown: this message's time is unreadable"), "\(verdict.text)")
        #expect(verdict.text.contains("the newest readable message of the contact is 2026-11-18T12:00:00Z"), "\(verdict.text)")
        #expect(!verdict.text.contains("again") && !verdict.text.contains("template"), "\(verdict.text)")
        #expect(verdict.severity == .warning)
        let recent = MessageVerdict.of(future, windowAtSend: nil, newestInbound: Self.now - Self.hour, now: Self.now)
        #expect(recent.text.contains("the contact wrote at 2026-11-21T11:00:00Z, so the 24-hour window is open for at least 23 h more"), "\(recent.text)")
        // The same pair as the window reads it: unknown, not closed.
        let window = ContactWindow(
            phoneNumberID: "100", contact: "14155550183", conversations: [],
            inbound: [future, try Self.inbound("wamid.H", timestamp: old)], at: Self.now)
        guard case .unknown = window.evidence else { Issue.record("\(window.evidence)"); return }
    }

    // MARK: - P21-6, tester47 F2: the same action, whichever envelope; unknown after one Meta documents nothing on

    @Test(arguments: [("edit", "edit"), ("revoke", "revoke"), ("pin", nil), ("keep_in_chat", nil), ("poll_update", nil)] as [(String, String?)])
    func anActionIsNotCountedInEitherEnvelope(kind: String, topLevel: String?) throws {
        let action = try Self.unsupported(kind, at: Self.now - Self.hour)
        let evidence = WindowEvidence(action, now: Self.now)
        #expect(evidence.opens == nil && evidence.notWritten != nil && evidence.opensUnknown, "\(evidence)")
        let text = try Self.inbound("wamid.T", timestamp: Self.now - 25 * Self.hour)
        if let topLevel {
            // The top-level action (coexistence) is the same action: Meta's edit and revoke references say nothing on the
            // window either, so it leaves the window unknown too, named without the unsupported envelope (fix48's leftover).
            let other = try Self.inbound("wamid.E", timestamp: Self.now - Self.hour, type: topLevel, body: #""\#(topLevel)":{"original_message_id":"wamid.T"}"#)
            let top = WindowEvidence(other, now: Self.now)
            #expect(top.notWritten == evidence.notWritten && top.opensUnknown && !top.asUnsupported, "\(top)")
            #expect(top.unknownEffect == evidence.notWritten && evidence.unknownEffect == (evidence.notWritten ?? "") + ", delivered as unsupported")
            let window = ContactWindow(phoneNumberID: "100", contact: "14155550183", conversations: [], inbound: [other, text], at: Self.now)
            #expect(!window.isClosed && !window.isOpen && window.text.hasPrefix("unknown since"), "\(window.text)")
            #expect(!window.text.contains("delivered as unsupported"), "\(window.text)")
        }
        // Delivered as unsupported, Meta documents nothing either way: the window is unknown since the action, with the
        // last certain inbound, when its window closed, and what is safe, in the window and in the verdict.
        let window = ContactWindow(phoneNumberID: "100", contact: "14155550183", conversations: [], inbound: [action, text], at: Self.now)
        #expect(!window.isClosed && !window.isOpen, "\(window.text)")
        let unsettled = try #require(WindowEvidence.unsettled(by: action, among: [text], now: Self.now))
        #expect(window.unsettled == unsettled)
        for said in [window.text, unsettled.text] {
            #expect(said.hasPrefix("unknown since 2026-11-21T11:00:00Z"), "\(said)")
            #expect(said.contains("the last message the contact wrote, at 2026-11-20T11:00:00Z, opened one that closed at 2026-11-21T11:00:00Z (1 h ago)"), "\(said)")
            #expect(said.contains("an approved template always goes through"), "\(said)")
            #expect(!said.contains("only templates go through"), "\(said)")
        }
        let verdict = MessageVerdict.of(
            action, windowAtSend: nil, newestInbound: Self.now - 25 * Self.hour, now: Self.now, unsettled: unsettled)
        #expect(verdict.text.contains("Meta documents nothing on whether it opens the 24-hour window; the window is unknown: the last message"), "\(verdict.text)")
        #expect(verdict.text.contains("a free-form message goes through only if this action opened the window (then open until 2026-11-22T11:00:00Z)"), "\(verdict.text)")
        #expect(!verdict.text.contains("opens no 24-hour window") && !verdict.text.contains("closed 1 h ago"), "\(verdict.text)")
        #expect(!verdict.text.contains("free-form replies go through") && !verdict.text.contains("send it another way"), "\(verdict.text)")
        // The older message the contact wrote: its window closed, the contact's window now is unknown.
        let older = MessageVerdict.of(text, windowAtSend: nil, newestInbound: Self.now - 25 * Self.hour, now: Self.now, unsettled: unsettled)
        #expect(older.text.contains("the 24-hour window it opened closed 1 h ago; the window now is unknown since"), "\(older.text)")
        #expect(!older.text.contains("reply with an approved template ('reply"), "\(older.text)")
    }

    /// Tester47 F2: the certain reading settles the window when it can: a window the contact's last message keeps open
    /// is open, and an action 24 hours old or more leaves it closed either way.
    @Test(arguments: [
        // (action age, last written age, unsettled)
        (hour, 25 * hour, true), (hour, 2 * hour, false), (25 * hour, 30 * hour, false), (hour, nil, true), (2 * hour, hour, false),
    ] as [(Int64, Int64?, Bool)])
    func theCertainReadingSettlesTheWindowWhenItCan(action: Int64, written: Int64?, unsettled: Bool) throws {
        let edit = try Self.unsupported("edit", at: Self.now - action)
        let listed = try written.map { [try Self.inbound("wamid.T", timestamp: Self.now - $0)] } ?? []
        #expect((WindowEvidence.unsettled(by: edit, among: listed, now: Self.now) != nil) == unsettled)
        let window = ContactWindow(phoneNumberID: "100", contact: "14155550183", conversations: [], inbound: [edit] + listed, at: Self.now)
        #expect((window.unsettled != nil) == unsettled, "\(window.text)")
        if !unsettled, written != nil { #expect(window.isOpen || window.isClosed, "\(window.text)") }
    }

    @Test func aRevokeUnder131051LostNothing() {
        let reading = UnsupportedContent.reading(type: "revoke", error: MessageError(code: "131051"))
        #expect(reading.contains("deleted an earlier message") && !reading.contains("another way"), "\(reading)")
        #expect(UnsupportedContent.lostNothing("revoke") && UnsupportedContent.lostNothing("pin") && !UnsupportedContent.lostNothing("poll_update"))
    }

    // MARK: - P21-15, P21-19: a send refused for the window

    @Test(arguments: [
        // (seconds left at the send by the contact's last inbound, what the verdict says)
        (Int64(1), "the 24-hour window closed as this was sent (1 s left by Kapso's time of the send"),
        (60, "the 24-hour window closed as this was sent (1 min left"),
        (61, "yet the contact's last inbound here was 23 h 58 min before the send: check that inbound"),
        (-5, "the 24-hour window closed 5 s before the send"),
    ])
    func aSendRefusedAtTheClosingSecondClosedAsItWasSent(left: Int64, says: String) throws {
        let sent = Self.now - 6 * Self.hour
        let message = try Self.failedSend(code: "131047", sent: sent, failed: sent + 1)
        let window = ServiceWindow(lastInbound: sent + left - Conversation.windowSeconds, at: sent)
        let verdict = MessageVerdict.of(message, windowAtSend: window, now: Self.now)
        #expect(verdict.text.contains(says), "\(verdict.text)")
    }

    @Test(arguments: [
        // (the contact's newest message, seconds before now; what the advice is)
        (Int64?(Self.hour), "the contact has written since (at 2026-11-21T11:00:00Z), so the window is open for 23 h more: send it again as is"),
        (nil, "send an approved template with 'reply --template NAME'"),
        (Int64?(30 * Self.hour), "send an approved template with 'reply --template NAME'"),
    ])
    func aRefusedSendCanGoAgainWhenTheContactWroteSince(newest: Int64?, advice: String) throws {
        let sent = Self.now - 2 * Self.hour
        let message = try Self.failedSend(code: "131047", sent: sent, failed: sent + 1)
        let window = ServiceWindow(lastInbound: Self.now - 30 * Self.hour, at: sent)
        let verdict = MessageVerdict.of(message, windowAtSend: window, newestInbound: newest.map { Self.now - $0 }, now: Self.now)
        #expect(verdict.text.hasPrefix("failed: 131047, the 24-hour window closed 4 h before the send; " + advice), "\(verdict.text)")
    }

    /// P21-18: a free-form send with under a minute of window left is warned about; with more, or closed, it is not.
    @Test(arguments: [(Int64(30), true), (60, true), (61, false), (0, false), (-5, false)])
    func aWindowClosingWithinAMinuteIsWarnedAbout(left: Int64, warned: Bool) {
        let window = ContactWindow(evidence: .lastInbound(Self.now + left - Conversation.windowSeconds), at: Self.now)
        #expect((window.closingSoon != nil) == warned, "\(window.closingSoon ?? "nil")")
        if left == 30 { #expect(window.closingSoon?.hasPrefix("the 24-hour window closes in 30 s: a free-form message") == true) }
    }

    // MARK: - P21-17: a 131026 to the number the contact left

    @Test func a131026AfterTheContactMovedIsTiedToTheMove() throws {
        let sent = Self.now - 600
        let message = try Self.failedSend(code: "131026", sent: sent, failed: sent + 2)
        let moved = ContactWindow.Moved(number: "14155550601", at: Self.now - Self.hour)
        let verdict = MessageVerdict.of(message, windowAtSend: nil, moved: moved, now: Self.now)
        let expected = "failed: 131026 (message undeliverable): sent to +14155550600 50 min after the contact changed their number to "
            + "+14155550601 at 2026-11-21T11:00:00Z (user_changed_number)"
        #expect(verdict.text.hasPrefix(expected), "\(verdict.text)")
        #expect(!verdict.text.contains("accept the terms"))
        // Before the move, to the new number, or another code: the move is no explanation.
        #expect(ContactWindow.Moved(number: "14155550601", at: sent + 1).sendAfterMove(code: "131026", sentAt: sent, to: "14155550600") == nil)
        #expect(moved.sendAfterMove(code: "131026", sentAt: sent, to: "14155550601") == nil)
        #expect(moved.sendAfterMove(code: "131047", sentAt: sent, to: "14155550600") == nil)
        let plain = MessageVerdict.of(message, windowAtSend: nil, now: Self.now)
        #expect(!plain.text.contains("changed their number"))
    }

    @Test func errorsTiesA131026ToTheMoveReadOnALaterPage() throws {
        let sent = Self.now - 600
        let failed = #"{"id":"wamid.O","timestamp":"\#(sent)","to":"14155550600","type":"text","text":{"body":"hi"},"#
            + #""kapso":{"direction":"outbound","status":"failed","phone_number":"14155550600","phone_number_id":"100","#
            + #""statuses":[{"status":"failed","timestamp":"\#(sent + 2)","errors":[{"code":131026,"title":"Message undeliverable"}]}]}}"#
        let system = #"{"id":"wamid.S","timestamp":"\#(Self.now - Self.hour)","from":"14155550600","type":"system","#
            + #""system":{"type":"user_changed_number","wa_id":"14155550601","body":"changed"},"#
            + #""kapso":{"direction":"inbound","status":"received","phone_number":"14155550600","phone_number_id":"100"}}"#
        var triage = ErrorTriage()
        triage.addMessages(try JSONValue.parse(Array(#"{"data":[\#(failed)]}"#.utf8)), since: 0)
        #expect(triage.entries.first?.meaning.contains("changed their number") == false)
        triage.addMessages(try JSONValue.parse(Array(#"{"data":[\#(failed),\#(system)]}"#.utf8)), since: 0)
        #expect(triage.entries.count == 1)
        #expect(triage.entries.first?.meaning.hasPrefix("sent to +14155550600 50 min after the contact changed their number to +14155550601") == true,
            "\(triage.entries.first?.meaning ?? "")")
    }

    // MARK: - P21-14, P21-22, P21-13

    @Test func anErrorsObjectIsReadAsOneEntry() throws {
        let errors = try JSONValue.parse(Array(#"{"code":131026,"title":"x"}"#.utf8))
        #expect(MessageError.all(in: errors).map(\.code) == ["131026"])
        #expect(MessageError.all(in: try JSONValue.parse(Array("{}".utf8))).isEmpty)
        let message = try Message(
            json: Self.json(
                #"{"id":"wamid.O","timestamp":"1000","to":"1","type":"text","text":{"body":"hi"},"kapso":{"direction":"outbound","#
                    + #""status":"failed","statuses":[{"status":"failed","timestamp":"1001","errors":{"code":131026,"title":"x"}}]}}"#))
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 2_000)
        #expect(verdict.text.hasPrefix("failed: 131026 (message undeliverable)"), "\(verdict.text)")
    }

    @Test func errorsNamesAReadBeforeTheFailure() throws {
        let read = #"{"id":"wamid.N","timestamp":"1000","to":"14155550171","type":"text","text":{"body":"hi"},"#
            + #""kapso":{"direction":"outbound","status":"failed","phone_number_id":"100","statuses":[{"status":"sent","timestamp":"1000"},"#
            + #"{"status":"read","timestamp":"1003"},{"status":"failed","timestamp":"1030","errors":[{"code":131026}]}]}}"#
        var triage = ErrorTriage()
        triage.addMessages(try JSONValue.parse(Array(#"{"data":[\#(read)]}"#.utf8)), since: 0)
        let meaning = try #require(triage.entries.first?.meaning)
        // One reading with `trace`'s fix (StatusHistory.Conflict.failureFix; session 68 item 4).
        #expect(meaning.hasPrefix("WhatsApp also reported it read at 1970-01-01T00:16:43Z, before this failure, so it may be on the contact's phone: confirm with the contact before any resend (a resend may arrive twice); if it did fail: "), "\(meaning)")
    }

    @Test func aGroupsExampleIsTheMessageItsMeaningExplains() throws {
        var triage = ErrorTriage()
        let kinds = ["pin", "poll_update"]
        let messages = kinds.enumerated().map { index, kind in
            #"{"id":"wamid.\#(kind)","timestamp":"\#(1000 + index)","from":"1415555020\#(index)","type":"unsupported","#
                + #""unsupported":{"type":"\#(kind)"},"errors":[{"code":131051,"title":"Message type unknown"}],"#
                + #""kapso":{"direction":"inbound","status":"received","phone_number":"1415555020\#(index)","phone_number_id":"100"}}"#
        }
        triage.addMessages(try JSONValue.parse(Array(#"{"data":[\#(messages.joined(separator: ","))]}"#.utf8)), since: 0)
        let group = try #require(FailureGroups(triage.entries, numbers: []).groups.first)
        #expect(group.what.hasPrefix("message from 14155550201 (unsupported: poll_update)"), "\(group.what)")
        #expect(group.meaning.hasPrefix("the contact updated a poll"), "\(group.meaning)")
    }
}
