/// Records kept in newest-first order, with lookup by id.
///
/// Stored oldest first, so the common write (a record newer than all others: an API log, a delivery, a sent
/// message) is an append that leaves every other position alone, however many records there are;
/// `records` presents them newest first.
struct RecordList: Sendable {
    private var storage: [Record] = []
    private var positions: [String: Int] = [:]
    /// Whether records can be found, replaced and removed by id; a list that is only appended to and read in
    /// order (API logs) skips the index, which for 100k records costs more than sorting them. Lookups by id in
    /// such a list find nothing.
    private let isIndexed: Bool
    /// Counts changes, so a view derived from the records (log search's message events) knows when to rebuild.
    private(set) var version = 0

    init(_ records: [Record] = [], indexed: Bool = true) {
        isIndexed = indexed
        // Seeds write records in time order: such an array is adopted as it is, sparing a copy of every
        // record (and the release of the originals), which for 100k records costs more than the check.
        storage = Self.isOldestFirst(records) ? records : records.sorted { $1.isNewer(than: $0) }
        reindex(from: 0)
    }

    /// The records, newest first.
    var records: NewestFirst { NewestFirst(storage: storage) }

    var count: Int { storage.count }

    subscript(id: String) -> Record? {
        positions[id].map { storage[$0] }
    }

    /// Inserts `record` at its place in the order; replaces a record with the same id (in an indexed list).
    mutating func insert(_ record: Record) {
        remove(id: record.id)
        // The first stored record newer than `record`; everything before it is older.
        let index = Self.index(in: storage) { $0.isNewer(than: record) }
        storage.insert(record, at: index)
        version += 1
        reindex(from: index)
    }

    /// Changes a record in place, moving it when its ordering keys change. Returns the new record.
    @discardableResult
    mutating func update(id: String, _ change: (inout Record) -> Void) -> Record? {
        guard let index = positions[id] else { return nil }
        var record = storage[index]
        change(&record)
        if record.key == storage[index].key && record.id == id {
            storage[index] = record
            version += 1
        } else {
            remove(id: id)
            insert(record)
        }
        return record
    }

    /// Removes the oldest records until at most `limit` remain.
    mutating func dropOldest(keeping limit: Int) {
        let excess = storage.count - max(0, limit)
        guard excess > 0 else { return }
        if isIndexed { for record in storage[..<excess] { positions[record.id] = nil } }
        storage.removeFirst(excess)
        version += 1
        reindex(from: 0)
    }

    mutating func remove(id: String) {
        guard let index = positions.removeValue(forKey: id) else { return }
        storage.remove(at: index)
        version += 1
        reindex(from: index)
    }

    /// Binary search: `predicate` is false for a prefix of `records` and true for the rest; returns where the
    /// rest starts.
    static func index<Records: RandomAccessCollection<Record>>(
        in records: Records, where predicate: (Record) -> Bool
    ) -> Int where Records.Index == Int {
        var low = records.startIndex
        var high = records.endIndex
        while low < high {
            let middle = (low + high) / 2
            if predicate(records[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private static func isOldestFirst(_ records: [Record]) -> Bool {
        var index = 1
        while index < records.count {
            guard records[index].isNewer(than: records[index - 1]) else { return false }
            index += 1
        }
        return true
    }

    private mutating func reindex(from start: Int) {
        guard isIndexed else { return }
        if start == 0 { positions.reserveCapacity(storage.count) }
        for index in start..<storage.count { positions[storage[index].id] = index }
    }

    /// A newest-first view of the stored records.
    struct NewestFirst: RandomAccessCollection, Sendable {
        fileprivate let storage: [Record]

        var startIndex: Int { 0 }
        var endIndex: Int { storage.count }

        subscript(position: Int) -> Record {
            storage[storage.count - 1 - position]
        }
    }
}
