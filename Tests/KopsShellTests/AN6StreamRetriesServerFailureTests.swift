import Foundation
import KapsoClient
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester63 AN6: one 503 on any page ended a 1,000-page `--all` stream (status 1, the rest never read), while a 429 and a
/// dropped connection were asked for again. A page the server failed (5xx) is now asked for again, up to
/// `ListStream.pageRetries` times, each said on standard error; when the retries run out the stream ends as before, the
/// `kops_incomplete` line last.
@Suite struct AN6StreamRetriesServerFailureTests {
    static let lists = [
        ("deliveries --all --output json", "webhook_deliveries.list.json"), ("messages --all --output json", "messages.list.json"),
        ("logs --all", "api_logs.list.json"),
    ]

    @Test(arguments: lists)
    func oneServerFailureOnAPageIsAskedForAgainAndTheStreamCompletes(list: (line: String, fixture: String)) async throws {
        let ran = try await runStream(list.line, fixture: list.fixture) { asked in
            asked == 1 ? .json(status: 503, #"{"error":"Service Unavailable"}"#) : nil
        }
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.page3Asked == 2)
        #expect(ran.err.contains("a page failed: the API failed (503); asking for it again in 1 s (retry 1 of 2)"), "\(ran.err)")
        // Page 3's items printed (their ids end in -p3; a logs table shows no id, its three pages' rows are counted).
        if list.line.contains("json") { #expect(ran.out.contains("-p3"), "page 3 printed") } else {
            let perPage = try Fixtures.json(list.fixture)["data"]?.array?.count ?? 0
            #expect(ran.out.split(separator: "\n").count == 1 + 3 * perPage, "\(ran.out)")
        }
        #expect(!ran.out.contains("kops_incomplete"))
    }

    @Test func anHTMLGatewayPageIsAskedForAgainToo() async throws {
        let ran = try await runStream("deliveries --all --output json", fixture: "webhook_deliveries.list.json") { asked in
            asked == 1 ? .http(status: 502, body: Array("<html><body>Bad Gateway</body></html>".utf8)) : nil
        }
        #expect(ran.status == .ok, "\(ran.err)")
        #expect(ran.page3Asked == 2)
    }

    @Test func aPageThatKeepsFailingEndsTheStreamWithItsMarker() async throws {
        let ran = try await runStream("deliveries --all --output json", fixture: "webhook_deliveries.list.json") { _ in
            .json(status: 503, #"{"error":"Service Unavailable"}"#)
        }
        #expect(ran.status == .failure)
        #expect(ran.page3Asked == 1 + ListStream.pageRetries)
        #expect(ran.err.contains("(retry 2 of 2)"))
        let last = try #require(ran.out.split(separator: "\n").last)
        #expect(try JSONValue.parse(String(last))["kops_incomplete"]?["status"]?.int == 1)
    }

    /// A client error is no passing failure: asked for once.
    @Test func aClientErrorIsNotAskedForAgain() async throws {
        let ran = try await runStream("deliveries --all --output json", fixture: "webhook_deliveries.list.json") { _ in
            .json(status: 400, #"{"error":"page 3 is gone"}"#)
        }
        #expect(ran.status == .failure)
        #expect(ran.page3Asked == 1)
        #expect(!ran.err.contains("asking for it again"))
    }
}
