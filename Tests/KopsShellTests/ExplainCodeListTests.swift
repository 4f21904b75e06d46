import KopsTestSupport
import Testing

/// tester47 L12: `explain 131047,131026` explained the first code and dropped the second without a word.
@Suite struct ExplainCodeListTests {
    @Test(arguments: ["explain 131047,131026", "explain 131047 131026", "explain '131047, 131026'"])
    func everyListedCodeIsExplained(line: String) async throws {
        let ran = try await runDemo(line)
        #expect(ran.status == 0, "\(ran.err)")
        #expect(ran.out.contains("2 errors in what was pasted"), "\(ran.out)")
        #expect(ran.out.contains("131047") && ran.out.contains("131026"), "\(ran.out)")
    }

    @Test func aCodeWithMetasWordsIsStillOneError() async throws {
        let ran = try await runDemo("explain '(#131047) Re-engagement message'")
        #expect(!ran.out.contains("errors in what was pasted"), "\(ran.out)")
        #expect(ran.out.contains("131047"), "\(ran.out)")
    }
}
