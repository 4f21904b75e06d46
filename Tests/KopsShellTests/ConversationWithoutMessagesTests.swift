import KapsoSimulator
import KopsTestSupport
import Testing

/// tester47 F14 (`Seeds/conversation-without-messages.seed.json`: Support Line's conversation 0a1b2c3d-…-0000000009aa
/// with the contact Empty, 14155550999, and no message): `whois` and `use` of its id said "not … of this project; wrong
/// project or key?" (the resolver found conversations only by their messages) while `conversation` showed it. They find
/// it in the conversation list too now.
@Suite struct ConversationWithoutMessagesTests {
    static let id = "0a1b2c3d-0000-4000-8000-0000000009aa"

    @Test func whoisAndUseFindAConversationWithoutMessages() async throws {
        let runs = try await runDemo(
            ["whois \(Self.id)", "use \(Self.id)", "conversation \(Self.id)"], number: nil,
            seed: TestSeeds.file("conversation-without-messages.seed.json"))
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(runs[0].out.hasPrefix("\(Self.id) is the conversation with Empty on Support Line (+1 415-555-0100) (active)\n"), "\(runs[0].out)")
        #expect(!runs[1].err.contains("wrong project or key"), "\(runs[1].err)")
        #expect(runs[1].err.contains("is the conversation with Empty"), "\(runs[1].err)")
        #expect(runs[2].status == 0)
    }

    /// An id in no list, where the conversation list had more pages than the one read (`scale:2100` has 105 conversations):
    /// no "wrong project" conclusion.
    @Test func anUnknownIDPastTheNewestConversationsIsNotCalledAnotherProjects() async throws {
        let run = try await runDemo(["whois 0a1b2c3d-0000-4000-8000-000000000bbb"], number: nil, seed: .scale(2_100))[0]
        #expect(run.err.contains("nor among its conversations with messages, its 100 most recently active conversations"), "\(run.err)")
        #expect(!run.err.contains("wrong project or key"), "\(run.err)")
        // Past the newest 500 messages too (tester57b AC3: a UUID is looked up among them): asked for by id, not "another project".
        #expect(
            run.err.hasSuffix(
                "'conversations --all', 'logs --all' and 'deliveries --all' list the older ones; 'message 0a1b2c3d-0000-4000-8000-000000000bbb' "
                    + "asks Kapso for it by id\n"), "\(run.err)")
    }
}
