/// One stored resource: the JSON the API serves, plus the two keys lists are ordered and paged by.
struct Record: Sendable {
    /// The id clients look the record up by (UUID, Meta phone-number id or WAMID).
    var id: String
    /// First ordering column (`created_at` or `last_active_at`), newest first.
    var sortTime: Timestamp
    /// Second ordering column, the cursor's `id` value (numeric for messages, else `id`).
    var cursorID: String {
        didSet { cursorNumber = Int(cursorID) }
    }
    var json: JSONObject
    // `cursorID` parsed once, not at every comparison of a sort.
    private var cursorNumber: Int?

    init(id: String, sortTime: Timestamp, cursorID: String? = nil, json: JSONObject) {
        self.id = id
        self.sortTime = sortTime
        self.cursorID = cursorID ?? id
        self.cursorNumber = Int(cursorID ?? id)
        self.json = json
    }

    /// The position key: records sort newest first by (`sortTime`, `cursorID`) descending.
    var key: RecordKey { RecordKey(time: sortTime, id: cursorID, number: cursorNumber) }

    /// `key < other.key` without making the keys (sorting 100k records compares them ~2 million times).
    func isNewer(than other: Record) -> Bool {
        if sortTime != other.sortTime { return sortTime > other.sortTime }
        if let left = cursorNumber, let right = other.cursorNumber { return left > right }
        return cursorID > other.cursorID
    }
}

/// A record's position in a newest-first list; also what a cursor encodes.
struct RecordKey: Sendable, Comparable {
    var time: Timestamp
    var id: String
    /// `id` as a number, when it is one.
    private var number: Int?

    init(time: Timestamp, id: String) {
        self.init(time: time, id: id, number: Int(id))
    }

    fileprivate init(time: Timestamp, id: String, number: Int?) {
        self.time = time
        self.id = id
        self.number = number
    }

    /// True when `lhs` comes before `rhs` in newest-first order.
    static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
        if lhs.time != rhs.time { return lhs.time > rhs.time }
        // Numeric ids compare as numbers ("5012" after "998"); others as strings. Descending.
        if let left = lhs.number, let right = rhs.number { return left > right }
        return lhs.id > rhs.id
    }
}
