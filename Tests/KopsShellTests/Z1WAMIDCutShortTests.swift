import KapsoSimulator
import KopsTestSupport
import Testing

/// tester56 Z1: a WAMID cut short (`…` or `...` at its end, or just its start, as a log column shows it) is named cut
/// short, with the contact's listed message that starts with it; never "wrong project or key?", and `whois` and `trace`
/// give the same reading. Seed: the tester's `shapes2` (message-shapes with `…BN01…`–`…BN24…`).
@Suite struct Z1WAMIDCutShortTests: PrintedLines {
    static let seed = TestSeeds.file("tester56-shapes2.seed.json")
    static let w07 = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBN07AAAAAAAAAAAAAAAAAAAA="
    static let start = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBN07AAAAAAAAAAAA"

    @Test(arguments: [start + "\u{2026}", start + "...", start])
    func whoisNamesTheMessageThatStartsWithIt(_ typed: String) async throws {
        let runs = try await runDemo(["whois '\(typed)'"], number: "100200300400501", seed: Self.seed)
        let text = runs[0].out + runs[0].err
        #expect(text.contains("it is cut short: the message \(Self.w07) with the contact starts with it"), "\(text)")
        #expect(!text.contains("wrong project or key"), "\(text)")
        #expect(!text.contains("none of that contact's messages has this id"), "\(text)")
        #expect(!text.contains("which no WAMID has"), "\(text)")
    }

    @Test(arguments: [start + "\u{2026}", start])
    func traceGivesTheSameReading(_ typed: String) async throws {
        let runs = try await runDemo(["trace '\(typed)'"], number: "100200300400501", seed: Self.seed)
        let text = runs[0].out + runs[0].err
        #expect(runs[0].status != 0)
        #expect(text.contains("it is cut short: the message \(Self.w07) with the contact starts with it"), "\(text)")
        #expect(!text.contains("check the API key") && !text.contains("shortened by kops's table"), "\(text)")
    }
}
