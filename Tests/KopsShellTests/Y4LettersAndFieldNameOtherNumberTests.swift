import KopsShell
import KopsTestSupport
import Testing

/// tester56b, Y4 residual: `whois 1OO2OO3OO4OO5O9` (letters O for zeros) offered "with digits it is 100200300400509: use
/// 100200300400509", and `health phone_number_id=100200300400509` "use 100200300400509", though those digits are no
/// number of the project (`use` and `health` of the letters already said so). The digits are offered, as the command
/// typed, only when they are one of the project's numbers.
@Suite struct Y4LettersAndFieldNameOtherNumberTests {
    @Test(arguments: ["whois 1OO2OO3OO4OO5O9", "health phone_number_id=100200300400509"])
    func digitsOfNoNumberAreNotOffered(line: String) async throws {
        let run = try await runDemo([line], number: nil)[0]
        #expect(run.status != 0, "\(run.out)\(run.err)")
        #expect(!run.err.contains("use 100200300400509") && !run.err.contains(": whois 100200300400509"), "\(run.err)")
        #expect(run.err.contains("no number of this project either") && run.err.contains("100200300400501"), "\(run.err)")
    }

    @Test(arguments: [("whois 1OO2OO3OO4OO5O1", "whois"), ("health phone_number_id=100200300400501", "health")])
    func aNumberOfTheProjectIsOfferedAsTyped(line: String, command: String) async throws {
        let run = try await runDemo([line], number: nil)[0]
        #expect(run.err.contains("\(command) 100200300400501"), "\(run.err)")
        #expect(!run.err.contains("use 100200300400501"), "\(run.err)")
    }
}
