import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// `logs search --all` prints each page before it asks for the next and never writes more than a page at once,
/// so what it holds is one page, however long the search; `--cursor` travels as the API's `cursor`.
@Suite struct LogSearchStreamTests {
    static let pages = 3
    static let perPage = 4

    /// Page `n` of a search: events `ev-pN-I`, linked by cursors `pN`.
    static func page(_ request: HostileServer.Request) -> HostileServer.Reply {
        if request.path.hasPrefix("/platform/v1/log_search/catalog") {
            return .json(#"{"data": {"available": true, "catalog": {"sources": [{"value": "all"}, {"value": "webhook_delivery"}], "filter_suggestions": []}}}"#)
        }
        let page = request.path.components(separatedBy: "cursor=p").dropFirst().first.flatMap { Int($0.prefix(1)) } ?? 1
        let events = (1...perPage).map { index -> JSONValue in
            [
                "id": .string("ev-p\(page)-\(index)"), "source": "webhook_delivery", "timestamp": "2026-11-21T11:00:00Z",
                "event": "whatsapp.message.received", "status": "failed", "resource_id": .string("delivery-p\(page)-\(index)"),
            ]
        }
        let next: JSONValue = page < pages ? .string("p\(page + 1)") : .null
        let body: JSONValue = [
            "data": [
                "available": true, "source": "webhook_delivery", "events": .array(events),
                "pagination": ["has_more": .bool(page < pages), "next_cursor": next],
            ]
        ]
        return .json(body.serialized())
    }

    func run(_ lines: [String]) async throws -> (writes: [String], outputBeforePage: [Int: String], paths: [String], status: [KopsShell.ExitStatus]) {
        try await offPool {
            let chunks = ListStreamTests.Chunks()
            let before = TestLocked<[Int: String]>([:])
            let paths = TestLocked<[String]>([])
            let server = try HostileServer { request in
                paths.update { $0.append(request.path) }
                if let page = request.path.components(separatedBy: "cursor=p").dropFirst().first.flatMap({ Int($0.prefix(1)) }) {
                    before.update { $0[page] = chunks.out.joined() }
                }
                return Self.page(request)
            }
            defer { server.stop() }
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret("test_key_0123456789"), transport: transport)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            let shell = Shell(context: context, renderer: Renderer(), output: chunks)
            let status = lines.map { shell.run(line: $0) }
            return (chunks.out, before.value, paths.value, status)
        }
    }

    @Test(arguments: ["logs search --all", "logs search --all --output json", "logs search --all --source webhook_delivery --problems"])
    func eachPageIsPrintedBeforeTheNextIsFetched(line: String) async throws {
        let seen = try await run([line])
        #expect(seen.status == [.ok])
        #expect(seen.outputBeforePage[2]?.contains("delivery-p1-1") == true, "nothing printed before page 2")
        #expect(seen.outputBeforePage[3]?.contains("delivery-p2-1") == true, "page 2 not printed before page 3")
        #expect(seen.outputBeforePage[3]?.contains("-p3-") == false)
        for write in seen.writes {
            #expect(write.components(separatedBy: "delivery-p").count - 1 <= Self.perPage, "one write held \(write)")
        }
        let all = seen.writes.joined()
        #expect((1...Self.pages).allSatisfy { all.contains("delivery-p\($0)-\(Self.perPage)") })
        // Pages after the first ask for the same search with the API's cursor, 100 events a page.
        let searches = seen.paths.filter { $0.hasPrefix("/platform/v1/log_search?") }
        #expect(searches.count == Self.pages)
        #expect(searches.allSatisfy { $0.contains("limit=100") })
        if line.contains("--problems") { #expect(searches.allSatisfy { $0.contains("problems_only=true") }) }
        // The catalogue is asked once.
        #expect(seen.paths.filter { $0.hasPrefix("/platform/v1/log_search/catalog") }.count == 1)
    }

    @Test func jsonModeWritesOneEventPerLine() async throws {
        let seen = try await run(["logs search --all --output json"])
        let lines = seen.writes.joined().split(separator: "\n")
        #expect(lines.count == Self.pages * Self.perPage)
        #expect(try lines.allSatisfy { try JSONValue.parse(String($0))["source"]?.string == "webhook_delivery" })
    }

    @Test func nextAndCursorContinueTheSameSearch() async throws {
        let seen = try await run(["logs search --source webhook_delivery --limit 4", "next", "logs search --source webhook_delivery --cursor p3"])
        #expect(seen.status == [.ok, .ok, .ok])
        let searches = seen.paths.filter { $0.hasPrefix("/platform/v1/log_search?") }
        #expect(searches == [
            "/platform/v1/log_search?source=webhook_delivery&limit=4",
            "/platform/v1/log_search?source=webhook_delivery&limit=4&cursor=p2",
            "/platform/v1/log_search?source=webhook_delivery&limit=20&cursor=p3",
        ])
    }
}
