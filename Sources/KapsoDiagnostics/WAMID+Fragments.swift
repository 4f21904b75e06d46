internal import Foundation

// MARK: - A WAMID's base64 wherever it is written: without its prefix, percent-encoded, cut short

extension WAMID {
    /// The run of a WAMID's characters at the start of `text` (base64 letters and digits, `+`, `/`, `=`, URL-safe `-`
    /// and `_`, and percent-escapes of `+`, `/` and `=`, once or more encoded: `%2B`, `%252F`, `%25253D`): its length in
    /// characters, and the base64 it spells with the escapes undone. Length 0 when `text` starts with none of them.
    ///
    /// `HBgLMTQx%3D rest` → `(11, "HBgLMTQx=")`; `%2520` (an encoded space) ends a run: it is no character of an id.
    public static func encodedRun(_ text: Substring) -> (length: Int, base64: String) {
        var base64 = ""
        var length = 0
        var rest = text
        while let first = rest.first {
            if first.isASCII, first.isLetter || first.isNumber || "+/=-_".contains(first) {
                base64.append(first)
                length += 1
                rest = rest.dropFirst()
                continue
            }
            guard first == "%", let (count, character) = escape(rest) else { break }
            base64.append(character)
            length += count
            rest = rest.dropFirst(count)
        }
        return (length, base64)
    }

    /// `%2B` → `+`, `%252F` → `/` (an escape encoded again, any number of times, any case): the characters it takes
    /// and the character it stands for; nil for any other escape.
    private static func escape(_ text: Substring) -> (Int, Character)? {
        var rest = text.dropFirst()
        var count = 1
        while rest.count >= 2, rest.prefix(2) == "25" {
            rest = rest.dropFirst(2)
            count += 2
        }
        let code = rest.prefix(2).uppercased()
        let characters: [String: Character] = ["2B": "+", "2F": "/", "3D": "="]
        guard let character = characters[code] else { return nil }
        return (count + 2, character)
    }

    /// True when `base64` (a WAMID's base64 part, whole or cut, at least 8 characters) opens as every observed WAMID
    /// does: the bytes `0x1C 0x18 <length 7…15>` (`HBgH`…`HBgP`) then ASCII digits as far as its whole 4-character
    /// groups decode (the contact's number; `WAMID` has the layout). Such text spells the contact's number from its
    /// 5th character on: `HBgLMTQxNTU1NTAxNzEV` (20 characters) decodes to `14155550171`, whatever comes after it.
    public static func opensWithContactNumber(_ base64: String) -> Bool {
        guard base64.count >= 8, base64.hasPrefix("HBg") else { return false }
        let whole = String(base64.prefix(base64.count / 4 * 4)).replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        guard let bytes = Data(base64Encoded: whole).map(Array.init), bytes.count >= 4 else { return false }
        let length = Int(bytes[2])
        guard bytes[0] == 0x1C, bytes[1] == 0x18, (7...15).contains(length) else { return false }
        return bytes[3..<min(bytes.count, 3 + length)].allSatisfy { (0x30...0x39).contains($0) }
    }
}
