import KopsTestSupport
import Testing

/// tester53b U17 over loopback (demo): the partial `--phone-number` hint is said only when the digits alone emptied
/// the list; with `--type` or `--status` too, the contact may have other messages, and "no contact's number contains
/// these digits" would be wrong.
@Suite struct U17PartialFilterWithOthersTests {
    @Test func anotherFilterThatEmptiedTheListGetsNoDigitsHint() async throws {
        let ran = try await runDemo(
            ["messages --phone-number 5550157", "messages --phone-number 5550157 --type image",
             "conversations --phone-number 5550157 --status ended"], number: "100200300400501", width: 2_000)
        #expect(!ran[0].out.contains("0 items"), "\(ran[0].out)")
        for run in ran.dropFirst() { #expect(!run.err.contains("contains these digits"), "\(run.out)\n\(run.err)") }
    }
}
