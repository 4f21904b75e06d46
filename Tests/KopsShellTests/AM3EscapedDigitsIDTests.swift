import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester62b AM3: a failed call whose path holds a phone-number id with its digits percent-escaped
/// (`%31%30…%35%30%31` is 100200300400501, Support Line) was read as "100200300400502 with one digit changed (1 for 2 at
/// digit 15) … use 100200300400502 (Sales Line)": following it sends from the other business number. An id of the
/// project is never another id's typo (`IDResolver.typo`). The seed is the AK17 seed with its API log replaced by five
/// 404s (…502 and …501 escaped whole, …501 escaped in part, …501 plain, an escaped id of no number).
@Suite struct AM3EscapedDigitsIDTests {
    static let seed = SimulatorSeed.file(TestSeeds.path("am3-escaped-digit-ids.seed.json"))

    @Test func anEscapedProjectIDIsNeverTheOtherNumbersTypo() async throws {
        let out = try await withSimulator(seed: Self.seed) { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "logs --errors --flat --period 30d")
            return output.out + output.err
        }
        #expect(!out.contains("one digit changed"), "\(out)")
        #expect(out.contains("100200300400777"), "\(out)")
    }
}
