internal import Foundation
public import KapsoClient

/// One list of what went wrong, newest first: message errors (failed statuses anywhere in a history,
/// errors on received messages), API errors and failed deliveries.
public struct ErrorTriage {
    /// Where an entry comes from; the `--source` names. `meta`: failed statuses Meta sent Kapso (log search).
    public enum Source: String, CaseIterable {
        case message, api, webhook, meta
    }

    /// One failure with its meaning and the next step.
    public struct Entry {
        /// ISO-8601 UTC, for sorting and display.
        public var time: String
        public var source: Source
        public var subject: String
        public var error: String
        public var meaning: String
        public var json: JSONObject
        /// For a message entry that is no failed status, the status word it came from (`warning`); nil otherwise.
        public var statusWord: String? = nil
        /// True for the `errors[]` of a message the contact sent (131051 "unsupported message type", 131060 "message
        /// unavailable"): WhatsApp telling the business it could not pass on what the contact did, not a send of the
        /// business that failed. Meta surfaces these on the incoming message itself (`entry.changes.value.messages.errors`,
        /// WhatsApp error codes page, developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes;
        /// trigger "A WhatsApp user sends a message type not supported by Cloud API", unsupported messages webhook
        /// reference, …/whatsapp/webhooks/reference/messages/unsupported), so they are shown and counted apart from
        /// failures (probe21 P21-13).
        public var isReceived = false
        /// ` (the same status also gave 131000 Something went wrong)`: the other codes of the entry's status
        /// (`MessageError.alsoGave`), kept so that a meaning a tie writes later still ends with them; empty for none.
        var alsoGave = ""
        /// The WAMID of the message the entry is about (message and `meta` entries), nil for others: what makes two
        /// entries one failed send when they are counted (`FailureGroups.failureCount`, P37-1).
        public var wamid: String? = nil
        /// A failed send's delivery or read also reported (`StatusHistory.conflict`: the outcome is not certain, case H21),
        /// counted apart from plain failures (`SendFailures.conflicting`, probe42 P42-6); nil otherwise.
        public var alsoReached: String? = nil
        /// A failed send whose Kapso status and Meta's status history disagree (`StatusHistory.disagreement(withKapso:)`:
        /// Kapso's `failed` over a history that reached the phone, or Kapso's `read` over Meta's `failed`): its row says
        /// "uncertain", and the counts say so too (tester64 T8: "5 causes of 6 failures" counted them as plain failures).
        public var kapsoDisagrees = false
        /// The rate limit a 131000's details name (`MessageError.NamedRateLimit`), so the grouped row's name and cause
        /// are the one reading's (tester52 K5); nil otherwise.
        public var namedRateLimit: MessageError.NamedRateLimit? = nil
        /// For a failed send the contact quoted or reacted to afterwards (`LaterEvidence.reachedThisMessage`): what they
        /// did (`LaterEvidence.seen`). It reached their phone, so it is counted apart from failed sends and never told
        /// "retry" (tester49 F5, as `trace` reads it since tester48 F9); nil otherwise.
        public var seenByContact: String? = nil
    }

    public internal(set) var entries: [Entry] = []
    /// The phone-number ids with WhatsApp calling on (`PhoneNumber.callsEnabled`), set before messages are added: a send
    /// refused for the window on one of them is told "send a template" with `ContactWindow.callCaveat`, as `trace` says
    /// it (probe25 P25-16).
    public var callingNumbers: Set<String> = []
    /// The WABA's templates by phone-number id (`templateFailureNumbers(in:since:)`), set before messages are added.
    public var listings: [String: TemplateMismatch.Listing] = [:]
    /// Failed statuses (or statuses with errors) stored with a listed message whose `id` names another message
    /// (`StatusHistory.foreign`), left out of `entries`: not this message's outcome (probe10 P10-1). One WAMID per such
    /// status: the message it is stored with.
    public private(set) var statusesOfOtherMessages: [String] = []
    /// API calls answered with an error status that is Kapso's normal answer, left out of `entries`.
    public internal(set) var normalAnswers = 0
    /// API calls whose `response_status` holds no HTTP status (`UnreadableCallStatus`), left out of `entries`: not known
    /// to have failed, and said, not dropped (tester63b AO7).
    public internal(set) var unreadableStatusCalls: [APILog] = []
    // Keys of message errors already added, so overlapping pages add each once.
    private var seen: Set<String> = []
    // Inbound messages read so far, for the contact moves a 131026 is tied to (`tieToMoves`), and the entries tied.
    var inbound: [Message] = []
    // Messages to contacts that Meta reported delivered, read or played: a later one says the number still reaches them.
    var reached: [Message] = []
    var tied: Set<Int> = []
    // The entries `tieToMoves` tied to a contact's move, by index, with what `settle` needs to say it again.
    var moveTies: [Int: MoveTie] = [:]
    // The API's clock of the pages read (`addMessages`), for the window a later message of the contact keeps open.
    var now: Int64?

    public init() {}

    /// Adds what went wrong in a `/whatsapp/messages` page, at or after `since` (Unix seconds): every failed
    /// status, whatever the message's final status (a failure later followed by a delivery is listed too), as one
    /// failure under the message's code (`MessageError.primary`: a specific code over Meta's generic 131000) with
    /// the status's other codes as detail; a failed status without errors; a status that is no failure but carries
    /// errors (`warning`, StatusWord) as one entry named by its word; and the `errors[]` of received messages (e.g.
    /// 131051). Pages may overlap: a failure already added is not added again. A failed status stored with a message
    /// whose `id` names another message is no failure of this one: counted in `statusesOfOtherMessages` only.
    /// With `now` (the API's clock), a send refused for the window (131047) after which the contact wrote again reads as
    /// `trace` reads it: the window is open now, send it again as is (`tieToLaterInbound`).
    public mutating func addMessages(_ page: JSONValue, since: Int64, now: Int64? = nil) {
        if let now { self.now = now }
        defer {
            // First: a quote or reaction is the strongest evidence, and the other ties skip an entry once tied.
            tieToQuotes()
            tieToMoves()
            tieToLaterInbound()
            tieToLaterSuccess()
        }
        for value in page["data"]?.array ?? [] {
            guard let message = value.object, let id = message["id"]?.string else { continue }
            if MessageDirection(message: message).side == .inbound, let read = try? Message(json: message),
                !inbound.contains(where: { $0.id == read.id })
            {
                inbound.append(read)
            } else if let read = try? Message(json: message), read.isOutbound, !reached.contains(where: { $0.id == read.id }),
                StatusHistory(message: read).events.contains(where: { StatusWord($0.status).reachedDevice })
            {
                reached.append(read)
            }
            let kapso = message["kapso"]
            let inbound = MessageDirection(message: message).side == .inbound
            let sentAt = KapsoTime.reading(timestamp: message["timestamp"], within: KapsoTime.plausible)?.seconds
            let history = StatusHistory(statuses: kapso?["statuses"], sentAt: sentAt, messageID: id)
            // What a failure's entry says the message is now (`now read`): the history's last word (`latest`), else Kapso's.
            let final = history.latest?.status ?? kapso?["status"]?.string ?? "?"
            let contact = MessageOrigin(message: message).sentToGroup.map { "group \($0)" } ?? MessageSummary.contact(of: message) ?? "?"
            // Imported history (tester50 F2) is said in the subject: a message the app sent before onboarding, no send of
            // this integration (`SendFailures.imported`).
            let type = (message["type"]?.string ?? "?") + (UnsupportedContent.type(of: message).map { ": \($0)" } ?? "")
                + (Self.templateName(of: message).map { " \($0)" } ?? "")
                + (KapsoOrigin(message) == .importedHistory ? ", imported history" : "")
            var found: [(key: String, time: Int64?, error: MessageError?, others: [MessageError], subject: String, word: String?, also: String)] = []
            // Kapso's status against a history that says otherwise: the entry says so, as the verdict does.
            let disagreement = inbound ? nil : kapso?["status"]?.string.flatMap { history.disagreement(withKapso: $0) }
            // Meta's errors on the message itself (`messages[].errors`, or a relay's `error`): a failed status without its own
            // reads them (P28-7, P37-11).
            let received = MessageError.carried(by: message)
            // Pages overlap and a relay may trim a WAMID's padding: one message is one key (StatusHistory.namesSameMessage).
            let key = String(StatusHistory.messageKey(id))
            // One message, one failed send (P37-1): every failed status of it, Kapso's `failed` and Meta's error on the
            // message are one failure, under the error the failure carries (`MessageError.ofFailure`, as the verdict reads
            // it), the other codes reported for it as detail. Meta's `failed` is final (status webhook reference), so a
            // second failed status is the same send reported again, whatever codes it carries.
            let failures = history.distinctFailures
            let kapsoFailed = kapso?["status"]?.string == "failed" && !history.kapsoStatusIsForeign("failed")
            if !inbound, !failures.isEmpty || kapsoFailed || !received.isEmpty {
                let errors = MessageError.ofFailure(message, history: history)
                let event = Self.failureEvent(history)
                // The codes another failed status of the same message gave: the same send reported again, said as such.
                let also = Self.againText(Self.otherFailures(history, besides: errors))
                let now = failures.isEmpty ? "" : disagreement.map { ", Kapso's status \($0.kapsoStatus)" } ?? (final == "failed" ? "" : ", now \(final)")
                let participant = event?.participant.map { ", participant \($0)" } ?? ""
                found.append(
                    ("\(key)/failed", event?.time ?? sentAt, MessageError.primary(of: errors), MessageError.others(of: errors),
                     "message to \(contact)\(participant) (\(type)\(now))", nil, also))
            }
            // A warning (or another word that is no step of the delivery), or a delivery or read with errors attached (P46-4,
            // StatusHistory.attachedMeaning): not a failed status; named by its word so it is never counted as a failure.
            for event in history.events where (StatusWord(event.status).rank == nil || StatusWord(event.status).reachedDevice) && !event.errors.isEmpty {
                found.append(
                    ("\(key)/status/\(event.storedIndex)", event.time ?? sentAt, MessageError.primary(of: event.errors),
                     MessageError.others(of: event.errors), "message to \(contact) (\(type), \(event.status))", event.status, ""))
            }
            for event in history.foreign where event.status == "failed" || !event.errors.isEmpty {
                guard (event.time ?? sentAt ?? 0) >= since, seen.insert("\(id)/other/\(event.storedIndex)").inserted else { continue }
                statusesOfOtherMessages.append(id)
            }
            // What the contact sent that came with errors (131051): shown apart, no failure of a send.
            if let error = MessageError.primary(of: received), inbound {
                found.append(("\(key)/errors", sentAt, error, MessageError.others(of: received), "message from \(contact) (\(type))", nil, ""))
            }
            // Kapso's own processing failed or was blocked: a failure outside Meta's error path (probe23 P23-3).
            if let processing = ProcessingStatus.failure(of: message), (sentAt ?? 0) >= since,
                seen.insert("\(key)/processing").inserted
            {
                let direction = inbound ? "from" : "to"
                entries.append(
                    Entry(
                        time: KapsoTime.iso(sentAt ?? 0), source: .message, subject: "message \(direction) \(contact) (\(type))",
                        error: ProcessingStatus.label(processing), meaning: ProcessingStatus.meaning(processing, message: message),
                        json: message, wamid: id))
            }
            var send = FailedSend(message: message)
            if let listing = listing(for: message, history: history) { send.readCategory(from: listing) }
            // A reaction's target among the messages read: the cause of Meta's 131009 it shows, as `trace` reads it (P39-12).
            if let target = send.reactedTo, let reaction = try? Message(json: message) {
                let listed = self.inbound + (page["data"]?.array ?? []).compactMap { $0.object.flatMap { try? Message(json: $0) } }
                if let reacted = listed.first(where: { StatusHistory.namesSameMessage($0.id, target) }) {
                    send.reactionTarget = ReactionTarget.of(reaction, target: reacted, changes: MessageChange.of(reacted.id, in: listed))
                }
            }
            // A received message's error reads as the verdict reads it: by its code (UnsupportedContent.reading).
            let unsupported = UnsupportedContent.type(of: message)
            for item in found where (item.time ?? 0) >= since && !seen.contains(item.key) {
                seen.insert(item.key)
                let receivedError = inbound && item.key.hasSuffix("/errors") ? item.error : nil
                var meaning =
                    receivedError.map { UnsupportedContent.reading(type: unsupported, error: $0) }
                    ?? item.error.map {
                        Self.meaning(of: $0, send: send, callsEnabled: message["kapso"]?["phone_number_id"]?.string.map(callingNumbers.contains) ?? false)
                    }
                    ?? (history.events.isEmpty && !item.key.hasSuffix("/errors")
                        ? MessageVerdict.failedWithoutStatuses(
                            wamid: id, phoneNumberID: kapso?["phone_number_id"]?.string, age: now.flatMap { now in sentAt.map { now - $0 } },
                            logSearch: .notAsked)
                        : history.failures.isEmpty
                            ? MessageVerdict.unrecordedFailure(history) + "; 'trace \(id)' shows the history"
                            : "the failed status has no errors[] entry; 'trace \(id)' shows the history")
                if item.word == "warning" { meaning = "a warning, not a failure: \(StatusWord.warningMeaning); " + meaning }
                if let word = item.word, StatusWord(word).reachedDevice { meaning = StatusHistory.attachedMeaning(word: word, error: item.error) }
                if let disagreement, item.word == nil, !item.key.hasSuffix("/errors") {
                    meaning = disagreement.conclusion(at: disagreement.when) + (item.error == nil ? "" : "; if it did fail: " + meaning)
                } else if let lead = Self.alsoReached(history), item.word == nil, item.key.hasSuffix("/failed") {
                    // A delivery or read was reported too: the verdict's conflict, not a plain failure (probe21 P21-22).
                    meaning = lead + meaning
                }
                // The status's other codes are said whatever reading a tie gives the entry later (`alsoGave`).
                let alsoGave = MessageError.alsoGave(item.others) + item.also
                meaning += alsoGave
                let headline = item.error?.headline
                    ?? (disagreement != nil ? "failed (Kapso's status only)"
                        : history.events.isEmpty ? MessageVerdict.failedWithoutStatusesHeadline : "failed, and Meta gave no error code")
                entries.append(
                    Entry(
                        time: KapsoTime.iso(item.time ?? 0), source: .message,
                        subject: item.subject,
                        error: item.word.map { "\($0) \(headline)" } ?? headline, meaning: meaning, json: message,
                        statusWord: item.word, isReceived: receivedError != nil, alsoGave: alsoGave, wamid: id,
                        alsoReached: item.word == nil && item.key.hasSuffix("/failed") ? history.conflict?.success.status : nil,
                        kapsoDisagrees: disagreement != nil && item.word == nil && !item.key.hasSuffix("/errors"),
                        namedRateLimit: item.error?.namedRateLimit))
            }
        }
    }

    /// Ties a free-form send refused for the window (131047) to a message the contact wrote after it, as `trace` and
    /// `message` read it (`MessageVerdict.writtenSince`, probe21 P21-19): the window is open again, so the message can go
    /// again as is, and "send an approved template" would cost a template for nothing; after an action of theirs Meta
    /// documents nothing on, the window is unknown (`MessageVerdict.afterRefusal`). Run after each page (the contact's
    /// message may come on a later one); an entry once tied stays so. Needs the API's clock (`addMessages(_:since:now:)`).
    private mutating func tieToLaterInbound() {
        guard let now else { return }
        for index in entries.indices where entries[index].source == .message && !tied.contains(index) {
            let json = entries[index].json
            let code = entries[index].error.split(separator: " ").first.map(String.init)
            guard entries[index].statusWord == nil, !entries[index].isReceived, ErrorCatalog.isReengagement(code),
                FailedSend(message: json).isTemplate != true, let message = try? Message(json: json), message.isOutbound,
                !message.isImportedHistory,
                let sentAt = message.time
            else { continue }
            let name = ErrorCatalog.entry(for: code ?? "")?.name
            // A delivery or read reported too is said first, as `addMessages` and `trace` say it (probe39 P39-5: a 131047
            // after a read lost it here).
            let lead = Self.alsoReached(StatusHistory(message: message)) ?? ""
            // Refused although the contact wrote within 24 h before the send: what `trace` says, never "send it again as
            // is", which is the send that failed (P32-4).
            let last = WindowEvidence.lastWrittenReading(by: message, before: sentAt, among: inbound, now: now)
            if let refused = MessageVerdict.RefusedInOpenWindow(
                sentAt: sentAt, lastInbound: last?.opens, note: last.flatMap { WindowEvidence($0.message, now: now).countedNote })
            {
                tied.insert(index)
                entries[index].meaning = lead + (name ?? "refused for the window") + ", yet " + refused.next + entries[index].alsoGave
                continue
            }
            let newest = WindowEvidence.newestWritten(by: message, among: inbound, now: now)
            guard let again = MessageVerdict.afterRefusal(
                sentAt, newestInbound: newest, note: WindowEvidence.countedNote(at: newest, by: message, among: inbound, now: now),
                unsettled: WindowEvidence.unsettled(by: message, among: inbound, now: now), now: now)
            else { continue }
            // The window left unknown by an action is read again on the next page, which may hold what the contact wrote.
            if again.hasSuffix(MessageVerdict.sendAgainAsIs) { tied.insert(index) }
            entries[index].meaning = lead + (name.map { "\($0): " + again } ?? again) + entries[index].alsoGave
        }
    }

    // `unsupported message type: ...`, or Meta's own words and where to look for a code the catalogue lacks; the fix
    // is the one for this message (`MessageError.fix(for:)`: a re-engagement refusal of a template is not answered
    // with "send a template").
    private static func meaning(of error: MessageError, send: FailedSend, callsEnabled: Bool = false) -> String {
        if send.isImported { return "\(error.shownName ?? error.headline): \(MessageError.importedFix)" }
        if send.isTemplate == true, ErrorCatalog.isReengagement(error.code), let entry = error.entry {
            return "\(entry.name) on a template: \(ErrorCatalog.reengagementOnTemplate)"
        }
        if let entry = error.entry {
            // Graph's is_transient, weighed as `explain` and `reply` weigh it (ErrorCatalog.Entry.transientNote).
            let transient = entry.transientNote(error.transient).map { "; \($0)" } ?? ""
            return "\(error.shownName ?? entry.name): \(error.fix(for: send, writtenSince: nil, callsEnabled: callsEnabled))\(transient)"
        }
        // A code with no catalogue entry and no words from Meta: `next` says both that and where to look.
        if error.code != nil, error.details ?? error.message ?? error.title == nil { return error.next }
        return error.code == nil ? error.meaning : "\(error.meaning); \(error.next)"
    }

    /// Newest first, at most `limit`.
    public func newest(_ limit: Int) -> [Entry] {
        Array(TimeOrder.newestFirst(entries, iso: \.time).prefix(limit))
    }
}
