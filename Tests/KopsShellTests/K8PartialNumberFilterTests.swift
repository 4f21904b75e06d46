import KapsoSimulator
import KopsTestSupport
import Testing

/// tester52 K8: `messages --phone-number 1415999` (part of a number, which Kapso matches partially) that matched nothing
/// answered "0 items" and nothing more; the empty list now says what was filtered and how to name one contact.
@Suite struct K8PartialNumberFilterTests {
    @Test(arguments: [("messages", "messages"), ("conversations", "conversations")])
    func anEmptyPartialFilterSaysWhatWasMatched(_ command: String, _ noun: String) async throws {
        let ran = try await runDemo(
            ["\(command) --phone-number 1415999", "\(command) --phone-number 1415555"], number: "100200300400501",
            seed: TestSeeds.file("tester52-k5-ratelimit.seed.json"), width: 2_000)
        #expect(ran.map(\.status) == [0, 0], "\(ran.map(\.err))")
        #expect(
            ran[0].err.contains("--phone-number 1415999: no \(noun) with a contact whose number contains these digits"),
            "\(ran[0].err)")
        #expect(ran[0].err.contains("whole number in E.164"), "\(ran[0].err)")
        // A partial filter that matches says nothing of the kind.
        #expect(!ran[1].err.contains("contains these digits"), "\(ran[1].err)")
    }
}
