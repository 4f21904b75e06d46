import Foundation
import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester63 AN16: `deliveries --follow` as a table printed a new header and new column widths at every poll (EVENT 21
/// wide after one poll, 26 after the next), where `--all` heads once and keeps its widths. A follow now does the same.
@Suite struct AN16FollowTableHeaderTests {
    @Test func pollsShareOneHeaderAndKeepTheirWidths() async throws {
        let ran = try await FollowServer.run("deliveries --follow --max-polls 4 --interval 1") { poll, _ in
            let wide = FollowServer.delivery("d3", event: "whatsapp.conversation.inactive")
            let items = [
                [FollowServer.delivery("d1")], [FollowServer.delivery("d2"), FollowServer.delivery("d1")],
                [wide, FollowServer.delivery("d2"), FollowServer.delivery("d1")],
                [FollowServer.delivery("d4"), wide, FollowServer.delivery("d2"), FollowServer.delivery("d1")],
            ]
            return FollowServer.page(items[min(poll, 4) - 1])
        }
        #expect(ran.status == .ok, "\(ran.err)")
        let lines = ran.out.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("TIME") }.count == 1, "\(ran.out)")
        #expect(lines.count == 4, "one header, three rows: \(ran.out)")
        // The row after the wide one keeps its width: STATUS starts where it started on the wide row.
        let wideRow = try #require(lines.first { $0.contains("d3") || $0.contains("inactive") })
        let last = try #require(lines.last)
        #expect(wideRow.range(of: "delivered")?.lowerBound.utf16Offset(in: wideRow) == last.range(of: "delivered")?.lowerBound.utf16Offset(in: last), "\(ran.out)")
    }
}
