import KapsoClient
@testable import KopsShell
import Testing

/// probe46 P46-11: at 120 columns `conversations` cut the conversation id in the middle (`0a1b2c3d-0…0000000305`), and
/// the cut id pasted back into `conversation ID` was no id. The id column is never cut: other columns give up width.
@Suite struct ConversationIDCutTests {
    static let ids = (300...305).map { "0a1b2c3d-0000-4000-8000-000000000\($0)" }

    static func table(nameLength: Int) throws -> Table {
        let conversations = try ids.map { id in
            try Conversation(json: [
                "id": .string(id), "phone_number": "14155550305", "status": "active",
                "last_active_at": "2026-11-21T10:25:00Z", "kapso": ["contact_name": .string(String(repeating: "N", count: nameLength))],
            ])
        }
        return ConversationsCommand.table(conversations, windows: conversations.map { _ in nil })
    }

    @Test(arguments: [80, 100, 120, 140], [8, 20, 40])
    func everyIDIsShownWhole(width: Int, nameLength: Int) throws {
        let lines = Renderer(mode: .table, width: width).render(CommandResult(blocks: [.table(try Self.table(nameLength: nameLength))])).out
        let text = lines.joined(separator: "\n")
        for id in Self.ids { #expect(text.contains(id), "width \(width): \(text)") }
        #expect(lines.allSatisfy { $0.count <= width }, "width \(width): \(text)")
    }
}
