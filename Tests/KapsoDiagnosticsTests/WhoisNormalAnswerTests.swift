import KapsoClient
import KapsoDiagnostics
import Testing

/// tester47 F1: `whois NUMBER` counted Kapso's normal answer to `trace`'s marketing-preference read (404 `Marketing
/// preference not found`) as a failed call with the contact in the path, which `errors` leaves out; the count grew with
/// every trace. It is left out of the counts, and said so without a count.
@Suite struct WhoisNormalAnswerTests {
    static func log(_ id: String, endpoint: String, status: Int, message: String?) throws -> APILog {
        var json: JSONObject = [
            "id": .string(id), "http_method": "GET", "endpoint": .string(endpoint), "response_status": .number(String(status)),
            "api_key_name": "other-key", "created_at": "2026-11-21T11:05:00Z",
        ]
        if let message { json["error_message"] = .string(message) }
        return try APILog(json: json)
    }

    static let preference = "/platform/v1/whatsapp/contacts/14155550157/marketing_preferences/100200300400501"

    static func resolve(_ logs: [APILog]) throws -> Identity {
        var facts = IDResolver.Facts()
        facts.apiLogs = logs
        return IDResolver.resolve(try IDInput.read("+14155550157").get(), typed: "+14155550157", facts: facts)
    }

    @Test func onlyNormalAnswersLeaveNoAPICallsLine() throws {
        let logs = try (1...3).map { try Self.log("n\($0)", endpoint: Self.preference, status: 404, message: "Marketing preference not found") }
        let identity = try Self.resolve(logs)
        #expect(!identity.details.contains { $0.label == "API calls" }, "\(identity.details)")
        #expect(identity.apiCalls == nil)
    }

    /// Beside another failure: counted apart, the same words for one normal answer or many.
    @Test(arguments: [1, 4])
    func normalAnswersBesideAFailureAreLeftOutWithoutACount(_ normal: Int) throws {
        let failure = try Self.log("f", endpoint: "/platform/v1/whatsapp/contacts/14155550157", status: 500, message: "Internal error")
        // Another 404 on the same path that is no normal answer stays a failure.
        let other = try Self.log("o", endpoint: Self.preference, status: 404, message: "WhatsApp contact not found")
        let logs = try (0..<normal).map { try Self.log("n\($0)", endpoint: Self.preference, status: 404, message: "Marketing preference not found") }
        let identity = try Self.resolve([failure, other] + logs)
        #expect(identity.details.contains(Identity.Detail(
            "API calls", "2 in the last 30 days with 14155550157 in the path, 2 failed (404, 500) from key other-key "
                + "('Marketing preference not found' answers left out: Kapso's normal answer, not failures)")), "\(identity.details)")
        #expect(identity.apiCalls?.normalLeftOut == true)
    }
}
