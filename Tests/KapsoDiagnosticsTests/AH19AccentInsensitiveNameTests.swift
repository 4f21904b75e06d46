import KapsoClient
import KapsoDiagnostics
import Testing

/// tester60 AH19: `use CAFÉ` and an NFD-typed `Café` found "Café Ventas", `use cafe` did not: a name is matched without
/// regard to accents too, as to case; two names that differ only by accents are still never guessed between.
@Suite struct AH19AccentInsensitiveNameTests {
    static func number(_ id: String, _ name: String) throws -> PhoneNumber {
        try PhoneNumber(json: ["id": .string(id), "name": .string(name)])
    }

    @Test(arguments: ["cafe", "CAFE", "Cafe ventas", "Cafe\u{301}", "ventas"])
    func aNameTypedWithoutItsAccentsFindsIt(typed: String) throws {
        let numbers = try [Self.number("1", "Café Ventas"), Self.number("2", "Support Line")]
        guard case .one(let found) = NumberName.match(typed, in: numbers) else { Issue.record("\(typed) found nothing"); return }
        #expect(found.id == "1")
    }

    @Test func namesThatDifferOnlyByAccentsAreNotGuessedBetween() throws {
        let numbers = try [Self.number("1", "Café"), Self.number("2", "Cafe")]
        guard case .several(let both) = NumberName.match("cafe", in: numbers) else { Issue.record("several"); return }
        #expect(both.map(\.id) == ["1", "2"])
    }
}
