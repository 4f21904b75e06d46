public import KapsoClient

extension WindowEvidence {
    /// A free-form send to the contact that Meta refused for the window after their reaction or action: Meta counted the
    /// window closed despite it, so that reaction or action opened none. Meta's error codes: 131047 "More than 24 hours
    /// have passed since the recipient last replied to the sender number"
    /// (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/).
    ///
    /// It is the one reading of such a refusal for every view of the window (fix49's leftover: `trace` and `errors` read
    /// it, while `conversations`, `conversation` and `reply` still read the window as open, or unknown, from the reaction
    /// or action):
    /// - a reaction: the refusal counts when it is a `MessageVerdict.RefusedInOpenWindow` of the reaction (not raced), as
    ///   `trace` and `errors` read it, and no message the contact wrote kept the window open at the send;
    /// - an action: the refusal counts when the window at the send was left unknown by the action
    ///   (`unsettled(by:before:among:now:)`), as `trace`'s window line reads it.
    public struct Refusal: Sendable, Equatable {
        /// The refused send's time (Unix seconds), Meta's code (`131047`, `470`) and the send's id.
        public var sentAt: Int64
        public var code: String
        public var messageID: String

        public init(sentAt: Int64, code: String, messageID: String) {
            self.sentAt = sentAt
            self.code = code
            self.messageID = messageID
        }

        /// `a reaction; Meta documents nothing on whether that opens the 24-hour window, and a free-form send to them at
        /// 2026-11-21T09:30:00Z was refused with 131047 after it, so it did not`: `what` (the message) and what settles it.
        public func settles(_ what: String) -> String {
            "\(what); Meta documents nothing on whether that opens the 24-hour window, and a free-form send to them at "
                + "\(KapsoTime.iso(sentAt)) was refused with \(code) after it, so it did not"
        }
    }

    /// The code of Meta's refusal of `send` for the window (131047, 470: `ErrorCatalog.isReengagement`) on any of its
    /// failed statuses, or on the message itself when it failed (`MessageError.ofFailure`); nil otherwise.
    public static func windowRefusal(of send: Message) -> String? {
        let history = StatusHistory(message: send)
        let errors = history.failures.flatMap(\.errors)
            + (StatusWord(send.status) == .failed ? MessageError.ofFailure(send.json, history: history) : [])
        return errors.first { ErrorCatalog.isReengagement($0.code) }?.code
    }

    /// The contact's reactions and actions in `inbound` that a free-form send among `sends` (the contact's outbound
    /// messages), refused for the window after them, shows Meta did not count (`Refusal`), by message id; the newest such
    /// refusal for each. A template's refusal says nothing of the window (a template does not need it).
    public static func refuted(among inbound: [Message], by sends: [Message], now: Int64) -> [String: Refusal] {
        var refuted: [String: Refusal] = [:]
        for send in sends where send.isOutbound && send.type != "template" {
            guard let code = windowRefusal(of: send), let sentAt = send.time else { continue }
            let refusal = Refusal(sentAt: sentAt, code: code, messageID: send.id)
            let mine = inbound.filter { sameContact($0, as: send) }.map { ($0, WindowEvidence($0, now: now)) }
            // Open at the send: what the refusal speaks of.
            let openAtSend = mine.filter { _, evidence in
                evidence.time.seconds.map { $0 <= sentAt + SendWindow.clockSkew && ServiceWindow(lastInbound: $0, at: sentAt).isOpen } ?? false
            }
            var settled: [Message] = []
            let byWriting = openAtSend.filter { $0.1.opens != nil && $0.1.countedNote == nil }.compactMap(\.1.opens).max()
            let byReaction = openAtSend.filter { $0.1.countedNote != nil }.compactMap(\.1.opens).max()
            if let reacted = MessageVerdict.RefusedInOpenWindow(sentAt: sentAt, lastInbound: byReaction, note: "a reaction"), !reacted.raced,
                MessageVerdict.RefusedInOpenWindow(sentAt: sentAt, lastInbound: byWriting) == nil
            {
                settled += openAtSend.filter { $0.1.countedNote != nil && ($0.1.opens ?? .max) < sentAt - SendWindow.clockSkew }.map(\.0)
            }
            if let action = unsettled(by: send, before: sentAt, among: inbound, now: now) {
                settled += openAtSend.filter { $0.1.opensUnknown && ($0.1.time.seconds ?? .max) <= action.at }.map(\.0)
            }
            for message in settled where refusal.sentAt > refuted[message.id]?.sentAt ?? .min { refuted[message.id] = refusal }
        }
        return refuted
    }

    /// This reaction or action as `refusal` shows it: not counted, said with what settled it (`Refusal.settles`).
    public func settled(by refusal: Refusal) -> WindowEvidence {
        var settled = self
        settled.kind = .notWritten(refusal.settles(isReaction ? "a reaction" : unknownEffect ?? notWritten ?? "an action"))
        settled.opensUnknown = false
        return settled
    }
}
