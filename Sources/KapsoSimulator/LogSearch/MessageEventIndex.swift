/// Every message event (an inbound arrival, each outbound status) in newest-first order, for log search.
///
/// Statuses happen after their message, so message events are not in the messages list's order: this index
/// sorts them once and is kept until the messages change (`RecordList.version`). Entries hold no JSON; an
/// event is made only when a page needs it.
struct MessageEventIndex: Sendable {
    struct Entry: Sendable {
        var time: Timestamp
        /// `<message sequence>_<n>`: the event id after its source prefix (`wme_`, `wwe_`).
        var suffix: String
        /// The message's position in the newest-first list of the version the index was built from.
        var position: Int
        /// Index into `kapso.statuses`, or -1 for an inbound message's arrival (or an imported message without statuses).
        var statusIndex: Int
    }

    /// The messages list version the entries were built from.
    let version: Int
    let entries: [Entry]

    init(_ messages: RecordList) {
        version = messages.version
        var entries: [Entry] = []
        entries.reserveCapacity(messages.count * 2)
        for (position, message) in messages.records.enumerated() {
            let kapso = message.json["kapso"]
            // Imported history came in one history webhook per message, with its last status (`LogSearchEvent.message`).
            if kapso?["origin"]?.stringValue == LogSearchEvent.importedOrigin {
                let last = (kapso?["statuses"]?.arrayValue?.count ?? 0) - 1
                entries.append(Entry(time: message.sortTime, suffix: message.cursorID + "_0", position: position, statusIndex: last))
                continue
            }
            guard kapso?["direction"]?.stringValue == "outbound" else {
                entries.append(Entry(time: message.sortTime, suffix: message.cursorID + "_0", position: position, statusIndex: -1))
                continue
            }
            for (index, status) in (kapso?["statuses"]?.arrayValue ?? []).enumerated() {
                // Read as kops reads it (`StatusTime`); a status without a usable timestamp is placed at its message's time.
                let time = StatusTime.read(status["timestamp"], message: message.json["timestamp"]) ?? message.sortTime
                entries.append(
                    Entry(time: time, suffix: message.cursorID + "_\(index + 1)", position: position, statusIndex: index))
            }
        }
        entries.sort { $0.time != $1.time ? $0.time > $1.time : $0.suffix > $1.suffix }
        self.entries = entries
    }
}
