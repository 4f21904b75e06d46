// MARK: - Whether a number in this state sends

extension NumberStatus {
    /// What a number's own state says of its sends, for `numbers`, which lists each number not CONNECTED and advises
    /// `use` of one that can send (tester62 AK9: RESTRICTED, RATE_LIMITED, FLAGGED and UNKNOWN were said nowhere, and
    /// `use` of one of them was advised over a CONNECTED number).
    ///
    /// The state alone is Kapso's stored copy of Meta's `status` (or a health read's); whether Meta lets the number send
    /// now is its messaging health (`can_send_message` AVAILABLE, LIMITED or BLOCKED: "if you will be able to use the API
    /// for messaging … successfully, or if you will have limited success … or if you will be prevented from messaging
    /// … entirely", Meta, Messaging and Calling Health Status,
    /// https://developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status), which Kapso's
    /// health check reads as `messaging_health` (https://docs.kapso.ai/api/platform/v1/phone-numbers/check-phone-health,
    /// whose `phone_number_access.details.status` is the state read here). Meta lists the states without describing them
    /// (`NumberStatus`), so only a critical state is said to send nothing.
    public enum Sending: Sendable, Equatable {
        /// Nothing goes out (critical: BANNED, DISCONNECTED, …).
        case no
        /// Replies inside an open 24-hour window go out, business-initiated messages not (RESTRICTED: the messaging
        /// limit was reached, by the per-number limits' description, `NumberStatus`).
        case repliesOnly
        /// Sends go out as usual; the state is worth knowing (FLAGGED, quality RED).
        case asUsual
        /// Not known from the state (RATE_LIMITED: Meta does not say how many still go out; UNKNOWN; a state kops does
        /// not know).
        case notKnown
    }

    public var sending: Sending {
        if severity == .critical { return .no }
        if sendsAsUsual { return .asUsual }
        return word == "RESTRICTED" ? .repliesOnly : .notKnown
    }

    /// How `numbers` starts the number's line: `cannot send`, `sends replies only`, `sends, but` (FLAGGED) or
    /// `may not send`.
    public var sendingLabel: String {
        switch sending {
        case .no: "cannot send"
        case .repliesOnly: "sends replies only"
        case .asUsual: "sends, but"
        case .notKnown: "may not send"
        }
    }
}
