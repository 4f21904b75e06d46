/// What the simulator has promised to do later, on its own clock: message status changes and webhook retries.
///
/// Events run when "now" passes their time: lazily at the next request, on a real-time wake-up when the
/// clock is the wall clock, or at once when the clock is advanced. Events due at the same time keep the
/// order they were scheduled in.
struct Timeline: Sendable {
    enum Event: Sendable, Equatable {
        /// A sent message moves on to `status` (`delivered`, `read`).
        case status(messageID: String, status: String)
        /// Attempt `number` of a webhook delivery to a loopback receiver.
        case attempt(deliveryID: String, number: Int)
        /// Attempt `number` of a delivery to a simulated (non-loopback) receiver, which answers by the seed.
        case simulatedAttempt(deliveryID: String, number: Int)
    }

    private var events: [(due: Timestamp, event: Event)] = []

    /// When the earliest event is due.
    var nextDue: Timestamp? { events.first?.due }

    mutating func schedule(_ event: Event, at due: Timestamp) {
        // After every event due at or before `due`: stable for equal times.
        var position = events.count
        while position > 0, events[position - 1].due > due { position -= 1 }
        events.insert((due, event), at: position)
    }

    /// Removes and returns the earliest event due at or before `now`.
    mutating func popDue(now: Timestamp) -> (due: Timestamp, event: Event)? {
        guard let first = events.first, first.due <= now else { return nil }
        return events.removeFirst()
    }
}
