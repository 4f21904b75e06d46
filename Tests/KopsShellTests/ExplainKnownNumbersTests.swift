import KopsShell
import Testing

/// Probe6 P6-4: `explain` of Graph's "Object with ID … does not exist" sends no request; it names every number of a
/// WABA id once `use` (or a one-page `numbers`) fetched the whole list (coexistence marked: history sync is Sales
/// Line's), says when it knows only a page of them, and says plainly that an id was not checked when it knows none (demo seed).
@Suite struct ExplainKnownNumbersTests {
    static let waba = "explain \"(#100) Unsupported get request. Object with ID '200300400500601' does not exist\""

    /// The `what to do` line of each `explain` in the output, in order.
    static func advice(_ out: String) -> [String] {
        out.split(separator: "\n").filter { $0.hasPrefix("what to do:") }.map(String.init)
    }

    @Test func aWABAIDNamesEveryKnownNumberAndSaysWhenTheListIsPartial() async throws {
        let run = try await runShell([Self.waba, "numbers --per-page 1", Self.waba, "use 100200300400501", Self.waba], phoneNumberID: nil)
        #expect(run.statuses == [.ok, .ok, .ok, .ok, .ok], "\(run.err)")
        let advice = Self.advice(run.out)
        try #require(advice.count == 3, "\(run.out)")
        #expect(advice[0].contains("kops could not check the id 200300400500601: explain sends no request"), "\(advice[0])")
        #expect(advice[0].contains("'whois 200300400500601' says what the id is"), "\(advice[0])")
        // One page of one number: the one it showed, and that the list may be partial.
        let partial: String = "(the numbers this session has seen; 'whois 200300400500601' names every number of the WABA)"
        let whole: String = "those take a phone-number id, 100200300400501 (Support Line) and 100200300400502 "
            + "(Sales Line, coexistence); history sync applies only to coexistence numbers: Sales Line."
        #expect(advice[1].contains(partial), "\(advice[1])")
        #expect(advice[2].contains(whole), "\(advice[2])")
        #expect(!advice[2].contains("the numbers this session has seen"), "\(advice[2])")
    }

    @Test func anIDOfNoKnownNumberIsSaidToBeUnchecked() async throws {
        let run = try await runShell(["numbers", "explain '(#100) Object with ID 999888777666555 does not exist'"], phoneNumberID: nil)
        let advice = Self.advice(run.out)
        let unchecked: String = "999888777666555 is none of this project's numbers or their WABAs (explain sends no "
            + "request to look further); 'whois 999888777666555' says"
        #expect(advice.first?.contains(unchecked) == true, "\(run.out)")
    }
}
