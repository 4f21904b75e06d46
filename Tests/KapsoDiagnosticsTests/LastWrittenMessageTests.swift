import KapsoClient
import KapsoDiagnostics
import Testing

/// probe46 P46-7: the contact's last message before a send is the newest by the time kops reads (`MessageTime`: 13 digits
/// of milliseconds divided), whatever its place in the list or its raw value.
@Suite struct LastWrittenMessageTests {
    static let now: Int64 = 1_795_262_400

    static func inbound(_ id: String, stamp: String) throws -> Message {
        try Message(json: [
            "id": .string(id), "timestamp": .string(stamp), "type": "text", "from": "14155550171",
            "kapso": ["direction": "inbound", "phone_number": "14155550171", "phone_number_id": "100"],
        ])
    }

    static func send() throws -> Message {
        try Message(json: [
            "id": "wamid.SEND", "timestamp": .string(String(now - 1_800)), "type": "text", "to": "14155550171",
            "kapso": ["direction": "outbound", "phone_number": "14155550171", "phone_number_id": "100"],
        ])
    }

    @Test(arguments: [
        // A millisecond stamp 48 h old listed first (its raw value is the biggest), the contact's message 1 h old after it.
        ([(String(now - 172_800) + "000"), String(now - 3_600)], now - 3_600),
        ([String(now - 3_600), (String(now - 172_800) + "000")], now - 3_600),
        // The millisecond one is the newer: it is read as such.
        ([String(now - 172_800), (String(now - 3_600) + "000")], now - 3_600),
        // Stamped after the send (beyond the clocks' skew): not before it.
        ([String(now - 600), String(now - 7_200) + "000"], now - 7_200),
    ])
    func newestByTheTimeKopsReads(_ stamps: [String], _ expected: Int64) throws {
        let listed = try stamps.enumerated().map { try Self.inbound("wamid.IN\($0.offset)", stamp: $0.element) }
        let sentAt = Self.now - 1_800
        let send = try Self.send()
        let chosen = try #require(WindowEvidence.lastWrittenMessage(by: send, before: sentAt, among: listed, now: Self.now))
        #expect(WindowEvidence(chosen, now: Self.now).opens == expected)
        #expect(WindowEvidence.lastWritten(by: send, before: sentAt, among: listed, now: Self.now) == expected)
    }
}
