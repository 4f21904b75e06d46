import KopsTestSupport
import Testing

/// tester53 T10: words after a command were dropped without a word in two places: `explain 131047 >out.txt` (a glued
/// redirection: printed on the terminal, no file, no message), `explain 131047 && explain 1` (the second ignored), and
/// `profile list foo`. Each is now one line, and nothing runs.
@Suite struct T10TrailingWordsTests {
    @Test(arguments: [
        ("explain 131047 >out.txt", "explain: '>' is shell redirection, which kops does not do; run kops -c 'explain 131047' > out.txt"),
        ("explain 131047 2>/dev/null", "explain: '2>' is shell redirection"),
        ("health 100200300400501 >>log.txt", "health: '>>' is shell redirection"),
        ("explain 131047 && explain 1", "explain: '&&' joins commands in a shell, which kops does not do; put one command on each line"),
        ("explain 131047 &", "explain: '&' runs a command in the background in a shell, which kops does not do"),
        ("profile list foo", "profile: unexpected argument 'foo'"),
    ])
    func aTrailingShellWordIsNamedAndNothingRuns(line: String, error: String) async throws {
        let ran = try await runDemo([line])[0]
        #expect(ran.status == 64, "\(ran.out)\(ran.err)")
        #expect(ran.out.isEmpty, "\(ran.out)")
        #expect(ran.err.hasPrefix("error: " + error), "\(ran.err)")
    }

    /// Quoted, the same characters are text; `>` inside a word is not an operator.
    @Test(arguments: ["explain '131047 >out.txt'", "explain \"131047 && 1\"", "explain 131047->1"])
    func quotedOrInsideAWordItIsText(line: String) async throws {
        let ran = try await runDemo([line])[0]
        #expect(!ran.err.contains("shell redirection") && !ran.err.contains("joins commands"), "\(ran.err)")
    }
}
