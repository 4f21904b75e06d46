import KapsoClient
import Testing

/// The parser and writer scan strings eight bytes at a time and reuse object keys met before; every position of a
/// byte that ends a run (quote, backslash, control character, DEL, non-ASCII) must read and write as one byte at a
/// time would, and a reused key must be the key written.
@Suite struct JSONScanTests {
    /// The escape the writer promises, one scalar at a time: `"` `\` and controls (DEL too) escaped, the rest as is.
    static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static let specials: [Character] = ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{7F}", "é", "\u{85}", "中", "😀", " ", "~"]

    @Test("a special character at every position of strings up to 24 bytes", arguments: specials)
    func everyPosition(special: Character) throws {
        for length in 0...24 {
            for position in 0...length {
                var text = String(repeating: "a", count: length)
                text.insert(special, at: text.index(text.startIndex, offsetBy: position))
                let written = JSONValue.string(text).serialized()
                #expect(written == Self.reference(text), "\(length) \(position)")
                #expect(try JSONValue.parse(written) == .string(text))
                // As a key too, where the parser hashes and reuses what it scans.
                let object = try JSONValue.parse("{\(written):1,\(written):2}")
                #expect(object.object?.keys == [text] && object[text] == 2)
            }
        }
    }

    @Test("a raw control character is refused wherever it stands", arguments: [0x00, 0x01, 0x0A, 0x1F] as [UInt8])
    func rawControls(byte: UInt8) {
        for position in 0...17 {
            var bytes = Array("[\"".utf8) + Array(repeating: UInt8(ascii: "b"), count: 17) + Array("\"]".utf8)
            bytes[2 + position] = byte
            #expect(throws: JSONParseError(
                offset: 2 + position, message: "unescaped control character in string at byte \(2 + position)")) {
                try JSONValue.parse(bytes)
            }
        }
    }

    @Test("invalid UTF-8 past the first eight bytes is refused")
    func invalidUTF8Late() {
        let bytes = Array(#"["abcdefghij"#.utf8) + [0xC3, 0x28] + Array(#""]"#.utf8)
        #expect(throws: JSONParseError(offset: 1, message: "invalid UTF-8 in string starting at byte 1")) {
            try JSONValue.parse(bytes)
        }
        let key = Array(#"{"abcdefghij"#.utf8) + [0xC3, 0x28] + Array(#"":1}"#.utf8)
        #expect(throws: JSONParseError(offset: 1, message: "invalid UTF-8 in string starting at byte 1")) {
            try JSONValue.parse(key)
        }
    }

    @Test("keys that share a cache slot, differ by a byte or by length, or are written with escapes stay apart")
    func keysStayApart() throws {
        // 300 distinct keys fill and overwrite every slot of the cache several times, twice over.
        let keys = (0..<300).map { "key_\($0)" } + ["ab", "ba", "abc", "a", "conversation_phone_number", "conversation_phone_numbeR"]
        let objects = (keys + keys).enumerated().map { "{\"\($1)\":\($0),\"x\":\"\($1)\"}" }
        let value = try JSONValue.parse("[" + objects.joined(separator: ",") + "]")
        let parsed = try #require(value.array)
        for (index, object) in parsed.enumerated() {
            let key = (keys + keys)[index]
            #expect(object.object?.keys == [key, "x"])
            #expect(object[key] == .number(String(index)) && object["x"] == .string(key))
        }
        // An escaped key is the same key as its plain spelling: the last value wins at the first position.
        #expect(try JSONValue.parse(#"{"a\u0062":1,"ab":2,"x":3}"#) == ["ab": 2, "x": 3])
        #expect(try JSONValue.parse(#"[{"ab":1},{"a\u0062":2}]"#) == [["ab": 1], ["ab": 2]])
    }

    /// Objects reserve as many members as the last object at their depth had: smaller, larger (past the 64 a hint
    /// holds), empty and nested ones after each other parse to the same values as built by hand.
    @Test("objects of changing sizes at one depth keep exactly their own members")
    func objectsOfChangingSizesAtOneDepth() throws {
        let sizes = [15, 3, 0, 15, 100, 1, 70, 2, 0, 15]
        let items: [JSONValue] = sizes.enumerated().map { item, size in
            .object(JSONObject((0..<size).map { JSONObject.Entry(key: "k\($0)", value: .number(String(item * 1_000 + $0))) }))
        }
        let nested: JSONValue = ["data": .array(items), "more": .array(items.reversed().map { ["inner": $0] })]
        #expect(try JSONValue.parse(nested.serialized()) == nested)
        #expect(try JSONValue.parse(nested.serialized(pretty: true)) == nested)
    }
}
