public import KapsoClient

/// Ties that change what a failure means once later messages are read: a quote or reaction of it, a later success of
/// the same number; and the template readings of template refusals.
extension ErrorTriage {
    /// Ties a failed send to the contact's quote of it or reaction to it among the inbound messages read (`inbound`,
    /// `LaterEvidence.ofFailedSend`, the rule `trace` and `message` read): a contact can only quote or react to a message their phone has, so it reached them, and the
    /// code's "retry" would send a duplicate (an OTP's second code). The meaning is `trace`'s (`LaterEvidence
    /// .failedVerdict`, tester48 F9), the entry is marked (`seenByContact`) so that `errors` and `overview` count it apart
    /// from failed sends (tester49 F5). Not a reaction that failed: Meta refuses reactions to reactions, so one "reacted
    /// to" says nothing (probe39 P39-12). Run after each page, before the other ties; needs the API's clock.
    mutating func tieToQuotes() {
        guard let now else { return }
        for index in entries.indices where entries[index].source == .message && !tied.contains(index) {
            guard entries[index].statusWord == nil, !entries[index].isReceived, let message = try? Message(json: entries[index].json),
                message.isOutbound, message.type != "reaction",
                let later = LaterEvidence.ofFailedSend(message, among: inbound, now: now)
            else { continue }
            let code = entries[index].error.prefix { $0 != " " }
            let failure = "a failed status" + (!code.isEmpty && code.allSatisfy(\.isNumber) ? " (\(code))" : "")
            guard let verdict = later.failedVerdict(failure) else { continue }
            tied.insert(index)
            entries[index].seenByContact = later.seen
            entries[index].meaning = verdict + entries[index].alsoGave
        }
    }

    /// Ties a failure about the sending number (its token, billing, account: `LaterSuccess.codes`) to a later send from
    /// the same number that reached a phone, among the messages read (`reached`): the failure is past, so its meaning is
    /// `LaterSuccess.text` (resend; the account fix only if the code comes back), as `trace` reads it (probe39 P39-16:
    /// `errors` said "reconnect the number" of a 190 followed by deliveries). Run after each page; an entry once tied
    /// stays so.
    mutating func tieToLaterSuccess() {
        for index in entries.indices where entries[index].source == .message && !tied.contains(index) {
            guard entries[index].statusWord == nil, !entries[index].isReceived, let message = try? Message(json: entries[index].json),
                let recovered = LaterSuccess.of(message, among: reached)
            else { continue }
            tied.insert(index)
            let name = ErrorCatalog.entry(for: recovered.code)?.name ?? recovered.code
            entries[index].meaning = "\(name): " + recovered.text + entries[index].alsoGave
        }
    }

    /// The numbers of the sends in `pages` (`/whatsapp/messages` pages) that failed at or after `since` (Unix seconds, as
    /// `addMessages` counts them) for their template (`TemplateMismatch.codes`: 132000, 132001, 132015, 132016) or with a
    /// marketing-only code on a template of no recorded category (`FailedSend.needsListedCategory`), each once, in page
    /// order: whose WABA's templates explain them. Read before `addMessages`, so that `listings` holds them when the
    /// meanings are written.
    public static func templateFailureNumbers(in pages: [JSONValue], since: Int64) -> [String] {
        var found: [String] = []
        for value in pages.flatMap({ $0["data"]?.array ?? [] }) {
            guard let json = value.object, let message = try? Message(json: json), MessageDirection(message: json).side != .inbound,
                let number = Self.number(of: json), !found.contains(number)
            else { continue }
            let history = StatusHistory(message: message)
            guard let code = MessageError.primary(of: MessageError.ofFailure(json, history: history))?.code,
                (failureEvent(history)?.time ?? message.time ?? 0) >= since,
                TemplateMismatch.codes.contains(code) || needsListedCategory(code: code, message, history: history)
            else { continue }
            found.append(number)
        }
        return found
    }

    /// The failed status a send's failure is read from: the newest that carries errors, else the newest distinct one.
    static func failureEvent(_ history: StatusHistory) -> StatusHistory.Event? {
        history.failures.last { !$0.errors.isEmpty } ?? history.distinctFailures.last
    }

    /// True for a send that failed with `code` (its `MessageError.primary`), a marketing-only code, and whose template's
    /// category nothing on it names (`FailedSend.needsListedCategory`).
    static func needsListedCategory(code: String?, _ message: Message, history: StatusHistory) -> Bool {
        FailedSend.marketingOnlyCodes.contains(code ?? "") && FailedSend.needsListedCategory(message, history: history)
    }

    /// The WABA's templates (`listings`) for a send of `json` whose failure needs the category they name
    /// (`needsListedCategory(code:_:history:)`; tester49 F1: a UTILITY template's 131049 was told "send a utility
    /// template"); nil otherwise.
    func listing(for json: JSONObject, history: StatusHistory) -> TemplateMismatch.Listing? {
        guard let listing = Self.number(of: json).flatMap({ listings[$0] }), let message = try? Message(json: json),
            Self.needsListedCategory(code: MessageError.primary(of: MessageError.ofFailure(json, history: history))?.code, message, history: history)
        else { return nil }
        return listing
    }

    /// The sending number of a message record: `kapso.phone_number_id`, else `phone_number_id`.
    static func number(of json: JSONObject) -> String? {
        json["kapso"]?["phone_number_id"]?.string ?? json["phone_number_id"]?.string
    }

    /// The template code an entry failed with, nil for other entries.
    static func templateCode(of entry: Entry) -> String? {
        let code = entry.error.prefix { $0 != " " }
        return TemplateMismatch.codes.contains(String(code)) ? String(code) : nil
    }

    /// Reads the entries refused for their template with the WABA's templates (`listings`; `TemplateMismatch.advice`, as
    /// `trace` reads them; probe39 P39-2, P39-3).
    public mutating func readTemplates() {
        for index in entries.indices where entries[index].source == .message {
            let json = entries[index].json
            guard let code = Self.templateCode(of: entries[index]),
                let listing = Self.number(of: json).flatMap({ listings[$0] }),
                let sent = TemplateMismatch.Sent(message: json, details: Self.details(of: json, code: code)),
                let advice = TemplateMismatch.advice(code: code, sent: sent, listing: listing)
            else { continue }
            entries[index].meaning = "\(ErrorCatalog.entry(for: code)?.name ?? code): " + advice + entries[index].alsoGave
        }
    }

    /// Meta's details of the failure with `code` recorded with the message, nil when none.
    static func details(of json: JSONObject, code: String) -> String? {
        guard let message = try? Message(json: json) else { return nil }
        let history = StatusHistory(message: message)
        return (MessageError.ofFailure(json, history: history) + history.failures.flatMap(\.errors)).first { $0.code == code }?.details
    }
}
