import KapsoClient
import KapsoDiagnostics
import Testing

/// Verdicts and summaries on real message shapes (probe5 P5-6–P5-14): status words that are no step of the
/// delivery (`warning`, `deleted`), a status with several errors, 131047 on a template, the legacy 470, address and
/// disappearing messages, and Graph's "Object with ID … does not exist" for an id the project has.
@Suite struct MessageShapeVerdictTests {
    static func message(_ statuses: String, status: String, type: String = "text") throws -> Message {
        let text =
            #"{"id":"wamid.X","timestamp":"1000","type":"\#(type)","\#(type)":{"body":"hi","name":"order_update"},"#
            + #""kapso":{"direction":"outbound","status":"\#(status)","statuses":\#(statuses)}}"#
        return try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    static let warning131009 =
        #"{"status":"warning","timestamp":"1001","errors":[{"code":131009,"title":"Parameter value is not valid","#
        + #""message":"Parameter value is not valid","error_data":{"details":"Product retailer id not found"}}]}"#

    /// P5-7: a warning with an error is named, with Meta's meaning of the word, not guessed away as an offline phone.
    @Test func aWarningIsNamedNotAnOfflinePhone() throws {
        let message = try Self.message(#"[{"status":"sent","timestamp":"1000"},\#(Self.warning131009)]"#, status: "sent")
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_001 + 4_560)
        #expect(
            verdict.text
                == "warning 131009 (parameter value invalid) 1 s after sending: \"Product retailer id not found\"; Meta's "
                + "On-Premises API sends a warning when the message names a catalog item that is not available or does not "
                + "exist (the Cloud API's status reference lists no warning): fix the value the error names; sent 1 h 16 min "
                + "ago, no delivery report yet")
        #expect(verdict.severity == .warning)
    }

    /// Side words come after a delivery, a read or a failure, and turn a good verdict into a warning (P5-13).
    @Test(arguments: [
        (#"[{"status":"sent","timestamp":"1000"},{"status":"delivered","timestamp":"1001"},{"status":"deleted","timestamp":"1030"}]"#,
         "delivered",
         "delivered 1 s after sending, not read yet; a 'deleted' status 30 s after sending: Meta documents 'deleted' "
            + "(On-Premises API) for a message the customer sent and then deleted, not for one the business sent, so it "
            + "does not tell whether the contact still sees this one"),
        (#"[{"status":"sent","timestamp":"1000"},{"status":"read","timestamp":"1005"},{"status":"x","timestamp":"1006","errors":[{"code":131000}]}]"#,
         "read", "read by the contact 5 s after sending; a status 'x' kops does not know 6 s after sending with error 131000 (something went wrong)"),
        (#"[{"status":"sent","timestamp":"1000"},{"status":"delivered","timestamp":"1002"},\#(warning131009)]"#, "delivered",
         "delivered 2 s after sending, not read yet; warning 131009 (parameter value invalid) 1 s after sending: \"Product "
            + "retailer id not found\"; Meta's On-Premises API sends a warning when the message names a catalog item that is "
            + "not available or does not exist (the Cloud API's status reference lists no warning): fix the value the error names"),
    ])
    func sideWordsFollowTheOutcome(_ statuses: String, _ status: String, _ text: String) throws {
        let verdict = MessageVerdict.of(try Self.message(statuses, status: status), windowAtSend: nil, now: 9_000)
        #expect(verdict.text == text)
        #expect(verdict.severity == .warning)
    }

    /// The kind, not the one case: a warning is named when Kapso's status is ahead of the history and in a conflict too.
    @Test(arguments: [
        (#"[{"status":"sent","timestamp":"1000"},\#(warning131009)]"#, "failed", "failed (Kapso's status); "),
        (#"[{"status":"sent","timestamp":"1000"},{"status":"delivered","timestamp":"1002"},{"status":"failed","timestamp":"1003","errors":[{"code":131026}]},\#(warning131009)]"#,
         "failed", "failed 131026 at "),
    ])
    func aWarningIsNamedWhicheverWayTheHistoryIsRead(_ statuses: String, _ status: String, _ start: String) throws {
        let verdict = MessageVerdict.of(try Self.message(statuses, status: status), windowAtSend: nil, now: 9_000)
        #expect(verdict.text.hasPrefix(start), "\(verdict.text)")
        #expect(verdict.text.contains("; warning 131009 (parameter value invalid) 1 s after sending"), "\(verdict.text)")
    }

    @Test func statusWordsOutsideTheDeliveryHaveNoRank() {
        #expect(StatusWord("warning") == .warning && StatusWord("warning").rank == nil)
        #expect(StatusWord("deleted") == .deleted && StatusWord("deleted").rank == nil)
        #expect(StatusWord("deleted").word == "deleted")
    }

    /// P5-12: one rule picks the message's code; the rest is detail.
    @Test func theMessagesCodeIsTheSpecificOne() {
        let errors = [MessageError(code: "131000"), MessageError(code: "131026"), MessageError(code: "131053")]
        #expect(MessageError.primary(of: errors)?.code == "131026")
        #expect(MessageError.others(of: errors).map(\.code) == ["131000", "131053"])
        #expect(MessageError.primary(of: [MessageError(code: "131000")])?.code == "131000")
        #expect(MessageError.primary(of: []) == nil)
        #expect(MessageError.primary(of: [MessageError(code: nil, title: "odd"), MessageError(code: "131000")])?.code == "131000")
    }

    /// P5-8: a template refused with 131047 (or 470) is not told to send a template.
    @Test(arguments: ["131047", "470"])
    func aTemplateRefusedForTheWindowIsNotToldToSendATemplate(_ code: String) throws {
        let message = try Self.message(
            #"[{"status":"failed","timestamp":"1001","errors":[{"code":\#(code)}]}]"#, status: "failed", type: "template")
        let verdict = MessageVerdict.of(message, windowAtSend: ServiceWindow(lastInbound: 160, at: 1_000), now: 9_000)
        #expect(verdict.text.hasPrefix("failed: \(code) ("), "\(verdict.text)")
        #expect(verdict.text.contains("on a template: the contact's last inbound here was 14 min before the send, so the 24-hour window was open too"))
        #expect(verdict.text.contains(ErrorCatalog.reengagementOnTemplate))
        #expect(!verdict.text.contains("send an approved template"))
    }

    /// P5-9: 470 is the window closed, so the window check runs for it as for 131047.
    @Test func legacy470RunsTheWindowCheck() throws {
        let entry = try #require(ErrorCatalog.entry(for: "470"))
        #expect(entry.code == "470")
        #expect(entry.name == "re-engagement (24 h window closed; legacy code 470)")
        #expect(entry.retry == .no && entry.reference.contains("Gupshup"))
        #expect(ErrorCatalog.isReengagement("470") && ErrorCatalog.isReengagement("#131047") && !ErrorCatalog.isReengagement("131026"))
        #expect(ErrorCatalog.codes.contains("470"))
        let message = try Self.message(#"[{"status":"failed","timestamp":"1001","errors":[{"code":470}]}]"#, status: "failed")
        let closed = MessageVerdict.of(message, windowAtSend: ServiceWindow(lastInbound: 1_000 - 26 * 3_600, at: 1_000), now: 9_000)
        #expect(closed.text.hasPrefix("failed: 470, the 24-hour window closed 2 h before the send; send an approved template"))
        let open = MessageVerdict.of(message, windowAtSend: ServiceWindow(lastInbound: 700, at: 1_000), now: 9_000)
        #expect(open.text.hasPrefix("failed: 470 (Meta: 24-hour window closed), yet the contact's last inbound here was 5 min before the send"))
    }

    /// P5-14: an address reply reads as an address; a disappearing message gets its own advice and `an` before a vowel.
    @Test func addressAndDisappearingMessagesReadAsWhatTheyAre() throws {
        let address =
            #"{"type":"interactive","interactive":{"type":"nfm_reply","nfm_reply":{"name":"address_message","body":"1 Market St","#
            + #""response_json":"{\"saved_address_id\":\"\",\"values\":{\"city\":\"San Francisco\",\"name\":\"Ana\",\"address\":\"1 Market St\",\"in_pin_code\":\"400063\"}}"}}}"#
        let object = try #require(try JSONValue.parse(Array(address.utf8)).object)
        #expect(MessageSummary.text(of: object) == "address: Ana, 1 Market St, San Francisco, 400063")
        #expect(UnsupportedContent.what("ephemeral") == "a disappearing (ephemeral) message")
        let ephemeral = UnsupportedContent.reading(type: "ephemeral", error: MessageError(code: "131051"))
        #expect(ephemeral.contains("turn disappearing messages off for this chat"))
        #expect(UnsupportedContent.what("image_v2") == "type \"image_v2\"")
        #expect(UnsupportedContent.reading(type: "image_v2", error: MessageError(code: "131051")).hasPrefix("the contact sent an \"image_v2\" message, a type the Cloud API does not deliver"))
    }

    /// P5-6: Graph's "Object with ID … does not exist" for the project's own phone-number id names the edge, not a
    /// missing object; for an id kops does not know, Meta's three causes.
    @Test func anObjectErrorOnAKnownIDNamesTheLikelyCause() throws {
        let text =
            #"{"error":{"message":"Unsupported get request. Object with ID '100200300400501' does not exist, cannot be loaded due "#
            + #"to missing permissions, or does not support this operation.","code":100,"error_subcode":33}}"#
        let pasted = try #require(PastedError(text))
        let known = try #require(pasted.objectAdvice(numbers: IDResolverTests.numbers))
        #expect(known.hasPrefix("100200300400501 is this project's phone-number id of Support Line, so it exists; of Meta's three causes"))
        #expect(known.contains("but /message_templates takes the WABA id: use 200300400500601"))
        #expect(!known.contains("belongs to another project"))
        let unknown = try #require(pasted.objectAdvice())
        #expect(unknown.contains("the object does not exist, the key's access lacks a permission for it, it does not support this operation"))
        let path = try #require(PastedError("GET /meta/whatsapp/v24.0/100200300400501/message_templates (#100) Object with ID 100200300400501 does not exist"))
        #expect(path.objectAdvice(numbers: IDResolverTests.numbers) == "the id in the path is the phone-number id of Support Line, but /message_templates takes the WABA id: use 200300400500601 (the WABA of Support Line)")
        let waba = try #require(PastedError("(#100) Object with ID 200300400500601 does not exist"))
        #expect(waba.objectAdvice(numbers: IDResolverTests.numbers)?.hasPrefix("200300400500601 is this project's WABA id") == true)
    }

    /// P5-12: Meta's webhooks row shows the message's code, read from the event's payload when it has all the errors.
    @Test func aMetaEventWithSeveralErrorsShowsTheMessagesCode() throws {
        let json =
            #"{"id":"e1","source":"whatsapp_webhook_event","timestamp":"t","event_type":"statuses","status":"failed","#
            + #""whatsapp_message_id":"wamid.A","error_code":131000,"error_title":"Something went wrong","payload":{"entry":[{"changes":[{"value":"#
            + #"{"statuses":[{"status":"failed","errors":[{"code":131000,"title":"Something went wrong"},{"code":131026,"title":"Message undeliverable"}]}]}}]}]}}"#
        let event = try LogSearchEvent(json: try #require(try JSONValue.parse(Array(json.utf8)).object))
        #expect(LogSearchReading(event).what == "Meta status failed: 131026 Message undeliverable")
    }
}

/// `errors` counts a failed status once and a warning as a warning (P5-7, P5-12).
@Suite struct ErrorTriageStatusTests {
    static func page(_ messages: [String]) throws -> JSONValue {
        try JSONValue.parse(Array(#"{"data":[\#(messages.joined(separator: ","))]}"#.utf8))
    }

    static func outbound(_ id: String, type: String = "text", status: String, statuses: String) -> String {
        #"{"id":"\#(id)","timestamp":"1000","type":"\#(type)","to":"14155550171","\#(type)":{"name":"order_update"},"#
            + #""kapso":{"direction":"outbound","status":"\#(status)","phone_number_id":"100200300400501","statuses":\#(statuses)}}"#
    }

    @Test func oneStatusIsOneFailureAndAWarningIsNoFailure() throws {
        var triage = ErrorTriage()
        try triage.addMessages(
            Self.page([
                Self.outbound(
                    "wamid.M", status: "failed",
                    statuses: #"[{"status":"failed","timestamp":"1001","errors":[{"code":131000,"title":"Something went wrong"},{"code":131026,"title":"Message undeliverable"},{"code":131053,"title":"Media upload error"}]}]"#),
                Self.outbound("wamid.W", status: "sent", statuses: #"[{"status":"sent","timestamp":"1000"},\#(MessageShapeVerdictTests.warning131009)]"#),
                Self.outbound(
                    "wamid.T", type: "template", status: "failed",
                    statuses: #"[{"status":"failed","timestamp":"1001","errors":[{"code":131047,"title":"Re-engagement message"}]}]"#),
            ]), since: 0)
        #expect(triage.entries.count == 3)
        let multi = try #require(triage.entries.first { $0.json["id"]?.string == "wamid.M" })
        #expect(multi.error == "131026 Message undeliverable")
        #expect(multi.meaning.hasSuffix("(the same status also gave 131000 Something went wrong, 131053 Media upload error)"))
        let warning = try #require(triage.entries.first { $0.json["id"]?.string == "wamid.W" })
        #expect(warning.statusWord == "warning" && warning.error == "warning 131009 Parameter value is not valid")
        #expect(warning.meaning.hasPrefix("a warning, not a failure: Meta's On-Premises API sends a warning when"))
        let template = try #require(triage.entries.first { $0.json["id"]?.string == "wamid.T" })
        #expect(template.meaning == "re-engagement (24 h window closed) on a template: " + ErrorCatalog.reengagementOnTemplate)
        let groups = FailureGroups(triage.entries, numbers: [])
        #expect(groups.total == 3 && groups.warnings == 1)
        #expect(groups.groups.map(\.headline).contains("1 message with a warning 131009 (parameter value invalid)"), "\(groups.groups.map(\.headline))")
        #expect(groups.groups.map(\.headline).contains("1 message failed with 131026 (message undeliverable)"))
    }

    /// probe8 P8-8: one message whose failure was reported again (a second later, without `href`) is one entry.
    @Test func aFailureReportedAgainIsCountedOnce() throws {
        var triage = ErrorTriage()
        try triage.addMessages(
            Self.page([
                Self.outbound(
                    "wamid.R", status: "failed",
                    statuses: #"[{"id":"wamid.R","status":"failed","timestamp":"1001","href":"h","errors":[{"code":131026}]},{"id":"wamid.R","status":"failed","timestamp":"1003","errors":[{"code":131026}]}]"#),
            ]), since: 0)
        #expect(triage.entries.count == 1)
    }

    @Test func metaCheckCountsWarningsApart() {
        #expect(ErrorTriage.MetaCheck(problems: 14, otherStatuses: ["warning": 1]).counted == "13 failed statuses and 1 warning")
        #expect(ErrorTriage.MetaCheck(problems: 1).counted == "1 failed status")
        #expect(ErrorTriage.MetaCheck(problems: 2, otherStatuses: ["warning": 2]).counted == "2 warnings")
    }
}
