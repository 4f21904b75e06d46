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
}
