import KapsoClient
@testable import KopsShell
import Testing

/// Walking a cursor list ends: at its last page, at a repeated cursor, or at the page limit.
@Suite struct CursorPagesTests {
    @Test func stopsAtThePageLimitWithALineNamingIt() {
        var fetched = 0
        #expect(throws: ListError.tooManyPages(limit: 3)) {
            try CursorPages.forEach(limit: 3, { _ in
                fetched += 1
                return Page<Int>(items: [fetched], position: .cursor(next: "c\(fetched)"), json: .null)
            }) { _ in }
        }
        #expect(fetched == 3)
        #expect(ListError.tooManyPages(limit: 10_000).message
            == "stopped after 10000 pages (the limit for one list); narrow it with --period or a filter")
    }

    @Test func endsAtTheLastPage() throws {
        var seen: [Int] = []
        try CursorPages.forEach({ after in
            after.isEmpty
                ? Page<Int>(items: [1, 2], position: .cursor(next: "c1"), json: .null)
                : Page<Int>(items: [3], position: .cursor(next: nil), json: .null)
        }) { seen += $0 }
        #expect(seen == [1, 2, 3])
    }

    /// Session 48: a fetch that tells the next cursor before it decodes the page (as `KapsoClient.listCursorAhead`) has
    /// that page asked for then, once; a decoded cursor that is another than the one told is asked for after the decode,
    /// and the hook is installed only while a fetch runs.
    @Test func theCursorToldAheadIsAskedForOnceAndTheDecodedOneWins() throws {
        var hook: ((String) -> Void)?
        var events: [String] = []
        // Page 1 tells `c1` and decodes `c1`; page 2 tells `c2x` but decodes `c2`; page 3 is the last.
        let told = [nil, "c1", "c2x"]
        let decoded = [nil, "c1", "c2", nil]
        var round = 0
        try CursorPages.forEachPage(
            { after in
                round += 1
                events.append("fetch \(after.first?.1 ?? "-")")
                if round < told.count, let cursor = told[round] { hook?(cursor) }
                events.append("decoded")
                return Page<Int>(items: [round], position: .cursor(next: decoded[round]), json: .null)
            }, prefetch: { events.append("prefetch \($0[0].1)") }, ahead: { hook = $0 }
        ) { _ in events.append(hook == nil ? "body" : "body with the hook installed") }
        #expect(events == [
            "fetch -", "prefetch c1", "decoded", "body",
            "fetch c1", "prefetch c2x", "decoded", "prefetch c2", "body",
            "fetch c2", "decoded", "body",
        ])
    }
}
