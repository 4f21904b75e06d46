public import KapsoClient

// MARK: - Other forms of a body: what the sender may have signed when the receiver hashed something else

extension SignatureCheck {
    /// The bytes a body had before a receiver decoded its UTF-8 as Latin-1 (ISO 8859-1) or Windows-1252 and
    /// encoded the text as UTF-8 again (mojibake: `ñ`, C3 B1, becomes `Ã±`, C3 83 C2 B1), and whether a
    /// Windows-1252 character (`€`, `Ÿ`, `‘`, …) was among them; nil when `body` is not such a text.
    ///
    /// Kapso signs its body with non-ASCII as raw UTF-8 (kapso-api.md §10.1); a receiver that reads the raw
    /// body as a "binary"/Latin-1 string (Node `req.setEncoding('latin1')`, a default charset in PHP or Java)
    /// and hashes that string as UTF-8 hashes these doubled bytes. Meta's bodies are ASCII (non-ASCII is
    /// `\uXXXX`), so this only happens to Kapso's. Bytes 81, 8D, 8F, 90 and 9D, which Windows-1252 leaves
    /// undefined, decode to U+0081… as in Latin-1 (the WHATWG Encoding Standard's windows-1252 index).
    static func undoMojibake(_ body: [UInt8]) -> (bytes: [UInt8], windows1252: Bool)? {
        guard ByteScan.hasNonASCII(body) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.count)
        var windows = false
        var decoder = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        while true {
            switch decoder.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded).value
                if scalar < 0x100 {
                    bytes.append(UInt8(scalar))
                } else if let byte = windows1252[scalar] {
                    bytes.append(byte)
                    windows = true
                } else {
                    return nil
                }
            case .emptyInput:
                // The bytes before must themselves be UTF-8, as every Kapso body is.
                guard bytes.count < body.count, validUTF8(bytes) else { return nil }
                return (bytes, windows)
            case .error:
                return nil
            }
        }
    }

    /// The UTF-8 bytes of a body saved as UTF-16 text, and how it was written (`UTF-16LE with a byte-order mark`);
    /// nil when `body` is not UTF-16 text.
    ///
    /// Windows PowerShell 5.1 writes UTF-16LE with a byte-order mark (FF FE) for `>` and `Out-File`
    /// (learn.microsoft.com, about_Redirection and about_Character_Encoding: "Unicode" is its default for
    /// `Out-File`). Without a mark the order is read off the first character, which in JSON is ASCII (`{`, `[` or
    /// whitespace): its other byte is 00. Kapso's and Meta's bodies are UTF-8 and never hold a 00 byte.
    static func utf16Decoded(_ body: [UInt8]) -> (bytes: [UInt8], form: String)? {
        guard body.count >= 4, body.count % 2 == 0 else { return nil }
        let (little, start, form): (Bool, Int, String)
        switch (body[0], body[1]) {
        case (0xFF, 0xFE): (little, start, form) = (true, 2, "UTF-16LE with a byte-order mark")
        case (0xFE, 0xFF): (little, start, form) = (false, 2, "UTF-16BE with a byte-order mark")
        case (let first, 0) where first != 0 && first < 0x80: (little, start, form) = (true, 0, "UTF-16LE (no byte-order mark)")
        case (0, let second) where second != 0 && second < 0x80: (little, start, form) = (false, 0, "UTF-16BE (no byte-order mark)")
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity((body.count - start) / 2)
        var index = start
        while index < body.count {
            let (low, high) = little ? (body[index], body[index + 1]) : (body[index + 1], body[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count)
        var parser = Unicode.UTF16.ForwardParser()
        var iterator = units.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                guard let utf8 = Unicode.UTF8.encode(Unicode.UTF16.decode(encoded)) else { return nil }
                bytes.append(contentsOf: utf8)
            case .emptyInput:
                return bytes.isEmpty ? nil : (bytes, form)
            case .error:
                return nil
            }
        }
    }

    /// Windows-1252's characters at 80–9F that are not the Latin-1 (C1 control) ones, by code point.
    static let windows1252: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    private static func validUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// `json` (compact, from `serialized()` or `metaEscaped`) with `<`, `>` and `&` written `\u003c`, `\u003e`,
    /// `\u0026`, and U+2028/U+2029 as `\u2028`/`\u2029`: how Go's `encoding/json` (pkg.go.dev/encoding/json,
    /// "Marshal": HTML-safe escaping by default) and Rails' `to_json` (ActiveSupport
    /// `escape_html_entities_in_json`, on by default) write strings. Outside strings compact JSON has none of
    /// these characters, so replacing them everywhere is exact. Nil when the text has none of them.
    static func htmlEscaped(_ json: String) -> String? {
        guard json.unicodeScalars.contains(where: { "<>&\u{2028}\u{2029}".unicodeScalars.contains($0) }) else { return nil }
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The names of the members that hold whole-number literals (`38`, `-2`), each once, in document order;
    /// an array's numbers count under the member holding the array.
    static func wholeNumberKeys(_ value: JSONValue) -> [String] {
        var keys: [String] = []
        func visit(_ value: JSONValue, key: String) {
            switch value {
            case .number(let literal) where isWhole(literal): if !keys.contains(key) { keys.append(key) }
            case .array(let elements): for element in elements { visit(element, key: key) }
            case .object(let object): for entry in object.entries { visit(entry.value, key: entry.key) }
            default: break
            }
        }
        visit(value, key: "")
        return keys
    }

    /// `value` with every whole-number literal under one of `keys` written with `.0` (`38` → `38.0`): the
    /// literal a sender wrote before JavaScript's `JSON.stringify` (ECMA-262 Number::toString) or another
    /// re-serialiser dropped the fraction. Kapso's own Node example hashes `JSON.stringify(payload)`
    /// (docs.kapso.ai/docs/platform/webhooks/security), which does exactly that.
    static func withZeroFractions(_ value: JSONValue, keys: Set<String>, key: String = "") -> JSONValue {
        switch value {
        case .number(let literal) where keys.contains(key) && isWhole(literal): return .number(literal + ".0")
        case .array(let elements): return .array(elements.map { withZeroFractions($0, keys: keys, key: key) })
        case .object(let object):
            return .object(JSONObject(object.entries.map { .init(key: $0.key, value: withZeroFractions($0.value, keys: keys, key: $0.key)) }))
        default: return value
        }
    }

    /// The sets of keys to try: every combination when there are at most 4, else each key alone and all of them.
    static func keyChoices(_ keys: [String]) -> [Set<String>] {
        guard !keys.isEmpty else { return [] }
        guard keys.count <= 4 else { return keys.map { [$0] } + [Set(keys)] }
        return (1..<(1 << keys.count)).map { mask in Set(keys.indices.filter { mask & (1 << $0) != 0 }.map { keys[$0] }) }
    }

    /// `'latitude'`, `'latitude' and 'longitude'`; a name that is not plain ASCII letters, digits, `_` or `-` is
    /// not shown (it came from the body).
    static func describeKeys(_ keys: Set<String>, order: [String]) -> String {
        let names = order.filter(keys.contains).map { key in
            key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } && !key.isEmpty
                ? "'\(key)'" : "a member"
        }
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }

    private static func isWhole(_ literal: String) -> Bool {
        let digits = literal.hasPrefix("-") ? literal.dropFirst() : Substring(literal)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
