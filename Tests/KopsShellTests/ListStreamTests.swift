import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// `--all` prints each page while the next is on its way (never further ahead), and never writes more than a page
/// at once: what it holds is bounded by two pages, whatever the list's length.
@Suite struct ListStreamTests {
    /// Writes kept apart, so a test can see how output was cut; read by the server's thread while the shell waits.
    final class Chunks: OutputSink, @unchecked Sendable {
        private let lock = NSLock()
        private var written: [String] = []

        func write(_ text: String, to stream: KopsShell.OutputStream) {
            guard stream == .out else { return }
            lock.withLock { written.append(text) }
        }

        var out: [String] { lock.withLock { written } }
    }

    static let pages = 3

    /// A fixture list served as `pages` pages whose item ids end in `-pN`, linked by `after` cursors.
    static func serve(_ fixture: String, request: HostileServer.Request, pageSeen: @Sendable (Int) -> Void)
        -> HostileServer.Reply
    {
        let page = request.path.components(separatedBy: "after=p").dropFirst().first.flatMap { Int($0.prefix(1)) } ?? 1
        pageSeen(page)
        guard var list = try? Fixtures.json(fixture).object else { return .json(status: 500, "{}") }
        let items = list["data"]?.array ?? []
        list["data"] = .array(items.map { item in
            guard case .object(var object) = item, let id = object["id"]?.string else { return item }
            object["id"] = .string("\(id)-p\(page)")
            return .object(object)
        })
        let next: JSONValue = page < pages ? .string("p\(page + 1)") : .null
        list["paging"] = ["cursors": ["before": .null, "after": next], "next": next]
        return .json(JSONValue.object(list).serialized())
    }

    struct Seen: Sendable {
        /// Per page requested after the first: the stdout written by then.
        var outputBeforePage: [Int: String]
        var writes: [String]
    }

    func run(_ line: String, fixture: String) async throws -> Seen {
        try await offPool {
            let chunks = Chunks()
            let before = TestLocked<[Int: String]>([:])
            let server = try HostileServer { request in
                Self.serve(fixture, request: request) { page in
                    if page > 1 { before.update { $0[page] = chunks.out.joined() } }
                }
            }
            defer { server.stop() }
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret("test_key_0123456789"), transport: transport)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            let shell = Shell(context: context, renderer: Renderer(), output: chunks)
            #expect(shell.run(line: line) == .ok)
            return Seen(outputBeforePage: before.value, writes: chunks.out)
        }
    }

    @Test(arguments: [
        ("messages --all", "messages.list.json"), ("messages --all --output json", "messages.list.json"),
        ("messages --all --output expanded", "messages.list.json"), ("conversations --all", "conversations.list.json"),
        ("conversations --all --output json", "conversations.list.json"),
        ("deliveries --all --output json", "webhook_deliveries.list.json"),
        ("logs --all --output json", "api_logs.list.json"),
    ])
    func eachPageIsPrintedWhileAtMostTheNextIsFetched(line: String, fixture: String) async throws {
        let seen = try await run(line, fixture: fixture)
        let perPage = try Fixtures.json(fixture)["data"]?.array?.count ?? 0
        let firstID = try #require(Fixtures.json(fixture)["data"]?.array?.first?["id"]?.string)
        // At most one page is asked for ahead (the next one, while this one prints): page 1 is on the screen
        // before page 3 is asked for, and no page is printed before it was asked for.
        #expect(seen.outputBeforePage[3]?.contains("\(firstID)-p1") == true, "page 1 not printed before page 3")
        #expect(seen.outputBeforePage[2]?.contains("-p2") == false)
        #expect(seen.outputBeforePage[3]?.contains("-p3") == false)
        // No write carries more than a page of items.
        for write in seen.writes {
            #expect(write.components(separatedBy: "-p").count - 1 <= perPage, "one write held \(write)")
        }
        let all = seen.writes.joined()
        #expect((1...Self.pages).allSatisfy { all.contains("\(firstID)-p\($0)") })
        // Expanded records are numbered on across pages, not from 1 on each page.
        if line.hasSuffix("expanded") {
            #expect(all.contains("-[ RECORD \(Self.pages * perPage) ]-") && !all.contains("-[ RECORD \(Self.pages * perPage + 1) ]-"))
        }
    }

    /// Streamed in pieces, the JSON document is the one a single page prints: valid, every item once, in order.
    @Test func theStreamedJSONDocumentParsesWithEveryItemInOrder() async throws {
        let seen = try await run("messages --all --output json", fixture: "messages.list.json")
        let document = try JSONValue.parse(seen.writes.joined())
        let ids = document["data"]?.array?.compactMap { $0["id"]?.string } ?? []
        let fixtureIDs = try Fixtures.json("messages.list.json")["data"]?.array?.compactMap { $0["id"]?.string } ?? []
        #expect(ids == (1...Self.pages).flatMap { page in fixtureIDs.map { "\($0)-p\(page)" } })
        // Byte for byte what the serializer writes for the whole document, as a one-page list prints it.
        #expect(seen.writes.joined() == JSONValue.object(["data": .array(document["data"]?.array ?? [])]).serialized(pretty: true) + "\n")
    }
}

/// Pages of one streamed table keep the columns of the pages before, so a narrower page still lines up.
@Suite struct StreamedTableWidthTests {
    @Test func aLaterPageIsAtLeastAsWideAsThePagesBefore() {
        let columns = [Column("ID", truncation: .never), Column("NAME")]
        let first = Table(columns: columns, rows: [[StyledText("a-long-id"), StyledText("x")]])
        var second = Table(columns: columns, rows: [[StyledText("b"), StyledText("y")]])
        second.showsHeader = false
        second.minimumWidths = TableRenderer.naturalWidths(first)
        var third = Table(columns: columns, rows: [[StyledText("c"), StyledText("a wider name")]])
        third.showsHeader = false
        third.minimumWidths = TableRenderer.naturalWidths(second)
        let renderer = TableRenderer(width: nil, color: false)
        #expect(
            renderer.render(first) + renderer.render(second) + renderer.render(third) == [
                "ID         NAME", "a-long-id  x", "b          y", "c          a wider name",
            ])
    }
}

/// A value shared between the server's thread and the test.
final class TestLocked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
