internal import KapsoClient

/// The members of an NDJSON page that repeat, byte for byte, the member at the same place of the line above: the
/// `"webhook_url":"https://hooks.acme-demo.test/kapso/whatsapp"`, `"webhook_id"`, `"phone_number_id"` and every key of
/// each delivery after the first, e.g. in
/// `{"id":"1","url":"https://h.test/a"}\n{"id":"2","url":"https://h.test/a"}\n` the second line's `"url":"https://h.test/a"`.
///
/// A byte test whose every reading at a position of such a member reads only that member and the byte on either side
/// of it answers there as it answered at the same position of the line above, so it need not visit the member again
/// (`ShapedCredentials.mayOccur(in:orColonEndsHeaderOrURL:skipping:)`, docs/performance.md "Session 49"): the page's
/// test was 114 M of the 329 M instructions of `deliveries --all --output json` at 10,000 deliveries, two thirds of
/// its bytes in repeated members.
enum RepeatedMembers {
    /// The repeated members of `bytes`, in order, each from its key's opening quote to its value's last byte (the `,` or
    /// `}` after it left out); empty when there are none.
    ///
    /// `bytes` must be compact JSON lines, each followed by a line feed, of printable ASCII without a space or a
    /// backslash (`ReceivedItems.compactLinesTested` with `printableWithoutBackslash` true, whose lines hold no space
    /// either): every string then ends at the next quote. A member counts when it and the byte before it (`{` or `,`)
    /// and the byte after it (`,` or `}`) equal the member at the same index of the line above with its two bytes; a
    /// line that is no object, or a value the reading here does not follow, gives the members before it only.
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var repeated: [Range<Int>] = []
        var above: [Range<Int>] = []
        var this: [Range<Int>] = []
        var lineStart = 0
        while lineStart < bytes.count {
            this.removeAll(keepingCapacity: true)
            var position = lineStart
            if bytes[position] == openBrace { position = members(bytes, from: position + 1, into: &this) }
            guard let lineEnd = ByteWords.firstIndex(of: lineFeed, in: bytes, from: position) else { break }
            for (index, member) in this.enumerated() where index < above.count && same(bytes, member, above[index]) {
                repeated.append(member)
            }
            swap(&above, &this)
            lineStart = lineEnd + 1
        }
        return repeated
    }

    /// Whether the two members, each with the byte before and after it, are the same bytes.
    @inline(__always)
    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ member: Range<Int>, _ other: Range<Int>) -> Bool {
        guard member.count == other.count else { return false }
        var (left, right) = (member.lowerBound - 1, other.lowerBound - 1)
        let end = member.upperBound + 1
        while left + 8 <= end {
            guard word(bytes, at: left) == word(bytes, at: right) else { return false }
            (left, right) = (left + 8, right + 8)
        }
        while left < end {
            guard bytes[left] == bytes[right] else { return false }
            (left, right) = (left + 1, right + 1)
        }
        return true
    }

    /// The eight bytes at `offset` of `bytes` (which must hold them).
    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// The members of the object whose first member starts at `start`, appended to `spans`, each from its key's quote to
    /// the byte before the `,` or `}` after its value; the position where the reading stopped: after the object's `}`,
    /// or at the byte it did not expect.
    private static func members(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into spans: inout [Range<Int>]) -> Int {
        var position = start
        while position < bytes.count, bytes[position] == quote {
            let memberStart = position
            guard let keyEnd = ByteWords.firstIndex(of: quote, in: bytes, from: position + 1), keyEnd + 1 < bytes.count,
                bytes[keyEnd + 1] == colon, let valueEnd = self.valueEnd(bytes, from: keyEnd + 2), valueEnd < bytes.count
            else { return position }
            let after = bytes[valueEnd]
            guard after == comma || after == closeBrace else { return position }
            spans.append(memberStart..<valueEnd)
            position = valueEnd + 1
            if after == closeBrace { return position }
        }
        return position
    }

    /// The position after the value that starts at `start`: a string, an object or an array (brackets counted outside
    /// strings), or a number or literal up to the next `,`, `}` or `]`; nil past the bytes' end.
    private static func valueEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        let first = bytes[start]
        if first == quote { return ByteWords.firstIndex(of: quote, in: bytes, from: start + 1).map { $0 + 1 } }
        var position = start
        if first == openBrace || first == openBracket {
            var depth = 0
            while position < bytes.count {
                let byte = bytes[position]
                if byte == quote {
                    guard let end = ByteWords.firstIndex(of: quote, in: bytes, from: position + 1) else { return nil }
                    position = end
                } else if byte == openBrace || byte == openBracket {
                    depth += 1
                } else if byte == closeBrace || byte == closeBracket {
                    depth -= 1
                    if depth == 0 { return position + 1 }
                }
                position += 1
            }
            return nil
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == comma || byte == closeBrace || byte == closeBracket || byte == lineFeed { return position }
            position += 1
        }
        return nil
    }

    private static let quote = UInt8(ascii: "\"")
    private static let colon = UInt8(ascii: ":")
    private static let comma = UInt8(ascii: ",")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let lineFeed = UInt8(ascii: "\n")
}
