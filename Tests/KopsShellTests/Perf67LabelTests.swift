import KapsoClient
@testable import KopsShell
import Testing

/// Session 67 (docs/performance.md): `IDCache.label(of:)` finds a row's number, name and URL in one walk over its
/// members, where it looked each up (`row[key]?.string`, a walk each) and joined them from an array. The label must be
/// the look-ups' for every row: each of the three present or not, as a string (empty too) or as another value, in any
/// order, beside keys of the same lengths, and for a row that is no object.
@Suite struct Perf67LabelTests {
    /// The reading before session 67.
    static func lookedUp(_ row: JSONValue) -> String? {
        var label = ""
        var parts = 0
        for part in [row["display_phone_number"]?.string, row["name"]?.string, row["url"]?.string] {
            guard let part else { continue }
            if parts > 0 { label += " " }
            label += part
            parts += 1
        }
        return label.isEmpty ? nil : label
    }

    static let values: [JSONValue?] = [nil, .string("+1 415-555-0100"), .string(""), .string("Support Line"), .number("7"), .null, .object(JSONObject())]

    @Test func theLabelIsTheLookUpsOne() {
        var labelled = 0
        for number in Self.values {
            for name in Self.values {
                for url in Self.values {
                    // Same lengths as the three keys, and the keys in two orders.
                    let others: [(String, JSONValue)] = [("id", "123"), ("nama", "x"), ("uri", "y"), ("display_phone_numbex", "z")]
                    var members = others
                    for (key, value) in [("display_phone_number", number), ("name", name), ("url", url)] {
                        if let value { members.append((key, value)) }
                    }
                    for ordered in [members, members.reversed()] {
                        let row = JSONValue.object(JSONObject(ordered.map { JSONObject.Entry(key: $0.0, value: $0.1) }))
                        #expect(IDCache.label(of: row) == Self.lookedUp(row), "\(row)")
                        if IDCache.label(of: row) != nil { labelled += 1 }
                    }
                }
            }
        }
        #expect(labelled > 300, "\(labelled)")
        for row: JSONValue in [.null, .string("name"), .array([["name": "x"]]), .number("1"), .bool(true)] {
            #expect(IDCache.label(of: row) == nil && Self.lookedUp(row) == nil)
        }
    }

    /// What `numbers` and `webhooks` leave for Tab to list beside their ids, read from their answers' rows.
    @Test func harvestedLabelsAreTheRowsNumberNameAndURL() {
        var cache = IDCache()
        let rows: JSONValue = [
            "data": [
                ["id": "100200300400501", "display_phone_number": "+1 415-555-0100", "name": "Support Line"],
                ["id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "url": "https://hooks.acme-demo.test/kapso/whatsapp"],
                ["id": "idonly"], ["id": "empty", "name": "", "url": "https://x.test"],
            ],
        ]
        cache.harvest(command: "webhooks", json: rows)
        #expect(cache.labels["100200300400501"] == "+1 415-555-0100 Support Line")
        #expect(cache.labels["0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"] == "https://hooks.acme-demo.test/kapso/whatsapp")
        #expect(cache.labels["idonly"] == nil)
        #expect(cache.labels["empty"] == " https://x.test")
    }
}
