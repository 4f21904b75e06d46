public import KapsoClient
public import KapsoDiagnostics

/// Why `reply` did not send: the 24-hour window is closed, or the API refused the message.
public enum ReplyError: KopsError, Equatable {
    /// The evidence says the window is closed (never raised when it is unknown); `--force` sends anyway. `templates`
    /// are the approved ones that fit (`part_ready (en_US, es)`), empty when none or when they could not be listed.
    case windowClosed(contact: String, window: ContactWindow, templates: [String])
    /// The Meta proxy refused the send; explained from the error catalog. For a 131047 (window closed),
    /// `templates` are the approved ones that fit, as `windowClosed` names them. `recipient`: the digits the send went
    /// to, for a code whose fix depends on them (131030 to an Argentine or Mexican mobile: `ContactNumber.AllowedListForm`).
    /// `form`: on a 131026, the other form of a Brazilian, Mexican or Argentine number that may be the contact's WhatsApp
    /// ID (`ContactNumber.undeliverableForm`, tester60 AH15), said before the catalogue's fix.
    case rejected(MetaSendError, templates: [String] = [], recipient: String? = nil, form: String? = nil)
    /// A 404 on the send path of a number the project lists: the number and the route are right, so the reading is the
    /// one the API log gets (`IDResolver.documentedRouteMeaning`), not "this key cannot see it" (probe26 P26-15).
    case numberNotReached(MetaSendError, meaning: String)
    /// Neither the remembered message nor its conversation names a contact number or business-scoped user id to write to.
    case noContact
    /// `--to` is one of the project's own ids or numbers, or has no country code; nothing was sent.
    case notAContact(IDResolver.NotAContact)
    /// The remembered message was written in a WhatsApp group (`group_id`): a reply to it goes to the group, which kops
    /// does not send, and the group's window is no 1:1 window with the participant (`contact`, digits `number`).
    case groupMessage(groupID: String, contact: String, number: String)
    /// The last message was sent to a WhatsApp group (`MessageOrigin.sentToGroup`): a reply would go 1:1 to Kapso's
    /// contact for it, not to the group; `number` is nil when Kapso names no contact other than the group.
    case sentToGroup(groupID: String, contact: String, number: String?)
    /// The contact's newest word is Meta's notification that they changed their number (`ContactWindow.Moved`); `--force`
    /// sends to the old number anyway.
    case contactMoved(contact: String, moved: ContactWindow.Moved)
    /// The contact's business-scoped user id was regenerated (`user_changed_user_id`): the old id no longer identifies
    /// them (probe26 P26-4).
    case userIDChanged(contact: String, change: ContactWindow.UserIDChange)
    /// The contact's recent failures say not to resend now (`ResendHold`: 131056 within Meta's backoff, 131026 repeated,
    /// 131049/131050 for marketing); `--force` sends anyway (probe40 P40-8).
    case held(contact: String, hold: ResendHold)
    /// The sending number is in a state that sends nothing (`SenderState.cannotSend`, probe39 P39-8): the reply would fail.
    case senderCannotSend(SenderState)

    public var message: String {
        switch self {
        case .windowClosed(let contact, let window, let templates):
            let send = "send an approved template with 'reply --template NAME'"
                + (templates.isEmpty ? " ('templates --status APPROVED' lists them)" : " (approved: \(templates.joined(separator: ", ")))")
                + ", or add --force to try anyway"
            // A message the contact wrote in a group opened the group's window only (ContactWindow.groupInbound).
            let group = window.groupInbound.map {
                " (their message in a WhatsApp group at \(KapsoTime.iso($0)) opened the group's window, not a 1:1 one)"
            } ?? ""
            guard let closes = window.window?.closesAt else {
                // Another of the project's own numbers: named so (tester56b Z10 residual).
                if let own = window.ownNumber, group.isEmpty {
                    return "reply: \(own) (its messages and conversations were read), so no 24-hour window is open"
                        + "\(window.callCaveat.map { " " + $0 } ?? ""); " + send
                }
                return "reply: no \(group.isEmpty ? "" : "1:1 ")inbound message from \(contact) to this number was found (its messages and conversations "
                    + "were read)\(group), so no 24-hour window is open\(window.callCaveat.map { " " + $0 } ?? "")"
                    + (window.elsewhere.map { "; " + $0 } ?? "") + "; " + send
            }
            // A call the contact made since would have reopened it, on a number with calling on (P21-7).
            let call = window.callCaveat.map { " " + $0 } ?? ""
            return "reply: the 24-hour window with \(contact) closed at \(KapsoTime.iso(closes)) "
                + "(\(Elapsed.text(window.at - closes)) ago)\(group), so free-form messages fail with 131047\(call)"
                + (window.elsewhere.map { "; " + $0 } ?? "") + "; " + send
        case .rejected(let error, let templates, let recipient, let undeliverableForm):
            // Read with the subcode, status and path: code 100 subcode 33 is the id in the path, not the payload (P9-5).
            guard let code = error.code,
                let entry = ErrorCatalog.entry(for: code, subcode: error.subcode, status: error.status, path: error.path, message: error.message)
            else {
                // Kapso's own refusal without a code (403 "Active sandbox session required to send messages", kapso-api.md
                // §9.3) is read as the API log reads it (APIRefusal), not as a payload to check (probe26 P26-15).
                if error.code == nil, let refusal = APIRefusal(status: error.status, text: error.message), let advice = refusal.advice {
                    return "reply: not sent: \(advice)"
                }
                let code = error.code.map { " \($0)" } ?? ""
                let words = error.metaWords.map { " (\($0))" } ?? ""
                return "reply: not sent (HTTP \(error.status)\(code)): \(error.message)\(words); check the request with --dry-run"
            }
            let fitting = templates.isEmpty ? "" : "; approved: \(templates.joined(separator: ", "))"
            // A 401 reads as the key to anyone who knows HTTP: say why this one is not (P26-2).
            let notKey = error.status == 401 ? " (\(CredentialRefusal.notTheKey))" : ""
            // Meta's own words name the field or value the fix points at (P28-21); the error funnel escapes and redacts them.
            let words = error.wordsBesideReading.map { "; \($0)" } ?? ""
            // The fix points at error_data.details only when Meta sent it (GraphErrorWords, as `explain` reads a body; P35-9).
            // Which form of an Argentine or Mexican mobile went out, and which a test number's allowed list holds (P37-3).
            let form = entry.code == "131030" ? recipient.flatMap(ContactNumber.allowedListForm)?.text : nil
            let fix = form ?? (undeliverableForm.map { $0 + "; " } ?? "") + error.words.fix(entry.fix, title: entry.title)
            // Graph's is_transient, weighed as `explain` weighs it (ErrorCatalog.Entry.transientNote; fix50d's leftover).
            let transient = entry.transientNote(error.transient).map { "; \($0)" } ?? ""
            return "reply: not sent: \(entry.code) \(entry.name) (HTTP \(error.status))\(notKey): \(entry.meaning); \(fix)\(words)\(transient)\(fitting)"
        case .numberNotReached(let error, let meaning):
            let code = error.code.map { " #\($0)" } ?? ""
            return "reply: not sent (HTTP \(error.status)\(code)): \(meaning)"
        case .noContact:
            return "reply: no contact number or business-scoped user id in the last message or its conversation; "
                + "use 'reply --to E164|BSUID|@USERNAME TEXT'"
        case .notAContact(let problem):
            return "reply: not sent: \(problem.statement); \(problem.fix)"
        case .contactMoved(let contact, let moved):
            return "reply: not sent: \(contact): \(moved.text); or add --force to send to the old number anyway"
        case .userIDChanged(let contact, let change):
            return "reply: not sent: \(contact): \(change.text); or add --force to send to the old id anyway"
        case .held(let contact, let hold):
            return "reply: not sent: \(contact): \(hold.statement); or add --force to send anyway"
        case .senderCannotSend(let state):
            return "reply: not sent: \(state.line); or add --force to send anyway"
        case .groupMessage(let group, let contact, let number):
            return "reply: not sent: the last message was written by \(contact) in WhatsApp group \(group); "
                + "\(MessageOrigin.groupReply(group)), and kops does not send to groups; to write to them 1:1, 'reply --to +\(number) TEXT' "
                + "(their 1:1 window is checked on its own: the group message does not open it)"
        case .sentToGroup(let group, let contact, let number):
            return "reply: not sent: the last message was sent to WhatsApp group \(group), and kops does not send to groups"
                + (number.map { "; to write to \(contact) 1:1, 'reply --to +\($0) TEXT' (their own 1:1 window is checked)" } ?? "")
        }
    }

    public var exitStatus: ExitStatus { .failure }

    /// The note a send with `--force` shows instead of the refusal: `--force: sending although Uma (@uma): the contact's
    /// business-scoped user id changed …`. Nil for refusals `--force` does not override.
    public var forcedNote: String? {
        switch self {
        case .contactMoved(let contact, let moved): "--force: sending although \(contact): \(moved.text)"
        case .userIDChanged(let contact, let change): "--force: sending although \(contact): \(change.text)"
        case .held(let contact, let hold): "--force: sending although \(hold.rule.code): \(contact): \(hold.statement)"
        case .senderCannotSend(let state): "--force: sending although \(state.line)"
        default: nil
        }
    }
}
