internal import Foundation
internal import KapsoClient

/// HTTP Basic credentials after the word `Basic` (`Basic YWRtaW46cHc=`, an `Authorization` header's value pasted alone or
/// with it): the base64 of `user:password` (RFC 7617 §2), a credential whatever its length. Masked as `Basic <redacted>=`
/// (the padding kept as written, as the redactor's shape reading writes a longer one) when the word decodes to printable
/// UTF-8 holding a `:`, so prose stays (`Basic plan`, `Basic information`: their letters decode to no such text). Before,
/// the shape reading (`TokenShapes`) masked only a value of 12 characters or more that looked random, and `admin:pw`'s 12
/// base64 characters with their `=` were printed (tester61 AI7).
///
/// Read URL-encoded too, as the `Bearer` reading is (`StrongSecretLabels.endsInScheme`): a `+`, `%20`, `%09` or `%2B`
/// (also encoded twice, `%2520`) separates `Basic` from its credential, a percent-escape other than `%5F`/`%2D` before
/// `Basic` ends the word before it, and `%2B`, `%2F`, `%3D` inside the credential stand for `+`, `/`, `=`. Before,
/// `logs search 'Basic+<base64>'` or `'Basic%20<base64>'` went to Kapso as a search term, printed in clear by `history`
/// (tester62 AK3).
enum BasicCredentials {
    /// False when no `basic` (any case) is followed by a blank, `+` or `%` in `bytes`: `masked` changes nothing.
    /// Allocates nothing. The `b`s are found eight bytes at a time (`ByteWords.firstIndex(ofLetter:)`): read byte by byte,
    /// every printed text's test paid about 6 instructions a byte here (0.29 M of the replay's 41.2 M,
    /// docs/performance.md, "Session 67"). `Perf67BasicBytesTests` compares the answer with the byte-by-byte reading.
    static func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 8 else { return false }
        var from = 0
        while let index = ByteWords.firstIndex(ofLetter: UInt8(ascii: "b"), in: bytes, from: from), index < bytes.count - 6 {
            if startsCredential(bytes, at: index) { return true }
            from = index + 1
        }
        return false
    }

    /// True when the `b` or `B` at `index` (at least 7 bytes before the end) starts `basic`, any case, followed by a
    /// separator, and no word byte (but an escape's) ends right before it.
    @inline(__always)
    static func startsCredential(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index + 1] | 0x20 == UInt8(ascii: "a") && bytes[index + 2] | 0x20 == UInt8(ascii: "s")
            && bytes[index + 3] | 0x20 == UInt8(ascii: "i") && bytes[index + 4] | 0x20 == UInt8(ascii: "c")
            && isSeparatorByte(bytes[index + 5])
            && (index == 0 || !isWordByte(bytes[index - 1]) || StrongSecretLabels.afterEscape(bytes, at: index))
    }

    /// `text` with each Basic credential as `<redacted>`.
    static func masked(_ text: String) -> String {
        var bytes = text
        guard bytes.withUTF8({ mayOccur(in: $0) }) else { return text }
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            guard let (start, end, paddingStart) = credential(in: characters, at: index) else {
                result.append(characters[index])
                index += 1
                continue
            }
            result += String(characters[index..<start]) + "<redacted>" + String(characters[paddingStart..<end])
            index = end
        }
        return result
    }

    /// When `Basic`, separators and a credential start at `index`: where its base64 starts, where it ends (padding
    /// included) and where its padding starts.
    private static func credential(in characters: [Character], at index: Int) -> (start: Int, end: Int, padding: Int)? {
        guard index + 6 < characters.count, characters[index] == "b" || characters[index] == "B",
            index == 0 || !(characters[index - 1].asciiValue.map(isWordByte) ?? characters[index - 1].isLetter)
                || escape(in: characters, endingAt: index).map({ $0 != 0x5F && $0 != 0x2D }) == true,
            String(characters[index..<(index + 5)]).lowercased() == "basic"
        else { return nil }
        var start = index + 5
        while start < characters.count {
            if characters[start] == " " || characters[start] == "\t" || characters[start] == "+" {
                start += 1
            } else if let (byte, width) = escape(in: characters, at: start), byte == 0x20 || byte == 0x09 || byte == 0x2B {
                start += width
            } else {
                break
            }
        }
        guard start > index + 5 else { return nil }
        var body = ""
        var end = start
        while end < characters.count {
            let character = characters[end]
            if character.isASCII, character.isLetter || character.isNumber || character == "+" || character == "/" {
                body.append(character)
                end += 1
            } else if let (byte, width) = escape(in: characters, at: end), byte == 0x2B || byte == 0x2F {
                body.append(Character(Unicode.Scalar(byte)))
                end += width
            } else {
                break
            }
        }
        let paddingStart = end
        var padding = 0
        while end < characters.count, padding < 2 {
            if characters[end] == "=" {
                end += 1
            } else if let (byte, width) = escape(in: characters, at: end), byte == 0x3D {
                end += width
            } else {
                break
            }
            padding += 1
        }
        // The word goes on (`Basic_plan`, `YWJj.def`): no base64 credential.
        if end < characters.count, let ascii = characters[end].asciiValue, isWordByte(ascii) || ascii == UInt8(ascii: "=") { return nil }
        guard body.count >= 2, isCredential(body) else { return nil }
        return (start, end, paddingStart)
    }

    /// The byte a percent-escape at `index` stands for and its width: `%2B` (3), or encoded twice, `%252B` (5); nil
    /// for none.
    private static func escape(in characters: [Character], at index: Int) -> (byte: UInt8, width: Int)? {
        func hex(_ offset: Int) -> UInt8? {
            guard index + offset + 1 < characters.count, let high = characters[index + offset].asciiValue.flatMap(ShapedCredentials.hexValue),
                let low = characters[index + offset + 1].asciiValue.flatMap(ShapedCredentials.hexValue)
            else { return nil }
            return high << 4 | low
        }
        guard characters[index] == "%", let first = hex(1) else { return nil }
        if first == 0x25, let second = hex(3) { return (second, 5) }
        return (first, 3)
    }

    /// The byte of the percent-escape (once encoded) that ends right before `end`, nil for none.
    private static func escape(in characters: [Character], endingAt end: Int) -> UInt8? {
        guard end >= 3 else { return nil }
        return escape(in: characters, at: end - 3)?.byte
    }

    /// A byte that may start what separates `Basic` from its credential: a blank, `+`, or a percent-escape's `%`.
    private static func isSeparatorByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "%")
    }

    /// True when `base64` (no padding) decodes to printable UTF-8 with a `:`: `user:password`.
    static func isCredential(_ base64: String) -> Bool {
        let padded = base64 + String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), let text = String(data: data, encoding: .utf8) else { return false }
        return text.contains(":") && text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        StrongSecretLabels.isWordByte(byte)
    }
}
