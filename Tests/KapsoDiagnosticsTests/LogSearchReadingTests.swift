import KapsoClient
import KapsoDiagnostics
import Testing

@Suite struct LogSearchReadingTests {
    private static func event(_ json: String) throws -> LogSearchEvent {
        try LogSearchEvent(json: try #require(try JSONValue.parse(json).object))
    }

    /// (event JSON, source label, what, status, linking id, problem)
    @Test(arguments: [
        (#"{"id":"e1","source":"external_api_log","timestamp":"2026-11-21T11:35:00Z","http_method":"GET","endpoint":"/platform/v1/whatsapp/phone_numbers/200300400500601","response_status":404,"request_id":"req_01","error_message":"WhatsApp phone number not found"}"#,
         "api", "GET /platform/v1/whatsapp/phone_numbers/200300400500601: WhatsApp phone number not found", "404", "req_01", true),
        (#"{"id":"e2","source":"external_api_log","timestamp":"t","http_method":"POST","endpoint":"/x","response_status":200,"resource_id":"log-1"}"#,
         "api", "POST /x", "200", "log-1", false),
        (#"{"id":"e3","source":"whatsapp_webhook_event","timestamp":"t","event_type":"statuses","status":"failed","whatsapp_message_id":"wamid.A","error_code":131047,"error_title":"Re-engagement message"}"#,
         "meta", "Meta status failed: 131047 Re-engagement message", "failed", "wamid.A", true),
        (#"{"id":"e4","source":"whatsapp_webhook_event","timestamp":"t","event_type":"messages","status":"received","message_type":"text","whatsapp_message_id":"wamid.B"}"#,
         "meta", "Meta message received (text)", "received", "wamid.B", false),
        (#"{"id":"e5","source":"whatsapp_message_event","timestamp":"t","event_type":"message.delivered","status":"delivered","whatsapp_message_id":"wamid.C"}"#,
         "message", "message delivered", "delivered", "wamid.C", false),
        (#"{"id":"e6","source":"whatsapp_message_event","timestamp":"t","event_type":"message.sent","status":"sent","has_status_error":true,"whatsapp_message_id":"wamid.D"}"#,
         "message", "message sent", "sent", "wamid.D", true),
        (#"{"id":"e7","source":"webhook_delivery","timestamp":"t","event":"whatsapp.message.received","webhook_url":"https://hooks.example.com/in","status":"failed","response_status":500,"error_message":"HTTP 500","resource_id":"d-1"}"#,
         "delivery", "whatsapp.message.received to hooks.example.com/in: HTTP 500", "failed", "d-1", true),
        (#"{"id":"e8","source":"webhook_delivery","timestamp":"t","event":"whatsapp.message.sent","status":"pending","response_status":503,"resource_id":"d-2"}"#,
         "delivery", "whatsapp.message.sent: HTTP 503", "pending", "d-2", true),
        (#"{"id":"e9","source":"webhook_delivery","timestamp":"t","event":"whatsapp.message.sent","status":"pending","resource_id":"d-3"}"#,
         "delivery", "whatsapp.message.sent", "pending", "d-3", false),
        (#"{"id":"e10","source":"flow_event","timestamp":"t","message":"step send_text finished","level":"error","flow_execution_id":"exec_1"}"#,
         "flow", "step send_text finished", "error", "exec_1", true),
        (#"{"id":"e11","source":"something_new","timestamp":"t","event_type":"x.y"}"#, "something_new", "x.y", "-", "e11", false),
    ])
    func readsEachSourceInOneLine(json: String, source: String, what: String, status: String, link: String, problem: Bool) throws {
        let reading = LogSearchReading(try Self.event(json))
        #expect(reading.source == source)
        #expect(reading.what == what)
        #expect(reading.status == status)
        #expect(reading.link == link)
        #expect(reading.isProblem == problem)
    }

    @Test func everyKnownSourceHasItsOwnLabel() {
        let labels = LogSearchSource.known.map(\.label)
        #expect(Set(labels).count == labels.count)
        #expect(LogSearchSource.names.first == "all" && LogSearchSource.names.count == 8)
        #expect(LogSearchSource.label(of: "whatsapp_webhook_event") == "meta")
    }
}

@Suite struct MetaFailureTests {
    private static func event(_ id: String, wamid: String, status: String, code: String?) throws -> LogSearchEvent {
        var object: JSONObject = [
            "id": .string(id), "source": "whatsapp_webhook_event", "timestamp": "2026-11-20T09:15:02Z", "event_type": "statuses",
            "status": .string(status), "whatsapp_message_id": .string(wamid),
        ]
        if let code { object["error_code"] = .number(code) }
        return try LogSearchEvent(json: object)
    }

    @Test func aFailureAlreadyListedAsAMessageIsCountedOnceAndOthersBecomeMetaRows() throws {
        var triage = ErrorTriage()
        let page = try JSONValue.parse("""
            {"data": [{"id": "wamid.LISTED", "timestamp": "1763630100", "type": "text",
              "kapso": {"direction": "outbound", "status": "failed", "phone_number_id": "100200300400501",
                "statuses": [{"status": "failed", "timestamp": "1763630102", "errors": [{"code": 131047, "title": "Re-engagement message"}]}]}}]}
            """)
        triage.addMessages(page, since: 0)
        let check = triage.addMetaEvents([
            try Self.event("e1", wamid: "wamid.LISTED", status: "failed", code: "131047"),
            try Self.event("e2", wamid: "wamid.OTHER", status: "failed", code: "131026"),
            try Self.event("e3", wamid: "wamid.OTHER", status: "delivered", code: nil),
        ])
        #expect(check == ErrorTriage.MetaCheck(problems: 2, matched: 1))
        #expect(triage.entries.map(\.source) == [.message, .meta])
        let meta = try #require(triage.entries.last)
        #expect(meta.subject == "status failed of wamid.OTHER")
        #expect(meta.error.hasPrefix("131026"))
    }

    /// probe46 P46-4: Meta's delivered (or read) status with an error attached, of a message not listed, is no failed
    /// status: counted by its word, its row uncertain and never "retry", and no failure in the count.
    @Test(arguments: ["delivered", "read"])
    func aDeliveryWithAnErrorIsNoFailure(_ word: String) throws {
        var triage = ErrorTriage()
        let check = triage.addMetaEvents([try Self.event("e1", wamid: "wamid.OTHER", status: word, code: "131000")])
        #expect(check.failed == 0 && check.otherStatuses == [word: 1], "\(check)")
        let meta = try #require(triage.entries.first)
        #expect(meta.statusWord == word && meta.error.hasPrefix("\(word) 131000"), "\(meta.error)")
        #expect(meta.meaning.contains("do not resend") && !meta.meaning.contains("retry"), "\(meta.meaning)")
        #expect(FailureGroups.failureCount(triage.entries) == 0)
    }
}
