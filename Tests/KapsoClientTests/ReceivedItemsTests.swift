import KapsoClient
import KopsTestSupport
import Testing

/// A list item's own bytes, laid out again, are what serializing its parsed value gives, or nil: never other text.
@Suite struct ReceivedItemsTests {
    static let keys = ["id", "url", "body", "token", "é", "a\"b", "back\\slash", "", "data", "x/y", "\u{7F}", "😀"]
    static let pieces = ["plain", "/", "\"", "\\", "\n", "\t", "é", "\u{1}", "\u{7F}", "😀", " ", "{[,:]}", "\u{2028}"]
    static let numbers = ["0", "-1", "12", "1.50", "1e5", "-0.0E-7", "12345678901234567890"]

    static func value(_ generator: inout SplitMix, depth: Int) -> JSONValue {
        switch generator.next() % (depth > 2 ? 5 : 7) {
        case 0: return .number(numbers[Int(generator.next() % UInt64(numbers.count))])
        case 1: return [.null, .bool(true), .bool(false)][Int(generator.next() % 3)]
        case 2, 3, 4:
            let count = generator.next() % 4
            return .string((0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        case 5: return .array((0..<(generator.next() % 4)).map { _ in value(&generator, depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<(generator.next() % 5) {
                object[keys[Int(generator.next() % UInt64(keys.count))]] = value(&generator, depth: depth + 1)
            }
            return .object(object)
        }
    }

    @Test func theItemsTextIsTheSerializersOrNil() throws {
        var generator = SplitMix(seed: 16)
        var writer = ServerJSONText(generator: SplitMix(seed: 61))
        var taken = 0
        var items = 0
        for round in 0..<3_000 {
            let data = (0..<(generator.next() % 4)).map { _ in Self.value(&generator, depth: 1) }
            let body: JSONValue = ["paging": ["next": .null], "data": .array(data)]
            // Half the bodies as the serializer writes them, half as another server might.
            writer.oddness = round % 2 == 0 ? 0 : 1 + generator.next() % 4
            let text = writer.text(body)
            let (parsed, received) = try JSONValue.parseList(Array(text.utf8))
            #expect(parsed == body, "\(text)")
            #expect(received.count == data.count)
            for (position, item) in data.enumerated() {
                items += 1
                for (pretty, indent) in [(false, 0), (true, 0), (true, 2), (true, 5)] {
                    guard let laidOut = received.text(at: position, pretty: pretty, indent: indent) else { continue }
                    taken += 1
                    #expect(laidOut == item.serialized(pretty: pretty, indent: indent), "\(text)")
                }
            }
        }
        // Most items have no escape: their bytes are taken.
        #expect(taken > items)
    }

    /// `compactLinesTested` says the lines are printable ASCII without a backslash only when they are (the byte test
    /// it spares the page, session 12), and gives `compactLines()`' lines.
    @Test func compactLinesAreSaidPrintableOnlyWhenTheyAre() throws {
        var generator = SplitMix(seed: 1417)
        var writer = ServerJSONText(generator: SplitMix(seed: 1418))
        var printable = 0
        var notSaid = 0
        for round in 0..<3_000 {
            let data = (0..<(generator.next() % 4)).map { _ in
                // Mostly plain items, as lists hold; sometimes one with a piece the test must see.
                generator.next() % 3 == 0 ? Self.value(&generator, depth: 1) : .object(["id": .string("a\(round)"), "n": .number("1")])
            }
            let body: JSONValue = ["paging": ["next": .null], "data": .array(data)]
            writer.oddness = round % 3 == 0 ? 1 + generator.next() % 4 : 0
            let (_, received) = try JSONValue.parseList(Array(writer.text(body).utf8))
            guard let tested = received.compactLinesTested() else {
                #expect(received.compactLines() == nil)
                continue
            }
            #expect(tested.lines == received.compactLines())
            let byteTest = tested.lines.withUnsafeBufferPointer { ByteWords.allPrintableASCIIWithoutBackslash($0) }
            if tested.printableWithoutBackslash {
                #expect(byteTest, "\(tested.lines)")
                printable += 1
            } else {
                // Whitespace laid out again, or a byte that is not ASCII: left to the byte test.
                notSaid += 1
            }
        }
        #expect(printable > 1_000 && notSaid > 100)
    }

    @Test(arguments: [
        (#"{"data":[{"a":1,"a":2}]}"#, "a duplicate key"), (#"{"data":[{"a":"x\/y"}]}"#, "an escape"),
        ("{\"data\":[{\"a\":\"\u{7F}\"}]}", "DEL, which the serializer escapes"),
        (#"{"data":[{"a":{"b":[1,{"c":1,"c":1}]}}]}"#, "a duplicate key deep inside"),
    ])
    func anItemTheBytesCannotShowIsLeftToTheSerializer(body: String, why: String) throws {
        let (_, received) = try JSONValue.parseList(Array(body.utf8))
        #expect(received.count == 1)
        #expect(received.text(at: 0, pretty: false, indent: 0) == nil, "\(why)")
        #expect(received.text(at: 0, pretty: true, indent: 2) == nil, "\(why)")
    }

    @Test func onlyTheTopLevelDataArrayKeepsItsItems() throws {
        // The last `data` key is the one the parse keeps; `data` further in is not a list's.
        let (_, last) = try JSONValue.parseList(Array(#"{"data":[1,2,3],"x":{"data":[4]},"data":[ {"id" : "b"} ]}"#.utf8))
        #expect(last.count == 1)
        #expect(last.text(at: 0, pretty: false, indent: 0) == #"{"id":"b"}"#)
        #expect(last.text(at: 0, pretty: true, indent: 1) == "{\n    \"id\": \"b\"\n  }")
        for body in [#"{"x":{"data":[4]}}"#, #"{"data":{"a":[1]}}"#, #"[{"data":[1]}]"#, #"{"data":[1],"data":2}"#] {
            #expect(try JSONValue.parseList(Array(body.utf8)).1.count == 0, "\(body)")
        }
        let (_, empty) = try JSONValue.parseList(Array(#"{"data":[ { } , [ ] ,{"a":[ ]}]}"#.utf8))
        #expect((0..<3).map { empty.text(at: $0, pretty: true, indent: 0) } == ["{}", "[]", "{\n  \"a\": []\n}"])
    }
}
