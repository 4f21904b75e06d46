public import KapsoClient
public import KapsoDiagnostics

/// Why `reply` did not send: the 24-hour window is closed, or the API refused the message.
public enum ReplyError: KopsError, Equatable {
    /// The evidence says the window is closed (never raised when it is unknown); `--force` sends anyway. `templates`
    /// are the approved ones that fit (`part_ready (en_US, es)`), empty when none or when they could not be listed.
    case windowClosed(contact: String, window: ContactWindow, templates: [String])
    /// The Meta proxy refused the send; explained from the error catalog. For a 131047 (window closed),
    /// `templates` are the approved ones that fit, as `windowClosed` names them.
    case rejected(MetaSendError, templates: [String] = [])
    /// The remembered message or conversation has no contact number to write to.
    case noContact
    /// `--to` is one of the project's own ids or numbers, or has no country code; nothing was sent.
    case notAContact(IDResolver.NotAContact)

    public var message: String {
        switch self {
        case .windowClosed(let contact, let window, let templates):
            let send = "send an approved template with 'reply --template NAME'"
                + (templates.isEmpty ? " ('templates --status APPROVED' lists them)" : " (approved: \(templates.joined(separator: ", ")))")
                + ", or add --force to try anyway"
            guard let closes = window.window?.closesAt else {
                return "reply: no inbound message from \(contact) to this number was found (its messages and conversations "
                    + "were read), so no 24-hour window is open; " + send
            }
            return "reply: the 24-hour window with \(contact) closed at \(KapsoTime.iso(closes)) "
                + "(\(Elapsed.text(window.at - closes)) ago), so free-form messages fail with 131047; " + send
        case .rejected(let error, let templates):
            guard let code = error.code, let entry = ErrorCatalog.entry(for: code) else {
                let code = error.code.map { " \($0)" } ?? ""
                return "reply: not sent (HTTP \(error.status)\(code)): \(error.message); check the request with --dry-run"
            }
            let fitting = templates.isEmpty ? "" : "; approved: \(templates.joined(separator: ", "))"
            return "reply: not sent: \(entry.code) \(entry.name) (HTTP \(error.status)): \(entry.meaning); \(entry.fix)\(fitting)"
        case .noContact:
            return "reply: the last message or conversation has no contact number; use 'reply --to E164 TEXT'"
        case .notAContact(let problem):
            return "reply: not sent: \(problem.statement); \(problem.fix)"
        }
    }

    public var exitStatus: ExitStatus { .failure }
}
