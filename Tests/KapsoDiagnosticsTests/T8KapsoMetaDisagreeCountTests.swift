import KapsoClient
import KapsoDiagnostics
import Testing

/// tester64 T8: sends whose Kapso status and Meta's status history disagree (Kapso `failed` over a history that reached
/// the phone; Kapso `read` over Meta's `failed 131026`) have rows that say "uncertain", yet the totals counted them as
/// plain failures: `errors` "5 causes of 6 failures", `overview` "6 sends failed", one of them a send Meta reported
/// delivered. They are counted apart now, as sends reported both failed and delivered are (probe42 P42-6).
@Suite struct T8KapsoMetaDisagreeCountTests {
    static let sent: Int64 = 1_795_255_200

    static func message(_ tag: String, kapso: String, statuses: [(String, Int64, String)]) -> String {
        let id = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQ\(tag)AAAAAAAAAAAAAAAAAAAAAAA="
        let history = statuses.map { word, after, extra in
            #"{"id": "\#(id)", "status": "\#(word)", "timestamp": "\#(sent + after)", "recipient_id": "14155550171"\#(extra)}"#
        }.joined(separator: ", ")
        return """
            {"id": "\(id)", "timestamp": "\(sent)", "type": "text", "to": "14155550171", "text": {"body": "hi"},
             "kapso": {"direction": "outbound", "status": "\(kapso)", "phone_number_id": "100200300400501", "statuses": [\(history)]}}
            """
    }

    static let failed131026 = #", "errors": [{"code": 131026, "title": "Receiver is incapable"}]"#

    static func entries() throws -> [ErrorTriage.Entry] {
        let messages = [
            // Kapso failed, Meta sent and delivered: Meta reported no failure at all.
            message("F02", kapso: "failed", statuses: [("sent", 0, ""), ("delivered", 2, "")]),
            // Kapso read, Meta only failed 131026.
            message("F03", kapso: "read", statuses: [("sent", 0, ""), ("failed", 1, failed131026)]),
            // A plain failure: both say failed.
            message("F05", kapso: "failed", statuses: [("sent", 0, ""), ("failed", 1, failed131026)]),
        ]
        var triage = ErrorTriage()
        triage.addMessages(try JSONValue.parse(#"{"data": ["# + messages.joined(separator: ", ") + "]}"), since: 0)
        return triage.entries
    }

    @Test func errorsCountsThemApart() throws {
        let groups = FailureGroups(try Self.entries(), numbers: [])
        #expect(groups.failures == 3)
        #expect(groups.disputed == 2)
        #expect(groups.uncertain == 0)
    }

    @Test func overviewSaysOneSendFailedAndTwoAreNotCertain() throws {
        let sends = SendFailures(try Self.entries(), phoneNumberID: nil, numbers: [])
        #expect(sends.failed == 1)
        #expect(sends.disputed == 2)
        #expect(sends.text.hasPrefix("1 send failed, 2 with Kapso's status and Meta's history disagreeing (not certain to have failed)"), "\(sends.text)")
    }
}
