import Foundation
import KapsoClient
import Testing

@Suite struct JSONValueTests {
    // MARK: - Round trips

    @Test(
        "valid documents serialize compactly",
        arguments: [
            ("null", "null"),
            ("true", "true"),
            (" false ", "false"),
            ("0", "0"),
            ("-0", "-0"),
            ("42", "42"),
            ("-1.5e3", "-1.5e3"),
            ("1E+2", "1E+2"),
            ("0.25e-7", "0.25e-7"),
            ("12345678901234567890", "12345678901234567890"),
            ("3.141592653589793238462643383279", "3.141592653589793238462643383279"),
            (#""""#, #""""#),
            (#""hello""#, #""hello""#),
            (#""a\/b""#, #""a/b""#),
            (#""\u0041\u00e9\u4e2d""#, #""Aé中""#),
            (#""\ud83d\ude00""#, #""😀""#),
            (#""\ud800x""#, #""\#u{FFFD}x""#),
            (#""\udc00""#, #""\#u{FFFD}""#),
            (#""\ud800\u0041""#, #""\#u{FFFD}A""#),
            (#""\"\\\n\r\t\b\f""#, #""\"\\\n\r\t\b\f""#),
            (#""\u0000\u001f\u007f""#, #""\u0000\u001f\u007f""#),
            ("\"caf\u{E9} \u{1F600}\"", "\"caf\u{E9} \u{1F600}\""),
            ("[]", "[]"),
            ("{}", "{}"),
            ("[ 1 , [ ] , { } , \"x\" ]", #"[1,[],{},"x"]"#),
            (" {\n\t\"b\" : 1 ,\r\n \"a\" : [ true , null ] } ", #"{"b":1,"a":[true,null]}"#),
            (#"{"a":1,"b":2,"a":3}"#, #"{"a":3,"b":2}"#),
        ]
    )
    func compactSerialization(input: String, expected: String) throws {
        let value = try JSONValue.parse(input)
        #expect(value.serialized() == expected)
        #expect(try JSONValue.parse(value.serialized()) == value)
    }

    @Test(
        "pretty output indents by two spaces like jq",
        arguments: [
            ("[]", "[]"),
            (#"{"a":{}}"#, "{\n  \"a\": {}\n}"),
            (#"[1,[2]]"#, "[\n  1,\n  [\n    2\n  ]\n]"),
            (#"{"z":[true],"a":"x"}"#, "{\n  \"z\": [\n    true\n  ],\n  \"a\": \"x\"\n}"),
        ]
    )
    func prettySerialization(input: String, expected: String) throws {
        let value = try JSONValue.parse(input)
        #expect(value.serialized(pretty: true) == expected)
        #expect(try JSONValue.parse(value.serialized(pretty: true)) == value)
    }

    // MARK: - Errors

    @Test(
        "invalid documents report offset and message",
        arguments: [
            ("", 0, "unexpected end of input at byte 0"),
            ("   ", 3, "unexpected end of input at byte 3"),
            ("[1,2,]", 5, "trailing comma before ']' at byte 5"),
            (#"{"a":1,}"#, 7, "trailing comma before '}' at byte 7"),
            (#"{"a":1 "b":2}"#, 7, "expected ',' or '}' at byte 7"),
            ("[1 2]", 3, "expected ',' or ']' at byte 3"),
            (#"{"a" 1}"#, 5, "expected ':' at byte 5"),
            ("{a:1}", 1, "expected a string key at byte 1"),
            ("[1,,2]", 3, "expected a value at byte 3"),
            ("01", 0, "leading zero in number at byte 0"),
            ("-012", 1, "leading zero in number at byte 1"),
            ("-", 1, "expected a digit at byte 1"),
            ("1.", 2, "expected a digit at byte 2"),
            (".5", 0, "expected a value at byte 0"),
            ("1e", 2, "expected a digit at byte 2"),
            ("+1", 0, "expected a value at byte 0"),
            ("tru", 0, "expected 'true' at byte 0"),
            ("nul", 0, "expected 'null' at byte 0"),
            ("True", 0, "expected a value at byte 0"),
            ("\"a\u{9}b\"", 2, "unescaped control character in string at byte 2"),
            ("\"a\\n\u{A}\"", 4, "unescaped control character in string at byte 4"),
            (#"["abc"#, 1, "unterminated string starting at byte 1"),
            (#""\x""#, 1, "invalid escape at byte 1"),
            (#""\u12g4""#, 1, #"invalid \u escape at byte 1"#),
            ("\"\\", 1, "unterminated escape at byte 1"),
            ("1 2", 2, "unexpected data after the value at byte 2"),
            ("{} x", 3, "unexpected data after the value at byte 3"),
            ("NaN", 0, "expected a value at byte 0"),
            ("[\u{FEFF}]", 1, "expected a value at byte 1"),
        ]
    )
    func invalidDocument(input: String, offset: Int, message: String) {
        #expect(throws: JSONParseError(offset: offset, message: message)) {
            try JSONValue.parse(input)
        }
    }

    @Test("invalid UTF-8 inside a string is rejected")
    func invalidUTF8() {
        let bytes: [UInt8] = [0x5B, 0x22, 0x61, 0xC3, 0x28, 0x22, 0x5D]
        #expect(throws: JSONParseError(offset: 1, message: "invalid UTF-8 in string starting at byte 1")) {
            try JSONValue.parse(bytes)
        }
    }

    @Test("any byte collection parses, contiguous or not")
    func byteCollections() throws {
        let bytes = Array(#"{"a":[1,"é"]}"#.utf8)
        let expected: JSONValue = ["a": [1, "é"]]
        #expect(try JSONValue.parse(bytes) == expected)
        #expect(try JSONValue.parse(bytes.lazy.map { $0 }) == expected)
        #expect(try JSONValue.parse(bytes[...]) == expected)
    }

    @Test("nesting is limited so hostile input cannot overflow the stack")
    func nestingLimit() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try JSONValue.parse(deepest).array?.count == 1)
        let tooDeep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError(offset: 512, message: "nesting deeper than 512 levels at byte 512")) {
            try JSONValue.parse(tooDeep)
        }
    }

    // MARK: - Exactness and order

    @Test("numbers keep their literal text")
    func exactNumbers() throws {
        let value = try JSONValue.parse(#"{"big":12345678901234567890,"id":9007199254740993,"f":1.10}"#)
        #expect(value["big"] == .number("12345678901234567890"))
        #expect(value["big"]?.int == nil)
        #expect(value["id"]?.int == 9_007_199_254_740_993)
        #expect(value["f"]?.double == 1.1)
        #expect(value.serialized() == #"{"big":12345678901234567890,"id":9007199254740993,"f":1.10}"#)
    }

    @Test(
        "int accepts exact integers only",
        arguments: [("42", 42), ("-7", -7), ("4.2e1", 42), ("1.0", 1), ("4.5", nil), ("1e30", nil)] as [(String, Int?)]
    )
    func intAccessor(literal: String, expected: Int?) {
        #expect(JSONValue.number(literal).int == expected)
    }

    @Test("object keys keep document order, duplicates keep the first position and the last value")
    func keyOrder() throws {
        let value = try JSONValue.parse(#"{"zeta":1,"alpha":2,"mid":3,"alpha":4}"#)
        #expect(value.object?.keys == ["zeta", "alpha", "mid"])
        #expect(value["alpha"] == 4)
    }

    @Test("large objects find duplicate keys too")
    func largeObjectDuplicates() throws {
        let members = (0..<100).map { "\"k\($0)\":\($0)" } + [#""k3":"again""#, #""k99":null"#]
        let value = try JSONValue.parse("{" + members.joined(separator: ",") + "}")
        #expect(value.object?.count == 100)
        #expect(value["k3"] == "again")
        #expect(value["k99"] == .null)
        #expect(value.object?.keys.last == "k99")
    }

    @Test("setting a member replaces in place, appends new keys and removes on nil")
    func objectSubscript() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = "one"
        object["c"] = true
        object["b"] = nil
        object["missing"] = nil
        #expect(JSONValue.object(object).serialized() == #"{"a":"one","c":true}"#)
        #expect(object.map(\.key) == ["a", "c"])
    }

    @Test("literals build the same values the parser does")
    func literals() throws {
        let built: JSONValue = [
            "to": "14155550142", "n": -3, "ok": false, "none": nil, "list": [1, "x"], "to": "last",
        ]
        #expect(built == (try JSONValue.parse(#"{"to":"last","n":-3,"ok":false,"none":null,"list":[1,"x"]}"#)))
    }

    // MARK: - Accessors

    @Test(
        "accessors answer only for their own type",
        arguments: [
            (JSONValue.null, "null"), (true, "boolean"), (1, "number"), ("s", "string"), ([1], "array"),
            (["k": 1], "object"),
        ] as [(JSONValue, String)]
    )
    func accessors(value: JSONValue, typeName: String) {
        #expect(value.typeName == typeName)
        #expect(value.isNull == (typeName == "null"))
        #expect((value.bool != nil) == (typeName == "boolean"))
        #expect((value.double != nil) == (typeName == "number"))
        #expect((value.string != nil) == (typeName == "string"))
        #expect((value.array != nil) == (typeName == "array"))
        #expect((value.object != nil) == (typeName == "object"))
        #expect((value[0] != nil) == (typeName == "array"))
        #expect((value["k"] != nil) == (typeName == "object"))
    }

    @Test("subscripts return nil out of range")
    func subscripts() {
        let value: JSONValue = ["data": [["id": "a"], ["id": "b"]]]
        #expect(value["data"]?[1]?["id"]?.string == "b")
        #expect(value["data"]?[2] == nil)
        #expect(value["data"]?[-1] == nil)
        #expect(value["meta"] == nil)
    }

    // MARK: - Fixtures

    static let fixtures = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "../shared/fixtures").standardized

    static let fixtureNames = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [])
        .filter { $0.hasSuffix(".json") }
        .sorted()

    @Test("the shared fixtures are found")
    func fixturesFound() {
        #expect(Self.fixtureNames.count >= 10, "no fixtures in \(Self.fixtures.path)")
    }

    @Test("each fixture survives a compact round trip and its pretty form matches the file", arguments: fixtureNames)
    func fixtureRoundTrip(name: String) throws {
        let data = try Data(contentsOf: Self.fixtures.appending(path: name))
        let text = String(decoding: data, as: UTF8.self)
        let value = try JSONValue.parse(data)
        #expect(try JSONValue.parse(value.serialized()) == value)
        if text.hasSuffix("\n") {
            #expect(value.serialized(pretty: true) + "\n" == text)
        } else {
            // The webhook body is the exact wire form, as JSON.stringify wrote it.
            #expect(value.serialized() == text)
        }
    }

    @Test("a 100 KB page parses and serializes")
    func largePage() throws {
        let item =
            #"{"id":"wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQz","type":"text","text":{"body":"caf\u00e9 \ud83d\ude00 \"quoted\""},"n":12345678901234567890}"#
        let page = "{\"data\":[" + Array(repeating: item, count: 1_000).joined(separator: ",") + "],\"meta\":{}}"
        #expect(page.utf8.count > 100_000)
        let value = try JSONValue.parse(page)
        #expect(value["data"]?.array?.count == 1_000)
        #expect(try JSONValue.parse(value.serialized()) == value)
    }
}
