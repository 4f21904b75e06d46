import KapsoClient
import KapsoDiagnostics
@testable import KopsShell
import Testing

/// Issue #16 (session 62): `messages --output json` read each message's status history four times (two readings in
/// `MessageReading.json`, called for the item's object and again for the line printed), and sorted and keyed every
/// history's statuses even when Kapso stored them in order. These pin what the readings say — on statuses stored in order,
/// out of order, tied in time, and naming their message in another form — and that a page's added member is read once per
/// item and is the same in the item's object and in the line printed. Correctness only: no timing is asserted.
@Suite struct S62KopsStatusReadingTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNzEVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"
    static let sent: Int64 = 1_795_259_894

    /// An outbound message with Kapso's `status` and `statuses` as (status, seconds after the send, id).
    static func message(status: String, _ statuses: [(String, Int64, String?)]) throws -> Message {
        let items = statuses.map { entry -> String in
            let id = entry.2.map { "\"id\":\"\($0)\"," } ?? ""
            return "{\(id)\"status\":\"\(entry.0)\",\"timestamp\":\"\(sent + entry.1)\",\"recipient_id\":\"14155550171\"}"
        }
        let text = """
            {"id":"\(wamid)","timestamp":"\(sent)","type":"text","to":"14155550171","text":{"body":"hi"},\
            "kapso":{"direction":"outbound","status":"\(status)","statuses":[\(items.joined(separator: ","))]}}
            """
        return try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    static func reading(_ message: Message) -> [String: String] {
        var result: [String: String] = [:]
        for entry in MessageReading.json(message).object?.entries ?? [] { result[entry.key] = entry.value.string }
        return result
    }

    @Test func statusesStoredInOrder() throws {
        let message = try Self.message(status: "sent", [("sent", 0, Self.wamid), ("delivered", 2, Self.wamid), ("read", 90, Self.wamid)])
        #expect(Self.reading(message) == ["status": "read", "status_shown": "read (Kapso's status field still says sent)"])
        let up = try Self.message(status: "read", [("sent", 0, Self.wamid), ("delivered", 2, Self.wamid), ("read", 90, Self.wamid)])
        #expect(Self.reading(up) == ["status": "read", "status_shown": "read"])
    }

    @Test func statusesStoredOutOfOrder() throws {
        // Webhooks arrive unordered: the read stored first, the sent last.
        let message = try Self.message(status: "delivered", [("read", 90, Self.wamid), ("delivered", 2, Self.wamid), ("sent", 0, Self.wamid)])
        #expect(Self.reading(message) == ["status": "read", "status_shown": "read (Kapso's status field still says delivered)"])
        let history = StatusHistory(message: message)
        #expect(history.events.map(\.status) == ["sent", "delivered", "read"])
        #expect(history.events.map(\.storedIndex) == [2, 1, 0])
    }

    @Test func statusesOfOneSecondGoInStatusOrder() throws {
        let message = try Self.message(status: "sent", [("read", 1, Self.wamid), ("sent", 1, Self.wamid), ("delivered", 1, Self.wamid)])
        #expect(StatusHistory(message: message).events.map(\.status) == ["sent", "delivered", "read"])
        #expect(Self.reading(message)["status"] == "read")
    }

    @Test func theMessagesOwnIdInAnotherFormIsItsOwnAndAnotherIsNot() throws {
        // Without `wamid.`, with `=` padding: the same message; another WAMID's failure is set apart.
        let bare = String(Self.wamid.dropFirst(6)) + "="
        let other = "wamid.HBgLMTQxNTU1NTAxNzEVAgARGBJBQUFBQUFBQUFBQUFBQUFBQUEA"
        let message = try Self.message(status: "failed", [("sent", 0, bare), ("delivered", 2, " \(Self.wamid) "), ("failed", 3, other)])
        let history = StatusHistory(message: message)
        #expect(history.events.map(\.status) == ["sent", "delivered"])
        #expect(history.foreign.map(\.status) == ["failed"])
        #expect(Self.reading(message)["status"] == "failed (other wamid)")
        #expect(StatusHistory.namesSameMessage(bare, Self.wamid) && !StatusHistory.namesSameMessage(other, Self.wamid))
    }

    @Test func aPagesMemberIsReadOncePerItemForItsObjectAndItsLine() throws {
        let messages = [
            try Self.message(status: "sent", [("sent", 0, Self.wamid), ("read", 90, Self.wamid)]),
            try Self.message(status: "delivered", [("read", 90, Self.wamid), ("sent", 0, Self.wamid)]),
        ]
        final class Count: @unchecked Sendable { var value = 0 }
        let count = Count()
        let addition = AddedMember<Message>(key: "kops") { message in
            count.value += 1
            return MessageReading.json(message)
        }
        let values = addition.values(of: messages)
        #expect(count.value == 2)
        let members = try #require(addition.members(of: messages, values: values))
        for (position, message) in messages.enumerated() {
            let object = addition.adding(values[position], to: message.json)
            #expect(object == MessageReading.object(message))
            #expect(String(decoding: members[position], as: UTF8.self) == "\"kops\":" + MessageReading.json(message).serialized())
        }
        #expect(count.value == 2)
    }
}
