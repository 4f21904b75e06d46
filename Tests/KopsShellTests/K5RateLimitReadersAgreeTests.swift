import KapsoSimulator
import KopsTestSupport
import Testing

/// tester52 K5/K17: a 131000 ("Something went wrong") whose details carry a rate limit's wording was read three ways:
/// `trace`, `errors` and `explain` of the same failure disagreed (generic "unknown reason; retry" beside "a rate limit"),
/// and 131048's spam wording was read generic everywhere. Every reader now gives `MessageError.NamedRateLimit`'s reading.
/// Seed `tester52-k5-ratelimit.seed.json`: K02 failed with 131048's words, K03 with "too many messages … in a short period".
@Suite struct K5RateLimitReadersAgreeTests {
    static func wamid(_ tag: String) -> String { "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(tag)AAAAAAAAAAAAAAAAAAAA=" }
    static let spam = "Message failed to send because there are restrictions on how many messages can be sent from this phone "
        + "number. This may be because too many previous messages were blocked or flagged as spam."
    static let short = "Message failed to send because there were too many messages sent from this phone number in a short period of time."

    static func explainJSON(_ details: String) -> String {
        #"explain '{"error":{"message":"(#131000) Something went wrong","code":131000,"error_data":{"details":"\#(details)"}}}'"#
    }

    @Test(arguments: [
        ("K02", spam, "its spam rate limit (131048"),
        ("K03", short, "one of its rate limits: the pair rate to one recipient (131056) or the number's throughput (130429)"),
    ])
    func everyReaderGivesTheOneHedgedReading(_ tag: String, _ details: String, _ which: String) async throws {
        let ran = try await runDemo(
            [
                "trace \(Self.wamid(tag))", "message \(Self.wamid(tag))", "errors --flat", "errors", Self.explainJSON(details),
                "explain '131000 Something went wrong: \(details)'", "messages",
            ],
            number: "100200300400501", seed: TestSeeds.file("tester52-k5-ratelimit.seed.json"), width: 2_000)
        #expect(ran.map(\.status) == [0, 0, 0, 0, 0, 0, 0], "\(ran.map(\.err))")
        // `message` and `messages` name the code and Meta's title only: no reading to disagree with.
        for out in [ran[1].out, ran[6].out] { #expect(!out.contains("unknown reason"), "\(out)") }
        for (index, reader) in [(0, "trace"), (2, "errors --flat"), (3, "errors"), (4, "explain JSON"), (5, "explain text")] {
            let out = ran[index].out
            #expect(out.contains("something went wrong (its details name a rate limit)"), "\(reader): \(out)")
            #expect(!out.contains("unknown reason"), "\(reader): \(out)")
            if !reader.hasPrefix("errors") {
                #expect(out.contains(which), "\(reader): \(out)")
                #expect(out.contains("no code confirms it"), "\(reader): \(out)")
            }
        }
        // The two readings are two causes in the grouped view, not one row with "other advice".
        #expect(!ran[3].out.contains("got other advice"), "\(ran[3].out)")
    }
}
