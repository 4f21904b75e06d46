/// One stored resource: the JSON the API serves, plus the two keys lists are ordered and paged by.
struct Record: Sendable {
    /// The id clients look the record up by (UUID, Meta phone-number id or WAMID).
    var id: String
    /// First ordering column (`created_at` or `last_active_at`), newest first.
    var sortTime: Timestamp
    /// Second ordering column, the cursor's `id` value (numeric for messages, else `id`).
    var cursorID: String
    var json: JSONObject

    init(id: String, sortTime: Timestamp, cursorID: String? = nil, json: JSONObject) {
        self.id = id
        self.sortTime = sortTime
        self.cursorID = cursorID ?? id
        self.json = json
    }

    /// The position key: records sort newest first by (`sortTime`, `cursorID`) descending.
    var key: RecordKey { RecordKey(time: sortTime, id: cursorID) }
}

/// A record's position in a newest-first list; also what a cursor encodes.
struct RecordKey: Sendable, Comparable {
    var time: Timestamp
    var id: String

    /// True when `lhs` comes before `rhs` in newest-first order.
    static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
        if lhs.time != rhs.time { return lhs.time > rhs.time }
        return idOrder(lhs.id, rhs.id)
    }

    // Numeric ids compare as numbers ("5012" after "998"); others as strings. Descending.
    private static func idOrder(_ lhs: String, _ rhs: String) -> Bool {
        if let left = Int(lhs), let right = Int(rhs) { return left > right }
        return lhs > rhs
    }
}
