public import KapsoClient

/// The one-line conclusion about a message, e.g. `failed: 131047, the 24-hour window closed 2 h before
/// the send; send an approved template with 'reply --template NAME'`, or for a contradictory history `delivered, but a failed 131026 was
/// recorded at 2026-11-21T10:15:01Z (1 s after sending) ...`.
///
/// Read from the status history sorted by time (`StatusHistory`), not from the order Kapso stored it in;
/// a history with both a failure and a delivery says so instead of picking one with confidence.
public struct MessageVerdict: Sendable, Equatable {
    /// How the verdict should be read (front ends colour it).
    public enum Severity: Sendable, Equatable {
        case good, warning, bad
    }

    /// What the verdict's next step sends, whatever its words: the sending number's state is said beside it
    /// (`SenderState.Replies.amending`; tester69b D2, D8: "retry", "resend it free-form", "a template still goes through"
    /// on a number the session read as unable to send).
    public enum Advice: Sendable, Equatable {
        /// No send is advised (delivered, a template refused for the window: check the call, a ticket).
        case none
        /// A free-form message: a reply, the message again as is, a resend free-form.
        case freeForm
        /// An approved template (business-initiated when the contact's window is closed).
        case template
        /// The failed message again, after its cause is fixed.
        case retry
    }

    public var text: String
    public var severity: Severity
    public var advice: Advice

    public init(_ text: String, _ severity: Severity, advice: Advice = .none) {
        self.text = text
        self.severity = severity
        self.advice = advice
    }

    /// The verdict with `note` after its text (`; ` between), its advice kept; `severity` nil keeps its own.
    func appending(_ note: String, separator: String = "; ", severity: Severity? = nil) -> MessageVerdict {
        MessageVerdict(text + separator + note, severity ?? self.severity, advice: advice)
    }

    /// The verdict on `message` at `now` (Unix seconds); `windowAtSend` is the 24-hour window when it was
    /// sent (nil when unknown), which explains a 131047. For an inbound message, `newestInbound` is the contact's
    /// newest inbound message to the number (Unix seconds) when it was read: a newer one reopens the window this
    /// message opened, so an old message's closed window is not the contact's window (nil: not read, said so). For a
    /// send refused for the window, a message the contact wrote since reopened it: the send can go again as is. `moved`
    /// is the contact's move to another number (`ContactWindow.moved`): a 131026 on a later send to the old number is
    /// read as the move (probe21 P21-17).
    ///
    /// Statuses stored with the message that name another message (`StatusHistory.foreign`) are no part of the verdict:
    /// it says they were set aside, and when Kapso's own status is a word only they have (`failed` while every stored
    /// failure is another WAMID's), it reads the message's own history instead of Kapso's status (probe10 P10-1).
    ///
    /// `statuses` is what kops read of the path Meta's statuses take to Kapso for the message's number (the number's
    /// health): a message still at `sent` (or waiting for `sent`) on a number whose statuses cannot reach Kapso is not
    /// news about the contact (probe19 P19-3), and when that was not read the contact is not the only explanation.
    ///
    /// `callsEnabled`: the message's number has WhatsApp calling on (`PhoneNumber.callsEnabled`), so a call from the
    /// contact may have opened the window since, which kops cannot see: a window said closed now, or "send a template",
    /// carries `ContactWindow.callCaveat` (probe25 P25-16).
    ///
    /// `later` is what happened after the send that speaks of its delivery (`LaterEvidence`: the contact quoted or reacted to
    /// it, a later send to them reached their phone, they wrote in since): a send at `sent` is then not "the phone may be
    /// offline", and one delivered and quoted is not "not read yet" (probe39 P39-1). `recovered` is a later send from the
    /// same number that reached a phone after a failure about the number's token, billing or account (`LaterSuccess`): the
    /// failure is past, and its account fix is no longer the advice (probe39 P39-16). `templateStatus` is the status now of
    /// the template a failed template send used, read from the WABA (`TemplatePause`: a 132015 on a template APPROVED
    /// again can go as is; probe39 P39-2); nil when not read. `templates` is the WABA's templates, read for a template send
    /// refused with 132000, 132001, 132015 or 132016 (`TemplateMismatch`: the language code, name, status or parameters that
    /// differ; probe39 P39-3); nil when not read (the catalogue's hedge stands). `reactionTarget` is what the data shows
    /// of the message a failed reaction reacts to (`ReactionTarget`, probe39 P39-12); nil when it was not read.
    /// `unsettled`: the contact's window now left unknown by an action Meta documents nothing on (`WindowEvidence.unsettled`,
    /// tester47 F2; for a send refused for the window, `afterRefusal`); nil when none was read. `newestNote`: what the
    /// contact's newest message was when a reading leaning on it must say so (`WindowEvidence.countedNote`). `replies`:
    /// what a reply from the number meets now (`SenderState.Replies`, tester69 C1); nil when not read.
    public static func of(
        _ message: Message, windowAtSend: ServiceWindow?, newestInbound: Int64? = nil, moved: ContactWindow.Moved? = nil, now: Int64,
        logSearch: LogSearchAccess = .notAsked, statuses: StatusPath = .notRead, reach: ContactReach? = nil, callsEnabled: Bool = false,
        contactWindow: ContactWindow? = nil, later: LaterEvidence? = nil, recovered: LaterSuccess? = nil, templateStatus: String? = nil,
        templates: TemplateMismatch.Listing? = nil, reactionTarget: ReactionTarget? = nil, unsettled: WindowEvidence.Unsettled? = nil, newestNote: String? = nil,
        contactUserIDs: [String] = [], prepended: PrependedRecipient? = nil, replies: SenderState.Replies? = nil
    ) -> MessageVerdict {
        // A reaction or action of the contact's that their window does not count (a free-form send refused for the window
        // after it) is read as the window reads it, with the window's own last inbound (tester66 W2).
        let refuted = message.isInbound ? contactWindow.flatMap { $0.refutes(message) ? $0 : nil } : nil
        var verdict = ofStatuses(
            message, windowAtSend: windowAtSend, newestInbound: refuted.map(\.lastInbound) ?? newestInbound,
            evidence: refuted?.evidence(of: message), newestNote: refuted == nil ? newestNote : nil, unsettled: unsettled,
            moved: moved, contactUserIDs: contactUserIDs, now: now, logSearch: logSearch,
            statuses: statuses, reach: reach, callsEnabled: callsEnabled, later: later, recovered: recovered,
            templateStatus: templateStatus, templates: templates, reactionTarget: reactionTarget, prepended: prepended, replies: replies)
        // A `to` without `+` completed into the contact's own number: said beside the contact's read (tester67 Y3).
        if message.isOutbound, let note = prepended?.contactNote { verdict = verdict.appending(note) }
        // A received message whose contact window now rests on Kapso's summary alone (ContactWindow.unconfirmed, probe37
        // P37-4), or that a free-form send Meta refused for the window after it contradicts (`refusedSince`, tester67 Y2):
        // said as every view says it, never as certainly open or closed, nor "free-form replies go through".
        if message.isInbound, let window = contactWindow, window.unconfirmed != nil || (window.isOpen && window.refusedSince != nil),
            moved == nil, MessageOrigin(message).groupID == nil,
            WindowEvidence(message, now: now).notWritten == nil, MessageError.carried(by: message.json).isEmpty
        {
            verdict = MessageVerdict("received; the contact's 24-hour window now is " + window.text, .warning, advice: .template)
        }
        // The send the verdict advises, beside the number's state that refuses it (tester69 C1, tester69b D2, D8).
        if let replies { verdict = replies.amending(verdict) }
        // Kapso's own processing failed or was blocked: said with whatever the statuses say (probe23 P23-3).
        guard let processing = ProcessingStatus.failure(of: message.json) else { return verdict }
        return MessageVerdict(
            verdict.text + "; but " + String(ProcessingStatus.meaning(processing, message: message.json).prefix { $0 != ";" }),
            processing == "failed" ? .bad : verdict.severity == .good ? .warning : verdict.severity)
    }

    /// `of` without Kapso's processing status.
    private static func ofStatuses(
        _ message: Message, windowAtSend: ServiceWindow?, newestInbound: Int64?, evidence: WindowEvidence? = nil, newestNote: String?,
        unsettled: WindowEvidence.Unsettled?,
        moved: ContactWindow.Moved?, contactUserIDs: [String], now: Int64, logSearch: LogSearchAccess, statuses: StatusPath, reach: ContactReach?, callsEnabled: Bool, later: LaterEvidence?,
        recovered: LaterSuccess?, templateStatus: String?, templates: TemplateMismatch.Listing?, reactionTarget: ReactionTarget?,
        prepended: PrependedRecipient?, replies: SenderState.Replies?
    ) -> MessageVerdict {
        if message.isInbound {
            return inbound(
                message, evidence: evidence, newestInbound: newestInbound, newestNote: newestNote, unsettled: unsettled, moved: moved, now: now,
                callsEnabled: callsEnabled, replies: replies)
        }
        // Neither inbound nor outbound is known (MessageDirection): no send, window or delivery story is told.
        let direction = message.direction
        if direction.side == .unknown {
            return MessageVerdict(
                "which way the message went is unknown (\(direction.reason ?? "kapso.direction says neither")), so kops gives "
                    + "no verdict on it; Kapso's status is '\(message.status)'", .warning)
        }
        let history = StatusHistory(message: message, now: now)
        // A send to a group: the 1:1 window with Kapso's contact says nothing of it (MessageOrigin.sentToGroup).
        let group = MessageOrigin(message).sentToGroup
        let verdict = outbound(
            message, history: history,
            window: SendContext(
                atSend: group == nil ? windowAtSend : nil, newestInbound: group == nil ? newestInbound : nil, newestNote: newestNote, now: now,
                sentAt: message.time, recipient: MessageOrigin(message).sentToGroup == nil ? message.json["to"]?.string ?? message.contact : nil,
                messageID: message.id, moved: moved, contactUserIDs: contactUserIDs, reach: group == nil ? reach : nil, callsEnabled: callsEnabled,
                unsettled: group == nil ? unsettled : nil, later: group == nil ? later : nil, recovered: recovered, templateStatus: templateStatus,
                templateLanguage: message.json["template"]?["language"]?["code"]?.string, templates: templates,
                templateSent: TemplateMismatch.Sent(message: message.json), reactionTarget: reactionTarget, prepended: prepended),
            logSearch: logSearch, statuses: statuses)
        guard let foreign = history.foreignText else { return verdict }
        let count = history.foreign.count
        var note = "\(count) stored \(count == 1 ? "status names" : "statuses name") another message, so \(count == 1 ? "it was" : "they were") "
            + "set aside (Meta's status names its message by id): \(foreign)"
        if history.kapsoStatusIsForeign(message.status) {
            note += "; Kapso's status '\(message.status)' matches only \(count == 1 ? "it" : "them"), so it is not taken as this message's"
        }
        return verdict.appending(note, severity: verdict.severity == .good ? .warning : verdict.severity)
    }

    /// The verdict on an outbound message from its own statuses (`history.events`).
    private static func outbound(
        _ message: Message, history: StatusHistory, window: SendContext, logSearch: LogSearchAccess, statuses: StatusPath
    ) -> MessageVerdict {
        let windowAtSend = window.atSend
        // A word that is no step of the delivery (a warning) is named whichever way the history is read.
        if let conflict = history.conflict {
            return noting(
                sideEvents(history, except: conflict.failure.status), to: contradiction(conflict, history: history, message: message),
                reached: .failed)
        }
        // Kapso's status taken from another message's status says nothing of this one (`of`).
        if history.kapsoStatusIsForeign(message.status) {
            guard let latest = (history.latest ?? history.events.last)?.status else {
                return MessageVerdict("no status about this message itself was stored", .warning)
            }
            let verdict = outbound(latest, message: message, history: history, window: window, logSearch: logSearch, statuses: statuses)
            return noting(sideEvents(history, except: latest), to: verdict, reached: StatusWord(latest))
        }
        // Kapso's status and the history disagree on the outcome: neither wins (StatusHistory.Disagreement).
        if let disagreement = history.disagreement(withKapso: message.status) {
            let verdict = MessageVerdict(disagreement.conclusion(at: disagreement.when), .warning)
            return noting(sideEvents(history, except: disagreement.event.status), to: verdict, reached: .failed)
        }
        if history.isBehind(message.status) {
            // Kapso's failed with Meta's error on the message itself: that error is the verdict's (P37-11), not "not recorded".
            let carried = StatusWord(message.status) == .failed ? MessageError.ofFailure(message.json, history: history) : []
            if !carried.isEmpty {
                let send = FailedSend(message: message.json)
                let verdict = MessageVerdict(
                    failure(carried, window: window, send: send) + ownError(history), .bad, advice: failureAdvice(carried, window: window, send: send))
                return noting(sideEvents(history, except: message.status), to: verdict, reached: .failed)
            }
            let verdict = incomplete(message, history: history, windowAtSend: windowAtSend, now: window.now)
            return noting(sideEvents(history, except: message.status), to: verdict, reached: StatusWord(message.status))
        }
        // Deliveries and reads that all name another recipient are no evidence about this one (P28-20).
        if let others = reachedOthersOnly(message, history: history, moved: window.moved, userIDs: window.contactUserIDs, prepended: window.prepended) {
            return others
        }
        let status = history.latest?.status ?? message.status
        var verdict = outbound(status, message: message, history: history, window: window, logSearch: logSearch, statuses: statuses)
        verdict = noting(sideEvents(history, except: status), to: verdict, reached: StatusWord(status))
        if StatusWord(status) == .failed, let later = history.stepAfterFailure { verdict = laterStep(later, after: verdict) }
        // Quoted or reacted to after it failed: on the contact's phone all the same (LaterEvidence.failedVerdict, tester48 F9).
        // Not a reaction: Meta refuses reactions to reactions, so one "reacted to" is no evidence (probe39 P39-12's seed).
        if StatusWord(status) == .failed, message.type != "reaction", let later = window.later {
            let code = MessageError.primary(of: MessageError.ofFailure(message.json, history: history))?.code
            if let reached = later.failedVerdict("a failed status" + (code.map { " (\($0))" } ?? "")) { verdict = MessageVerdict(reached, .warning) }
        }
        // Kapso's field behind the history it keeps (StatusReading.Lag, probe37 P37-2): said beside the history's word.
        if let lag = StatusReading(message).lag {
            verdict = verdict.appending("(\(lag.note))", separator: " ")
        }
        guard history.untimedCount > 0 else { return verdict }
        let count = history.untimedCount
        let missing = history.unusable.isEmpty ? "no timestamp" : "no usable timestamp"
        let note =
            " (Kapso's status; \(count) status \(count == 1 ? "event has \(missing), so where it falls" : "events have \(missing), so where they fall") is unknown)"
        return verdict.appending(note, separator: "", severity: verdict.severity == .good ? .warning : verdict.severity)
    }

    private static func outbound(
        _ status: String, message: Message, history: StatusHistory, window: SendContext, logSearch: LogSearchAccess, statuses: StatusPath
    ) -> MessageVerdict {
        let now = window.now
        if let group = MessageOrigin(message).sentToGroup, let verdict = groupVerdict(group, status, history: history, message: message, now: now) {
            return verdict
        }
        if let verdict = withoutDeliveryReports(status, message: message, now: now) { return verdict }
        switch StatusWord(status) {
        case .failed:
            let send = FailedSend(message: message.json)
            // The error the failure carries, on its status or on the message itself (`MessageError.ofFailure`, the one
            // reading `message`, `messages`, `errors` and `whois` share; probe26 P26-9, probe37 P37-11).
            let errors = MessageError.ofFailure(message.json, history: history)
            if let imported = importedFailure(message, errors: errors, now: now) { return imported }
            // No status from Meta at all: Kapso's field is the only failure on record (P39-10).
            if errors.isEmpty, history.events.isEmpty {
                let verdict = failedWithoutStatuses(
                    wamid: message.id, phoneNumberID: message.phoneNumberID, age: message.time.map { now - $0 }, logSearch: logSearch)
                return MessageVerdict(verdict, .bad)
            }
            // Another failed status of it with other codes (tester64 T1): Meta's record names more than one cause, and which
            // one holds is not known, so the verdict says the other as `errors`' row does (`ErrorTriage.againText`).
            let again = ErrorTriage.againText(ErrorTriage.otherFailures(history, besides: errors))
            return MessageVerdict(failure(errors, window: window, send: send) + again, .bad, advice: failureAdvice(errors, window: window, send: send))
        case .played, .read, .delivered:
            // Sent to the number the contact left: whoever holds it now read it, not necessarily the contact (session 36).
            if let holder = window.moved?.reachedAfterMove(sentAt: window.sentAt, to: window.recipient) {
                return MessageVerdict("\(status)\(after(status, history)), " + holder, .warning)
            }
            // Errors attached to a delivery or read: uncertain, not plain delivered, never "retry" (P46-4).
            if let attached = history.reachedWithError {
                return MessageVerdict(
                    "\(status)\(after(status, history)); "
                        + StatusHistory.attachedMeaning(word: attached.status, error: MessageError.primary(of: attached.errors)), .warning)
            }
            if StatusWord(status) == .delivered {
                let after = after("delivered", history)
                return MessageVerdict(window.later?.deliveredVerdict(after: after) ?? "delivered\(after), not read yet", .good)
            }
            return StatusWord(status) == .read
                ? MessageVerdict("read by the contact\(after("read", history))", .good)
                : MessageVerdict("played by the contact\(after("played", history)) (a voice message listened to)", .good)
        case .sent:
            let stamped = (history.events.last { $0.time != nil }?.time ?? message.time).map { now - $0 } ?? 0
            // A time ahead of the API's clock gives no age (tester71 T5: "sent 2 h ago, no delivery report yet" of a
            // message stamped 2 h in the future): "sent at an unknown time", and no rule that needs the age applies.
            let since = max(stamped, 0)
            let ago = stamped < -MessageTime.skew
                ? "at an unknown time (stamped \(Elapsed.text(-stamped)) ahead of the API's clock: a tool's or device's clock)"
                : "\(Elapsed.text(since)) ago"
            // A warning or another word after `sent` is news from Meta: the phone being offline is not the guess then.
            let other = !sideEvents(history, except: status).isEmpty
            // Meta's "Message Not Delivered" (developers.facebook.com/docs/whatsapp/cloud-api/support): a message
            // stays at sent when the contact stays offline (held 30 days) or has blocked this business's number,
            // and Meta does not say which.
            // Whether statuses can reach Kapso at all comes first: the contact is no explanation when none can (P19-3),
            // and not the only one when kops did not read it.
            let offline = since > 3_600 && !other
                ? ": the contact's phone may be offline, or the contact may have blocked this business's number (Meta does not say which)"
                    + (statuses == .notRead ? statuses.unread : "")
                : ""
            // A coexistence echo was sent from the app, which shows its delivery; the Cloud API's statuses are not its.
            if message.kapsoOrigin == .businessApp {
                return MessageVerdict(
                    "sent \(ago) from the WhatsApp Business app (a coexistence echo): no delivery report "
                        + "reached Kapso; the app shows whether it arrived", .warning)
            }
            // The contact answered it, a later send reached them, or they wrote since: not the phone (P39-1).
            if let later = window.later {
                var closed: (cause: String, fix: String)?
                if case .closed(let cause, let fix) = statuses { closed = (cause, fix) }
                return MessageVerdict(later.sentVerdict(message, closed: closed, logSearch: logSearch), .warning)
            }
            // The sending number's own state comes first: one that cannot send now explains a missing report on the
            // business's side before the contact's phone does (P39-8).
            if let down = statuses.numberDownText, !other {
                return MessageVerdict(
                    "sent \(ago), no delivery report yet; first, \(down); only once it is back does a "
                        + "missing report point at the contact (phone offline, or this business's number blocked)", .bad)
            }
            if case .closed(let cause, let fix) = statuses, !other {
                return MessageVerdict(
                    "sent \(ago), no delivery report, and none can reach Kapso: \(cause) (health), so the "
                        + "missing report says nothing about the contact's phone; \(fix)", .bad)
            }
            // Past Meta's time-to-live, delivery is over: "might still arrive" is no longer true.
            if let age = message.time.map({ now - $0 }), age > timeToLive, !other {
                return MessageVerdict(
                    "sent \(Elapsed.text(age)) ago and never delivered: Meta retries delivery only for the message's "
                        + "time-to-live (30 days by default, and no message's is longer), which has passed, so it will not "
                        + "arrive; no final status reached Kapso to say so; if it still matters, send it again (a template, "
                        + "outside the 24-hour window)", .bad)
            }
            // A template's time-to-live can be far shorter (authentication 10 minutes by default, utility as set).
            let template = message.type == "template" && since > authenticationTTL && !other
                ? "; a template's time-to-live can be shorter than the 30-day default (authentication templates: 10 min "
                    + "by default; a utility template's can be set from 30 s to 12 h), past which it will not arrive"
                : ""
            return MessageVerdict("sent \(ago), no delivery report yet\(offline)\(template)", .warning)
        case .received:
            // An inbound message's word on a message read as outbound: one of the two is wrong, and kops cannot say which.
            return MessageVerdict(
                "Kapso's status is 'received', an inbound message's status, yet the message reads as outbound: the direction "
                    + "or the status Kapso stored is wrong, so kops gives no delivery verdict", .warning)
        case .warning, .deleted:
            // Only side words were recorded: `noting` names them; no step of the delivery was reported.
            return MessageVerdict("Meta reported no sent, delivered or read status", .warning)
        case .waiting(let word):
            let age = message.time.map { now - $0 }
            if let down = statuses.numberDownText, let age, age > normalWait {
                return MessageVerdict("\(word) for \(Elapsed.text(age)); first, \(down)", .bad)
            }
            if case .closed(let cause, let fix) = statuses, let age, age > normalWait {
                return MessageVerdict(
                    "\(word) for \(Elapsed.text(age)): Meta's sent status cannot reach Kapso: \(cause) (health); whether Meta "
                        + "accepted the send is not known from the statuses; \(fix)", .bad)
            }
            return waiting(word, age: age, id: message.id, number: message.phoneNumberID, logSearch: logSearch)
        case .unknown(let word):
            return MessageVerdict(unknownStatus(word), .warning)
        case .suppressed:
            return MessageVerdict(StatusWord.suppressedMeaning, .warning)
        }
    }

    /// The verdict on a send to a WhatsApp group reached by `status` (sent, delivered, read, played), nil for the other
    /// words (a failure reads as for any message): each delivered or read status is one participant's, named by
    /// `recipient_participant_id` (Meta's status webhook reference), so "read" is "read by that participant", never
    /// "read by the contact" or by the group.
    static func toGroup(_ group: String, _ status: String, history: StatusHistory, message: Message, now: Int64) -> MessageVerdict? {
        func by(_ word: String) -> String {
            let participants = history.participants(word)
            switch participants.count {
            case 0: return "a participant (Meta named none)"
            case 1: return "participant \(participants[0])"
            default: return "\(participants.count) participants (\(participants.joined(separator: ", ")))"
            }
        }
        let each = "each group status is one participant's (recipient_participant_id), so others may not have it"
        switch StatusWord(status) {
        case .read, .played:
            let word = StatusWord(status) == .played ? "played" : "read"
            return MessageVerdict("\(word) in group \(group) by \(by(word))\(comma(after(word, history))); \(each)", .good)
        case .delivered:
            return MessageVerdict(
                "delivered in group \(group) to \(by("delivered"))\(comma(after("delivered", history))), not read yet; \(each)", .good)
        case .sent:
            let stamped = (history.events.last { $0.time != nil }?.time ?? message.time).map { now - $0 } ?? 0
            // A time ahead of the API's clock gives no age (tester71 T5: "sent 2 h ago, no delivery report yet" of a
            // message stamped 2 h in the future): "sent at an unknown time", and no rule that needs the age applies.
            let since = max(stamped, 0)
            let ago = stamped < -MessageTime.skew
                ? "at an unknown time (stamped \(Elapsed.text(-stamped)) ahead of the API's clock: a tool's or device's clock)"
                : "\(Elapsed.text(since)) ago"
            return MessageVerdict("sent to group \(group) \(Elapsed.text(since)) ago, no participant's delivery report yet", .warning)
        default:
            return nil
        }
    }

    /// Meta's default time-to-live of a message, in seconds, and the longest any message can have: "If a message cannot
    /// be delivered to a WhatsApp user, delivery is retried for a period of time known as time-to-live" (Meta,
    /// "Configure message time-to-live", developers.facebook.com/documentation/business-messaging/whatsapp/templates/
    /// time-to-live: 30 days by default; custom ranges authentication 30 s–15 min, utility 30 s–12 h, marketing
    /// 12 h–30 days). Past it, a message still at `sent` will not be delivered.
    static let timeToLive: Int64 = 30 * 86_400
    /// An authentication template's default time-to-live (10 minutes, same source): past it, a template still at `sent`
    /// may have expired, as a utility template's shorter custom one may have.
    static let authenticationTTL: Int64 = 600

    // `, 9 s after sending` for ` 9 s after sending`; empty stays empty.
    static func comma(_ after: String) -> String { after.isEmpty ? "" : "," + after }

    /// A status word kops does not know: shown as unknown, never read as "not confirmed" or as a failure.
    static func unknownStatus(_ word: String) -> String {
        "status '\(word)' is not one kops knows (\(StatusWord.known.joined(separator: ", "))), so what it means "
            + "for the message is unknown; the timeline shows what was recorded"
    }
}
