public import KapsoClient

extension StatusHistory {
    /// The first copy of each stored status `init(statuses:sentAt:messageID:now:)` keeps, by its key (the status's `id`,
    /// `status`, `timestamp`, `errors` and `error`): whether it went to the timed events and its index there.
    ///
    /// A message's statuses are few (one to four: sent, delivered, read, a failure), so up to `compared` of them are
    /// compared one by one (`==`, which a dictionary asks after the hash anyway); more are kept in a dictionary, so a
    /// hostile history of thousands costs no more than it did. Hashing every key into a dictionary made for each message
    /// cost about 8,000 instructions a message, 8 M of the 161 M of 1,000 messages as JSON (docs/performance.md,
    /// "Session 63"). A key given again replaces the first one, as a dictionary's assignment does.
    struct FirstCopies {
        /// How many statuses are compared one by one at most.
        static let compared = 16

        private var few: [(key: [JSONValue?], timed: Bool, index: Int)] = []
        private var many: [[JSONValue?]: (timed: Bool, index: Int)]?

        /// For a history of `count` stored statuses.
        init(count: Int) {
            if count > Self.compared { many = [:] }
        }

        subscript(key: [JSONValue?]) -> (timed: Bool, index: Int)? {
            get {
                if let many { return many[key] }
                // The last one given for the key: what an assignment to a dictionary left.
                guard let found = few.last(where: { $0.key == key }) else { return nil }
                return (found.timed, found.index)
            }
            set {
                guard let newValue else { return }
                if many != nil {
                    many?[key] = newValue
                } else {
                    few.append((key, newValue.timed, newValue.index))
                }
            }
        }
    }
}

extension StatusHistory {
    /// The part of a WAMID that names its message (`namesSameMessage`): without `wamid.`, its `=` padding and whitespace.
    static func messageKey(_ id: String) -> Substring {
        if let (start, end) = asciiKeyBounds(id) {
            let utf8 = id.utf8
            return id[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        }
        return messageKeyByCharacter(id)
    }

    /// `messageKey` read by `Character`, for an id with a byte past ASCII.
    static func messageKeyByCharacter(_ id: String) -> Substring {
        var text = id[...]
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace || last == "=" { text.removeLast() }
        if text.prefix(6).lowercased() == "wamid." { text = text.dropFirst(6) }
        return text
    }

    /// `messageKey(id)`'s bounds in the bytes of `id` when all of them are ASCII (then each byte is one `Character`, but
    /// CR LF, whose two bytes are whitespace as it is); nil when one is past ASCII. Reading by `Character`, with the
    /// case-folded copy of the first six, cost about 4,800 instructions an id, 4.8 M of 1,000 messages as JSON
    /// (docs/performance.md, "Session 63").
    static func asciiKeyBounds(_ id: String) -> (start: Int, end: Int)? {
        var id = id
        return id.withUTF8 { bytes -> (start: Int, end: Int)? in
            var high: UInt8 = 0
            for byte in bytes { high |= byte }
            guard high < 0x80 else { return nil }
            var start = 0
            var end = bytes.count
            while start < end, isWhitespace(bytes[start]) { start += 1 }
            while end > start, isWhitespace(bytes[end - 1]) || bytes[end - 1] == UInt8(ascii: "=") { end -= 1 }
            if end - start >= wamidPrefix.count,
                wamidPrefix.indices.allSatisfy({ lowercased(bytes[start + $0]) == wamidPrefix[$0] })
            {
                start += wamidPrefix.count
            }
            return (start, end)
        }
    }

    private static let wamidPrefix: [UInt8] = Array("wamid.".utf8)

    /// `Character.isWhitespace` of an ASCII byte: tab, line feed, vertical tab, form feed, carriage return and space.
    @inline(__always)
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
