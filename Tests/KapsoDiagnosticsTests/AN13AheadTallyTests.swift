import KapsoClient
import KapsoDiagnostics
import Testing

/// tester63 AN13: `messages --all` (table, expanded) kept every message stamped ahead of the API's clock, whole, until the
/// stream ended, for its closing note: memory grew with the list (49.9 MiB at 2,000 such messages, 86.7 MiB at 20,000;
/// JSON flat). The stream now counts them (`TimeOrder.AheadTally`): the note says what it said of the whole list.
@Suite struct AN13AheadTallyTests {
    static let now: Int64 = 1_795_262_400

    static func message(_ id: String, at seconds: Int64) throws -> Message {
        try Message(json: [
            "id": .string(id), "timestamp": .string(String(seconds)), "type": "text",
            "kapso": ["direction": "inbound", "phone_number": "14155550192", "phone_number_id": "100"],
        ])
    }

    /// Pages of a list; the first ahead message on page 1, the furthest ahead on page 3.
    static func pages() throws -> [[Message]] {
        [
            [try message("wamid.P1A", at: now - 60), try message("wamid.P1B", at: now + 3_600)],
            [try message("wamid.P2A", at: now - 120)],
            [try message("wamid.P3A", at: now + 7_200), try message("wamid.P3B", at: now + 600), try message("wamid.P3C", at: now)],
        ]
    }

    @Test func countedPageByPageTheNoteIsTheWholeListsNote() throws {
        let pages = try Self.pages()
        var tally = TimeOrder.AheadTally()
        for page in pages { tally.add(page, now: Self.now) }
        let whole = try #require(TimeOrder.aheadNote(pages.flatMap { $0 }, now: Self.now))
        #expect(tally.note == whole)
        #expect(tally.count == 3 && tally.firstID == "wamid.P1B" && tally.largest == 7_200)
        #expect(whole.hasPrefix("3 messages are stamped ahead of the API's clock (up to 2 h)"), "\(whole)")
    }

    @Test func oneAheadNamesItsWAMIDAndLead() throws {
        var tally = TimeOrder.AheadTally()
        tally.add([try Self.message("wamid.ONE", at: Self.now + 3_600)], now: Self.now)
        tally.add([try Self.message("wamid.TWO", at: Self.now - 5)], now: Self.now)
        #expect(tally.note?.hasPrefix("1 message is stamped ahead of the API's clock (wamid.ONE, 1 h)") == true, "\(tally.note ?? "")")
    }

    @Test func noneAheadOrNoClockSaysNothing() throws {
        var tally = TimeOrder.AheadTally()
        tally.add([try Self.message("wamid.OLD", at: Self.now - 5)], now: Self.now)
        tally.add([try Self.message("wamid.NEW", at: Self.now + 3_600)], now: nil)
        #expect(tally.note == nil && tally.count == 0)
    }
}
