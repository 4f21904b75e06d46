import KopsShell
import KopsTestSupport
import Testing

/// tester54 V2: `use` and `health` with a phone-number id retyped with letters (O for 0, l for 1) said "it is no id, and
/// no number of this project has that name", while `whois` named the letter and the id. They say what `whois` says now.
@Suite struct V2LettersForDigitsNumberTests {
    @Test(arguments: [
        ("use 1002003004005O1", "the letter O for 0 at 14"), ("health 1OO2OO3OO4OO5O1", "the letter O for 0 at 2, 3, 5, 6, 8, 9, …"),
        ("use l00200300400501", "the letter l for 1 at 1"),
    ])
    func theLetterAndTheIDAreNamed(line: String, letters: String) async throws {
        let run = try await runDemo([line], number: nil)[0]
        #expect(run.status == 64, "\(run.out)\(run.err)")
        #expect(run.err.contains("it has letters where digits belong (\(letters))"), "\(run.err)")
        // The command typed, with the digits (tester55b Y4: `health …` was told `use …`).
        let command = line.split(separator: " ")[0]
        #expect(run.err.contains("with digits it is 100200300400501: \(command) 100200300400501"), "\(run.err)")
        #expect(!run.err.contains("it is no id"), "\(run.err)")
        #expect(run.err.split(separator: "\n").count == 1, "\(run.err)")
    }
}
