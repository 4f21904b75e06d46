/// A JSON object that remembers the order its keys were first set in.
///
/// Members live in one array, searched linearly while the object is small (API objects have 5–25 keys,
/// where a scan beats hashing); past `indexThreshold` members a key → position index is kept as well, so
/// a parsed document with many keys stays linear to build. Plain loops and a named member type, not
/// tuples and closures: seeding `scale:100000` builds millions of members in a debug build.
struct JSONObject: Sendable, ExpressibleByDictionaryLiteral {
    /// One `"key": value` pair.
    struct Member: Sendable, Equatable {
        var key: String
        var value: JSONValue
    }

    /// The members in order.
    private(set) var members: [Member] = []
    private var index: [String: Int]?

    private static let indexThreshold = 24

    init() {}

    /// Keys written in a literal are distinct, so they are appended without a search (literals build
    /// most of the simulator's JSON); a repeated key would be kept twice.
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(literal: elements)
    }

    init(literal elements: [(String, JSONValue)]) {
        members.reserveCapacity(elements.count)
        for (key, value) in elements { members.append(Member(key: key, value: value)) }
        if members.count > Self.indexThreshold { rebuildIndex() }
    }

    /// The keys in order.
    var keys: [String] { members.map(\.key) }

    /// Reads a member; setting keeps an existing key's position, appends a new one, and nil removes it.
    subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    if index != nil { rebuildIndex() }
                }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
                if index != nil {
                    index?[key] = members.count - 1
                } else if members.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        var position = 0
        while position < members.count {
            if members[position].key == key { return position }
            position += 1
        }
        return nil
    }

    private mutating func rebuildIndex() {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(members.count)
        for position in 0..<members.count { positions[members[position].key] = position }
        index = positions
    }
}

// MARK: - Equatable

extension JSONObject: Equatable {
    /// Same members in the same order.
    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members == rhs.members
    }
}
