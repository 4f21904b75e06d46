public import KapsoClient

/// The 24-hour window when an outbound message was sent, in words for `trace`'s "window" field, e.g. `open when sent:
/// last inbound 2026-11-21T11:00:00Z, open until 2026-11-22T11:00:00Z`; `severity` nil for a neutral line.
///
/// The window is computed from the contact's messages, but the message's own history can say more: a free-form message
/// sent outside the window fails with 131047 (Meta's error codes: "more than 24 hours have passed since the recipient
/// last replied"), so one that was delivered proves the window was open, whatever kops computed (probe9 P9-18: Kapso
/// stamps the send with its clock and Meta the contact's message with its own). A message sent from the WhatsApp
/// Business app (coexistence echo) or imported (`history_sync`) did not go through the Cloud API (`WindowEvidence`), so
/// the Cloud API window says nothing about it: the app is not bound by it.
public struct SendWindow: Sendable, Equatable {
    public var text: String
    public var severity: MessageVerdict.Severity?

    /// How far after the send a message the contact wrote still counts as written before it: the two stamps come
    /// from two clocks (Kapso's for the send, Meta's for the message), a second or two apart (probe9 P9-18).
    public static let clockSkew: Int64 = 5

    public init(text: String, severity: MessageVerdict.Severity?) {
        self.text = text
        self.severity = severity
    }

    /// What Kapso's own reading says of the window at `at` (a send's time): its conversation's `kapso.last_inbound_at`
    /// (`lastInboundAt`, Unix seconds), from which "the 24-hour customer-service window is derived" (kapso-api.md §8.3;
    /// the Kapso Extensions conversation fields, docs.kapso.ai/docs/whatsapp/typescript-sdk/conversations). True: open
    /// at the send; false: closed; nil when unknown or stamped after the send (then it names a later message, which says
    /// nothing of the window at the send).
    public static func openByKapso(lastInboundAt: Int64?, at: Int64) -> Bool? {
        guard let lastInboundAt, lastInboundAt <= at + clockSkew else { return nil }
        return lastInboundAt + Conversation.windowSeconds > at
    }

    /// True when kops's reading of the window at the send (`window`, from the contact's messages) says closed and
    /// Kapso's (`openByKapso`) says open: then neither is stated as fact (probe23 P23-2: `trace` said "closed when sent"
    /// while `conversation` said open from the same conversation's last_inbound_at).
    public static func readingsDisagree(_ window: ServiceWindow?, kapsoLastInbound: Int64?) -> Bool {
        guard let window, !window.isOpen else { return false }
        return openByKapso(lastInboundAt: kapsoLastInbound, at: window.at) == true
    }

    /// The window line for `message` (outbound); `window` is the window at its send (nil when unknown, `unknown` then
    /// says why). `kapsoLastInbound` is the conversation's `kapso.last_inbound_at` (Unix seconds), the second reading
    /// of the window (`openByKapso`): where it says open and the messages kops read say closed, the line says both.
    /// `callsEnabled`: the number has WhatsApp calling on, so a call before the send may have opened the window, which
    /// kops cannot see: "closed when sent" carries `ContactWindow.callCaveat` unless Meta refused the send for the window
    /// (131047 says closed itself), as `reply` and `conversation` hedge it (probe25 P25-16). `unsettled`: the window at the
    /// send left unknown by the contact's action Meta documents nothing on (`WindowEvidence.unsettled(by:before:among:now:)`):
    /// "closed when sent" becomes unknown, unless Meta refused the send for the window, which settles it.
    public static func of(
        _ message: Message, window: ServiceWindow?, unknown: String, kapsoLastInbound: Int64? = nil, callsEnabled: Bool = false,
        unsettled: WindowEvidence.Unsettled? = nil
    ) -> SendWindow {
        let evidence = WindowEvidence(message, now: nil)
        if evidence.appOrigin == .businessApp {
            return SendWindow(
                text: "does not apply: sent from the WhatsApp Business app (kapso.origin business_app, a coexistence echo), "
                    + "which the Cloud API's 24-hour window does not govern", severity: nil)
        }
        if evidence.appOrigin == .importedHistory {
            return SendWindow(text: "does not apply: imported history (kapso.origin history_sync), not sent through the Cloud API", severity: nil)
        }
        let template = message.type == "template"
        let prefix = template ? "not needed for a template; " : ""
        // A free-form message that reached the phone went out inside the window (`SendProof`, as `reply` reads it).
        let proof = SendProof.of(message)
        let refused = proof?.refused ?? false
        let call = callsEnabled && !template && !refused ? " " + ContactWindow.callCaveat(since: "before the send") : ""
        let delivered = proof?.reachedStatus
        // A send to a group needs the group's window, which any participant's message opens; Kapso's contact's 1:1
        // window says nothing of it, and the group's messages cannot be listed (no group filter, kapso-api.md §7.1).
        if MessageOrigin(message).sentToGroup != nil {
            let reached = delivered.map { "; it reached the group, as its \($0) status shows" } ?? ""
            return SendWindow(
                text: prefix + "the group's 24-hour window, not a 1:1 window with a participant; kops cannot list "
                    + "the group's messages (Kapso's message list has no group filter), so when it was open is unknown\(reached)",
                severity: nil)
        }
        guard let window else { return SendWindow(text: "unknown: " + unknown, severity: .warning) }
        // An action of the contact Meta documents nothing on came after the last message they wrote (tester48's notes).
        let action = window.isOpen || delivered != nil ? nil : unsettled
        if let action, !refused {
            return SendWindow(text: prefix + "unknown when sent: " + action.known, severity: template ? nil : .warning)
        }
        let settled = action.map {
            "; at \(KapsoTime.iso($0.at)) came \($0.what), whose effect on the window Meta does not "
                + "document: its 131047 says it did not open it"
        } ?? ""
        // A reaction counted as the contact writing is said to be one (`WindowEvidence.countedNote`).
        let noted = window.lastInboundNote.map { " (\($0))" } ?? ""
        guard let closes = window.closesAt, let last = window.lastInbound else {
            if let delivered {
                return SendWindow(
                    text: "open when sent, as its \(delivered) status shows (a free-form message outside the window fails "
                        + "with 131047), though no inbound message from the contact before it was found: they wrote in a way "
                        + "kops did not read", severity: .warning)
            }
            if let kapso = kapsoLastInbound, readingsDisagree(window, kapsoLastInbound: kapso) {
                return SendWindow(text: prefix + unsure(kapso, kops: "no inbound message from the contact before it was found"), severity: .warning)
            }
            return SendWindow(
                text: prefix + "closed when sent: no inbound message from the contact before it was found" + settled + call,
                severity: template ? nil : .warning)
        }
        if window.isOpen {
            let skew = last > window.at
                ? " (the contact's message is stamped \(Elapsed.text(last - window.at)) after the send: Kapso stamps the send "
                    + "and Meta the message, with clocks a moment apart)" : ""
            // Seconds before the close, "open" hides a race with Meta's clock (probe21 P21-15): the time left is named.
            let left = closes - window.at <= MessageVerdict.closingMargin ? " (\(Elapsed.text(closes - window.at)) left at the send)" : ""
            return SendWindow(
                text: "open when sent: last inbound \(KapsoTime.iso(last))\(noted), open until \(KapsoTime.iso(closes))\(left)\(skew)",
                severity: left.isEmpty ? .good : .warning)
        }
        let before = window.at == closes ? "at the second of the send" : "\(Elapsed.text(window.at - closes)) before"
        let closed = "last inbound \(KapsoTime.iso(last))\(noted), closed \(KapsoTime.iso(closes)) (\(before))"
        if let delivered {
            return SendWindow(
                text: "open when sent, as its \(delivered) status shows (a free-form message outside the window fails "
                    + "with 131047), though kops's reading says closed (\(closed)): a message of the contact's that kops did "
                    + "not read opened it, or its time and the send's come from clocks that differ", severity: .warning)
        }
        if let kapso = kapsoLastInbound, readingsDisagree(window, kapsoLastInbound: kapso) {
            return SendWindow(text: prefix + unsure(kapso, kops: "the contact's messages kops read say closed (\(closed))"), severity: .warning)
        }
        return SendWindow(text: prefix + "closed when sent: " + closed + settled + call, severity: template ? nil : call.isEmpty ? .bad : .warning)
    }

    /// Both readings of a window at a send, when Kapso's says open and kops's says closed: `unsure: Kapso's
    /// last_inbound_at 2026-11-21T11:00:00Z says open when sent (until …), but …`.
    private static func unsure(_ kapso: Int64, kops: String) -> String {
        "unsure: Kapso's last_inbound_at \(KapsoTime.iso(kapso)) says open when sent (until "
            + "\(KapsoTime.iso(kapso + Conversation.windowSeconds))), but \(kops): the contact wrote in a way kops cannot "
            + "list (a call, an event Kapso does not list, history not imported), or Kapso's stamp is not a message they wrote"
    }
}
