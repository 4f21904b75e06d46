import KapsoClient
import KapsoDiagnostics
import Testing

/// tester51 N7: the one order of timed things reads each time (seconds, milliseconds, ISO) before comparing; ties keep the
/// order given; things without a time follow.
@Suite struct TimeOrderTests {
    static func message(_ id: String, _ timestamp: String?) throws -> Message {
        var json: JSONObject = ["id": .string(id), "type": .string("text"), "kapso": .object([:])]
        if let timestamp { json["timestamp"] = .string(timestamp) }
        return try Message(json: json)
    }

    @Test func mixedFormsAreComparedAsTheTimesTheyAre() throws {
        let messages = [
            try Self.message("ms", "1795261500000"), try Self.message("none", nil), try Self.message("s", "1795262280"),
            try Self.message("iso", "2026-11-21T11:50:00Z"), try Self.message("tie", "1795262280"),
        ]
        let shown = TimeOrder.newestFirst(messages, now: nil)
        #expect(shown.map(\.id) == ["s", "tie", "iso", "ms", "none"])
        let note = try #require(TimeOrder.reorderNote(listed: messages, shown: shown, now: nil))
        #expect(note.hasPrefix("rows in time order, not the API's: 2 messages' timestamps are in Unix milliseconds or ISO-8601"), "\(note)")
        #expect(TimeOrder.reorderNote(listed: shown, shown: shown, now: nil) == nil)
        #expect(TimeOrder.sorted([3, 1, 2], time: { Int64($0) }) == [1, 2, 3])
    }
}
