/// The members of a JSON object in document order, e.g. `{"b":1,"a":2}` keeps `b` before `a`.
///
/// Keys are unique: parsing a duplicate key, or setting one, replaces the value where the key
/// first appeared (the last value wins, as in JavaScript). Lookups are linear, which suits the
/// small objects of API payloads.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// One `"key": value` member.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order; callers that edit this directly keep the keys unique.
    public var entries: [Entry]

    /// An object with these members; of duplicate keys, the last value wins.
    public init(_ entries: [Entry] = []) {
        self.entries = []
        for entry in entries {
            self[entry.key] = entry.value
        }
    }

    /// The value for `key`; setting a new key appends it, setting `nil` removes the key.
    public subscript(key: String) -> JSONValue? {
        get {
            // Keys of another length are passed over without a string comparison (most keys of a lookup).
            let length = key.utf8.count
            for index in entries.indices where entries[index].key.utf8.count == length && entries[index].key == key {
                return entries[index].value
            }
            return nil
        }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The keys in order.
    public var keys: [String] {
        entries.map(\.key)
    }

    /// The number of members.
    public var count: Int {
        entries.count
    }

    /// Whether the object has no members.
    public var isEmpty: Bool {
        entries.isEmpty
    }

    public func makeIterator() -> IndexingIterator<[Entry]> {
        entries.makeIterator()
    }
}

// MARK: - ExpressibleByDictionaryLiteral

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object with the members in the order written; of duplicate keys, the last value wins.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Entry(key: $0.0, value: $0.1) })
    }
}
