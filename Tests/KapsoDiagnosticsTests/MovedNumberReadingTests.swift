import KapsoClient
import KapsoDiagnostics
import Testing

/// Session 36: `ContactWindow.Moved.reading`, the one reading of a notice A→B against what came after it. A message
/// the contact wrote from A undoes the notice; a send to A that Meta reported read does not (it proves whoever holds A
/// read it), and is named beside the move.
@Suite struct MovedNumberReadingTests {
    static let old = "14155550192"
    static let movedAt: Int64 = 1_795_255_920

    static func send(_ id: String, statuses: [(String, Int64)]) throws -> Message {
        try Message(json: [
            "id": .string(id), "timestamp": .string(String(statuses.first?.1 ?? movedAt)), "type": "text", "to": .string(old),
            "kapso": [
                "direction": "outbound", "phone_number": .string(old), "phone_number_id": "100",
                "statuses": .array(statuses.map { status, time in
                    ["id": .string(id), "status": .string(status), "timestamp": .string(String(time)), "recipient_id": .string(old)]
                }),
            ],
        ])
    }

    @Test func aReadSendAfterTheNoticeLeavesItStandingAndIsNamed() throws {
        let read = try Self.send("wamid.R", statuses: [("sent", Self.movedAt + 240), ("read", Self.movedAt + 245)])
        let before = try Self.send("wamid.B", statuses: [("sent", Self.movedAt - 60), ("read", Self.movedAt - 50)])
        let reading = ContactWindow.Moved.reading(of: Self.old, after: Self.movedAt, messages: [read, before])
        let reach = ContactWindow.Moved.LaterReach(number: Self.old, status: "read", at: Self.movedAt + 245, messageIDs: ["wamid.R"])
        #expect(reading == .left(laterReach: reach))
        #expect(reach.text == "a message to +14155550192 after the notice was read at 2026-11-21T10:16:05Z: whoever holds +14155550192 "
            + "read it, not necessarily the contact")
        #expect(ContactWindow.Moved.reading(of: Self.old, after: Self.movedAt, messages: [before]) == .left(laterReach: nil))
    }

    @Test func aMessageTheContactWroteFromTheOldNumberAfterTheNoticeUndoesIt() throws {
        let wrote = try ContactWindowEvidenceTests.inbound(at: Self.movedAt + 60, from: Self.old)
        let read = try Self.send("wamid.R", statuses: [("sent", Self.movedAt + 240), ("read", Self.movedAt + 245)])
        #expect(ContactWindow.Moved.reading(of: Self.old, after: Self.movedAt, messages: [read, wrote]) == .stillTheirs(since: Self.movedAt + 60))
    }

    /// A 131026 on a send after the move is read as the move, with a later read beside it; on a send that itself reached a
    /// device later, the failure is contradicted by its own status and is not read as the move (P32-2).
    @Test func aFailureReadsAsTheMoveUnlessItsOwnSendReachedADevice() {
        var moved = ContactWindow.Moved(number: "14155550193", at: Self.movedAt)
        moved.laterReach = .init(number: Self.old, status: "read", at: Self.movedAt + 245, messageIDs: ["wamid.R"])
        let text = moved.sendAfterMove(code: "131026", sentAt: Self.movedAt + 120, to: Self.old, messageID: "wamid.F")
        #expect(text?.contains("; " + (moved.laterReach?.text ?? "-") + "; write to +14155550193") == true, "\(text ?? "nil")")
        #expect(text?.contains("most likely no longer theirs") == false)
        #expect(moved.sendAfterMove(code: "131026", sentAt: Self.movedAt + 120, to: Self.old, messageID: "wamid.R") == nil)
    }
}
