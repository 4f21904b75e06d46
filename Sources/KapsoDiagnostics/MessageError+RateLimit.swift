// MARK: - A generic 131000 whose details name a rate limit

extension MessageError {
    /// The rate limit a generic 131000's `error_data.details` names (tester51 N6: "too many messages sent from this phone
    /// number in a short period of time" got 131000's "unknown reason; retry"), nil for other codes and other details.
    /// The one reading every reader gives (`trace`, `messages`, `errors`, `explain` of a pasted body or text): its
    /// `name`, `meaning` and `fix` (tester52 K5/K17: `explain` of a pasted 131000 with 131048's wording said "unknown
    /// reason" while `trace` of the same failure named a rate limit).
    ///
    /// Meta's error-codes page sends you to `error_data.details` for a code's reason, and its details are free text, so
    /// the reading is hedged: the words match Meta's rate limits, no code says which. A real 131056 carries "Message failed
    /// to send because there were too many messages sent from this phone number to the same phone number in a short period
    /// of time" (YCloud's WhatsApp errors page quotes Meta's body, docs.ycloud.com/reference-link/whatsapp-errors); the
    /// pair rate is "1 message every 6 seconds to the same WhatsApp user", retried "after 4^X seconds" (Meta, About the
    /// platform, Pair rate limits; `ResendHold.rules`). Details naming no recipient may be that limit or the number's
    /// throughput (130429). 131048's are "Message failed to send because there are restrictions on how many messages can
    /// be sent from this phone number. This may be because too many previous messages were blocked or flagged as spam"
    /// (Meta's error-codes page as `NumberStatus` quotes it): the spam rate limit, whose fix is the number's quality.
    public enum NamedRateLimit: Sendable, Equatable {
        /// The details name the same recipient: Meta's pair rate limit (131056).
        case pair
        /// The details name a rate limit but no recipient: the pair rate (131056) or the number's throughput (130429).
        case unclear
        /// The details are 131048's: a limit on the number for earlier messages blocked or flagged as spam.
        case spam

        /// Read from a 131000's `details` (or the words pasted after it); nil for another code and when they name no rate limit.
        public init?(code: String?, details: String?) {
            guard code == "131000", let text = details?.lowercased() else { return nil }
            if ["flagged as spam", "restrictions on how many messages", "spam rate limit"].contains(where: text.contains) {
                self = .spam
                return
            }
            guard ["too many messages", "rate limit", "throughput", "in a short period of time"].contains(where: text.contains)
            else { return nil }
            self = ["same phone number", "same recipient", "same user", "same whatsapp user", "pair rate"].contains(where: text.contains)
                ? .pair : .unclear
        }

        /// The code whose wording the details carry (131056, 131048), nil when they fit two.
        public var wordedAs: String? {
            switch self {
            case .pair: "131056"
            case .spam: "131048"
            case .unclear: nil
            }
        }

        /// The name lines put before the fix: `something went wrong (its details name a rate limit)`.
        public var name: String { "something went wrong (its details name a rate limit)" }

        /// What the error means, hedged: `Meta's generic 'something went wrong', but its details name a rate limit: as
        /// worded, … (Meta's free text, no code confirms it)`.
        public var meaning: String {
            let which = switch self {
            case .pair: "its pair rate limit (131056: too many messages from this number to the same recipient in a short time)"
            case .unclear: "one of its rate limits: the pair rate to one recipient (131056) or the number's throughput (130429)"
            case .spam: "its spam rate limit (131048: this number may send only so many messages because earlier ones were "
                + "blocked or flagged as spam)"
            }
            return "Meta's generic 'something went wrong', but its details name a rate limit: as worded, \(which); the details "
                + "are Meta's free text, so no code confirms it"
        }

        /// What to do: slow down and retry with backoff (or, for the spam limit, the number's quality), not a ticket first.
        public var fix: String {
            let pace = "Meta's pair rate is 1 message every 6 seconds to the same user, retried after 4^X seconds"
            let rest = "; a retry at once likely fails the same way; if it repeats without a burst of sends, open a Meta Direct "
                + "Support ticket with the wamid and the time"
            switch self {
            case .pair: return "wait before writing to this recipient again (\(pace)); other recipients are not affected" + rest
            case .unclear: return "slow down: space the sends to each recipient (\(pace)) and queue the number's sends, then retry" + rest
            case .spam:
                return "check the number's quality rating in WhatsApp Manager ('health'); send less and only to contacts who "
                    + "opted in before sending more" + rest
            }
        }
    }

    /// `NamedRateLimit` of this error: a 131000 whose details name a rate limit; nil otherwise.
    public var namedRateLimit: NamedRateLimit? { NamedRateLimit(code: code, details: details) }

    /// The name lines put before the fix: the catalogue's (`message undeliverable`), or for a 131000 whose details name a rate
    /// limit `NamedRateLimit.name`; nil when the code is not in the catalogue.
    public var shownName: String? { namedRateLimit?.name ?? entry?.name }
}
