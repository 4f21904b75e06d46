/// Strings of the parser, e.g. `"caf\u00e9"`: a slice of the input when there is no escape, else a buffer the
/// escapes are decoded into; invalid UTF-8 and unescaped control characters are errors, lone surrogates U+FFFD.
extension JSONParser {
    private static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Parses the string whose opening quote is at `index`, leaving `index` after its closing quote.
    mutating func parseString() throws(JSONParseError) -> String {
        let quote = index
        index += 1
        let start = index
        // Fast path: no escapes, so the string is a slice of the input.
        var highBits: UInt8 = 0
        var end = index
        // Eight bytes at a time while none is a quote, a backslash or a control character.
        while end + 8 <= bytes.count {
            let word = ByteWords.word(bytes, at: end)
            if ByteWords.contains(word, UInt8(ascii: "\"")) || ByteWords.contains(word, UInt8(ascii: "\\"))
                || ByteWords.containsBelow(word, 0x20)
            {
                break
            }
            if ByteWords.containsNonASCII(word) { highBits = 0x80 }
            end += 8
        }
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            highBits |= byte
            end += 1
        }
        index = end
        if peek() == UInt8(ascii: "\"") {
            index += 1
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<index - 1])
            // ASCII needs no validation, and the generic validating initialiser costs more than the parse.
            if highBits < 0x80 { return String(decoding: slice, as: UTF8.self) }
            return try decode(slice, quote: quote)
        }
        var buffer = Array(bytes[start..<index])
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                let result = buffer.withUnsafeBufferPointer { utf8 in
                    Result { () throws(JSONParseError) in try decode(utf8, quote: quote) }
                }
                return try result.get()
            case UInt8(ascii: "\\"):
                try parseEscape(into: &buffer)
            case 0..<0x20:
                throw JSONParseError("unescaped control character in string", at: index)
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw JSONParseError("unterminated string starting", at: quote)
    }

    /// `utf8` as a string; throws when it is not valid UTF-8 (`quote`: where the string starts, for the error).
    func decode(_ utf8: UnsafeBufferPointer<UInt8>, quote: Int) throws(JSONParseError) -> String {
        guard let string = String(validating: utf8, as: UTF8.self) else {
            throw JSONParseError("invalid UTF-8 in string starting", at: quote)
        }
        return string
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
        let backslash = index
        index += 1
        guard let byte = peek() else { throw JSONParseError("unterminated escape", at: backslash) }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try parseUnicodeEscape(at: backslash)
            buffer.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw JSONParseError("invalid escape", at: backslash)
        }
    }

    /// Reads the four hex digits after `\u`, and a second `\uXXXX` when they are a high surrogate.
    private mutating func parseUnicodeEscape(at backslash: Int) throws(JSONParseError) -> Unicode.Scalar {
        let unit = try parseHex4(at: backslash)
        switch unit {
        case 0xD800...0xDBFF:
            let low = index
            guard peek() == UInt8(ascii: "\\"), peek(at: low + 1) == UInt8(ascii: "u") else {
                return Self.replacement
            }
            index += 2
            let second = try parseHex4(at: low)
            guard (0xDC00...0xDFFF).contains(second) else {
                // A high surrogate followed by another escape: replace the first, keep the second.
                index = low
                return Self.replacement
            }
            let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            return Unicode.Scalar(value) ?? Self.replacement
        case 0xDC00...0xDFFF:
            return Self.replacement
        default:
            return Unicode.Scalar(unit) ?? Self.replacement
        }
    }

    private mutating func parseHex4(at backslash: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = hexValue(byte) else {
                throw JSONParseError("invalid \\u escape", at: backslash)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
