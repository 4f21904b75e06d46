import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// `conversations` and `conversation ID` state one window for one conversation (probe14 P14-1): the list judged Kapso's
/// `last_inbound_at` alone and said "closed 6 h ago" while the detail read the contact's messages and said open.
/// `Tests/Seeds/window-summary.seed.json`, clock 2026-11-21T12:00:00Z: contact 91's summary (and `last_active_at`) is
/// 30 h old and the contact wrote again 1 h ago; contact 92's summary has no time zone and the contact wrote 23 h ago;
/// contact 93 last wrote 3 days ago, as the summary says.
@Suite struct ConversationListWindowTests {
    static let seedPath = TestSeeds.path("window-summary.seed.json")

    static func conversation(_ contact: String) -> String { "0a1b2c3d-0000-4000-8000-0000000001\(contact)" }

    static func row(_ contact: String, in out: String) throws -> Substring {
        try #require(out.split(separator: "\n").first { $0.contains("141555501\(contact)") }, "\(out)")
    }

    @Test func theListAndTheDetailAgreeWhenKapsosSummaryLags() async throws {
        let runs = try await runDemo(
            ["conversations", "conversations --all", "conversation \(Self.conversation("91"))", "reply --dry-run --to +14155550191 hi"],
            number: "100200300400501", seed: .file(Self.seedPath))
        #expect(runs.allSatisfy { $0.status == 0 }, "\(runs.map(\.err))")
        for run in runs[0...1] {
            #expect(try Self.row("91", in: run.out).hasSuffix("open, 23 h left"), "\(run.out)")
            #expect(try Self.row("93", in: run.out).hasSuffix("closed 2 d ago"), "\(run.out)")
            #expect(!run.out.contains("?") && !run.err.contains("?"), "every verdict is confirmed: \(run.out)\(run.err)")
        }
        #expect(runs[2].out.contains("window:       open until 2026-11-22T11:00:00Z (23 h left)"), "\(runs[2].out)")
        #expect(!(runs[3].out + runs[3].err).contains("template"), "reply finds it open too: \(runs[3].out + runs[3].err)")
    }

    /// A summary without a time zone is no time: the list reads the messages (open, as the detail says) and the detail
    /// names the value instead of "Kapso sent no last_inbound_at".
    @Test func aSummaryWithoutATimeZoneIsReadFromTheMessages() async throws {
        let runs = try await runDemo(
            ["conversations", "conversation \(Self.conversation("92"))"], number: "100200300400501", seed: .file(Self.seedPath))
        #expect(try Self.row("92", in: runs[0].out).hasSuffix("open, 1 h left"), "\(runs[0].out)")
        #expect(runs[1].out.contains("window:       open until 2026-11-21T13:00:00Z (1 h left)"), "\(runs[1].out)")
    }

    /// The number received more than the 100 messages read in the last 24 hours: contact 91's message of 1 h ago is
    /// not among them, so the list does not call the window closed with confidence; the line under the table says why
    /// and names `conversation ID`, which reads the contact's own messages and finds it open.
    @Test func aReadThatDoesNotReachBack24HoursLeavesClosedUnconfirmed() async throws {
        let seed = try Self.busySeed()
        defer { try? FileManager.default.removeItem(atPath: seed) }
        let runs = try await runDemo(
            ["conversations --limit 100", "conversation \(Self.conversation("91"))"], number: "100200300400501", seed: .file(seed))
        #expect(try Self.row("91", in: runs[0].out).hasSuffix("closed 6 h ago?"), "\(runs[0].out)")
        #expect(try Self.row("93", in: runs[0].out).hasSuffix("closed 2 d ago?"), "\(runs[0].out)")
        #expect(
            runs[0].err.contains(
                "closed …?: closed by what was read, and the inbound messages read reach back only to 2026-11-21T11:20:00Z, "
                    + "so kops cannot confirm it; 'conversation ID' reads the contact's own messages"), "\(runs[0].err)")
        #expect(runs[1].out.contains("window:       open until 2026-11-22T11:00:00Z (23 h left)"), "\(runs[1].out)")
    }

    /// Kapso's summary calls the window open, but the message it counted is not the contact writing (probe17 P17-10):
    /// contact 95's only inbound message is a `user_changed_number` notification at 10:00 and the summary's
    /// `last_inbound_at` is 10:00. The list read "open, 22 h left" while `conversation ID` said closed; both now judge
    /// through `ContactWindow` over the same messages, and the list names the changed number. Contact 96's summary says
    /// open at 10:00 and no message of theirs is listed at all: the list cannot confirm it and marks it `?`.
    @Test func anOpenSummaryIsCheckedAgainstTheMessagesToo() async throws {
        let seed = try Self.editedSeed { conversations, messages in
            var conversation = try #require(conversations.first)
            conversation["id"] = Self.conversation("95")
            conversation["phone_number"] = "14155550195"
            conversation["last_active_at"] = "2026-11-21T10:00:00Z"
            conversation["kapso"] = ["contact_name": "Contact 95", "messages_count": 1, "last_inbound_at": "2026-11-21T10:00:00Z"]
            conversations.append(conversation)
            conversation["id"] = Self.conversation("96")
            conversation["phone_number"] = "14155550196"
            conversation["kapso"] = ["contact_name": "Contact 96", "messages_count": 0, "last_inbound_at": "2026-11-21T10:00:00Z"]
            conversations.append(conversation)
            messages.append([
                "id": "wamid.moved95", "timestamp": "1795255200", "type": "system", "from": "14155550195",
                "system": ["body": "changed", "wa_id": "14155550299", "type": "user_changed_number"],
                "kapso": [
                    "direction": "inbound", "status": "received", "processing_status": "processed", "origin": "cloud_api",
                    "phone_number": "14155550195", "phone_number_id": "100200300400501", "has_media": false,
                    "whatsapp_conversation_id": Self.conversation("95"), "contact_name": "Contact 95",
                ],
            ])
        }
        defer { try? FileManager.default.removeItem(atPath: seed) }
        let runs = try await runDemo(
            ["conversations", "conversations --all", "conversation \(Self.conversation("95"))"], number: "100200300400501", seed: .file(seed))
        #expect(runs.allSatisfy { $0.status == 0 }, "\(runs.map(\.err))")
        for run in runs[0...1] {
            #expect(try Self.row("95", in: run.out).hasSuffix("closed: no inbound, number changed"), "\(run.out)")
            #expect(try Self.row("96", in: run.out).hasSuffix("open, 22 h left?"), "\(run.out)")
            #expect(try Self.row("91", in: run.out).hasSuffix("open, 23 h left"), "\(run.out)")
            #expect(
                run.err.contains(
                    "open …?: Kapso's last_inbound_at alone says open, and the inbound messages read hold none the contact wrote "
                        + "since 2026-11-20T12:00:00Z, so kops cannot tell which is right; 'conversation ID' says the same"), "\(run.err)")
        }
        #expect(runs[2].out.contains("window:       closed: no inbound message from the contact"), "\(runs[2].out)")
    }

    /// The seed with `edit` applied to its conversations and messages, in a temporary file.
    static func editedSeed(_ edit: (inout [[String: Any]], inout [[String: Any]]) throws -> Void) throws -> String {
        var seed = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: seedPath))) as? [String: Any])
        var conversations = try #require(seed["conversations"] as? [[String: Any]])
        var messages = try #require(seed["messages"] as? [[String: Any]])
        try edit(&conversations, &messages)
        seed["conversations"] = conversations
        seed["messages"] = messages
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("window-edit-\(UUID().uuidString).seed.json").path
        try JSONSerialization.data(withJSONObject: seed).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The seed with contact 94 writing 100 times in the 40 minutes before the clock (one every 24 s), in a temporary file.
    static func busySeed() throws -> String {
        var seed = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: seedPath))) as? [String: Any])
        var conversations = try #require(seed["conversations"] as? [[String: Any]])
        var messages = try #require(seed["messages"] as? [[String: Any]])
        var template = try #require(messages.first)
        var kapso = try #require(template["kapso"] as? [String: Any])
        kapso["phone_number"] = "14155550194"
        kapso["whatsapp_conversation_id"] = conversation("94")
        kapso["contact_name"] = "Contact 94"
        template["kapso"] = kapso
        template["from"] = "14155550194"
        for n in 0..<100 {
            var message = template
            message["id"] = "wamid.busy\(n)"
            message["timestamp"] = String(1_795_262_400 - 2_400 + 24 * n)
            messages.append(message)
        }
        var busy = try #require(conversations.first)
        busy["id"] = conversation("94")
        busy["phone_number"] = "14155550194"
        busy["last_active_at"] = "2026-11-21T11:59:36Z"
        busy["kapso"] = ["contact_name": "Contact 94", "messages_count": 100, "last_inbound_at": "2026-11-21T11:59:36Z"]
        conversations.append(busy)
        seed["conversations"] = conversations
        seed["messages"] = messages
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("window-busy-\(UUID().uuidString).seed.json").path
        try JSONSerialization.data(withJSONObject: seed).write(to: URL(fileURLWithPath: path))
        return path
    }
}
