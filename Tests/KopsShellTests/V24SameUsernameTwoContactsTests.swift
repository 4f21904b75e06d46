import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester54 V24: two contacts (two business-scoped user ids) with the same `@username` on Support Line: `whois` merged
/// them into one contact with one user id, and `reply --to @username` wrote to the newer one without a word. Usernames
/// are released and taken again (kapso-api.md §14.1–14.2), so kops lists both and `reply` refuses until given the id.
@Suite struct V24SameUsernameTwoContactsTests {
    static let dana = "US.13491208655302741918"
    static let other = "US.99991208655302741918"

    /// Support Line `100200300400501`; conversation `…0299` of Dana (`dana.o`, last inbound 11:55 today) and `…0298` of
    /// Other Dana (`dana.o` spelt `Dana.O`, last inbound three days ago), one inbound message each.
    static func seed() throws -> String {
        func conversation(_ tail: String, userID: String, username: String, name: String, inbound: String) -> [String: Any] {
            [
                "id": "0a1b2c3d-0000-4000-8000-000000000\(tail)", "phone_number": NSNull(), "status": "active",
                "last_active_at": inbound, "created_at": "2026-11-18T10:00:00Z", "updated_at": inbound, "metadata": [:],
                "phone_number_id": "100200300400501", "business_scoped_user_id": userID, "username": username,
                "kapso": ["contact_name": name, "messages_count": 1, "last_inbound_at": inbound],
            ]
        }
        func message(_ tag: String, tail: String, userID: String, username: String, name: String, time: Int) -> [String: Any] {
            [
                "id": "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(tag)AAAAAAAAAAAAAAAAAAAA=", "timestamp": String(time), "type": "text",
                "from": "", "from_user_id": userID, "username": username, "text": ["body": "hey"],
                "kapso": [
                    "direction": "inbound", "status": "received", "processing_status": "processed", "origin": "cloud_api",
                    "phone_number": NSNull(), "phone_number_id": "100200300400501", "has_media": false,
                    "whatsapp_conversation_id": "0a1b2c3d-0000-4000-8000-000000000\(tail)", "contact_name": name,
                ],
            ]
        }
        return try SeedFile.write("v24", [
            "phone_numbers": [SeedFile.phoneNumber("100200300400501", name: "Support Line", phone: "0100")],
            "conversations": [
                conversation("299", userID: dana, username: "dana.o", name: "Dana", inbound: "2026-11-21T11:55:00Z"),
                conversation("298", userID: other, username: "Dana.O", name: "Other Dana", inbound: "2026-11-18T11:55:00Z"),
            ],
            "messages": [
                message("U99", tail: "299", userID: dana, username: "dana.o", name: "Dana", time: 1_795_262_100),
                message("U98", tail: "298", userID: other, username: "Dana.O", name: "Other Dana", time: 1_795_002_900),
            ],
        ])
    }

    @Test func whoisListsBothAndReplyRefusesToPickOne() async throws {
        let path = try Self.seed()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try await runDemo(
            ["whois @dana.o", "reply --to @dana.o --dry-run hi", "reply --to @Dana.O --dry-run hi", "reply --to \(Self.dana) --dry-run hi"],
            number: "100200300400501", seed: .file(path), width: 400)
        let whois = runs[0].out + runs[0].err
        #expect(whois.contains("@dana.o is the WhatsApp username of 2 contacts of Support Line 100200300400501: "
            + "\(Self.dana) (Dana, last inbound 2026-11-21T11:55:00Z) and \(Self.other) (Other Dana, last inbound 2026-11-18T11:55:00Z)"),
            "\(whois)")
        for reply in runs[1...2] {
            #expect(reply.status == 1, "\(reply.out)\(reply.err)")
            #expect(!reply.out.contains("\"recipient\""), "\(reply.out)")
            let lines = reply.err.split(separator: "\n")
            #expect(lines.count == 1, "\(reply.err)")
            #expect(reply.err.contains("reply: not sent: "), "\(reply.err)")
            #expect(reply.err.contains("2 contacts: \(Self.dana) (Dana, last inbound 2026-11-21T11:55:00Z) and \(Self.other)"), "\(reply.err)")
            #expect(reply.err.contains("--to \(Self.dana) or --to \(Self.other)"), "\(reply.err)")
        }
        // Given the id, the reply goes to that contact.
        #expect(runs[3].status == 0, "\(runs[3].out)\(runs[3].err)")
        #expect(runs[3].out.contains("\"recipient\": \"\(Self.dana)\""), "\(runs[3].out)")
    }
}
