internal import Foundation

/// Reads a WhatsApp message id (`wamid.` + base64): `wamid.HBgLMTQxNTU1NTAxNDIVAgAS…` carries the
/// contact's number `14155550142`.
///
/// Meta does not document the layout. In the ids observed (Meta's webhook samples, the demo seed),
/// the base64 decodes to a small binary record whose first field is byte `0x18`, a length byte, and
/// the contact's number in ASCII digits; an id without such a field yields no number, not an error.
public enum WAMID {
    /// Why a text is not a WAMID.
    public enum Problem: Error, Sendable, Equatable {
        /// It does not start with `wamid.`.
        case missingPrefix
        /// The part after `wamid.` is not base64.
        case notBase64
    }

    /// The WAMID as Meta and Kapso spell it, from what was pasted: `WAMID.` read as `wamid.`, URL
    /// encoding undone (`%3D` → `=`, `%2B` → `+`, `%2F` → `/`, as in dashboard URLs and `--verbose` lines),
    /// and the base64 `=` padding that double-click selection leaves behind put back.
    ///
    /// `wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA` → `…MgA=`; an error when it is no WAMID.
    /// Padding is only ever added: an id with more `=` than base64 needs is kept as typed (the API serves ids
    /// as it stored them, and one `=` too many is still that id; taking it away would look up another).
    public static func canonical(_ text: String) -> Result<String, Problem> {
        let text = dotDecoded(text)
        guard text.lowercased().hasPrefix("wamid.") else { return .failure(.missingPrefix) }
        var encoded = String(text.dropFirst(6))
        for (escape, character) in [("%3D", "="), ("%2B", "+"), ("%2F", "/")] {
            encoded = encoded.replacingOccurrences(of: escape, with: character, options: .caseInsensitive)
        }
        let alphabet = encoded.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }
        guard alphabet, let padded = padded(encoded) else { return .failure(.notBase64) }
        let typedPadding = encoded.reversed().prefix { $0 == "=" }.count
        let neededPadding = padded.reversed().prefix { $0 == "=" }.count
        return .success("wamid." + (typedPadding >= neededPadding ? encoded : padded))
    }

    /// `text` with a percent-encoded dot after `wamid` decoded (`wamid%2EHBgL…`, an id whose every reserved character was
    /// escaped, tester64 T12); else `text`.
    static func dotDecoded(_ text: String) -> String {
        guard text.count > 8, text.prefix(8).lowercased() == "wamid%2e" else { return text }
        return "wamid." + text.dropFirst(8)
    }

    /// The ids to ask the API for, in order, for what was typed: the id as typed (`WAMID.` read as `wamid.`, URL encoding
    /// undone: no stored id has either), then the same id with its base64 `=` padding as base64 needs it, and without any
    /// (each once, skipping the form typed; a WAMID's body is base64, Meta's with one `=`: an `=` base64 does not need is
    /// not asked for, so an id not found costs one look-up more at most, not three). Kapso serves a message by the id as it stored it, and a stored id
    /// need not be padded as base64 needs (probe9 P9-19: `messages` listed `wamid.…AAAA=`, whose base64 needs `==`; probe37
    /// P37-15: an id stored `…ACAA=` typed without its `=`, and one stored without padding typed with it, were "not found"),
    /// so the other forms are asked only when the one before is not found. The forms differ in trailing `=` only, which
    /// names the same message (`StatusHistory.namesSameMessage`). An error when `text` is no WAMID.
    ///
    /// `wamid.HBgL…MgA` → `["wamid.HBgL…MgA", "wamid.HBgL…MgA="]`; `wamid.HBgL…MgA=` → `["wamid.HBgL…MgA=", "wamid.HBgL…MgA"]`.
    public static func lookups(_ text: String) -> Result<[String], Problem> {
        let text = dotDecoded(text)
        return canonical(text).map { repaired in
            var typed = String(text.dropFirst(6))
            for (escape, character) in [("%3D", "="), ("%2B", "+"), ("%2F", "/")] {
                typed = typed.replacingOccurrences(of: escape, with: character, options: .caseInsensitive)
            }
            var body = typed
            while body.last == "=" { body.removeLast() }
            var forms: [String] = []
            for form in ["wamid." + typed, repaired, "wamid." + body] where !forms.contains(form) {
                forms.append(form)
            }
            return forms
        }
    }

    /// How the id found (`stored`) differs from the id typed, in `=` padding: `with the '=' padding put back`, `without
    /// its '=' padding`, `with one '=' more`; nil when they are the same text or differ otherwise.
    public static func paddingDifference(typed: String, stored: String) -> String? {
        func split(_ id: String) -> (body: Substring, padding: Int) {
            let padding = id.reversed().prefix { $0 == "=" }.count
            return (id.dropLast(padding), padding)
        }
        let (typedBody, typedPadding) = split(typed)
        let (storedBody, storedPadding) = split(stored)
        guard typedBody == storedBody, typedPadding != storedPadding else { return nil }
        if storedPadding == 0 { return "without its '=' padding" }
        let needed = padded(String(storedBody.dropFirst(6))).map { $0.reversed().prefix { $0 == "=" }.count }
        if storedPadding == needed { return "with the '=' padding put back" }
        let difference = abs(storedPadding - typedPadding)
        let count = difference == 1 ? "one '='" : "\(difference) '='"
        return storedPadding > typedPadding ? "with \(count) more" : "with \(count) fewer"
    }

    /// True when a WAMID's base64 has letters but no capital one: base64 is case-sensitive, and a real id's has both
    /// (every observed one starts `HBgL`), so such an id was lower-cased on its way (a case-insensitive database column
    /// or URL handling, probe9 P9-21) and names no message.
    public static func looksLowerCased(_ id: String) -> Bool {
        let encoded = id.lowercased().hasPrefix("wamid.") ? id.dropFirst(6) : Substring(id)
        return encoded.count >= 16 && encoded.contains(where: \.isLetter) && !encoded.contains(where: \.isUppercase)
    }

    /// `encoded` without its `=` and with exactly the padding base64 needs, when it then decodes; else nil.
    private static func padded(_ encoded: String) -> String? {
        var body = encoded
        while body.last == "=" { body.removeLast() }
        guard !body.isEmpty, !body.contains("="), body.count % 4 != 1 else { return nil }
        while body.count % 4 != 0 { body += "=" }
        return Data(base64Encoded: body) != nil ? body : nil
    }

    /// The bytes a canonical id's base64 holds (its padding normalised first), or nil.
    static func bytes(_ id: String) -> [UInt8]? {
        padded(String(id.dropFirst(6))).flatMap { Data(base64Encoded: $0) }.map(Array.init)
    }

    /// The contact number inside a WAMID (digits), nil when the id holds none; an error when `text` is no WAMID.
    /// Reads what `canonical` accepts.
    public static func contactNumber(in text: String) -> Result<String?, Problem> {
        canonical(text).flatMap { id in
            guard let data = bytes(id) else { return .failure(.notBase64) }
            return .success(number(in: data))
        }
    }

    /// Another well-formed WAMID of the same contact for item `number` of a made-up batch: the end of the id's last
    /// run of hex digits (the message part) becomes `number` in hex, so each item has its own id that still reads
    /// as a WAMID (`…MTcyOAA=` → `…MTcwMQA=` for 1). `id` itself when it holds no such run.
    public static func numbered(_ id: String, _ number: Int) -> String {
        guard id.hasPrefix("wamid."), var bytes = bytes(id) else { return id }
        let isHex: (UInt8) -> Bool = { (0x30...0x39).contains($0) || (0x41...0x46).contains($0) }
        guard let end = bytes.lastIndex(where: isHex) else { return id }
        var start = end
        while start > 0, isHex(bytes[start - 1]) { start -= 1 }
        let digits = Array(String(number, radix: 16, uppercase: true).utf8)
        guard end - start + 1 >= 8, digits.count <= 4 else { return id }
        let padded = [UInt8](repeating: 0x30, count: 4 - digits.count) + digits
        bytes.replaceSubrange((end - 3)...end, with: padded)
        return "wamid." + Data(bytes).base64EncodedString()
    }

    // The first `0x18 <length> <digits>` field with 7 to 15 digits.
    private static func number(in bytes: [UInt8]) -> String? {
        var index = 0
        while index + 2 < bytes.count {
            let length = Int(bytes[index + 1])
            if bytes[index] == 0x18, (7...15).contains(length), index + 2 + length <= bytes.count {
                let field = bytes[(index + 2)..<(index + 2 + length)]
                if field.allSatisfy({ (0x30...0x39).contains($0) }) { return String(decoding: field, as: UTF8.self) }
            }
            index += 1
        }
        return nil
    }
}
