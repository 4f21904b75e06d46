import KapsoClient
import KapsoDiagnostics
import Testing

/// probe37: the error a failed message carries is the verdict's (P37-11), in every place Meta's or a relay's shape puts
/// it; one message is one failed send however often it is reported (P37-1); a WAMID in either `=` padding (P37-15).
@Suite struct Probe37MessageErrorTests {
    static let sent: Int64 = 1_795_255_200
    /// The contact last wrote 30 h before the send: the window was closed when it went, which a verdict could read as 131047.
    static let closedWindow = ServiceWindow(lastInbound: sent - 30 * 3_600, at: sent)

    static func message(status: String, statuses: String, extra: String = "") throws -> Message {
        let json = """
            {"id": "wamid.HBgLMTQxNTU1NTAxODEVAgASGBRPVVQ4MTAwMDAwMDAwMDAwMDAwMAA=", "timestamp": "\(sent)", "type": "text",
             "to": "14155550181", "text": {"body": "Your order shipped"}\(extra),
             "kapso": {"direction": "outbound", "status": "\(status)", "phone_number_id": "100200300400501", "statuses": [\(statuses)]}}
            """
        return try Message(json: try #require(try JSONValue.parse(json).object))
    }

    static func status(_ word: String, _ after: Int64, _ extra: String = "") -> String {
        #"{"id": "wamid.HBgLMTQxNTU1NTAxODEVAgASGBRPVVQ4MTAwMDAwMDAwMDAwMDAwMAA=", "status": "\#(word)", "timestamp": "\#(sent + after)", "recipient_id": "14155550181"\#(extra)}"#
    }

    static let graphBody =
        #"{"message": "(#131026) Message undeliverable", "type": "OAuthException", "code": 131026, "error_data": {"messaging_product": "whatsapp", "details": "Message Undeliverable."}, "fbtrace_id": "AbCdEf"}"#

    /// Every place a failed message's error is kept, each read as 131026 by the verdict, whatever the window says.
    static let shapes: [(String, String, String)] = [
        // Kapso's failed, a history that stops at sent, Meta's `errors` on the message itself.
        ("failed", status("sent", 1), #", "errors": [{"code": 131026, "title": "Message undeliverable"}]"#),
        // The failed status holds Meta's error under a singular `error` (Graph's body shape).
        ("failed", status("sent", 1) + ", " + status("failed", 2, #", "error": \#(graphBody)"#), ""),
        // The whole Graph envelope stored under the message's `error`, the failed status without errors.
        ("failed", status("sent", 1) + ", " + status("failed", 2), #", "error": {"error": \#(graphBody)}"#),
        // Graph's text alone under `error`.
        ("failed", status("sent", 1) + ", " + status("failed", 2, #", "error": "(#131026) Message undeliverable""#), ""),
        // 131026 on one failed status, the same failure passed on again later without its errors.
        ("failed", status("sent", 1) + ", " + status("failed", 2, #", "errors": [{"code": 131026, "title": "Message undeliverable"}]"#)
            + ", " + status("failed", 3), ""),
        // No status stored at all, the error on the message.
        ("failed", "", #", "error": \#(graphBody)"#),
    ]

    @Test(arguments: shapes)
    func theVerdictNamesTheErrorTheMessageCarries(status: String, statuses: String, extra: String) throws {
        let message = try Self.message(status: status, statuses: statuses, extra: extra)
        #expect(MessageError.primary(of: MessageError.ofFailure(message))?.code == "131026")
        let verdict = MessageVerdict.of(message, windowAtSend: Self.closedWindow, now: Self.sent + 3_600)
        #expect(verdict.text.hasPrefix("failed: 131026 (message undeliverable)"), "\(verdict.text)")
        #expect(!verdict.text.contains("131047") && !verdict.text.contains("not recorded") && !verdict.text.contains("no error code"), "\(verdict.text)")
        #expect(verdict.severity == .bad)
    }

    /// What carries no error gives none: null, an empty object, blank text.
    @Test(arguments: [#"{"error": null}"#, #"{"error": {}}"#, #"{"error": "  "}"#, #"{"errors": []}"#, "{}"])
    func nothingIsReadFromNothing(_ json: String) throws {
        #expect(MessageError.carried(by: try JSONValue.parse(json)).isEmpty)
    }

    /// A failed message that carries no error anywhere still says so (the window is not put in the code's place).
    @Test func aFailureWithoutAnyErrorSaysSo() throws {
        let message = try Self.message(status: "failed", statuses: Self.status("sent", 1) + ", " + Self.status("failed", 2))
        let verdict = MessageVerdict.of(message, windowAtSend: Self.closedWindow, now: Self.sent + 3_600)
        #expect(verdict.text.hasPrefix("failed, and Meta gave no error code"), "\(verdict.text)")
    }

    // MARK: - P37-1: one message, one failed send

    static func page(_ id: String, _ statuses: String) throws -> JSONValue {
        try JSONValue.parse("""
            {"data": [{"id": "\(id)", "timestamp": "\(sent)", "type": "text", "to": "14155550181",
              "kapso": {"direction": "outbound", "status": "failed", "phone_number_id": "100200300400501", "statuses": [\(statuses)]}}]}
            """)
    }

    static let failed131026 = #", "errors": [{"code": 131026, "title": "Message undeliverable"}]"#

    /// A message whose failure was reported twice (once without its errors, once with another code), listed on two
    /// overlapping pages with its padding trimmed on one, is one failure.
    @Test func oneMessageIsOneFailureHoweverOftenItIsReported() throws {
        let padded = "wamid.HBgLMTQxNTU1NTAxODEVAgASGBRPVVQ4MTAwMDAwMDAwMDAwMDAwMAA="
        let history = Self.status("failed", 2, Self.failed131026) + ", " + Self.status("failed", 3)
            + ", " + Self.status("failed", 4, #", "error": {"code": 131000, "message": "Something went wrong"}"#)
        var triage = ErrorTriage()
        triage.addMessages(try Self.page(padded, history), since: 0)
        triage.addMessages(try Self.page(String(padded.dropLast()), history), since: 0)
        #expect(triage.entries.count == 1, "\(triage.entries.map(\.error))")
        let entry = try #require(triage.entries.first)
        #expect(entry.error.hasPrefix("131026"), "\(entry.error)")
        #expect(entry.meaning.contains("another failed status of the same message gave 131000"), "\(entry.meaning)")
        #expect(FailureGroups(triage.entries, numbers: []).failures == 1)
    }

    /// Meta's events of one WAMID (its failure reported twice, the id's padding trimmed once) are one failure: matched to
    /// the listed message in either form, else one `meta` row.
    @Test func metaEventsOfOneMessageAreOneFailure() throws {
        func event(_ id: String, _ wamid: String, _ time: String) throws -> LogSearchEvent {
            try LogSearchEvent(json: [
                "id": .string(id), "source": "whatsapp_webhook_event", "timestamp": .string(time), "event_type": "statuses",
                "status": "failed", "whatsapp_message_id": .string(wamid), "error_code": .number("131026"),
            ])
        }
        let listed = "wamid.HBgLMTQxNTU1NTAxODEVAgASGBRPVVQ4MTAwMDAwMDAwMDAwMDAwMAA="
        let other = "wamid.HBgLMTQxNTU1NTAxODIVAgASGBRPVVQ4MjAwMDAwMDAwMDAwMDAwMAA="
        var triage = ErrorTriage()
        triage.addMessages(try Self.page(listed, Self.status("failed", 2, Self.failed131026)), since: 0)
        let check = triage.addMetaEvents([
            try event("e1", String(listed.dropLast()), "2026-11-21T08:00:02Z"),
            try event("e2", other, "2026-11-21T08:00:02Z"),
            try event("e3", String(other.dropLast()), "2026-11-21T08:00:09Z"),
        ])
        #expect(check.matched == 1 && check.added == 1, "\(check)")
        #expect(triage.entries.map(\.source) == [.message, .meta])
        #expect(FailureGroups(triage.entries, numbers: []).failures == 2)
        #expect(FailureGroups.failureCount(triage.entries) == 2)
    }

    // MARK: - P37-15: a WAMID in either padding

    /// The id as typed first, then its other `=` forms: as base64 needs it, and without.
    @Test(arguments: [
        // Stored `…MAA=` (Meta's form): typed without, the padded form is asked.
        ("wamid.HBgLMTQxNTU1NTAxODUVAgASGBRPVVQ4NTAwMDAwMDAwMDAwMDAwMAA",
         ["wamid.HBgLMTQxNTU1NTAxODUVAgASGBRPVVQ4NTAwMDAwMDAwMDAwMDAwMAA", "wamid.HBgLMTQxNTU1NTAxODUVAgASGBRPVVQ4NTAwMDAwMDAwMDAwMDAwMAA="]),
        // A body base64 needs no `=` for: no `=` form is asked (each not found is one more 404 kops leaves).
        ("wamid.HBgLMTQxNTU1NTAxODUVAgASGBRPVVQ4NTAwMDAwMDAwMDAwMDAwMFgA", ["wamid.HBgLMTQxNTU1NTAxODUVAgASGBRPVVQ4NTAwMDAwMDAwMDAwMDAwMFgA"]),
        // Stored unpadded: typed with its `=`, the unpadded form is asked.
        ("wamid.HBgLMTQxNTU1NTAxODYVAgASGBRPVVQ4NjAwMDAwMDAwMDAwMDAwMAA=",
         ["wamid.HBgLMTQxNTU1NTAxODYVAgASGBRPVVQ4NjAwMDAwMDAwMDAwMDAwMAA=", "wamid.HBgLMTQxNTU1NTAxODYVAgASGBRPVVQ4NjAwMDAwMDAwMDAwMDAwMAA"]),
    ])
    func everyPaddingFormIsAsked(_ typed: String, _ ids: [String]) throws {
        #expect(try WAMID.lookups(typed).get() == ids)
    }

    @Test func theFormThatMatchedIsNamed() {
        let body = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA"
        #expect(WAMID.paddingDifference(typed: body, stored: body + "=") == "with the '=' padding put back")
        #expect(WAMID.paddingDifference(typed: body + "=", stored: body) == "without its '=' padding")
        #expect(WAMID.paddingDifference(typed: body, stored: body + "==") == "with 2 '=' more")
        #expect(WAMID.paddingDifference(typed: body, stored: body) == nil)
    }

    // MARK: - The length refusal

    /// The count and the country once: not the typed digits again after the echo of the number.
    @Test func theLengthRefusalSaysTheCountsOnce() throws {
        let problem = try #require(CountryCallingCode.lengthProblem("4420794600111"))
        #expect(problem.text == "9 to 10 digits after +44 (a +44 number), not 11: check the number; 'conversations' shows a contact's whole number")
        #expect(!problem.text.contains("20794600111"))
    }
}
