import KapsoClient
import Testing

@testable import KapsoDiagnostics

/// tester56b AA10: `use 'Support Line'` (a number's Kapso name exactly) became "2 numbers match" when another number's
/// display name was that text: the Kapso name, as `numbers` shows it, names its number first.
@Suite struct AA10NumberNameFirstTests {
    @Test func kapsosNameExactlyComesFirst() throws {
        let support = try PhoneNumber(json: ["id": .string("1"), "name": .string("Support Line")])
        let other = try PhoneNumber(json: ["id": .string("2"), "name": .string("EU desk"), "display_name": .string("Support Line")])
        guard case .one(let found) = NumberName.match("support line", in: [other, support]) else {
            Issue.record("the Kapso name names one number"); return
        }
        #expect(found.id == "1")
        guard case .one(let byDisplay) = NumberName.match("EU desk", in: [other, support]) else { Issue.record("EU desk"); return }
        #expect(byDisplay.id == "2")
    }
}
