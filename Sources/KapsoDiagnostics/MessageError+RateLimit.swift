// MARK: - A generic 131000 whose details name a rate limit

extension MessageError {
    /// The rate limit a generic 131000's `error_data.details` names (tester51 N6: "too many messages sent from this phone
    /// number in a short period of time" got 131000's "unknown reason; retry"), nil for other codes and other details.
    ///
    /// Meta's error-codes page sends you to `error_data.details` for a code's reason, and its details are free text, so
    /// the reading is hedged: the words match Meta's rate limits, no code says which. A real 131056 carries "Message failed
    /// to send because there were too many messages sent from this phone number to the same phone number in a short period
    /// of time" (YCloud's WhatsApp errors page quotes Meta's body, docs.ycloud.com/reference-link/whatsapp-errors); the
    /// pair rate is "1 message every 6 seconds to the same WhatsApp user", retried "after 4^X seconds" (Meta, About the
    /// platform, Pair rate limits; `ResendHold.rules`). Details naming no recipient may be that limit or the number's
    /// throughput (130429).
    public enum NamedRateLimit: Sendable, Equatable {
        /// The details name the same recipient: Meta's pair rate limit (131056).
        case pair
        /// The details name a rate limit but no recipient: the pair rate (131056) or the number's throughput (130429).
        case unclear

        /// Read from `details`; nil when they name no rate limit.
        init?(details: String?) {
            guard let text = details?.lowercased(),
                ["too many messages", "rate limit", "throughput", "in a short period of time"].contains(where: text.contains)
            else { return nil }
            self = ["same phone number", "same recipient", "same user", "same whatsapp user", "pair rate"].contains(where: text.contains)
                ? .pair : .unclear
        }

        /// What the error means, hedged: `Meta's generic 131000, but its details name … (Meta's free text, no code …)`.
        var meaning: String {
            let which = self == .pair
                ? "its pair rate limit (131056: too many messages from this number to the same recipient in a short time)"
                : "one of its rate limits: the pair rate to one recipient (131056) or the number's throughput (130429)"
            return "Meta's generic 'something went wrong', but its details name a rate limit: as worded, \(which); the details "
                + "are Meta's free text, so no code confirms it"
        }

        /// What to do: slow down and retry with backoff, not a support ticket first.
        var fix: String {
            let pace = "Meta's pair rate is 1 message every 6 seconds to the same user, retried after 4^X seconds"
            let rest = "; a retry at once likely fails the same way; if it repeats without a burst of sends, open a Meta Direct "
                + "Support ticket with the wamid and the time"
            switch self {
            case .pair: return "wait before writing to this recipient again (\(pace)); other recipients are not affected" + rest
            case .unclear: return "slow down: space the sends to each recipient (\(pace)) and queue the number's sends, then retry" + rest
            }
        }
    }

    /// `NamedRateLimit` of this error: a 131000 whose details name a rate limit; nil otherwise.
    var namedRateLimit: NamedRateLimit? { code == "131000" ? NamedRateLimit(details: details) : nil }

    /// The name lines put before the fix: the catalogue's (`message undeliverable`), or for a 131000 whose details name a rate
    /// limit `something went wrong (its details name a rate limit)`; nil when the code is not in the catalogue.
    var shownName: String? { namedRateLimit == nil ? entry?.name : "something went wrong (its details name a rate limit)" }
}
