internal import KapsoClient

/// A failed send's verdict: what the window, the contact's later messages and the error say about the failure and what
/// to do next.
extension MessageVerdict {
    /// What the window says about a send: as it was at the send (`atSend`), and the contact's newest message they wrote
    /// (`newestInbound`, Unix seconds, nil when not read), which says whether a refused send can simply go again now.
    /// `moved` is the contact's move to another number (`ContactWindow.moved`), which explains a 131026 on a later send
    /// to `recipient` (the old number).
    struct SendContext {
        var atSend: ServiceWindow?
        var newestInbound: Int64?
        /// What that newest message was when a reading must say so (`WindowEvidence.countedNote`: `a reaction`).
        var newestNote: String? = nil
        var now: Int64
        var sentAt: Int64? = nil
        var recipient: String? = nil
        /// The send's id, so a failure it contradicted by reaching a device later is not read as the move.
        var messageID: String? = nil
        var moved: ContactWindow.Moved? = nil
        /// The business-scoped user ids kops ties to the recipient (`MessageVerdict.contactUserIDs`).
        var contactUserIDs: [String] = []
        /// The contact's record of being on WhatsApp (`ContactReach`), which rules out 131026's "not on WhatsApp".
        var reach: ContactReach? = nil
        /// The number has WhatsApp calling on: a call since the send may have reopened the window (`ContactWindow.callCaveat`).
        var callsEnabled = false
        /// The contact's window now left unknown by their action Meta documents nothing on (`WindowEvidence.unsettled`).
        var unsettled: WindowEvidence.Unsettled? = nil
        /// What happened after the send that speaks of its delivery (`LaterEvidence`), nil when none was read.
        var later: LaterEvidence? = nil
        /// A later send from the same number that reached a phone after a failure about the number (`LaterSuccess`).
        var recovered: LaterSuccess? = nil
        /// The status now of the template the send used (`TemplatePause`), and its language; nil when not read.
        var templateStatus: String? = nil
        var templateLanguage: String? = nil
        /// The WABA's templates, read for a failed template send (`TemplateMismatch`), and the template the send named;
        /// nil when not read (probe39 P39-3).
        var templates: TemplateMismatch.Listing? = nil
        var templateSent: TemplateMismatch.Sent? = nil
        /// What the data shows of the message a failed reaction reacts to (`ReactionTarget`), nil when not read.
        var reactionTarget: ReactionTarget? = nil
        /// A `to` without `+` whose statuses name the number Meta made of it (`PrependedRecipient`), nil when not read.
        var prepended: PrependedRecipient? = nil

        /// Its refusal for the window when that is about the number Meta made, not the contact (`windowRefusal`).
        var madeRefusal: PrependedRecipient.MadeNumberRefusal? { prepended?.windowRefusal(contactCloses: atSend?.closesAt, now: now) }
    }

    /// How close to the window's closing second a send refused with 131047 still reads as "closed as this was sent":
    /// Kapso stamps the send with its clock, Meta judges the window (and stamps the failure) with its own, and the send
    /// takes a moment to reach Meta (probe21 P21-15: a send 1 s before the close, failed at the closing second, was
    /// read as "the inbound may have reached another number"). Meta documents no tolerance; a minute is kops's margin.
    public static let closingMargin: Int64 = 60

    /// Kapso's `failed` on a sent message with no status from Meta at all (no `kapso.statuses` entry of its own, no error
    /// on the message): no Meta failure is on record, only Kapso's field, so no Meta cause is named ("Meta gave no error
    /// code" asserted a failure status the data does not hold; kapso-api.md gotcha 15: a failure's error lives only in a
    /// failed `statuses[]` entry), and the next step is where the send's story is logged (probe39 P39-10). `age` is the
    /// message's age in seconds, for the `logs` period when search is not enabled.
    public static func failedWithoutStatuses(wamid: String, phoneNumberID: String?, age: Int64?, logSearch: LogSearchAccess) -> String {
        "Kapso marks it failed, but no status from Meta was recorded (no failed status, no error code), so the cause is not "
            + "in the message; " + logSearch.sendEvidence(wamid: wamid, phoneNumberID: phoneNumberID, period: DeliveryPeriod.covering(age: age ?? 0))
    }

    /// The ERROR column's words for `failedWithoutStatuses`.
    public static let failedWithoutStatusesHeadline = "failed (Kapso's status; no status from Meta recorded)"

    static func failure(_ errors: [MessageError], window context: SendContext, send: FailedSend) -> String {
        var send = send
        if send.reactionTarget == nil { send.reactionTarget = context.reactionTarget }
        if send.listedCategory == nil { send.readCategory(from: context.templates) }
        let windowAtSend = context.atSend
        // Meta's generic 131000 ("something went wrong") next to a specific code: the specific one is the cause.
        guard let error = MessageError.primary(of: errors) else {
            return "failed, and Meta gave no error code; the status has no errors[] entry to explain it"
        }
        let others = MessageError.others(of: errors)
        let more = others.isEmpty ? "" : " (also " + others.map { $0.code ?? "an entry without a code" }.joined(separator: ", ")
            + MessageError.firstSetAside(of: errors) + ")"
        guard let code = error.code else {
            return "failed without an error code\(more): \(error.headline.dropFirst("no error code: ".count))"
        }
        if ErrorCatalog.isReengagement(code), send.isTemplate == true {
            // Meta's fix for the code is a template, and this was one: the window alone cannot explain it.
            var window = ""
            if let windowAtSend, let last = windowAtSend.lastInbound {
                let open = windowAtSend.closesAt.map { $0 > windowAtSend.at } ?? false
                let note = windowAtSend.lastInboundNote.map { $0 + ", " } ?? ""
                window = "the contact's last inbound here was \(note)\(Elapsed.text(windowAtSend.at - last)) before the send"
                    + (open ? ", so the 24-hour window was open too; " : " (a template does not need the window); ")
            }
            return "failed: \(code) (\(error.shownName ?? "re-engagement")) on a template\(more): \(window)"
                + ErrorCatalog.reengagementOnTemplate
        }
        // Refused for the window of the number Meta made of a `to` without `+`, not the contact's (tester68b B10).
        if ErrorCatalog.isReengagement(code), let made = context.madeRefusal { return made.verdict + more }
        // Without the window at the send (`message` reads no listing before it), the contact's later message still says
        // what to do now (P21-19).
        if ErrorCatalog.isReengagement(code), windowAtSend == nil, let sentAt = context.sentAt,
            let again = afterRefusal(sentAt, newestInbound: context.newestInbound, note: context.newestNote, unsettled: context.unsettled, now: context.now)
        {
            return "failed: \(code) (\(error.shownName ?? "re-engagement")); \(again)\(more)"
        }
        if ErrorCatalog.isReengagement(code), let window = windowAtSend {
            let next = resend(after: window.at, context)
            guard let closes = window.closesAt else {
                return "failed: \(code), no inbound message from the contact before the send was found, so no 24-hour window was open; \(next)\(more)"
            }
            if closes <= window.at {
                let before = closes == window.at ? "at the second of the send" : "\(Elapsed.text(window.at - closes)) before the send"
                return "failed: \(code), the 24-hour window closed \(before); \(next)\(more)"
            }
            // At the closing second, by two clocks: the window closed as the send reached Meta, not a mystery (P21-15).
            if closes - window.at <= closingMargin {
                return "failed: \(code), the 24-hour window closed as this was sent (\(Elapsed.text(closes - window.at)) left by "
                    + "Kapso's time of the send; Meta judges the window by its own clock, when the send reaches it); \(next)\(more)"
            }
            // Meta says the window was closed, but the inbound kops found says open: one of them is not what it seems.
            if let refused = RefusedInOpenWindow(sentAt: window.at, lastInbound: window.lastInbound, note: window.lastInboundNote) {
                if refused.raced { return "failed: \(code) (Meta: 24-hour window closed); \(refused.racedNext(now: context.now))\(more)" }
                return "failed: \(code) (Meta: 24-hour window closed), yet \(refused.next)\(more)"
            }
        }
        if let moved = context.moved?.sendAfterMove(code: code, sentAt: context.sentAt, to: context.recipient, messageID: context.messageID) {
            return "failed: \(code) (\(error.shownName ?? "undeliverable"))\(more): \(moved)"
        }
        // A failure about the number, followed by a send from it that reached a phone: past, resend (P39-16).
        if let recovered = context.recovered, recovered.code == code {
            return "failed: \(code) (\(error.shownName ?? error.title ?? "the number's failure"))\(more), \(recovered.text)"
        }
        // A template missing, miscounted, paused or disabled: the mismatch the WABA's templates show now (P39-3).
        if let listing = context.templates, let sent = context.templateSent ?? error.details.flatMap({ TemplateMismatch.Sent(message: [:], details: $0) }),
            let advice = TemplateMismatch.advice(code: code, sent: sent, listing: listing)
        {
            return "failed: \(code) (\(error.shownName ?? error.title ?? "template"))\(more); \(advice)"
        }
        // A paused template: what its status now says (P39-2).
        if code == "132015", let name = send.templateName,
            let advice = TemplatePause.advice(name: name, language: context.templateLanguage, status: context.templateStatus)
        {
            return "failed: \(code) (\(error.shownName ?? "template paused"))\(more); \(advice)"
        }
        guard let entry = error.entry else {
            return "failed: \(code) (\(error.title ?? error.message ?? "no title"))\(more); not in kops's catalogue: see \(ErrorCatalog.metaReference)"
        }
        // 131026 to a number the contact's own history shows on WhatsApp: not "check the number" (probe23 P23-6).
        if code == "131026", let reach = context.reach {
            let advice = send.isAuthenticationToIndia ? reach.onWhatsApp + "; " + error.fix(for: send) : reach.undeliverableAdvice
            return "failed: \(code) (\(entry.name))\(more); \(advice)"
        }
        return "failed: \(code) (\(error.shownName ?? entry.name))\(more); \(error.fix(for: send, writtenSince: nil, callsEnabled: context.callsEnabled))"
    }

    /// What `failure(_:window:send:)` advises sending (`Advice`): nothing for imported history or a template refused for
    /// the window (check the call, a ticket); for a free-form send refused for the window, the message again as is when
    /// the contact wrote since, the made number's reading (`madeRefusal`), else a template; for any other failure, the
    /// message again once its cause is fixed (tester69b D2: "retry" on a number the session read as unable to send).
    static func failureAdvice(_ errors: [MessageError], window context: SendContext, send: FailedSend) -> Advice {
        if send.isImported { return .none }
        guard let code = MessageError.primary(of: errors)?.code, ErrorCatalog.isReengagement(code) else { return .retry }
        if send.isTemplate == true { return .none }
        if let made = context.madeRefusal { return made.advice }
        if let sentAt = context.sentAt ?? context.atSend?.at,
            writtenSince(sentAt, newestInbound: context.newestInbound, now: context.now) != nil
        {
            return .freeForm
        }
        return .template
    }

    /// What to do after a send refused for the window: an approved template, unless the contact has written since the
    /// send (`context.newestInbound` after `sentAt`) and that reopened the window, which is open now: then the message can
    /// simply go again (probe21 P21-19). On a number with calling on, a call since the send may have reopened it too, and
    /// kops cannot see calls: the template advice carries `ContactWindow.callCaveat` (P25-16).
    static func resend(after sentAt: Int64, _ context: SendContext) -> String {
        afterRefusal(sentAt, newestInbound: context.newestInbound, note: context.newestNote, unsettled: context.unsettled, now: context.now)
            ?? "send an approved template with 'reply --template NAME'"
                + (context.callsEnabled ? " " + ContactWindow.callCaveat(since: "since the send") : "")
    }

    /// What a send refused for the window (131047) needs now when the contact has written since: `the contact has written
    /// since (at 2026-11-21T11:00:00Z), so the window is open for 23 h more: send it again as is, no template needed`;
    /// nil when the newest message the contact wrote (`newestInbound`, `WindowEvidence.newestWritten`) is not after
    /// `sentAt` or no longer keeps the window open at `now`. The one reading behind every view that says what to do after
    /// such a send (`trace`, `message`, `errors`; probe21 P21-19: `trace` said it, the others still advised a template).
    public static func writtenSince(_ sentAt: Int64, newestInbound: Int64?, note: String? = nil, now: Int64) -> String? {
        guard let newest = newestInbound, newest > sentAt, ServiceWindow(lastInbound: newest, at: now).isOpen else { return nil }
        let left = newest + Conversation.windowSeconds - now
        // A reaction is said to be one: kops counts it as writing, Meta documents nothing either way (`countedNote`).
        let what = note.map { "\($0), which kops counts as writing (Meta documents nothing either way), " } ?? ""
        return "the contact has written since (\(what)at \(KapsoTime.iso(newest))), so the window is open for \(Elapsed.text(left)) "
            + "more: " + sendAgainAsIs
    }

    /// What a send refused for the window (`sentAt`) can do now: `writtenSince`; else, when an action of the contact Meta
    /// documents nothing on came after the send and leaves their window unknown now (`unsettled`,
    /// `WindowEvidence.unsettled(by:among:now:)`), `the contact's window now is unknown since …; an approved template always
    /// goes through …`; nil otherwise (a template is the answer). One reading for `trace`, `message` and `errors`
    /// (tester48's notes: they said "send an approved template" as the only way an hour after the contact edited a message).
    public static func afterRefusal(
        _ sentAt: Int64, newestInbound: Int64?, note: String? = nil, unsettled: WindowEvidence.Unsettled?, now: Int64
    ) -> String? {
        if let again = writtenSince(sentAt, newestInbound: newestInbound, note: note, now: now) { return again }
        // An action before the send is settled by the refusal itself: Meta counted the window closed after it.
        guard let unsettled, !unsettled.atSend, unsettled.at > sentAt else { return nil }
        return "the contact's window now is " + unsettled.text
    }

    /// The end of `writtenSince`: the words that say no template is needed (`errors` names no templates after them).
    public static let sendAgainAsIs = "send it again as is, no template needed"
}

extension MessageVerdict {
    /// A free-form send Meta refused for the window (131047, 470) although the last message kops saw the contact write
    /// before it (`lastInbound`) kept the window open at the send (`sentAt`) by more than `closingMargin`: the window Meta
    /// counts is not the one kops sees (the inbound went to another number or contact, or is not what it seems). The one
    /// reading of such a refusal for `trace`'s verdict and timeline and for `errors` (probe32 P32-4: `errors` said "send it
    /// again as is", the very send that failed inside an open window, while `trace` said a template still goes through,
    /// and its meaning line stated "the contact last wrote more than 24 hours ago" as fact). Meta's error codes:
    /// 131047 "More than 24 hours have passed since the recipient last replied to the sender number"
    /// (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/) — Meta's count, so it is said as Meta's.
    public struct RefusedInOpenWindow: Sendable, Equatable {
        /// When the contact last wrote before the send, and the send (Unix seconds).
        public var lastInbound: Int64
        public var sentAt: Int64
        /// What that last inbound was when a reading must say so (`WindowEvidence.countedNote`: `a reaction`), else nil.
        public var note: String?

        /// Nil unless `lastInbound` (at most `SendWindow.clockSkew` after the send) kept the window open at `sentAt` by
        /// more than `closingMargin` (a send at the closing second is the window closing, not this).
        public init?(sentAt: Int64?, lastInbound: Int64?, note: String? = nil) {
            guard let sentAt, let lastInbound, lastInbound <= sentAt + SendWindow.clockSkew,
                lastInbound + Conversation.windowSeconds - sentAt > MessageVerdict.closingMargin
            else { return nil }
            self.lastInbound = lastInbound
            self.sentAt = sentAt
            self.note = note
        }

        /// `the contact's last inbound here was 8 min before the send: check that inbound reached …; a template still
        /// goes through`: what the verdict and `errors` say after the refusal's name.
        ///
        /// Meta's window belongs to the business phone number and the user ("When a WhatsApp user messages you …, a
        /// 24-hour timer called a customer service window starts", Meta, Send messages, developers.facebook.com/
        /// documentation/business-messaging/whatsapp/messages/send-messages); a Kapso conversation is Kapso's thread record
        /// (kapso-api.md §8.3), so the contact's inbound in another (even ended) Kapso conversation on this number counts,
        /// as kops's window lines count it (probe39 P39-7: the text said "another … conversation does not open this
        /// window" while the inbound it counted was in the contact's other conversation).
        public var next: String {
            if raced { return racedNext(now: nil) }
            // Kops counts a reaction as the contact writing; Meta documents nothing either way, and refused here.
            if let note {
                return "the contact's last inbound here was \(note), \(Elapsed.text(max(0, sentAt - lastInbound))) before the send: "
                    + "Meta documents nothing on whether \(note) opens the 24-hour window, and this refusal says it did not here "
                    + "(unless it reached another number or came from another contact); a template still goes through"
            }
            return "the contact's last inbound here was \(Elapsed.text(max(0, sentAt - lastInbound))) before the send: check that inbound "
                + "reached this same number from this same contact (an inbound to another number, or from another contact, does "
                + "not open this window; Kapso's conversations do not matter: any inbound from this contact to this number "
                + "counts); a template still goes through"
        }

        /// The meaning of the refusal for this send, in place of the catalogue's "the contact last wrote more than 24 hours
        /// ago", which kops's own reading contradicts.
        public var meaning: String {
            if raced { return racedMeaning }
            return "Meta counted more than 24 hours since the contact last wrote, so it refused a free-form message, yet kops read "
                + "their last inbound here\(note.map { " (\($0))" } ?? "") \(Elapsed.text(max(0, sentAt - lastInbound))) before the send: the window Meta "
                + "counts is not the one kops sees"
        }
    }
}
