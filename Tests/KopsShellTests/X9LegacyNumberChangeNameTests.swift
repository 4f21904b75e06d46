import KopsTestSupport
import Testing

/// tester66b X9 (`Seeds/x9-numberchange.seed.json`, contact 14155550001): a number-change notice of Meta's legacy type
/// `customer_changed_number` (no new number in a field) counts as a move, but every line named it
/// "(user_changed_number)", a type the data does not hold. Now the type the notice carries is named; a notice typed
/// `user_changed_number` (contact 14155550003) keeps its name.
@Suite struct X9LegacyNumberChangeNameTests {
    static func run(_ line: String) async throws -> String {
        let ran = try await runDemo([line], number: "100200300400501", seed: TestSeeds.file("x9-numberchange.seed.json"), width: 3000)
        return ran[0].out + ran[0].err
    }

    @Test(arguments: [
        "trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB103AAAAAAAAAAAAAAAAAAAA=",  // the send after the notice
        "trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB102AAAAAAAAAAAAAAAAAAAA=",  // the notice itself
        "reply --to +14155550001 hi --dry-run",
    ])
    func theLegacyNoticeIsNamedAsTheDataNamesIt(line: String) async throws {
        let text = try await Self.run(line)
        #expect(text.contains("changed their number"), "\(text)")
        #expect(text.contains("(customer_changed_number)"), "\(text)")
        #expect(!text.contains("(user_changed_number)"), "\(text)")
    }

    @Test func theCurrentNameStays() async throws {
        let text = try await Self.run("trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB302AAAAAAAAAAAAAAAAAAAA=")
        #expect(text.contains("(user_changed_number)"), "\(text)")
    }
}
