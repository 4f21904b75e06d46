import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Probe44 P44-10: a whole contact number's lists (`messages`, `conversations --phone-number`) held another contact
/// whose number contains it, on a seed built from the real-world cases' `message-shapes.seed.json` as the tester built it.
@Suite struct Probe44NumbersTests {
    private func run(_ seed: String, _ lines: [String], number: String? = nil) async throws -> (out: String, err: String, statuses: [KopsShell.ExitStatus]) {
        try await Probe44HealthTests.run(seed, lines, number: number)
    }

    // MARK: - P44-10

    static let usContact = "14155550171"
    static let mexicanContact = "5214155550171"

    /// Contact A (`14155550171`) last wrote 30 h ago; "Mex Contact" (`5214155550171`, whose number contains A's) 10 min
    /// ago, each with a conversation, as repro10 seeds them. `extra` more Mexican messages for a list of several pages.
    static func containedNumberSeed(extra: Int = 0) throws -> String {
        try Probe44HealthTests.seed { seed in
            let numbers = seed["phone_numbers"] as! [[String: Any]]
            seed["phone_numbers"] = [numbers[1]]
            let messages = seed["messages"] as! [[String: Any]]
            let inbound = messages.first { ($0["id"] as! String).contains("H01") }!
            let now = 1_795_262_400
            var us = inbound
            us["id"] = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBU01AAAAAAAAAAAAAAAAAAAA="
            us["timestamp"] = String(now - 30 * 3600)
            us["text"] = ["body": "US old"]
            var kapso = us["kapso"] as! [String: Any]
            kapso["content"] = "US old"
            kapso["whatsapp_conversation_id"] = "0a1b2c3d-0000-4000-8000-000000000171"
            us["kapso"] = kapso
            var list = [us]
            for index in 0...extra {
                var mexican = inbound
                mexican["id"] = "wamid.HBgNNTIxNDE1NTU1MDE3MRUCABIYFAFNMDFBQUFBQUFBQUFBQUFBQUFB\(String(format: "%03d", index))="
                mexican["timestamp"] = String(now - 600 - index)
                mexican["from"] = mexicanContact
                mexican["text"] = ["body": "hola"]
                var kapso = mexican["kapso"] as! [String: Any]
                kapso["content"] = "hola"
                kapso["phone_number"] = mexicanContact
                kapso["contact_name"] = "Mex Contact"
                kapso["whatsapp_conversation_id"] = "0a1b2c3d-0000-4000-8000-000000000521"
                mexican["kapso"] = kapso
                list.append(mexican)
            }
            seed["messages"] = list
            var conversation = (seed["conversations"] as! [[String: Any]])[0]
            conversation["phone_number"] = usContact
            var kapsoConversation = conversation["kapso"] as! [String: Any]
            kapsoConversation["last_inbound_at"] = "2026-11-20T06:00:00Z"
            conversation["kapso"] = kapsoConversation
            conversation["last_active_at"] = "2026-11-20T06:00:00Z"
            var other = conversation
            other["id"] = "0a1b2c3d-0000-4000-8000-000000000521"
            other["phone_number"] = mexicanContact
            kapsoConversation["contact_name"] = "Mex Contact"
            kapsoConversation["last_inbound_at"] = "2026-11-21T11:50:00Z"
            other["kapso"] = kapsoConversation
            other["last_active_at"] = "2026-11-21T11:50:00Z"
            seed["conversations"] = [conversation, other]
        }
    }

    /// Every path of `messages` and `conversations` that takes a whole number (with `+`, `00`, or bare) lists A's rows
    /// alone, in tables, JSON, `--all` (streamed) and `next`, and says on standard error how many rows of other
    /// contacts it left out.
    @Test(arguments: ["+14155550171", "0014155550171", "14155550171", "'+1 (415) 555-0171'"])
    func aWholeNumberListsThatContactAlone(typed: String) async throws {
        let seed = try Self.containedNumberSeed()
        for line in [
            "messages --phone-number \(typed)", "messages --phone-number \(typed) --output json",
            "messages --phone-number \(typed) --all", "messages --phone-number \(typed) --all --output json",
            "messages --phone-number \(typed) --limit 1", "conversations --phone-number \(typed)",
            "conversations --phone-number \(typed) --output json", "conversations --phone-number \(typed) --all",
            "conversations --phone-number \(typed) --all --output json",
        ] {
            let ran = try await run(seed, [line, "next"], number: "100200300400501")
            #expect(!ran.out.contains(Self.mexicanContact), "\(line): \(ran.out)")
            #expect(!ran.out.contains("hola") && !ran.out.contains("Mex Contact"), "\(line): \(ran.out)")
            #expect(ran.out.contains(Self.usContact), "\(line): A's row is gone: \(ran.out)\n\(ran.err)")
            #expect(ran.err.contains("of another contact left out"), "\(line): \(ran.err)")
        }
    }

    /// Part of a number keeps Kapso's partial match: both contacts are listed, and nothing is said left out.
    @Test func partOfANumberStillListsEveryNumberContainingIt() async throws {
        let seed = try Self.containedNumberSeed()
        let ran = try await run(seed, ["messages --phone-number 5550171", "conversations --phone-number 0171"], number: "100200300400501")
        #expect(ran.out.components(separatedBy: Self.mexicanContact).count - 1 >= 2, "\(ran.out)")
        #expect(!ran.err.contains("left out"), "\(ran.err)")
    }

    /// A list of several pages streams (`--all`): every page's rows of the other contact are left out and counted.
    @Test func theStreamedListCountsEveryPage() async throws {
        let seed = try Self.containedNumberSeed(extra: 150)
        let ran = try await run(seed, ["messages --phone-number +14155550171 --all --output json"], number: "100200300400501")
        #expect(!ran.out.contains(Self.mexicanContact), "\(ran.out)")
        #expect(ran.out.split(separator: "\n").count == 1, "\(ran.out)")
        #expect(ran.err.contains("151 messages of other contacts left out"), "\(ran.err)")
        #expect(ran.err.contains("1 message\n") || ran.err.hasSuffix("1 message") || ran.err.contains("\n1 message"), "\(ran.err)")
    }
}
