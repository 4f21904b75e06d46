extension MessageVerdict {
    /// What kops read of the way Meta's statuses reach Kapso for a message's number (its health's
    /// `webhook_subscription`, `HealthTriage.messageEventsBlocked`).
    public enum StatusPath: Sendable, Equatable {
        /// The number's health was not read: whether statuses can reach Kapso is not known.
        case notRead
        /// Read: nothing in it stops Meta's statuses.
        case open
        /// Read: Meta sends Kapso no statuses for the number; `cause` and `fix` as `health` gives them.
        case closed(cause: String, fix: String)
        /// Read: the number itself is in a state in which it sends nothing (`HealthTriage.numberDown`: DISCONNECTED,
        /// BANNED, …); `state`, `cause` and `fix` as `health` gives them. Said before the contact's phone (P39-8).
        case numberDown(state: String, cause: String, fix: String)

        /// The path as `triage` reads it: the number's own state first, then closed when its subscription check blocks
        /// message events.
        public init(_ triage: HealthTriage) {
            if let down = triage.numberDown, let state = down.state, let cause = down.cause {
                self = .numberDown(state: state, cause: cause, fix: down.fix ?? "'health' says what to do")
            } else if let blocked = triage.messageEventsBlocked, let cause = blocked.cause {
                self = .closed(cause: cause, fix: blocked.fix ?? "'health' says what to do")
            } else {
                self = .open
            }
        }

        /// `the sending number is DISCONNECTED now (health: …): nothing more is sent from it and its statuses may not reach
        /// Kapso; …` for `numberDown`, nil otherwise.
        var numberDownText: String? {
            guard case .numberDown(let state, let cause, let fix) = self else { return nil }
            return "the sending number is \(state) now (health: \(cause)): nothing more is sent from it and its statuses may "
                + "not reach Kapso; \(fix)"
        }

        /// The alternative a verdict names when the path was not read.
        var unread: String {
            ", unless Meta's statuses do not reach Kapso for this number ('health' shows whether the app's webhook "
                + "subscription lists messages)"
        }
    }
}
