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
    ///
    /// Members in a row that repeat are given as one range, the `,` between them with them (a byte no reading acts at,
    /// and the same bytes in a row on the line above). Each member is first compared with the one above, and read
    /// apart only when it differs: reading every member cost 47 M of the 10,000 deliveries' JSON run, more than the
    /// skipping saved.
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var repeated: [Range<Int>] = []
        // Each member's first byte (its key's quote) and the byte after its value, two numbers a member.
        var above: [Int] = []
        var this: [Int] = []
        var lineStart = 0
        let count = bytes.count
        while lineStart < count {
            this.removeAll(keepingCapacity: true)
            var position = lineStart
            if bytes[position] == openBrace {
                position += 1
                while position < count, bytes[position] == quote {
                    let start = position
                    let member = this.count
                    var end: Int
                    if member + 1 < above.count, start + above[member + 1] - above[member] < count,
                        same(bytes, start..<(start + above[member + 1] - above[member]), above[member]..<above[member + 1])
                    {
                        end = start + above[member + 1] - above[member]
                        if let last = repeated.last, last.upperBound + 1 == start {
                            repeated[repeated.count - 1] = last.lowerBound..<end
                        } else {
                            repeated.append(start..<end)
                        }
                    } else {
                        guard let keyEnd = ByteWords.firstIndex(of: quote, in: bytes, from: start + 1), keyEnd + 1 < count,
                            bytes[keyEnd + 1] == colon, let valueEnd = self.valueEnd(bytes, from: keyEnd + 2), valueEnd < count,
                            bytes[valueEnd] == comma || bytes[valueEnd] == closeBrace
                        else { break }
                        end = valueEnd
                    }
                    this.append(start)
                    this.append(end)
                    position = end + 1
                    if bytes[end] == closeBrace { break }
                }
            }
            guard let lineEnd = ByteWords.firstIndex(of: lineFeed, in: bytes, from: position) else { break }
            swap(&above, &this)
            lineStart = lineEnd + 1
        }
        return repeated
    }

    /// The positions of `count` bytes outside `ranges` (sorted, disjoint), each run widened by `reach - 1` bytes on either
    /// side and runs that then meet joined: every `reach` bytes in a row that hold a byte outside `ranges` lie in one of
    /// them, so a search of them for a text of `reach` bytes or fewer finds every place it occurs but inside a range.
    static func stretches(of count: Int, outside ranges: [Range<Int>], reach: Int) -> [Range<Int>] {
        var stretches: [Range<Int>] = []
        _ = anyStretch(of: count, outside: ranges, reach: reach) { stretch in
            stretches.append(stretch)
            return false
        }
        return stretches
    }

    /// Whether `test` is true for one of `stretches(of:outside:reach:)`, asked in order until one is; no array made.
    @inline(__always)
    static func anyStretch(
        of count: Int, outside ranges: [Range<Int>], reach: Int, _ test: (Range<Int>) -> Bool
    ) -> Bool {
        let widening = max(reach - 1, 0)
        var pending: Range<Int>? = nil
        var start = 0
        var next = 0
        while start < count || next < ranges.count {
            let gapEnd = next < ranges.count ? ranges[next].lowerBound : count
            if gapEnd > start {
                let widened = max(start - widening, 0)..<min(gapEnd + widening, count)
                if let open = pending, open.upperBound >= widened.lowerBound {
                    pending = open.lowerBound..<widened.upperBound
                } else {
                    if let open = pending, test(open) { return true }
                    pending = widened
                }
            }
            guard next < ranges.count else { break }
            start = ranges[next].upperBound
            next += 1
        }
        if let open = pending, test(open) { return true }
        return false
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
