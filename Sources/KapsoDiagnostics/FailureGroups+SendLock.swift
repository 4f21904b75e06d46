public import KapsoClient

// MARK: - 409 "in flight" over minutes: Kapso's send lock held (probe19 P19-7)

extension FailureGroups {
    /// The phone-number ids of the send paths whose failed calls were answered 409 over `SendLock.heldAfter` or more:
    /// the numbers whose outbound messages (`init`'s `messages`) may name the send that holds the lock. Empty when none.
    public static func lockNumbers(_ entries: [ErrorTriage.Entry]) -> [String] {
        var spans: [String: (first: Int64, last: Int64, count: Int)] = [:]
        var order: [String] = []
        for entry in entries where entry.source == .api && APILog.responseStatus(in: entry.json) == 409 {
            guard let endpoint = entry.json["endpoint"]?.string, let number = SendLock.phoneNumberID(inPath: endpoint),
                let time = KapsoTime.seconds(iso: entry.time)
            else { continue }
            if spans[number] == nil { order.append(number) }
            let span = spans[number] ?? (time, time, 0)
            spans[number] = (min(span.first, time), max(span.last, time), span.count + 1)
        }
        return order.filter { number in
            spans[number].map { $0.count > 1 && $0.last - $0.first >= SendLock.heldAfter } ?? false
        }
    }

    /// `group` read as Kapso's send lock held (`SendLock.held`): a group of 409 answers to sends spanning
    /// `SendLock.heldAfter` or more, with its meaning, headline and the pending send of `messages` that likely holds
    /// the lock; nil for any other group (its meaning stands: "retry in a moment").
    static func heldLock(_ group: Group, messages: [Message], now: Int64) -> Group? {
        // A Platform API conflict (`409 conflict`) is no send lock, whatever its span (tester49 F6).
        guard group.source == .api, group.error.hasPrefix("409"), group.variants.contains(where: { SendLock.phoneNumberID(inPath: $0) != nil }),
            let first = KapsoTime.seconds(iso: group.firstSeen), let last = KapsoTime.seconds(iso: group.lastSeen)
        else { return nil }
        let number = group.variants.lazy.compactMap { SendLock.phoneNumberID(inPath: $0) }.first
        guard let held = SendLock.held(
            count: group.count, first: first, last: last, phoneNumberID: number, outbound: messages, now: now)
        else { return nil }
        var named = group
        named.meaning = "send in flight: " + held
        let holder = SendLock.pendingSends(on: number, before: last, outbound: messages, now: now).first
        named.lockHolder = holder?.id
        named.headline = "\(IDResolver.plural(group.count, "send")) refused 409 over \(Elapsed.text(last - first)) from key \(group.who): "
            + "Kapso's send lock is held" + (holder == nil ? "; no pending send found" : ", likely by a send still pending")
        return named
    }
}
