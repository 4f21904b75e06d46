internal import Foundation

/// HTTP Basic credentials after the word `Basic` (`Basic YWRtaW46cHc=`, an `Authorization` header's value pasted alone or
/// with it): the base64 of `user:password` (RFC 7617 §2), a credential whatever its length. Masked as `Basic <redacted>=`
/// (the `=` padding kept, as the redactor's shape reading writes a longer one) when the word decodes to printable UTF-8
/// holding a `:`, so prose stays (`Basic plan`, `Basic information`: their letters decode to no such text). Before, the
/// shape reading (`TokenShapes`) masked only a value of 12 characters or more that looked random, and `admin:pw`'s 12
/// base64 characters with their `=` were printed (tester61 AI7).
enum BasicCredentials {
    /// False when no `basic` (any case) is followed by a blank in `bytes`: `masked` changes nothing. Allocates nothing.
    static func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 8 else { return false }
        for index in 0..<(bytes.count - 6) where bytes[index] | 0x20 == UInt8(ascii: "b") {
            if (index == 0 || !isWordByte(bytes[index - 1])), bytes[index + 1] | 0x20 == UInt8(ascii: "a"),
                bytes[index + 2] | 0x20 == UInt8(ascii: "s"), bytes[index + 3] | 0x20 == UInt8(ascii: "i"),
                bytes[index + 4] | 0x20 == UInt8(ascii: "c"), bytes[index + 5] == 0x20 || bytes[index + 5] == 0x09
            {
                return true
            }
        }
        return false
    }

    /// `text` with each Basic credential as `<redacted>`.
    static func masked(_ text: String) -> String {
        var bytes = text
        guard bytes.withUTF8({ mayOccur(in: $0) }) else { return text }
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            guard let (start, end, padding) = credential(in: characters, at: index) else {
                result.append(characters[index])
                index += 1
                continue
            }
            result += String(characters[index..<start]) + "<redacted>" + String(repeating: "=", count: padding)
            index = end
        }
        return result
    }

    /// When `Basic`, blanks and a credential start at `index`: where its base64 starts, where it ends (padding
    /// included) and how much padding it has.
    private static func credential(in characters: [Character], at index: Int) -> (start: Int, end: Int, padding: Int)? {
        guard index + 6 < characters.count, characters[index] == "b" || characters[index] == "B",
            index == 0 || !(characters[index - 1].asciiValue.map(isWordByte) ?? characters[index - 1].isLetter),
            String(characters[index..<(index + 5)]).lowercased() == "basic"
        else { return nil }
        var start = index + 5
        guard characters[start] == " " || characters[start] == "\t" else { return nil }
        while start < characters.count, characters[start] == " " || characters[start] == "\t" { start += 1 }
        var end = start
        while end < characters.count, characters[end].isASCII, characters[end].isLetter || characters[end].isNumber || characters[end] == "+" || characters[end] == "/" {
            end += 1
        }
        let body = String(characters[start..<end])
        var padding = 0
        while end < characters.count, characters[end] == "=", padding < 2 {
            end += 1
            padding += 1
        }
        // The word goes on (`Basic_plan`, `YWJj.def`): no base64 credential.
        if end < characters.count, let ascii = characters[end].asciiValue, isWordByte(ascii) || ascii == UInt8(ascii: "=") { return nil }
        guard body.count >= 2, isCredential(body) else { return nil }
        return (start, end, padding)
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
