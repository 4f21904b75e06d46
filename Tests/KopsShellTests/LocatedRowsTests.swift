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
            let text = Array(writer.text(["data": .array(data), "paging": ["next": .null]]).utf8)
            let (whole, _) = try JSONValue.parseList(text)
            let wholeItems = try (whole["data"]?.array ?? []).map { try WebhookDelivery(json: $0.object ?? [:]) }
            guard
                let (cut, received) = JSONValue.scanList(
                    text, keeping: WebhookDelivery.checkedKeys, locating: DeliveriesCommand.tableKeys)
            else { continue }
            let cutItems = try (cut["data"]?.array ?? []).map { try WebhookDelivery(json: $0.object ?? [:]) }
            let expected = DeliveriesCommand.table(wholeItems)
            let got = DeliveriesCommand.table(cutItems, located: received)
            #expect(Self.cells(got) == Self.cells(expected), "\(String(decoding: text, as: UTF8.self))")
            #expect(got.columns.map(\.header) == expected.columns.map(\.header))
            compared += 1
        }
        // Bodies with no escaped key are scanned: most of them.
        #expect(compared > 1_000)
    }

    /// Each cell's text as bytes (`String` equality would let canonically equivalent texts pass) and its style.
    static func cells(_ table: Table) -> [[String]] {
        table.rows.map { $0.map { "\(Array($0.text.utf8)) \($0.style)" } }
    }
}
