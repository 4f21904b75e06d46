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

    /// How page 3 of a list is cut short, if at all.
    enum Cut: Sendable, CaseIterable {
        /// The API answers page 3 with a 400.
        case failedPage
        /// Ctrl-C during page 3's request (the transport's `cancelled`: `CancellingTransport`).
        case ctrlC
    }

    func run(_ line: String, fixture: String, cut: Cut? = nil) async throws -> Seen {
        try await offPool {
            let chunks = Chunks()
            let before = TestLocked<[Int: String]>([:])
            let server = try HostileServer { request in
                if cut == .failedPage, request.path.contains("after=p3") {
                    return .json(status: 400, #"{"error":"page 3 is gone"}"#)
                }
                return Self.serve(fixture, request: request) { page in
                    if page > 1 { before.update { $0[page] = chunks.out.joined() } }
                }
            }
            defer { server.stop() }
            let curl = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let transport: any HTTPTransport = cut == .ctrlC ? CancellingTransport(inner: curl, when: "after=p3") : curl
            let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret("test_key_0123456789"), transport: transport)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            let shell = Shell(context: context, renderer: Renderer(), output: chunks)
            let status = shell.run(line: line)
            switch cut {
            case nil: #expect(status == .ok)
            case .failedPage: #expect(status == .failure)
            case .ctrlC: #expect(status != .ok)
            }
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

    static let jsonLists = [
        ("messages --all --output json", "messages.list.json"), ("conversations --all --output json", "conversations.list.json"),
        ("deliveries --all --output json", "webhook_deliveries.list.json"), ("logs --all --output json", "api_logs.list.json"),
    ]

    /// probe20 P20-2: every `--all` list prints NDJSON under `--output json`, as `help output` says (`messages` and
    /// `conversations` wrote one pretty `{"data": [...]}` document): each line one whole item, every item once, in order.
    @Test(arguments: jsonLists)
    func everyAllListPrintsOneObjectALine(line: String, fixture: String) async throws {
        let seen = try await run(line, fixture: fixture)
        let lines = seen.writes.joined().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "ends with a newline")
        let objects = try lines.dropLast().map { try JSONValue.parse(String($0)) }
        let fixtureIDs = try Fixtures.json(fixture)["data"]?.array?.compactMap { $0["id"]?.string } ?? []
        #expect(objects.map { $0["id"]?.string } == (1...Self.pages).flatMap { page in fixtureIDs.map { "\($0)-p\(page)" } })
        #expect(objects.allSatisfy { $0.object != nil && $0["kops_incomplete"] == nil })
    }

    /// P20-2: a list cut short by a page that fails or by Ctrl-C ends, after the two pages printed, with one
    /// `{"kops_incomplete": ...}` line that says how many items came and why, and the command fails: the lines before
    /// it alone would read as the whole list.
    @Test(arguments: jsonLists, Cut.allCases)
    func aListCutShortEndsWithAnIncompleteLineAndFails(list: (line: String, fixture: String), cut: Cut) async throws {
        let seen = try await run(list.line, fixture: list.fixture, cut: cut)
        let lines = seen.writes.joined().split(separator: "\n")
        let perPage = try Fixtures.json(list.fixture)["data"]?.array?.count ?? 0
        try #require(lines.count == 2 * perPage + 1, "\(lines)")
        for line in lines.dropLast() { #expect(try JSONValue.parse(String(line))["kops_incomplete"] == nil) }
        let marker = try #require(try JSONValue.parse(String(lines[lines.count - 1]))["kops_incomplete"])
        #expect(marker["printed"]?.int == 2 * perPage)
        switch cut {
        case .failedPage:
            #expect(marker["status"]?.int == 1)
            #expect(marker["reason"]?.string?.contains("page 3 is gone") == true, "\(marker)")
        case .ctrlC:
            #expect(marker["status"]?.int == 130)
            #expect(marker["reason"]?.string == "cancelled (Ctrl-C)")
        }
    }

    /// Records the order of what the list's pages go through: each answer, each prefetch, each decode.
    final class OrderLog: HTTPTransport {
        let inner: any HTTPTransport
        var events: [String] = []

        init(inner: any HTTPTransport) { self.inner = inner }

        var observer: (@Sendable (HTTPExchange) -> Void)? {
            get { inner.observer }
            set { inner.observer = newValue }
        }

        static func page(_ request: HTTPRequest) -> String { request.url.components(separatedBy: "after=").last.map { String($0.prefix(2)) } ?? "" }

        func send(_ request: HTTPRequest) throws(TransportError) -> HTTPResponse {
            let response = try inner.send(request)
            events.append("answered " + (request.url.contains("after=") ? Self.page(request) : "p1"))
            return response
        }

        func prefetch(_ request: HTTPRequest) {
            events.append("prefetch " + Self.page(request))
            inner.prefetch(request)
        }
    }

    /// Session 48: the next page's GET is sent as soon as a page has come, before the page is decoded (its cursor read
    /// from the page's last bytes), so the server answers it while this page is decoded and printed; once a page.
    @Test(arguments: ["deliveries --all --output json", "deliveries --all"])
    func theNextPageIsAskedForBeforeThisOneIsDecoded(line: String) async throws {
        let events = try await offPool {
            let server = try HostileServer { Self.serve("webhook_deliveries.list.json", request: $0) { _ in } }
            defer { server.stop() }
            let log = OrderLog(inner: try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests")))
            let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret("test_key_0123456789"), transport: log)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            let learn = client.received
            client.received = { json, source in
                log.events.append("decoded")
                learn?(json, source)
            }
            let shell = Shell(context: context, renderer: Renderer(), output: Chunks())
            #expect(shell.run(line: line) == .ok)
            #expect(client.listCursorAhead == nil, "the hook is left installed")
            return log.events
        }
        #expect(events == [
            "answered p1", "prefetch p2", "decoded", "answered p2", "prefetch p3", "decoded", "answered p3", "decoded",
        ])
    }

    /// Table modes print no such line: the error on standard error and the status say it.
    @Test func aTableCutShortPrintsNoIncompleteLine() async throws {
        let seen = try await run("deliveries --all", fixture: "webhook_deliveries.list.json", cut: .failedPage)
        let perPage = try Fixtures.json("webhook_deliveries.list.json")["data"]?.array?.count ?? 0
        #expect(!seen.writes.joined().contains("kops_incomplete"))
        #expect(seen.writes.joined().split(separator: "\n").count == 1 + 2 * perPage, "the header and two pages")
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
