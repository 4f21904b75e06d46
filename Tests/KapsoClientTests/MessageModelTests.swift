import KapsoClient
import KopsHTTP
import KopsTestSupport
import Testing

/// Messages, conversations, the 24-hour window and send errors read from the contract's fixtures.
@Suite struct MessageModelTests {
    @Test(arguments: [
        ("2026-11-20T09:15:00Z", Int64(1_795_166_100)), ("2026-11-20T09:15:00.123456Z", 1_795_166_100),
        ("2026-11-20T09:15:00+00:00", 1_795_166_100), ("1970-01-01T00:00:00Z", 0), ("2024-02-29T23:59:59Z", 1_709_251_199),
        // probe3 F10: RFC 3339 offsets are read, never taken for "no time" ("never opened").
        ("2026-11-20T11:15:00+02:00", 1_795_166_100), ("2026-11-20T04:15:00.5-0500", 1_795_166_100),
    ])
    func parsesISOTimes(text: String, seconds: Int64) {
        #expect(KapsoTime.seconds(iso: text) == seconds)
    }

    @Test(arguments: ["", "2026-11-20", "2026-11-20T09:15:00", "2026-13-20T09:15:00Z", "2026-11-20T09:15:00+25:00", "2026-11-20T09:15:00+2:00", "2026-11-20T09:15:00Zx"])
    func rejectsOtherTimes(text: String) {
        #expect(KapsoTime.seconds(iso: text) == nil)
    }

    @Test func formatsUnixSecondsAsISO() {
        #expect(KapsoTime.iso(1_795_166_100) == "2026-11-20T09:15:00Z")
        #expect(KapsoTime.iso(1_709_251_199) == "2024-02-29T23:59:59Z")
    }

    @Test func readsAFailedMessageAndItsStatusError() throws {
        let json = try #require(try Fixtures.json("message.failed_131047.json")["data"]?.object)
        let message = try Message(json: json)
        #expect(message.kapsoDirection == "outbound")
        #expect(message.time.map(KapsoTime.iso) == "2026-11-20T09:15:00Z")
        #expect(message.json["kapso"]?["phone_number"]?.string == "14155550157")
        #expect(message.contactName == "Lee Park")
        #expect(message.conversationID == "e5a6c7d8-4f5b-4c6d-8e7f-901234567890")
        #expect(message.statuses.map(\.status) == ["sent", "failed"])
        #expect(message.statuses.last?.errors.first?.code == "131047")
        #expect(message.statuses.last?.errors.first?.title == "Re-engagement message")
    }

    @Test func readsGraphErrorBodies() throws {
        let error = try #require(MetaSendError(status: 422, json: try Fixtures.json("send_message.error_131047.json")))
        #expect(error.code == "131047")
        #expect(error.message == "(#131047) Re-engagement message")
        #expect(error.traceID == "AqZ3xR8mT1vK0pLw9sYbN2c")
        #expect(error.details?.hasPrefix("The recipient last wrote") == true)
    }

    @Test func readsKapsoErrorShapes() {
        let credits = MetaSendError(status: 402, json: ["error": "Insufficient credits", "code": "insufficient_credits"])
        #expect(credits == MetaSendError(status: 402, code: "insufficient_credits", message: "Insufficient credits"))
        let lock = MetaSendError(status: 409, json: ["error": "Another message is already in-flight"])
        #expect(lock?.code == "409")
        let sandbox = MetaSendError(status: 403, json: ["error": "Active sandbox session required to send messages"])
        #expect(sandbox?.code == nil)
        #expect(MetaSendError(status: 500, json: ["message": "boom"]) == nil)
    }

    @Test func windowIsOpenForTwentyFourHoursAfterTheLastInbound() {
        let last: Int64 = 1_795_166_100
        #expect(ServiceWindow(lastInbound: last, at: last + 86_399).isOpen)
        #expect(!ServiceWindow(lastInbound: last, at: last + 86_400).isOpen)
        #expect(ServiceWindow(lastInbound: last, at: last).closesAt == last + 86_400)
        #expect(!ServiceWindow(lastInbound: nil, at: last).isOpen)
    }

    @Test func buildsTheTextMessageOfTheContract() throws {
        let body = KapsoClient.textMessage(
            to: "14155550142", text: "Thanks Dana, it ships today. Tracking follows shortly.",
            quoting: "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=")
        #expect(body == (try Fixtures.json("send_message.request.json")))
    }
}

/// The API's clock, read from each response's `Date` header.
@Suite struct ServerTimeTests {
    @Test func readsIMFFixdates() {
        #expect(KapsoTime.seconds(httpDate: "Sat, 21 Nov 2026 12:00:00 GMT") == KapsoTime.seconds(iso: "2026-11-21T12:00:00Z"))
        #expect(KapsoTime.seconds(httpDate: "Sat, 21 Nov 2026 12:00:00 UTC") == nil)
        #expect(KapsoTime.seconds(httpDate: "Saturday, 21-Nov-26 12:00:00 GMT") == nil)
    }

    @Test func clientKeepsTheLatestDateHeader() throws {
        let transport = StubTransport(
            status: 200, body: #"{"data": []}"#, headers: [("Date", "Sat, 21 Nov 2026 12:00:00 GMT")])
        let client = KapsoClient(baseURL: "https://api.kapso.ai", apiKey: Secret("k"), transport: transport)
        #expect(client.serverTime == nil)
        _ = try client.perform(client.platformRequest("/whatsapp/messages"))
        #expect(client.serverTime.map(KapsoTime.iso) == "2026-11-21T12:00:00Z")
    }
}
