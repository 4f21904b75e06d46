/// How far a message's delivery got by its own status history: the one ordering of its steps every reader uses — the
/// STATUS column and `message`'s status (`StatusReading`), `trace`'s note under the timeline, the verdict on a group send
/// and Kapso's word against the history (`disagreement`).
///
/// Meta orders a delivery's steps sent < delivered < read, `played` saying more than `read` ("the first time a voice
/// message is played"), and `failed` is final and read apart (Meta, WhatsApp Cloud API status messages webhook reference,
/// developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status; `StatusWord`).
/// Statuses arrive unordered, so the furthest step is read by that order, not by time or storage.
extension StatusHistory {
    /// The furthest delivery step recorded (a waiting word, `sent`, `delivered`, `read`, `played` over `read`), whatever
    /// order it was stamped or stored in; failures and words with no rank (`warning`, unknown ones) are left out. Nil when
    /// no step was recorded. Of equal steps, the first in the history.
    public var furthestStep: Event? {
        func order(_ event: Event) -> (Int, Int) { (StatusWord(event.status).rank ?? 0, StatusWord(event.status) == .played ? 1 : 0) }
        return events.filter { (StatusWord($0.status).rank ?? 4) < 4 }.max { order($0) < order($1) }
    }

    /// `furthestStep` when it reached the contact's device (`delivered`, `read`, `played`), nil otherwise.
    public var furthestReached: Event? {
        furthestStep.flatMap { StatusWord($0.status).reachedDevice ? $0 : nil }
    }
}
