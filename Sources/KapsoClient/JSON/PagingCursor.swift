/// The next-page cursor of a cursor-style list body (`paging.next`), read from the body's last bytes before the body is
/// decoded, so the next page's GET can be on its way while this one is decoded (`KapsoClient.listCursorAhead`).
///
/// A list's envelope is `{"data": [...], "paging": {...}}` (kapso-api.md §1.3, §1.4), `paging` written after `data`:
/// the last `"paging"` key among the body's last `tailBytes` is found from its end and only the members from it to the
/// body's closing `}` are parsed (about 600 bytes of a 56 KB page of deliveries). That key is a member of the top-level
/// object when the byte before it (past whitespace) is `{` or `,` (its opening quote is then no escaped one inside a
/// string) and those members parse as one object (a key inside a nested value would leave that value's closing
/// brackets unmatched). A body that is not valid JSON is still read by the decoder after this: the cursor read here
/// only starts a GET early, and one the decoded page does not name is never taken (`CurlTransport.send` compares the
/// request, and `CursorPages` asks for the decoded page's cursor).
public enum PagingCursor {
    /// `paging.next` of `body`'s top-level object when it is a string, e.g. `eyJ2YWx1ZXMiOls…`; nil when the body has
    /// no such member where this reading finds it (its last top-level member, or the members after it are all parsed).
    public static func next(in body: [UInt8]) -> String? {
        body.withUnsafeBufferPointer { bytes in
            guard var end = lastNonWhitespace(bytes, before: bytes.count), bytes[end] == closeBrace,
                let key = lastKey(bytes, before: end)
            else { return nil }
            guard let before = lastNonWhitespace(bytes, before: key), bytes[before] == openBrace || bytes[before] == comma
            else { return nil }
            // `{` + the members from the key to the closing brace + `}`: the closing brace is the body's own.
            end += 1
            var members: [UInt8] = [openBrace]
            members.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[key..<end]))
            guard let tail = try? JSONValue.parse(members) else { return nil }
            return tail["paging"]?["next"]?.string
        }
    }

    /// The most bytes from the body's end the key is looked for in: a `paging` member with its three cursors (about 600
    /// bytes at Kapso's) fits many times, and a body with `paging` first is not parsed twice.
    public static let tailBytes = 4096

    /// The position of the last `"paging"` before `end`, within `tailBytes` of it, that is followed (past whitespace) by `:`.
    private static func lastKey(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        let width = key.count
        var start = end - width
        while start >= 0, start >= end - tailBytes {
            if bytes[start] == quote, matches(bytes, at: start), let colon = firstNonWhitespace(bytes, from: start + width, end: end),
                bytes[colon] == UInt8(ascii: ":")
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
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
}
