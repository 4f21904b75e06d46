import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// P45-10: without `use`, lists whose rows come from both demo numbers (Support Line …0501, Sales Line …0502) said
/// nowhere which number each row was; with a number selected they stay as they were.
@Suite struct NumberColumnTests {
    @Test(arguments: ["messages --limit 6", "conversations --limit 6"])
    func aListSpanningNumbersNamesEachRowsNumber(line: String) async throws {
        let unselected = try await runDemo(line, number: nil)
        let lines = unselected.out.split(separator: "\n")
        #expect(lines.first?.contains(" NUMBER ") == true, "\(unselected.out)")
        #expect(lines.contains { $0.contains("…0501") } && lines.contains { $0.contains("…0502") }, "\(unselected.out)")
        let selected = try await runDemo(line, number: "100200300400501")
        #expect(selected.out.split(separator: "\n").first?.contains("NUMBER") == false, "\(selected.out)")
    }

    @Test func oneNumbersRowsGetNoColumn() {
        let table = Table(columns: [Column("TIME"), Column("ID")], rows: [[StyledText("t"), StyledText("a")], [StyledText("t"), StyledText("b")]])
        let client = KapsoClient(baseURL: "http://h", apiKey: Secret("test_key_0123456789"), transport: StubTransport([]))
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        #expect(NumberColumn.adding(to: table, numbers: ["100200300400501", "100200300400501"], in: context).columns.count == 2)
        let spread = NumberColumn.adding(to: table, numbers: ["100200300400501", "100200300400502"], in: context)
        #expect(spread.columns.map(\.header) == ["TIME", "NUMBER", "ID"])
        #expect(spread.rows.map { $0[1].text } == ["…0501", "…0502"])
    }
}

/// tester47 F5: Kapso's delivery log has no number filter, so `deliveries` under `use` of Sales Line listed Support
/// Line's failed deliveries with nothing saying whose they were, and `deliveries stats` counted them as Sales Line's.
@Suite struct DeliveriesScopeTests {
    @Test func aSelectedNumbersDeliveriesListNamesOtherNumbersRows() async throws {
        let ran = try await runDemo("deliveries --period 30d --limit 20", number: "100200300400502")
        let lines = ran.out.split(separator: "\n")
        #expect(lines.first?.contains(" NUMBER ") == true, "\(ran.out)")
        #expect(lines.contains { $0.contains("…0501") }, "\(ran.out)")
        let others = lines.dropFirst().count { $0.contains("…0501") }
        #expect(ran.err.contains("\(others) of these") && ran.err.contains("Kapso's delivery log has no number filter"), "\(ran.err)")
        let stats = try await runDemo("deliveries stats --period 30d", number: "100200300400502")
        #expect(stats.out.contains("the whole project's deliveries: ") || stats.err.contains("the whole project's deliveries: "), "\(stats.out)\(stats.err)")
        let all = try await runDemo("deliveries --all --period 30d", number: "100200300400502")
        #expect(all.err.contains("(the whole project's, not only …0502's"), "\(all.err)")
    }

    @Test func noSelectionKeepsTheListAsItWas() async throws {
        let ran = try await runDemo("deliveries stats --period 30d", number: nil)
        #expect(!ran.out.contains("the whole project's") && !ran.err.contains("the whole project's"))
        let all = try await runDemo("deliveries --all --period 30d", number: nil)
        #expect(!all.err.contains("the whole project's"), "\(all.err)")
    }
}
