import Foundation
import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester63 AN9: `--limit N` was silently ignored by every `--all` (each page asked for `limit=100`), though every list's
/// help says "--limit N … per page". `--all` now asks for pages of N (100 without `--limit`), and prints every item.
@Suite struct AN9AllHonoursLimitTests {
    @Test(arguments: [
        ("messages --all --limit 7 --output json", "messages.list.json", "/whatsapp/messages"),
        ("deliveries --all --limit 7 --output json", "webhook_deliveries.list.json", "/webhook_deliveries"),
        ("conversations --all --limit 7", "conversations.list.json", "/whatsapp/conversations"),
        ("logs --all --limit 7 --output json", "api_logs.list.json", "/api_logs"),
    ])
    func everyPageAsksForTheLimitGiven(list: (line: String, fixture: String, path: String)) async throws {
        let ran = try await runStream(list.line, fixture: list.fixture) { _ in nil }
        #expect(ran.status == .ok, "\(ran.err)")
        let pages = ran.paths.filter { $0.contains(list.path + "?") }
        #expect(pages.count == ListStreamTests.pages, "\(ran.paths)")
        #expect(pages.allSatisfy { $0.contains("limit=7") && !$0.contains("limit=100") }, "\(ran.paths)")
        #expect(ran.out.contains("-p3"))
    }

    @Test func withoutLimitPagesAreOf100() async throws {
        let ran = try await runStream("deliveries --all --output json", fixture: "webhook_deliveries.list.json") { _ in nil }
        #expect(ran.paths.allSatisfy { $0.contains("limit=100") }, "\(ran.paths)")
    }
}
