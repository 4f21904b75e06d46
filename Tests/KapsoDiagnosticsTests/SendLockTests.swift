import KapsoClient
import KapsoDiagnostics
import Testing

/// probe19 P19-7: 409 "already in-flight" repeated over minutes is a held lock, and a send pending on that number is
/// named as its likely holder (kapso-api.md §9.3).
@Suite struct SendLockTests {
    static let now: Int64 = 1_795_262_400

    static func outbound(_ id: String, status: String, at time: Int64, number: String = "100") throws -> Message {
        try Message(json: [
            "id": .string(id), "timestamp": .string(String(time)), "type": "text", "to": "14155550171",
            "kapso": ["direction": "outbound", "status": .string(status), "phone_number": "14155550171",
                      "phone_number_id": .string(number), "contact_name": "Contact A"],
        ])
    }

    @Test func aShortBurstKeepsRetryInAMoment() throws {
        #expect(SendLock.held(count: 3, first: Self.now - 60, last: Self.now, phoneNumberID: "100", outbound: [], now: Self.now) == nil)
        #expect(SendLock.held(count: 1, first: Self.now - 1_200, last: Self.now - 1_200, phoneNumberID: "100", outbound: [], now: Self.now) == nil)
    }

    @Test func twentyMinutesOf409NameThePendingSend() throws {
        let messages = [
            try Self.outbound("wamid.SENT", status: "sent", at: Self.now - 3_000),
            try Self.outbound("wamid.Q01", status: "pending", at: Self.now - 2_400),
            try Self.outbound("wamid.OTHER", status: "pending", at: Self.now - 2_400, number: "200"),
        ]
        let text = try #require(SendLock.held(
            count: 5, first: Self.now - 1_200, last: Self.now, phoneNumberID: "100", outbound: messages, now: Self.now))
        #expect(text.contains("409 answered 5 times over 20 min") && text.contains("held, not released in a moment"), "\(text)")
        #expect(text.contains("(a per-conversation lock to retry shortly, https://docs.kapso.ai/api-reference/meta-proxy)"), "\(text)")
        #expect(text.contains("likely holder: message wamid.Q01 to Contact A, pending since") && text.contains("(40 min)"), "\(text)")
        #expect(!text.contains("wamid.SENT") && !text.contains("wamid.OTHER") && !text.contains("more pending"), "\(text)")
        let none = try #require(SendLock.held(
            count: 5, first: Self.now - 1_200, last: Self.now, phoneNumberID: "100", outbound: [], now: Self.now))
        #expect(none.contains("no send pending on 100"), "\(none)")
    }

    @Test func theNumberComesFromASendPath() {
        #expect(SendLock.phoneNumberID(inPath: "/meta/whatsapp/v24.0/100200300400501/messages") == "100200300400501")
        #expect(SendLock.phoneNumberID(inPath: "/meta/whatsapp/v24.0/100200300400501/media") == nil)
    }
}
