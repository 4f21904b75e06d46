/// A list's top-level member that is an object of plain values, such as `"meta":{"page":1,"per_page":20,
/// "total_pages":1,"total_count":2}`, read by the scanner instead of the parser: the parser's set-up, key cache and
/// freeing cost about 12,000 instructions for those four members, a sixth of a `webhooks get`'s scan of the demo's
/// webhook list (docs/performance.md, "Session 54").
extension ListScanner {
    /// The member value whose bytes (already checked by the scanner) are `value`: an object none of whose members is an
    /// object or array read here, as the parser reads it; any other value as `value(_:)` reads it; nil where the parser
    /// must decide.
    static func member(_ value: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        guard value[0] == UInt8(ascii: "{") else { return Self.value(value) }
        return flatObject(value) ?? Self.value(value)
    }

    /// The object whose checked bytes are `object`, its members in document order, when none of its values is an
    /// object or array; nil otherwise. The scanner's checks hold here: every key is plain ASCII without an escape (the
    /// key is its bytes, as the parser makes it), no key is there twice (no member replaces another), and the grammar
    /// is JSON's, so a value ends at the first `,`, `}` or whitespace after it, or a string at its closing quote.
    static func flatObject(_ object: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var index = 1
        var members = JSONObject()
        skipBlanks(object, &index)
        if object[index] == UInt8(ascii: "}") { return .object(members) }
        while true {
            // The key, between its quotes.
            let keyStart = index + 1
            var keyEnd = keyStart
            while object[keyEnd] != UInt8(ascii: "\"") { keyEnd += 1 }
            index = keyEnd + 1
            skipBlanks(object, &index)
            index += 1  // the colon
            skipBlanks(object, &index)
            let start = index
            switch object[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                return nil
            case UInt8(ascii: "\""):
                index += 1
                while object[index] != UInt8(ascii: "\"") { index += object[index] == UInt8(ascii: "\\") ? 2 : 1 }
                index += 1
            default:
                while !isValueEnd(object[index]) { index += 1 }
            }
            guard let value = Self.value(UnsafeBufferPointer(rebasing: object[start..<index])) else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: object[keyStart..<keyEnd]), as: UTF8.self)
            members.entries.append(JSONObject.Entry(key: key, value: value))
            skipBlanks(object, &index)
            if object[index] == UInt8(ascii: "}") { return .object(members) }
            index += 1  // the comma
            skipBlanks(object, &index)
        }
    }

    private static func skipBlanks(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while isBlank(bytes[index]) { index += 1 }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }

    /// The byte after a number or literal: the member's end or the blank before it.
    private static func isValueEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || isBlank(byte)
    }
}
