import KapsoClient
import KopsHTTP
import KopsTestSupport
import Testing

/// The next cursor read from a list body's last bytes (`PagingCursor`) is the decoded body's `paging.next` or none, and
/// a list answer tells it before the answer is decoded (`KapsoClient.listCursorAhead`).
@Suite struct PagingCursorTests {
    /// Writes random list bodies: members in random order with random whitespace, decoys that hold `"paging"` where it
    /// is no top-level key (inside items, inside strings, a key ending in an escaped quote and `paging`), a second
    /// `paging`, a `next` that is no string.
    struct Writer {
        var generator: SplitMix

        mutating func pick(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }

        mutating func space() -> String { ["", "", "", " ", "\n", "\r\n  ", "\t"][pick(7)] }

        mutating func cursor() -> String {
            ["\"c\(pick(1000))\"", "\"eyJ2YWx1ZXMiOlsi\"", "null", "7", "\"\"", "{\"next\":\"inner\"}"][pick(6)]
        }

        mutating func paging() -> String {
            let cursors = "\"cursors\"\(space()):\(space()){\"before\":\(cursor()),\"after\":\(cursor())}"
            let next = "\"next\"\(space()):\(space())\(cursor())"
            let members = pick(2) == 0 ? [cursors, next] : [next, cursors, "\"previous\":null"]
            return "{\(space())" + members.joined(separator: ",\(space())") + "\(space())}"
        }

        mutating func decoy() -> String {
            [
                #"{"id":"1","paging":{"next":"nested"}}"#, #"{"note":"\"paging\":{\"next\":\"quoted\"}}"}"#,
                #"{"q\"paging":{"next":"escaped"}}"#, #"{"id":"2"}"#, #"[{"paging":{"next":"deep"}}]"#,
            ][pick(5)]
        }

        mutating func member() -> String {
            switch pick(6) {
            case 0, 1: return "\"paging\"\(space()):\(space())\(paging())"
            case 2: return "\"data\"\(space()):\(space())[" + (0..<pick(4)).map { _ in decoy() }.joined(separator: ",") + "]"
            case 3: return #""q\"paging""# + "\(space()):\(space())\(paging())"
            case 4: return "\"other\"\(space()):\(space())\(decoy())"
            default: return #""text":"a,\"paging\":{\"next\":\"s\"}""#
            }
        }

        mutating func body() -> String {
            let members = (0..<(1 + pick(4))).map { _ in member() }
            return "\(space()){\(space())" + members.joined(separator: "\(space()),\(space())") + "\(space())}\(space())"
        }
    }

    @Test func theCursorReadAheadIsTheDecodedBodysNextOrNone() throws {
        var writer = Writer(generator: SplitMix(seed: 48))
        var read = 0
        var decoys = 0
        for _ in 0..<8_000 {
            let body = writer.body()
            let bytes = Array(body.utf8)
            let ahead = PagingCursor.next(in: bytes)
            let decoded = try #require(try? JSONValue.parse(bytes), "not JSON: \(body)")["paging"]?["next"]?.string
            if let ahead {
                #expect(ahead == decoded, "read \(ahead) ahead of \(body)")
                read += 1
            }
            if decoded == nil, body.contains("\"next\":\"") { decoys += 1 }
        }
        // Both kinds are met often: cursors read, and bodies whose only `next` strings are decoys.
        #expect(read > 1_200)
        #expect(decoys > 1_200)
    }

    @Test func aPageAsKapsoWritesItHasItsCursorReadAhead() {
        let page = #"{"data":[{"id":"1","paging":{"next":"x"}}],"paging":{"cursors":{"before":"b","after":"a"},"next":"eyJ2","previous":null}}"#
        #expect(PagingCursor.next(in: Array(page.utf8)) == "eyJ2")
        #expect(PagingCursor.next(in: Array(#"{"data":[],"paging":{"cursors":{},"next":null}}"#.utf8)) == nil)
        // Beyond the last `tailBytes`, the key is left to the decoder.
        let far = #"{"paging":{"next":"n"},"data":[""# + String(repeating: "a", count: PagingCursor.tailBytes) + "\"]}"
        #expect(PagingCursor.next(in: Array(far.utf8)) == nil)
    }

    /// The next page can be asked for while this one is decoded: its cursor is told before the answer's JSON is read
    /// (`received` is told after), and only for an answer that is no error.
    @Test func aListAnswerTellsItsCursorBeforeItIsDecoded() throws {
        final class Events { var seen: [String] = [] }
        let page = #"{"data":[{"id":"d1"}],"paging":{"cursors":{"before":null,"after":"p2"},"next":"p2","previous":null}}"#
        for (status, expected) in [(200, ["ahead p2", "decoded"]), (400, [])] {
            let events = Events()
            let client = KapsoClient(
                baseURL: "https://api.kapso.ai", apiKey: Secret("sk_test_abcdef"), transport: StubTransport(status: status, body: page))
            client.listCursorAhead = { events.seen.append("ahead \($0)") }
            client.received = { _, _ in events.seen.append("decoded") }
            _ = try? client.performList(client.platformRequest("/webhook_deliveries"), keeping: ["id"])
            #expect(events.seen == expected)
        }
    }
}
