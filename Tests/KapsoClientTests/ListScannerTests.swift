@testable import KapsoClient
import KopsTestSupport
import Testing

/// The list scanner answers what the parser answers, cut down to the kept keys, or nil: never another value.
@Suite struct ListScannerTests {
    static let kept = [[], ["id"], ["id", "url", "body"], ["data", "é", "a\"b", "😀", "token"]]

    /// `value`'s `data` elements cut down to `keys`, as the scanner should give it.
    static func cutDown(_ value: JSONValue, to keys: [String]) -> JSONValue {
        guard case .object(var document) = value, case .array(let items)? = document["data"] else { return value }
        document["data"] = .array(
            items.map { item in
                guard case .object(let object) = item else { return item }
                return .object(JSONObject(object.entries.filter { keys.contains($0.key) }))
            })
        return .object(document)
    }

    /// Keys whose values are located (`ReceivedItems.located`) in every scan: kept ones and others, some no item has.
    static let located = ["id", "status", "n", "url", "body", "created_at", "absent"]

    /// Checks `text` against the parser; true when the scanner answered.
    @discardableResult
    static func agrees(_ text: [UInt8], keeping keys: [String]) -> Bool {
        guard let (scanned, received) = JSONValue.scanList(text, keeping: keys, locating: located) else {
            #expect(JSONValue.scanList(text, keeping: keys) == nil, "locating keys changed what the scanner takes")
            return false
        }
        #expect(JSONValue.scanList(text, keeping: keys)?.0 == scanned, "locating keys changed the document")
        let parsed = try? JSONValue.parseList(text)
        #expect(parsed != nil, "the scanner took what the parser refuses: \(String(decoding: text, as: UTF8.self))")
        guard let (value, items) = parsed else { return true }
        #expect(scanned == cutDown(value, to: keys), "\(String(decoding: text, as: UTF8.self))")
        #expect(received.items.map(\.range) == items.items.map(\.range))
        #expect(items.items.allSatisfy { $0.exact })
        #expect(received.keptKeys == keys)
        #expect(received.locatedKeys == located)
        for position in 0..<received.count {
            let whole = value["data"]?.array?[position]
            #expect(received.value(at: position) == whole)
            // Each located value is the whole item's, and the byte readings of strings and integers are its accessors'.
            for (index, key) in located.enumerated() {
                #expect(received.located(index, in: position) == whole?[key], "\(key) in \(String(decoding: text, as: UTF8.self))")
                #expect(received.locatedString(index, in: position) == whole?[key]?.string)
                #expect(received.locatedInt(index, in: position) == whole?[key]?.int)
            }
        }
        return true
    }

    @Test func randomBodiesAreReadAsTheParserReadsThem() {
        var generator = SplitMix(seed: 7)
        var writer = ServerJSONText(generator: SplitMix(seed: 70))
        var scanned = 0
        for round in 0..<3_000 {
            let data: [JSONValue] = (0..<(generator.next() % 4)).map { _ in
                // Mostly objects, as lists hold; sometimes another value, which the scanner leaves to the parser.
                generator.next() % 8 == 0
                    ? ReceivedItemsTests.value(&generator, depth: 1)
                    : .object(Self.object(&generator))
            }
            var body: JSONObject = ["data": .array(data)]
            if generator.next() % 2 == 0 { body["paging"] = ["next": generator.next() % 2 == 0 ? .null : "b64=="] }
            if generator.next() % 4 == 0 { body["meta"] = ["page": 1, "note": "x\ny"] }
            writer.oddness = round % 2 == 0 ? 0 : 1 + generator.next() % 4
            let text = Array(writer.text(.object(body)).utf8)
            if Self.agrees(text, keeping: Self.kept[round % Self.kept.count]) { scanned += 1 }
        }
        // Bodies without a duplicate or escaped key and whose items are all objects are scanned: most of them.
        #expect(scanned > 1_000)
    }

    /// Items with the same keys in the same order, as lists have them, with one change now and then: a key dropped,
    /// added, renamed to one a byte longer or shorter, moved, or written twice after the keys the last item had (a
    /// duplicate the scanner must still refuse), so the scanner's reading of a key as the last item's at its position
    /// (`ListScanner.sameKey`) meets every way an item can leave that order.
    @Test func itemsFollowingTheLastItemsKeysAreReadAsTheParserReadsThem() {
        var generator = SplitMix(seed: 47)
        // Escaped and non-ASCII keys leave the body to the parser; so does a key twice in one item.
        let names = ["id", "ids", "i", "status", "statu", "created_at", "url", "body", "n", "token", #"a\"b"#, "é"]
        var refused = 0
        var scanned = 0
        for round in 0..<2_000 {
            var keys = (0..<(1 + generator.next() % 6)).map { _ in names[Int(generator.next() % UInt64(names.count))] }
            var items: [String] = []
            var leftToParser = false
            for _ in 0..<(1 + generator.next() % 5) {
                let position = Int(generator.next() % UInt64(keys.count + 1))
                switch generator.next() % 8 {
                case 0: if position < keys.count { keys.remove(at: position) }
                case 1: keys.insert(names[Int(generator.next() % UInt64(names.count))], at: position)
                case 2: if position < keys.count { keys[position] += "d" }
                case 3: if position < keys.count, keys[position].count > 1 { keys[position].removeLast() }
                case 4: if position < keys.count { keys.append(keys.remove(at: position)) }
                case 5: if position < keys.count { keys.append(keys[position]) }
                default: break
                }
                leftToParser = leftToParser || Set(keys).count < keys.count || keys.contains { !$0.allSatisfy(\.isASCII) || $0.contains("\\") }
                let members = keys.enumerated().map { #""\#($0.element)":"\#($0.offset)-\#(generator.next() % 3)""# }
                items.append("{" + members.joined(separator: ",") + "}")
            }
            let text = Array(#"{"data":[\#(items.joined(separator: ","))],"paging":{"next":null}}"#.utf8)
            let keeping = Self.kept[round % Self.kept.count] + ["ids", "status"]
            let answered = Self.agrees(text, keeping: keeping)
            #expect(answered == !leftToParser, "\(String(decoding: text, as: UTF8.self))")
            if answered { scanned += 1 } else { refused += 1 }
        }
        #expect(scanned > 500)
        #expect(refused > 200)
    }

    /// Keys as APIs write them; one in eight from `ReceivedItemsTests.keys` (escaped, non-ASCII), which the scanner
    /// leaves to the parser.
    static let plainKeys = ["id", "url", "body", "token", "data", "x/y", "", "status", "created_at"]

    static func object(_ generator: inout SplitMix) -> JSONObject {
        var object = JSONObject()
        for _ in 0..<(generator.next() % 6) {
            let keys = generator.next() % 8 == 0 ? ReceivedItemsTests.keys : plainKeys
            let key = keys[Int(generator.next() % UInt64(keys.count))]
            object[key] = generator.next() % 3 == 0 ? ReceivedItemsTests.value(&generator, depth: 2) : .string("é\n\(key)")
        }
        return object
    }

    /// `locatedInt` reads integers of up to 18 digits from their bytes and leaves the rest to `JSONValue.int`.
    @Test(arguments: [
        "0", "-0", "7", "-12", "200", "123456789012345678", "-123456789012345678", "1234567890123456789",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "1.0", "1e2",
        "2.5", "-0.0", "1E+2", "\"200\"", "null", "true", "[200]",
    ])
    func locatedIntegersAreTheParsersInt(_ literal: String) throws {
        let text = Array(#"{"data":[{"n":\#(literal)}]}"#.utf8)
        let (_, received) = try #require(JSONValue.scanList(text, keeping: ["id"], locating: ["n"]))
        let parsed = try JSONValue.parse(text)["data"]?.array?.first?["n"]
        #expect(received.locatedInt(0, in: 0) == parsed?.int)
        #expect(received.located(0, in: 0) == parsed)
    }

    @Test func damagedBodiesAreNeverTakenWhenTheParserRefusesThem() {
        var generator = SplitMix(seed: 11)
        let base = Array(
            #"{"data":[{"id":"a1","url":"https://x.test/p?q=1","body":"caf\u00e9 😀","n":-1.5e3,"ok":true,"z":null,"l":[1,{"b":2}]}],"paging":{"next":"c"}}"#
                .utf8)
        let odd: [UInt8] = Array(#""\{}[],: 0-+.eE"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE0, 0xED, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            var text = base
            for _ in 0...(generator.next() % 3) {
                let position = Int(generator.next() % UInt64(text.count))
                let byte = odd[Int(generator.next() % UInt64(odd.count))]
                switch generator.next() % 3 {
                case 0: text[position] = byte
                case 1: text.insert(byte, at: position)
                default: text.remove(at: position)
                }
            }
            Self.agrees(text, keeping: ["id", "body", "n", "l"])
        }
    }

    @Test(arguments: [
        (#"{"data":[{"a":1,"a":2}]}"#, "a duplicate key"), (#"{"data":[{"b":{"c":1,"c":1}}]}"#, "a duplicate key deep in"),
        (#"{"data":[],"data":[]}"#, "two data keys"), (#"{"data":[{"\u0061":1}]}"#, "an escaped key"),
        (#"{"data":[{"é":1}]}"#, "a non-ASCII key"), (#"{"data":[1]}"#, "an item that is no object"),
        (#"{"data":{}}"#, "data that is no array"), (#"{"paging":{}}"#, "no data"), (#"[{"data":[]}]"#, "no object"),
        (#"{"data":[{"a":1},]}"#, "a trailing comma"), (#"{"data":[{"a":"\x"}]}"#, "a bad escape"),
        (#"{"data":[{"a":01}]}"#, "a leading zero"), (#"{"data":[]} x"#, "data after the value"),
    ])
    func bodiesLeftToTheParser(body: String, why: String) {
        #expect(JSONValue.scanList(Array(body.utf8), keeping: ["a"]) == nil, "\(why)")
    }

    @Test func deepOrWideBodiesAreLeftToTheParser() {
        let deep = #"{"data":[{"a":"# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}]}"
        #expect(JSONValue.scanList(Array(deep.utf8), keeping: ["a"]) == nil)
        let keys = (0..<64).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        #expect(JSONValue.scanList(Array(#"{"data":[{\#(keys)}]}"#.utf8), keeping: ["k1"]) == nil)
        let fewer = (0..<63).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        #expect(Self.agrees(Array(#"{"data":[{\#(fewer)}]}"#.utf8), keeping: ["k1", "k62"]))
    }

    @Test func sequencesAreCheckedAsStringValidatingChecksThem() {
        var generator = SplitMix(seed: 3)
        let interesting: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
            0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<50_000 {
            let bytes = (0..<(1 + generator.next() % 5)).map { _ in interesting[Int(generator.next() % UInt64(interesting.count))] }
            let checked = bytes.withUnsafeBufferPointer { buffer in
                var position = 0
                while position < buffer.count {
                    if buffer[position] < 0x80 {
                        position += 1
                    } else if let length = UTF8Check.sequenceLength(buffer, at: position) {
                        position += length
                    } else {
                        return false
                    }
                }
                return true
            }
            #expect(checked == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}
