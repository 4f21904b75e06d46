import KopsTestSupport
import Testing

/// tester57b AC3: a message Kapso lists under a UUID (no WAMID; the tester's `uuidmsg` seed), which `messages` lists and
/// `trace` traces, was "not a number, WABA, … of this project … if it is a Kapso id, it belongs to another project" to
/// `whois` and to `logs search --around` (the step `errors` advises for it), and "expected a WAMID" to `reply --message`.
/// Every command that takes a message id reads it alike, and `whois` looks a UUID up among the messages too.
@Suite struct AC3UUIDMessageIdTests {
    static let seed = Z8MessageIDNotWAMIDTests.seed
    static let id = Z8MessageIDNotWAMIDTests.id

    @Test func whoisNamesTheMessage() async throws {
        let run = try await runDemo(["whois \(Self.id)"], number: nil, seed: Self.seed)[0]
        #expect(run.status == 0, "\(run.err)")
        #expect(
            run.out.contains("\(Self.id) is Kapso's id of an outbound text message to +14155550171 on Support Line (+1 415-555-0100), failed"),
            "\(run.out)")
        #expect(run.out.contains("message id (Kapso's; the message has no WAMID)"), "\(run.out)")
        #expect(run.out.contains("phone-number id:") && run.out.contains("100200300400501"), "\(run.out)")
        #expect(!(run.out + run.err).contains("another project"), "\(run.err)")
    }

    @Test func logsSearchAroundTakesIt() async throws {
        let run = try await runDemo(["logs search --around \(Self.id)"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status == 0, "\(run.err)")
        #expect(!run.err.contains("of this project"), "\(run.err)")
    }

    @Test func replyMessageTakesIt() async throws {
        let run = try await runDemo(["reply --message \(Self.id) --dry-run hello"], number: "100200300400501", seed: Self.seed)[0]
        #expect(!run.err.contains("expected a WAMID"), "\(run.err)")
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("14155550171"), "\(run.out)")
    }

    /// The next step `errors` names for the failed send runs as written.
    @Test func theErrorsHintRuns() async throws {
        let runs = try await runDemo(["errors --flat --output expanded"], number: "100200300400501", seed: Self.seed)
        let hint = "'logs search --around \(Self.id)'"
        #expect(runs[0].out.contains(hint), "\(runs[0].out)")
        let run = try await runDemo([String(hint.dropFirst().dropLast())], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status == 0, "\(run.err)")
    }

    /// A UUID of nothing still says what was searched, messages among it, and may be another project's.
    @Test func aUUIDOfNothingNamesTheMessagesSearched() async throws {
        let run = try await runDemo(["whois 9f8e7d6c-5b4a-4321-8fed-000000000000"], number: nil, seed: Self.seed)[0]
        #expect(run.status != 0)
        #expect(run.err.contains("is not a number, WABA, customer, webhook, conversation, message, API log or delivery of this project"), "\(run.err)")
        #expect(run.err.contains("the whole list), all 18 messages, all "), "\(run.err)")
    }
}
