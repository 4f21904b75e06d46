import KapsoClient
import KapsoDiagnostics
import Testing

/// Tester47 L1: a number named as `numbers` shows it; a name several numbers fit is never guessed between.
@Suite struct NumberNameTests {
    static func number(_ id: String, _ name: String?) throws -> PhoneNumber {
        var json: JSONObject = ["id": .string(id)]
        if let name { json["name"] = .string(name) }
        return try PhoneNumber(json: json)
    }

    @Test func exactFirstThenLeadingWordsNeverAGuess() throws {
        let numbers = try [Self.number("1", "Support Line"), Self.number("2", "Support Line EU"), Self.number("3", "Sales"), Self.number("4", nil)]
        guard case .one(let exact) = NumberName.match("support  line", in: numbers) else { Issue.record("exact"); return }
        #expect(exact.id == "1")
        guard case .several(let both) = NumberName.match("Support", in: numbers) else { Issue.record("several"); return }
        #expect(both.map(\.id) == ["1", "2"])
        guard case .one(let sales) = NumberName.match("SALES", in: numbers) else { Issue.record("sales"); return }
        #expect(sales.id == "3")
        guard case .none = NumberName.match("Sup", in: numbers) else { Issue.record("a word cut is no name"); return }
        // A whole word inside two names names both (tester55 X10: `use line` said no number has that name).
        guard case .several(let lines) = NumberName.match("Line", in: numbers) else { Issue.record("a word of two names"); return }
        #expect(lines.map(\.id) == ["1", "2"])
        guard case .none = NumberName.match("ine", in: numbers) else { Issue.record("a word cut inside is no name"); return }
        #expect(NumberName.readsAsName("Support Line") && !NumberName.readsAsName("100200300400501"))
    }
}
