/// The next-page cursor of a cursor-style list body (`paging.next`), read from the body's last bytes before the body is
/// decoded, so the next page's GET can be on its way while this one is decoded (`KapsoClient.listCursorAhead`).
///
/// A list's envelope is `{"data": [...], "paging": {...}}` (kapso-api.md §1.3, §1.4), `paging` written after `data`:
/// the last `"paging"` key among the body's last `tailBytes` is found from its end, and the bytes from it to the body's
/// closing `}` are read once (about 600 bytes of a 56 KB page of deliveries), as a parser would read them from there.
/// That key is a member of the top-level object when the byte before it (past whitespace) is `{` or `,` (its opening
/// quote is then no escaped one inside a string, so strings are read from it as the parser reads them) and no bracket
/// from it on closes one opened before it (a key inside a nested value would leave that value to close). A body that is
/// not valid JSON is still read by the decoder after this: the cursor read here only starts a GET early, and one the
/// decoded page does not name is never taken (`CurlTransport.send` compares the request, and `CursorPages` asks for the
/// decoded page's cursor). Reading the tail with `JSONParser` cost 27,000 instructions a page, this about 12,500.
public enum PagingCursor {
    /// `paging.next` of `body`'s top-level object when it is a string of printable ASCII without a backslash, e.g.
    /// `eyJ2YWx1ZXMiOls…`; nil when it is another value or the reading finds none among the last `tailBytes` (the
    /// decoded page then gives the cursor, after the decode), and where a key of `paging` holds a backslash.
    public static func next(in body: [UInt8]) -> String? {
        body.withUnsafeBufferPointer { bytes in
            guard let end = lastNonWhitespace(bytes, before: bytes.count), bytes[end] == closeBrace,
                let key = lastKey(bytes, before: end),
                let before = lastNonWhitespace(bytes, before: key), bytes[before] == openBrace || bytes[before] == comma
            else { return nil }
            return next(bytes, key: key, end: end)
        }
    }

    /// The cursor read from the `"paging"` key at `key` to the body's closing brace at `end`: the key's value must be an
    /// object, whose last `next` member (as the parser keeps the last of duplicate keys) is the answer.
    private static func next(_ bytes: UnsafeBufferPointer<UInt8>, key: Int, end: Int) -> String? {
        guard let colon = firstNonWhitespace(bytes, from: key + Self.key.count, end: end), bytes[colon] == colonByte,
            let open = firstNonWhitespace(bytes, from: colon + 1, end: end), bytes[open] == openBrace
        else { return nil }
        // Brackets open since the key's value began: 1 inside `paging`'s object, 0 after it.
        var depth = 1
        var found: Range<Int>?
        var index = open + 1
        while index < end {
            let byte = bytes[index]
            if byte == quote {
                guard let (close, escaped) = stringEnd(bytes, from: index + 1, end: end) else { return nil }
                if depth == 1, let after = firstNonWhitespace(bytes, from: close + 1, end: end), bytes[after] == colonByte {
                    // A key of `paging`'s object; an escaped one could spell `next`.
                    if escaped { return nil }
                    if close - index - 1 == nextKey.count, nextKey.indices.allSatisfy({ bytes[index + 1 + $0] == nextKey[$0] }) {
                        found = stringValue(bytes, from: after + 1, end: end)
                    }
                }
                index = close + 1
                continue
            }
            if byte == openBrace || byte == openBracket {
                depth += 1
            } else if byte == closeBrace || byte == closeBracket {
                depth -= 1
                if depth < 0 { return nil }
            }
            index += 1
        }
        guard depth == 0, let found else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[found]), as: UTF8.self)
    }

    /// The closing quote of the string whose first byte is at `start`, and whether the string holds a backslash.
    private static func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> (Int, Bool)? {
        var index = start
        var escaped = false
        while index < end {
            let byte = bytes[index]
            if byte == quote { return (index, escaped) }
            if byte == backslash {
                escaped = true
                index += 2
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The bytes of the string value that starts (past whitespace) at `start`, nil for another value or a string with a
    /// byte that is not printable ASCII or is a backslash.
    private static func stringValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Range<Int>? {
        guard let open = firstNonWhitespace(bytes, from: start, end: end), bytes[open] == quote else { return nil }
        var index = open + 1
        while index < end, bytes[index] != quote {
            guard bytes[index] >= 0x20, bytes[index] < 0x7F, bytes[index] != backslash else { return nil }
            index += 1
        }
        return index < end ? (open + 1)..<index : nil
    }

    /// The most bytes from the body's end the key is looked for in: a `paging` member with its three cursors (about 600
    /// bytes at Kapso's) fits many times, and a body with `paging` first is not read twice.
    public static let tailBytes = 4096

    /// The position of the last `"paging"` before `end`, within `tailBytes` of it, that is followed (past whitespace) by `:`.
    private static func lastKey(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        let width = key.count
        let first = max(0, end - tailBytes)
        var start = end - width
        while start >= first {
            if bytes[start] == quote, matches(bytes, at: start), let colon = firstNonWhitespace(bytes, from: start + width, end: end),
                bytes[colon] == colonByte
            {
                return start
            }
            start -= 1
        }
        return nil
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        for offset in 1..<key.count where bytes[start + offset] != key[offset] { return false }
        return true
    }

    private static func lastNonWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        var index = end - 1
        while index >= 0, isWhitespace(bytes[index]) { index -= 1 }
        return index >= 0 ? index : nil
    }

    private static func firstNonWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        var index = start
        while index < end, isWhitespace(bytes[index]) { index += 1 }
        return index < end ? index : nil
    }

    /// JSON's whitespace (RFC 8259 §2).
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static let key: [UInt8] = Array(#""paging""#.utf8)
    private static let nextKey: [UInt8] = Array("next".utf8)
    private static let colonByte = UInt8(ascii: ":")
    private static let backslash = UInt8(ascii: "\\")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
}
