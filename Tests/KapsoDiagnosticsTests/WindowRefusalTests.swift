import KapsoClient
import KapsoDiagnostics
import Testing

/// A free-form send Meta refused for the window (131047) after the contact's reaction or action shows it opened none
/// (`WindowEvidence.refuted`): `ContactWindow` reads it as `trace` and `errors` read that send, so `conversation`,
/// `conversations` and `reply` no longer say "open, opened by a reaction" or "unknown" (fix49's leftover).
@Suite struct WindowRefusalTests {
    static let number = "100"
    static let contact = "14155550192"
    static let now: Int64 = 1_795_262_400
    /// The contact last wrote 28 h ago: the window their text opened closed 4 h ago.
    static let wrote = now - 28 * 3_600

    static func inbound(_ id: String, at time: Int64, _ fields: JSONObject = ["type": "text", "text": ["body": "hi"]]) throws -> Message {
        var json: JSONObject = [
            "id": .string(id), "timestamp": .string(String(time)), "from": .string(contact),
            "kapso": ["direction": "inbound", "phone_number": .string(contact), "phone_number_id": .string(number)],
        ]
        for entry in fields { json[entry.key] = entry.value }
        return try Message(json: json)
    }

    static func reaction(at time: Int64) throws -> Message {
        try inbound("wamid.R", at: time, ["type": "reaction", "reaction": ["emoji": "👍", "message_id": "wamid.O"]])
    }

    static func edit(at time: Int64) throws -> Message {
        try inbound("wamid.E", at: time, ["type": "unsupported", "unsupported": ["type": "edit"]])
    }

    static func send(at time: Int64, code: Int = 131047, type: String = "text") throws -> Message {
        try Message(json: [
            "id": "wamid.S", "timestamp": .string(String(time)), "to": .string(contact), "type": .string(type),
            "kapso": [
                "direction": "outbound", "status": "failed", "phone_number": .string(contact), "phone_number_id": .string(number),
                "statuses": [["status": "failed", "timestamp": .string(String(time + 1)), "errors": [["code": .number(String(code))]]]],
            ],
        ])
    }

    static func window(_ inbound: [Message], sends: [Message]) -> ContactWindow {
        ContactWindow(phoneNumberID: number, contact: contact, conversations: [], inbound: inbound, refusedSends: sends, at: now)
    }

    @Test func aRefusalAfterAReactionClosesTheWindowItWasReadToOpen() throws {
        let inbound = [try Self.inbound("wamid.T", at: Self.wrote), try Self.reaction(at: Self.now - 3 * 3_600)]
        let before = Self.window(inbound, sends: [])
        #expect(before.isOpen && before.needsRefusals, "\(before.text)")
        let after = Self.window(inbound, sends: [try Self.send(at: Self.now - 2 * 3_600)])
        #expect(after.isClosed && after.lastInbound == Self.wrote, "\(after.text)")
        #expect(after.text.contains("not counted: 2026-11-21T09:00:00Z: a reaction; Meta documents nothing on whether that opens"), "\(after.text)")
        #expect(after.text.contains("a free-form send to them at 2026-11-21T10:00:00Z was refused with 131047 after it, so it did not"), "\(after.text)")
    }

    @Test func aRefusalAfterAnActionSettlesTheUnknownWindow() throws {
        let inbound = [try Self.inbound("wamid.T", at: Self.wrote), try Self.edit(at: Self.now - 3 * 3_600)]
        #expect(Self.window(inbound, sends: []).unsettled != nil)
        let after = Self.window(inbound, sends: [try Self.send(at: Self.now - 2 * 3_600)])
        #expect(after.unsettled == nil && after.isClosed, "\(after.text)")
        #expect(after.text.contains("the contact editing an earlier message (edit), not a new message, delivered as unsupported; Meta documents"),
            "\(after.text)")
    }

    /// What a refusal does not settle: a send before the reaction, one racing it (two clocks), a template, another code,
    /// and a refusal while a message the contact wrote kept the window open (then Meta's window is not the one kops sees).
    @Test func whatARefusalDoesNotSettle() throws {
        let reacted = Self.now - 3 * 3_600
        let inbound = [try Self.inbound("wamid.T", at: Self.wrote), try Self.reaction(at: reacted)]
        for send in [
            try Self.send(at: reacted - 600), try Self.send(at: reacted + 2), try Self.send(at: reacted + 600, type: "template"),
            try Self.send(at: reacted + 600, code: 131026),
        ] {
            #expect(Self.window(inbound, sends: [send]).isOpen, "\(send.json)")
        }
        let written = [try Self.inbound("wamid.T", at: reacted - 60), try Self.reaction(at: reacted)]
        #expect(WindowEvidence.refuted(among: written, by: [try Self.send(at: reacted + 600)], now: Self.now).isEmpty)
    }
}
