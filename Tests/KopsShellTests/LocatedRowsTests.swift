import KapsoClient
import KopsTestSupport
import Testing

@testable import KopsShell

/// `deliveries --all` builds its table rows from values located in each item's bytes (`ReceivedItems.located`,
/// docs/performance.md, "Session 11"); the rows `DeliveriesCommand.table` makes from the whole parsed items are the
/// reference: the same cells (text as bytes, style) on random pages as servers write them (escapes, odd whitespace,
/// numbers that are no integers, missing keys, values of other types).
@Suite struct LocatedRowsTests {
    static let strings = [
        "2026-11-20T14:30:06Z", "2026-11-20T14:30:06.123456Z", "2026-11-20T14:30:06+00:00", "2026-11-20 14:30", "",
        "whatsapp.message.sent", "failed", "delivered", "pending", "https://hooks.test/in", "http://a:b@hooks.test/x",
        "https://hooks.test/in?token=t0k", "hooks.test", "https://é.test/ü", "tab\there", "bell\u{7}", "\u{202E}rtl",
        "quote\"and\\slash", "2026-11-20T14:30:06Z ", "ＺＺ", "e\u{301}", "😀",
    ]
    static let numbers = ["200", "500", "0", "-0", "404", "2e2", "200.0", "2.5", "-1", "12345678901234567890"]

    static func value(_ generator: inout SplitMix) -> JSONValue? {
        switch generator.next() % 10 {
        case 0: return nil
        case 1: return .null
        case 2: return .bool(generator.next() % 2 == 0)
        case 3, 4: return .number(numbers[Int(generator.next() % UInt64(numbers.count))])
        case 5: return ["x": 1]
        default: return .string(strings[Int(generator.next() % UInt64(strings.count))])
        }
    }

    /// The page `writer` writes for `data`, its table from the whole parsed items (the reference) and from the scanned
    /// items with their located values; nil when the scan declines the page (an escaped key).
    static func tables(
        of data: [JSONValue], writer: inout ServerJSONText
    ) throws -> (text: [UInt8], expected: Table, got: Table)? {
        let text = Array(writer.text(["data": .array(data), "paging": ["next": .null]]).utf8)
        let (whole, _) = try JSONValue.parseList(text)
        let wholeItems = try (whole["data"]?.array ?? []).map { try WebhookDelivery(json: $0.object ?? [:]) }
        guard
            let (cut, received) = JSONValue.scanList(text, keeping: WebhookDelivery.checkedKeys, locating: DeliveriesCommand.tableKeys)
        else { return nil }
        let cutItems = try (cut["data"]?.array ?? []).map { try WebhookDelivery(json: $0.object ?? [:]) }
        return (text, DeliveriesCommand.table(wholeItems), DeliveriesCommand.table(cutItems, located: received))
    }

    @Test func locatedRowsAreTheWholeItemsRows() throws {
        var generator = SplitMix(seed: 53)
        var writer = ServerJSONText(generator: SplitMix(seed: 35), duplicates: false)
        var compared = 0
        for round in 0..<2_000 {
            let data: [JSONValue] = (0..<(1 + generator.next() % 4)).map { position in
                var object: JSONObject = ["id": .string("d\(position)")]
                object["status"] = .string(["failed", "delivered", "pending", "é"][Int(generator.next() % 4)])
                for key in DeliveriesCommand.tableKeys + ["webhook_id", "failed_at"] {
                    if let value = Self.value(&generator) { object[key] = value }
                }
                // Keys in another order than the table's, as another server might write them.
                if generator.next() % 2 == 0 { object.entries.reverse() }
                return .object(object)
            }
            writer.oddness = round % 2 == 0 ? 0 : 1 + generator.next() % 4
            guard let (text, expected, got) = try Self.tables(of: data, writer: &writer) else { continue }
            #expect(Self.cells(got) == Self.cells(expected), "\(String(decoding: text, as: UTF8.self))")
            #expect(got.columns.map(\.header) == expected.columns.map(\.header))
            compared += 1
        }
        // Bodies with no escaped key are scanned: most of them.
        #expect(compared > 1_000)
    }

    /// Pages of up to 40 deliveries whose events, URLs and times come back (a page shows a few of each, and a last
    /// attempt is often the delivery's time): the same cells as from whole items, and a value met again on a page is
    /// the string made the first time, shared, not another copy.
    @Test func valuesMetAgainAreSharedAndTheSame() throws {
        var generator = SplitMix(seed: 1715)
        var writer = ServerJSONText(generator: SplitMix(seed: 1716), duplicates: false)
        let events = ["whatsapp.message.delivered", "whatsapp.message.sent", "whatsapp.message.read", "événement", "é"]
        let urls = [
            "https://hooks.acme-demo.test/kapso/whatsapp", "https://hooks.test/in?token=t0k", "http://a:b@hooks.test/x",
            "hooks.test/no-scheme/long-enough", "https://é.test/ü/long/enough/to/be/stored",
        ]
        let times = ["2026-11-20T14:30:06Z", "2026-11-20T14:31:00Z", "2026-11-20T14:30:06.123456Z", "2026-11-20 14:30"]
        var shared = 0
        for round in 0..<600 {
            let data: [JSONValue] = (0..<(1 + generator.next() % 40)).map { position in
                var object: JSONObject = ["id": .string("d\(position)"), "status": "failed"]
                let time = times[Int(generator.next() % UInt64(times.count))]
                object["created_at"] = generator.next() % 8 == 0 ? .number("5") : .string(time)
                object["last_attempt_at"] =
                    generator.next() % 3 == 0 ? .string(times[Int(generator.next() % UInt64(times.count))]) : .string(time)
                if generator.next() % 10 == 0 { object["last_attempt_at"] = nil }
                object["event"] = .string(events[Int(generator.next() % UInt64(events.count))])
                object["webhook_url"] = .string(urls[Int(generator.next() % UInt64(urls.count))])
                object["response_status"] = .number("500")
                object["attempt_count"] = .number("2")
                return .object(object)
            }
            writer.oddness = round % 2 == 0 ? 0 : 1 + generator.next() % 4
            // Every other page with escapes (`\/`, `\u0041`) and whitespace, whose values are read by the parser.
            guard let (text, expected, got) = try Self.tables(of: data, writer: &writer) else { continue }
            #expect(Self.cells(got) == Self.cells(expected), "\(String(decoding: text, as: UTF8.self))")
            // Strings longer than 15 bytes live in storage of their own: the same storage is the same string.
            func storage(_ text: String) -> UnsafeRawPointer? {
                text.utf8.count > 15 ? text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil : nil
            }
            for column in [1, 6] {
                var seen: [String: UnsafeRawPointer] = [:]
                for row in got.rows {
                    guard let place = storage(row[column].text) else { continue }
                    if seen[row[column].text] == place { shared += 1 }
                    seen[row[column].text] = place
                }
            }
            for row in got.rows where row[0].text == row[5].text {
                if let time = storage(row[0].text), storage(row[5].text) == time { shared += 1 }
            }
        }
        #expect(shared > 5_000)
    }

    /// Each cell's text as bytes (`String` equality would let canonically equivalent texts pass) and its style.
    static func cells(_ table: Table) -> [[String]] {
        table.rows.map { $0.map { "\(Array($0.text.utf8)) \($0.style)" } }
    }
}
