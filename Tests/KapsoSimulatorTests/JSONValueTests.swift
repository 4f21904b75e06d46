import Foundation
import Testing
@testable import KapsoSimulator

@Suite struct JSONValueTests {
    @Test func encodesCompactly_InInsertionOrder() {
        let value: JSONValue = ["z": 1, "a": [true, nil, "x/\"y\"\n"], "m": ["k": 1.5]]
        #expect(value.encodedString == #"{"z":1,"a":[true,null,"x/\"y\"\n"],"m":{"k":1.5}}"#)
    }

    @Test func parsesAndReencodesTheWireFixtureByteForByte() throws {
        let bytes = try Fixtures.data("webhook.v2.message_received.json")
        #expect(try JSONParser.parse(bytes).encoded == Array(bytes))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"\\q\"", "1 2"])
    func rejectsMalformedJSON(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    /// probe10 P10-4: an integer too big for Int (a seeded error code) is served as its digits, not as `1e+23`.
    @Test func keepsAnIntegerTooBigForIntAsItsDigits() throws {
        let text = #"{"code":99999999999999999999999,"n":-123456789012345678901,"f":1.5e3}"#
        #expect(try JSONParser.parse(Array(text.utf8)).encodedString == #"{"code":99999999999999999999999,"n":-123456789012345678901,"f":1500"#
            + "}")
    }

    @Test func parsesUnicodeEscapes() throws {
        #expect(try JSONParser.parse(Array(#""\u00e9\ud83d\ude00""#.utf8)) == "é😀")
    }

    @Test func timestampsFormatAndParse() {
        let time = Timestamp(seconds: 1_795_185_130)
        #expect(time.iso == "2026-11-20T14:32:10Z")
        #expect(time.isoMicros == "2026-11-20T14:32:10.000000Z")
        #expect(Timestamp(iso: "2026-11-20T14:32:10.412Z")?.isoMicros == "2026-11-20T14:32:10.412000Z")
        #expect(Timestamp(iso: "2026-02-29T00:00:00Z") != nil)
        #expect(Timestamp(iso: "garbage") == nil)
    }

    @Test func base64_MatchesFoundation() {
        var random = SplitMix64(seed: 9)
        for length in 0..<64 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            #expect(MessageJSON.base64(bytes) == Data(bytes).base64EncodedString())
        }
    }

    @Test func cursorsRoundTrip_LikeKapsoExamples() {
        let key = RecordKey(time: Timestamp(iso: "2026-11-20T14:32:10.412Z")!, id: "5012")
        let cursor = Cursor.encode(key, column: "created_at")
        #expect(cursor == "eyJ2YWx1ZXMiOlsiMjAyNi0xMS0yMFQxNDozMjoxMC40MTIwMDBaIiwiNTAxMiJdLCJjb2x1bW5zIjpbImNyZWF0ZWRfYXQiLCJpZCJdfQ==")
        #expect(Cursor.decode(cursor) == key)
    }
}
