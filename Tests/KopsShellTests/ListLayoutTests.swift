import KopsShell
import Testing

/// Session 36: at 80 columns `messages` moved CONTENT to its own line on a page whose STATUS (or TYPE) cell was wider,
/// so the `next` pages of one list looked unlike the first. A later page keeps its list's layout (`ListLayout`) at the
/// same width.
@Suite struct ListLayoutTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNzkVAgASGBQBUDAyAAAAAAAAAAAAAAAAAAA="

    /// A messages-like page whose one row has `type` and `status`.
    static func page(type: String, status: String) -> Table {
        var table = Table(
            columns: [Column("TIME", truncation: .never), Column("TYPE", truncation: .never), Column("STATUS", truncation: .never),
                      Column("CONTACT", truncation: .never), Column("CONTENT"), Column("ID", truncation: .middle)],
            rows: [[StyledText("2026-11-21T11:50:00Z"), StyledText(type), StyledText(status), StyledText("1415•••0142"),
                    StyledText("Hi, is my order ready to be picked up today?"), StyledText(wamid)]])
        table.columns[4].belowWhenNarrowerThan = 20
        table.detailBelowWhenTooWide = true
        return table
    }

    static func header(_ table: Table, renderer: Renderer) -> String {
        renderer.render(CommandResult(blocks: [.table(table)])).out[0]
    }

    @Test func aLaterPageKeepsTheFirstPagesLayoutAtItsWidth() throws {
        let renderer = Renderer(mode: .table, width: 80)
        let first = Self.page(type: "text", status: "read"), wider = Self.page(type: "interactive", status: "failed 131047")
        // Decided by its own cells, each page is laid out otherwise: the content in the row, then on its own line.
        #expect(Self.header(first, renderer: renderer).hasSuffix("CONTENT"))
        #expect(!Self.header(wider, renderer: renderer).contains("CONTENT"))
        let inRow = try #require(renderer.listLayout(of: first))
        #expect(inRow == ListLayout(width: 80, belowForRoom: false))
        var next = wider
        next.keptLayout = inRow
        #expect(Self.header(next, renderer: renderer).hasSuffix("CONTENT"), "the first page's layout")
        for line in renderer.render(CommandResult(blocks: [.table(next)])).out { #expect(line.count <= 80, "\(line)") }
        // The other way: a list whose first page put the content below keeps it below on a narrower page.
        let below = try #require(renderer.listLayout(of: wider))
        #expect(below.belowForRoom)
        var narrower = first
        narrower.keptLayout = below
        #expect(!Self.header(narrower, renderer: renderer).contains("CONTENT"))
        // At another width the page decides again.
        narrower.keptLayout = ListLayout(width: 100, belowForRoom: true)
        #expect(Self.header(narrower, renderer: renderer).hasSuffix("CONTENT"))
    }

    /// In the shell: every `next` page of a `messages` list at 80 columns has the first page's header.
    @Test(arguments: [1, 2, 3])
    func nextPagesOfMessagesLookLikeTheFirst(limit: Int) async throws {
        let runs = try await runDemo(
            ["messages --limit \(limit)"] + Array(repeating: "next", count: 8), number: "100200300400501", width: 80)
        let headers = runs.filter { $0.status == 0 && !$0.out.isEmpty }.map { String($0.out.prefix { $0 != "\n" }) }
        #expect(headers.count > 1, "\(runs.map(\.err))")
        // CONTENT in the row (named in the header) or on a line of its own, as on the first page.
        #expect(Set(headers.map { $0.hasSuffix("CONTENT") }).count == 1, "\(headers)")
    }
}
