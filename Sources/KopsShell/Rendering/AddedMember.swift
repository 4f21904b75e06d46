internal import KapsoClient

/// A member kops adds last to each item of a list it prints as JSON, e.g. `"kops": {"status": "read", …}` on each
/// message (`MessageReading`), where the rest of the item is the API's as received.
struct AddedMember<Item> {
    /// The member's key.
    let key: String
    /// Its value for an item.
    let value: (Item) -> JSONValue
    /// The item's own object.
    let object: (Item) -> JSONObject

    /// The member's value for each of `items`, read once for a page: the items' objects (`adding`) and the lines printed
    /// (`members`) are made from the same values (issue #16, session 62: each was read twice, a status history each time).
    func values(of items: [Item]) -> [JSONValue] {
        items.map(value)
    }

    /// `object` (an item's JSON) with the member set last to `value`: an item that already has the key has it replaced.
    func adding(_ value: JSONValue, to object: JSONObject) -> JSONObject {
        var object = object
        object[key] = value
        return object
    }
}

extension AddedMember where Item: ListItem {
    init(key: String, value: @escaping (Item) -> JSONValue) {
        self.init(key: key, value: value, object: \.json)
    }
}

extension AddedMember {
    /// The member's compact text for each item (`"kops":{"status":"read"}`), as the serializer writes it after a comma,
    /// from `values` (`values(of:)`, one for each item); nil when an item already has the key (it is then replaced, which
    /// splicing cannot do) or has no object.
    func members(of items: [Item], values: [JSONValue]) -> [[UInt8]]? {
        guard values.count == items.count else { return nil }
        let prefix = JSONValue.string(key).serialized() + ":"
        var members: [[UInt8]] = []
        members.reserveCapacity(items.count)
        for (item, value) in zip(items, values) {
            guard object(item)[key] == nil else { return nil }
            members.append(Array((prefix + value.serialized()).utf8))
        }
        return members
    }
}

extension AddedMember where Item == Never {
    /// NDJSON `lines` (compact objects, each followed by a line feed) with `members[n]` added as the last member of line
    /// n: `{"id":"1"}` and `"kops":{}` give `{"id":"1","kops":{}}`, `{}` gives `{"kops":{}}`. `printable` stays true
    /// only when every member is printable ASCII without a backslash too (`ByteWords`). Nil when the lines are not one
    /// object each, `members.count` of them.
    static func spliced(_ lines: [UInt8], members: [[UInt8]], printable: Bool) -> (lines: [UInt8], printable: Bool)? {
        var output: [UInt8] = []
        output.reserveCapacity(lines.count + members.reduce(0) { $0 + $1.count + 1 })
        var printable = printable
        var start = 0
        var index = 0
        // Each line's end found eight bytes at a time (`ByteWords.firstIndex`), not by reading every byte through an
        // enumerated iterator (6.9 M of the 161 M of 1,000 messages as JSON, docs/performance.md "Session 63").
        let ended = lines.withUnsafeBufferPointer { bytes -> Bool in
            while start < bytes.count {
                guard let position = ByteWords.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: start) else { return false }
                guard index < members.count, position - start >= 2, bytes[start] == UInt8(ascii: "{"),
                    bytes[position - 1] == UInt8(ascii: "}")
                else { return false }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)]))
                if position - start > 2 { output.append(UInt8(ascii: ",")) }
                output.append(contentsOf: members[index])
                output.append(UInt8(ascii: "}"))
                output.append(UInt8(ascii: "\n"))
                if printable { printable = members[index].withUnsafeBufferPointer(ByteWords.allPrintableASCIIWithoutBackslash) }
                index += 1
                start = position + 1
            }
            return true
        }
        guard ended else { return nil }
        guard index == members.count, start == lines.count else { return nil }
        return (output, printable)
    }
}
