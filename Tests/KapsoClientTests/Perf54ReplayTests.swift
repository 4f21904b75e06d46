@testable import KapsoClient
import KopsTestSupport
import Testing

/// Session 54's cuts of the replay against the readings they replaced (docs/performance.md, "Session 54"): the parser's
/// keys found and fingerprinted eight bytes at a time, and a list's `meta` object read by the scanner.
@Suite struct Perf54ReplayTests {
    /// Keys of every length around the eight-byte words (0 to 41 bytes), non-ASCII ones, and ones holding a quote, a
    /// backslash or a slash, which are written escaped.
    static let keys: [String] = (0..<42).map { String(repeating: "k", count: $0 % 7) + String(repeating: "_", count: $0 - $0 % 7) }
        + ["id", "ids", "idx", "é", "😀x", "naïve_key_longer", "phone_number_id", "phone_number_ie", "a\"b", "c\\d", "e/f"]

    /// `key` as JSON text, each character written plain or as an escape by `generator` (a quote and a backslash always
    /// escaped).
    static func written(_ key: String, _ generator: inout SplitMix) -> String {
        var text = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "/" where generator.next() % 2 == 0: text += "\\/"
            default:
                if scalar.isASCII, generator.next() % 5 == 0 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text += String(scalar)
                }
            }
        }
        return text + "\""
    }

    /// The parser's reading of members written in this order: each key once, where it first appeared, with its last
    /// value (keys compared by their bytes, as the fingerprints and the bytes the cache compares tell them apart).
    static func model(_ members: [(String, JSONValue)]) -> JSONObject {
        var object = JSONObject()
        for (key, value) in members {
            if let index = object.entries.firstIndex(where: { Array($0.key.utf8) == Array(key.utf8) }) {
                object.entries[index].value = value
            } else {
                object.entries.append(JSONObject.Entry(key: key, value: value))
            }
        }
        return object
    }

    /// Objects of keys written plain or escaped, with duplicates, in lists of items (the key cache's reuse) and alone
    /// (short documents, where a key's last word cannot be read whole): the parse is the model's.
    @Test func keysAreReadAsTheyAreWritten() throws {
        var generator = SplitMix(seed: 54)
        for round in 0..<4_000 {
            var items: [JSONObject] = []
            var text = "{\"data\":["
            for item in 0..<Int(generator.next() % 3 + 1) {
                var members: [(String, JSONValue)] = []
                var written: [String] = []
                for _ in 0..<Int(generator.next() % (round % 10 == 0 ? 70 : 9)) {
                    let key = Self.keys[Int(generator.next() % UInt64(Self.keys.count))]
                    let value = JSONValue.number(String(generator.next() % 100))
                    members.append((key, value))
                    written.append(Self.written(key, &generator) + ":" + "\(value.int ?? 0)")
                }
                items.append(Self.model(members))
                text += (item > 0 ? "," : "") + "{" + written.joined(separator: ",") + "}"
            }
            text += "]}"
            let parsed = try JSONValue.parse(text)
            #expect(parsed == .object(["data": .array(items.map { .object($0) })]), "\(text)")
            // The first item alone, as the whole document (no key holds a `}`).
            let alone = String(text.dropFirst("{\"data\":[".count).prefix { $0 != "}" }) + "}"
            #expect(try JSONValue.parse(alone) == .object(items[0]), "\(alone)")
        }
    }

    /// Items of 200 keys each (more than the cache's slots, so keys take slots from each other), in another order each
    /// time, some written twice: the parse is the model's.
    @Test func moreKeysThanTheCacheHoldsAreReadAsTheyAreWritten() throws {
        var generator = SplitMix(seed: 5400)
        let names = (0..<200).map { "key_\($0)_" + String(repeating: "x", count: $0 % 19) }
        var items: [JSONObject] = []
        var texts: [String] = []
        for _ in 0..<6 {
            var members: [(String, JSONValue)] = []
            for _ in 0..<260 {
                let name = names[Int(generator.next() % UInt64(names.count))]
                members.append((name, .number(String(generator.next() % 1000))))
            }
            items.append(Self.model(members))
            texts.append("{" + members.map { "\"\($0.0)\":\($0.1.int ?? 0)" }.joined(separator: ",") + "}")
        }
        let parsed = try JSONValue.parse("[" + texts.joined(separator: ",") + "]")
        #expect(parsed == .array(items.map { .object($0) }))
    }

    /// `JSONParser.sameBytes` answers as comparing the arrays does, at every length around the words.
    @Test func bytesCompareAsArraysDo() {
        var generator = SplitMix(seed: 54_000)
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 40)
            let first = (0..<count).map { _ in UInt8(generator.next() % 3) + 0x61 }
            var second = generator.next() % 4 == 0 ? (0..<count).map { _ in UInt8(generator.next() % 3) + 0x61 } : first
            if generator.next() % 8 == 0 { second.append(0x61) }
            if !second.isEmpty, generator.next() % 3 == 0 { second[Int(generator.next() % UInt64(second.count))] = 0x7A }
            let same = first.withUnsafeBufferPointer { a in second.withUnsafeBufferPointer { b in JSONParser.sameBytes(a, b) } }
            #expect(same == (first == second), "\(first) \(second)")
        }
    }

    /// A key written with escapes is the same key as its plain bytes: both fingerprints are the same, so the duplicate
    /// is found, wherever the key's last word ends in the document.
    @Test(arguments: ["ab", "abcdefgh", "abcdefghi", "phone_number_id", "é"])
    func anEscapedKeyIsTheSameKeyAsItsPlainBytes(_ key: String) throws {
        var generator = SplitMix(seed: 1)
        for _ in 0..<50 {
            let escaped = Self.written(key, &generator)
            for text in ["{\"\(key)\":1,\(escaped):2}", "{\(escaped):1,\"\(key)\":2}"] {
                #expect(try JSONValue.parse(text) == .object([key: 2]), "\(text)")
            }
        }
        var plain = key
        plain.withUTF8 { bytes in
            let padded = Array(bytes) + Array("\":1}      ".utf8)
            padded.withUnsafeBufferPointer { document in
                let slice = UnsafeBufferPointer(rebasing: document[0..<bytes.count])
                // Read with its last word masked, or byte by byte: one fingerprint.
                #expect(JSONParser.fingerprint(slice, readable: document.count) == JSONParser.fingerprint(bytes, readable: bytes.count))
            }
        }
    }

    /// `meta` objects of plain values of every kind (numbers in each form, strings with and without escapes, literals),
    /// and some holding an object or array, which the parser reads as before: the scan's document is the parser's.
    @Test func flatMetaObjectsAreReadAsTheParserReadsThem() throws {
        var generator = SplitMix(seed: 540)
        var writer = ServerJSONText(generator: SplitMix(seed: 541), duplicates: false)
        let values: [JSONValue] = [
            1, 0, -7, .number("1.5e3"), .number("-0.25"), .number("2E-2"), "x", "", "a\"b", "tab\there", "é😀", "\u{1}", true,
            false, .null, ["page": 1], [1, 2], [:], [],
        ]
        var flat = 0
        for round in 0..<3_000 {
            var meta = JSONObject()
            for index in 0..<Int(generator.next() % 6) {
                meta["k\(index)"] = values[Int(generator.next() % UInt64(round % 3 == 0 ? values.count : values.count - 4))]
            }
            let body: JSONObject = ["data": [["id": "1", "n": 2]], "meta": .object(meta)]
            writer.oddness = round % 2 == 0 ? 0 : 1 + generator.next() % 4
            let text = Array(writer.text(.object(body)).utf8)
            // A key the writer escaped leaves the body to the parser (nil), as before.
            if let scanned = JSONValue.scanList(text, keeping: ["id"]) {
                #expect(scanned.0["meta"] == (try JSONValue.parse(text))["meta"], "\(String(decoding: text, as: UTF8.self))")
            }
            ListScannerTests.agrees(text, keeping: ["id"])
            // The meta object's bytes, read by `flatObject`: an answer (for plain values) is the parser's.
            var plain = ServerJSONText(generator: SplitMix(seed: 0), oddness: 0)
            let metaText = Array(plain.text(.object(meta)).utf8)
            let direct = metaText.withUnsafeBufferPointer { ListScanner.flatObject($0) }
            if let direct {
                flat += 1
                #expect(direct == .object(meta))
            } else {
                #expect(meta.entries.contains { $0.value.object != nil || $0.value.array != nil })
            }
        }
        #expect(flat > 1_000)
    }
}
