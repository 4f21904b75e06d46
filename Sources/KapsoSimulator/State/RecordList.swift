/// Records kept in newest-first order, with lookup by id.
struct RecordList: Sendable {
    private(set) var records: [Record] = []
    private var positions: [String: Int] = [:]

    init(_ records: [Record] = []) {
        self.records = records.sorted { $0.key < $1.key }
        reindex(from: 0)
    }

    var count: Int { records.count }

    subscript(id: String) -> Record? {
        positions[id].map { records[$0] }
    }

    /// Inserts `record` at its place in the order; replaces a record with the same id.
    mutating func insert(_ record: Record) {
        remove(id: record.id)
        let index = firstIndex { !($0.key < record.key) }
        records.insert(record, at: index)
        reindex(from: index)
    }

    /// Changes a record in place, moving it when its ordering keys change. Returns the new record.
    @discardableResult
    mutating func update(id: String, _ change: (inout Record) -> Void) -> Record? {
        guard let index = positions[id] else { return nil }
        var record = records[index]
        change(&record)
        if record.key == records[index].key && record.id == id {
            records[index] = record
        } else {
            remove(id: id)
            insert(record)
        }
        return record
    }

    mutating func remove(id: String) {
        guard let index = positions.removeValue(forKey: id) else { return }
        records.remove(at: index)
        reindex(from: index)
    }

    /// Binary search over a newest-first array: `predicate` is false for a prefix and true for the rest.
    static func index(in records: [Record], where predicate: (Record) -> Bool) -> Int {
        var low = 0
        var high = records.count
        while low < high {
            let middle = (low + high) / 2
            if predicate(records[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private func firstIndex(where predicate: (Record) -> Bool) -> Int {
        Self.index(in: records, where: predicate)
    }

    private mutating func reindex(from start: Int) {
        for index in start..<records.count { positions[records[index].id] = index }
    }
}
