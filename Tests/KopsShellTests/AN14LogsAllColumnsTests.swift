import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester63 AN14: `logs --all` dropped the columns `--ids` (LOG ID, REQUEST ID) and `--errors --flat` (MEANING / NEXT)
/// add, in table and expanded form, silently. Each page of the stream is now laid out as one page of the same command:
/// the stream's first page prints what the page does, row for row.
@Suite struct AN14LogsAllColumnsTests {
    @Test(arguments: [
        ("logs --ids --period 30d --limit 100", "logs --ids --period 30d --all"),
        ("logs --errors --flat --period 30d --limit 100", "logs --errors --flat --period 30d --all"),
        ("logs --errors --ids --period 30d --limit 100", "logs --errors --ids --period 30d --all"),
        ("logs --errors --flat --period 30d --limit 100 --output expanded", "logs --errors --flat --period 30d --all --output expanded"),
    ])
    func theStreamHasThePagesColumns(page: String, stream: String) async throws {
        // Each in a fresh demo simulator: the same calls listed.
        let one = try await runDemo(page)
        let all = try await runDemo(stream)
        #expect(one.status == 0 && all.status == 0, "\(one.err)\n\(all.err)")
        let header = try #require(all.out.split(separator: "\n").first)
        if stream.contains("--ids"), !stream.contains("expanded") { #expect(header.contains("LOG ID"), "\(header)") }
        if stream.contains("--errors"), !stream.contains("expanded") { #expect(header.contains("MEANING / NEXT"), "\(header)") }
        // The stream's first page is the page, row for row (30 days of the demo's calls are more than a page of 100). A
        // REQUEST ID is read from log search's newest 100 calls, which hold kops's own (the stream's prefetch of its
        // next page is one more): at that window's edge one call may have its request id on one side and '-' on the
        // other, so request ids are compared by the column's place only.
        #expect(Self.requestIDsBlanked(all.out).hasPrefix(Self.requestIDsBlanked(one.out)), "page:\n\(one.out)\nstream:\n\(all.out)")
    }

    static func requestIDsBlanked(_ text: String) -> String {
        text.replacing(#/req_[0-9a-f]{32}|- {35}(?=  [A-Z]{3,6} )/#, with: "REQ")
    }
}
