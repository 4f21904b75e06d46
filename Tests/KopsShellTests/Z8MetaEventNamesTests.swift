import KopsShell
import KopsTestSupport
import Testing

/// tester56 Z8: `webhooks create --events messages,message_status` and `--events whatsapp.message.status` (Meta's
/// webhook field names; a third-party note's name, kapso-api.md §3.4) got only "unknown event 'messages'". The mistake
/// is named, with Kapso's events; a plain typo keeps its "did you mean".
@Suite struct Z8MetaEventNamesTests {
    static func create(_ events: String) async throws -> Ran {
        try await runDemo("webhooks create --url https://hooks.example.com/k --events \(events) --secret-key abc")
    }

    @Test func metasFieldIsNamed() async throws {
        let run = try await Self.create("messages,message_status")
        #expect(run.status == 64, "\(run.out)\(run.err)")
        #expect(run.err.contains("unknown event 'messages': it is Meta's webhook field"), "\(run.err)")
        #expect(run.err.contains("whatsapp.message.received, whatsapp.message.sent"), "\(run.err)")
    }

    @Test(arguments: ["whatsapp.message.status", "message_status"])
    func statusNamesGetKapsosStatusEvents(_ name: String) async throws {
        let run = try await Self.create(name)
        #expect(run.err.contains("unknown event '\(name)'"), "\(run.err)")
        #expect(run.err.contains("Kapso's status events are whatsapp.message.sent, whatsapp.message.delivered"), "\(run.err)")
    }

    @Test func aTypoKeepsItsSuggestion() async throws {
        let run = try await Self.create("whatsapp.message.recieved")
        #expect(run.err.contains("whatsapp.message.received"), "\(run.err)")
        #expect(!run.err.contains("Meta's webhook field"), "\(run.err)")
    }
}
