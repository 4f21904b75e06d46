import KopsShell
import KopsTestSupport
import Testing

/// tester55b Y4: V2's letter-for-digit reading offered `use <digits>` when those digits are no number of this project
/// (then `use` failed), and dropped the project's numbers; and `health <typo>` was told `use …`. The digits are offered
/// only when they are one of the project's numbers, as the command typed; else the numbers are listed.
@Suite struct Y4LettersForDigitsOtherNumberTests {
    @Test(arguments: [("use 1OO2OO3OO4OO5O9", "100200300400509"), ("use 100200300400501O", "1002003004005010")])
    func digitsOfNoNumberAreNotOffered(line: String, digits: String) async throws {
        let run = try await runDemo([line], number: nil)[0]
        #expect(run.status != 0, "\(run.out)\(run.err)")
        #expect(!run.err.contains("use \(digits)"), "\(run.err)")
        #expect(run.err.contains("with digits it is \(digits), no number of this project either"), "\(run.err)")
        #expect(run.err.contains("numbers: "), "\(run.err)")
        #expect(run.err.contains("100200300400501") && run.err.contains("100200300400502"), "\(run.err)")
    }

    @Test func healthIsToldHealth() async throws {
        let run = try await runDemo(["health 1002003004005O1"], number: nil)[0]
        #expect(run.err.contains("with digits it is 100200300400501: health 100200300400501"), "\(run.err)")
        #expect(!run.err.contains("use 100200300400501"), "\(run.err)")
    }
}
