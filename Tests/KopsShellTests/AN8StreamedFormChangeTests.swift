import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester63 AN8: at a width where the first pages of `conversations --all` fit as a table and a later page has a row that
/// cannot (a cell never cut), the stream printed that page as `-[ RECORD n ]-` records with no header and no word. The
/// change of form is now said on standard error where it happens (and a page that fits a table again, at a terminal made
/// wider, is headed).
@Suite struct AN8StreamedFormChangeTests {
    static let wide = String(repeating: "w", count: 150)

    @Test func aPageTooWideForTheTableSaysItIsShownAsRecords() async throws {
        let (out, err) = try await offPool {
            let server = try HostileServer { request in
                let page = request.path.components(separatedBy: "after=p").dropFirst().first.flatMap { Int($0.prefix(1)) } ?? 1
                guard page == 2, request.path.contains("/conversations") else {
                    return ListStreamTests.serve("conversations.list.json", request: request) { _ in }
                }
                // Page 2's ids are too long for a table 160 columns wide (the ID column is never cut).
                guard var list = try? Fixtures.json("conversations.list.json").object else { return .json(status: 500, "{}") }
                list["data"] = .array((list["data"]?.array ?? []).map { item in
                    guard case .object(var object) = item, let id = object["id"]?.string else { return item }
                    object["id"] = .string("\(id)-p2\(Self.wide)")
                    return .object(object)
                })
                list["paging"] = ["cursors": ["before": .null, "after": "p3"], "next": "p3"]
                return .json(JSONValue.object(list).serialized())
            }
            defer { server.stop() }
            let transport = try CurlTransport(options: .init(connectTimeout: 2, timeout: 5, userAgent: "kops-tests"))
            let client = KapsoClient(baseURL: server.baseURL, apiKey: Secret("test_key_0123456789"), transport: transport)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            shell.terminalWidth = { 160 }
            #expect(shell.run(line: "conversations --all") == .ok, "\(output.err)")
            return (output.out, output.err)
        }
        #expect(err.contains("from row 4 on the rows are too wide for a table at this width: shown as records"), "\(err)")
        // The columns keep their widths from page to page (`Table.minimumWidths`), so page 3 stays records, said once.
        #expect(err.components(separatedBy: "shown as records").count == 2, "\(err)")
        #expect(out.contains("-[ RECORD 4 ]-") && out.contains("-[ RECORD 9 ]-"), "\(out)")
        #expect(out.components(separatedBy: "\n").filter { $0.hasPrefix("ID ") }.count == 1, "\(out)")
    }
}
