import Foundation
import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// probe23: real-data readings kops stated too firmly or not at all (P23-2…P23-7), one kind per test.
@Suite struct Probe23ReadingTests {
    static func message(_ json: String) throws -> Message {
        try Message(json: try #require(try JSONValue.parse(Array(json.utf8)).object))
    }

    static let otp = #"{"id":"wamid.OTP","timestamp":"1795262100","type":"template","to":"919876543210","kapso":{"direction":"outbound","status":"failed","phone_number":"919876543210","phone_number_id":"100200300400501","statuses":[{"id":"wamid.OTP","status":"failed","timestamp":"1795262101","errors":[{"code":131026,"title":"Message undeliverable"}]}],"message_type_data":{"template_name":"otp_login","category":"AUTHENTICATION"}},"template":{"name":"otp_login"}}"#
    static let utilityRead = #"{"id":"wamid.UTIL","timestamp":"1795176000","type":"template","to":"919876543210","kapso":{"direction":"outbound","status":"read","phone_number":"919876543210","phone_number_id":"100200300400501","statuses":[{"id":"wamid.UTIL","status":"sent","timestamp":"1795176000"},{"id":"wamid.UTIL","status":"delivered","timestamp":"1795176002"},{"id":"wamid.UTIL","status":"read","timestamp":"1795176400"}]}}"#

    // MARK: P23-6

    /// Meta's 131026 reasons are an open list of five, said as such.
    @Test func the131026MeaningIsAnOpenList() throws {
        let entry = try #require(ErrorCatalog.entry(for: "131026"))
        #expect(entry.meaning.contains("include"))
        #expect(entry.meaning.contains("+91 (India)"))
        #expect(entry.meaning.contains("high quality user experience"))
        #expect(entry.meaning.contains("the list is not complete"))
    }

    /// The category comes from Kapso's message_type_data (or the statuses' pricing), and an authentication template to
    /// +91 names Meta's India rule, hedged.
    @Test func anAuthenticationTemplateToIndiaNamesTheIndiaRule() throws {
        let send = FailedSend(message: try Self.message(Self.otp).json)
        #expect(send.templateCategory == "authentication")
        #expect(send.isAuthenticationToIndia)
        let fix = MessageError(code: "131026").fix(for: send)
        #expect(fix.hasPrefix("this is an authentication template to a +91 (India) number"), "\(fix)")
        #expect(fix.contains("Meta allows them since 1 July 2024, so kops cannot tell whether it applies here"))
        let utility = FailedSend(isTemplate: true, recipient: "919876543210", templateCategory: "UTILITY")
        #expect(!utility.isAuthenticationToIndia)
        #expect(!FailedSend(isTemplate: true, recipient: "14155550100", templateCategory: "authentication").isAuthenticationToIndia)
    }

    /// The contact's own delivered/read history rules out "not on WhatsApp": the verdict says so instead of
    /// "check the number is correct".
    @Test func aContactWhoReadAMessageIsOnWhatsApp() throws {
        let otp = try Self.message(Self.otp)
        let reach = try #require(ContactReach.newest(for: otp, among: [try Self.message(Self.utilityRead), otp]))
        #expect(reach.what == "read" && reach.messageID == "wamid.UTIL")
        let verdict = MessageVerdict.of(otp, windowAtSend: nil, now: 1_795_262_400, reach: reach).text
        #expect(verdict.contains("the number is on WhatsApp: a message to it was read at"), "\(verdict)")
        #expect(verdict.contains("+91 (India)"), "\(verdict)")
        #expect(!verdict.contains("check the number is correct"), "\(verdict)")
        // Without an India authentication template, the other reasons are listed as an open list.
        let plain = try Self.message(Self.otp.replacingOccurrences(of: "\"category\":\"AUTHENTICATION\"", with: "\"category\":\"UTILITY\""))
        let other = MessageVerdict.of(plain, windowAtSend: nil, now: 1_795_262_400, reach: reach).text
        #expect(other.contains("of Meta's other listed reasons (not a complete list)"), "\(other)")
        #expect(other.contains("high quality user experience"), "\(other)")
        // Nothing delivered, read or written: no such claim.
        #expect(ContactReach.newest(for: otp, among: [otp]) == nil)
    }

    // MARK: P23-2

    /// Kapso's last_inbound_at saying open against kops's messages saying closed: neither is stated as fact.
    @Test func twoReadingsOfTheWindowThatDisagreeAreSaidBoth() throws {
        let send = try Self.message(#"{"id":"wamid.IMG","timestamp":"1795262200","type":"image","to":"14155550183","kapso":{"direction":"outbound","status":"failed","phone_number":"14155550183","statuses":[{"id":"wamid.IMG","status":"failed","timestamp":"1795262201","errors":[{"code":131053}]}]}}"#)
        let kapso: Int64 = 1_795_258_800  // 2026-11-21T11:00:00Z, before the send
        let window = ServiceWindow(lastInbound: nil, at: 1_795_262_200)
        let line = SendWindow.of(send, window: window, unknown: "", kapsoLastInbound: kapso)
        #expect(line.text.hasPrefix("unsure: Kapso's last_inbound_at 2026-11-21T11:00:00Z says open when sent"), "\(line.text)")
        #expect(!line.text.contains("closed when sent"))
        #expect(SendWindow.readingsDisagree(window, kapsoLastInbound: kapso))
        // A last_inbound_at after the send says nothing of the window at the send; without one, kops's reading stands.
        #expect(SendWindow.of(send, window: window, unknown: "", kapsoLastInbound: 1_795_262_300).text.hasPrefix("closed when sent"))
        #expect(SendWindow.of(send, window: window, unknown: "").text.hasPrefix("closed when sent"))
    }

    // MARK: P23-3

    /// Kapso's processing failed or blocked is a failure `errors` lists, with a meaning, and the verdict says it.
    @Test(arguments: ["failed", "blocked"])
    func aFailedOrBlockedProcessingIsAFailure(_ status: String) throws {
        let json = #"{"data":[{"id":"wamid.IN","timestamp":"1795262000","type":"text","from":"14155550601","kapso":{"direction":"inbound","status":"received","processing_status":"\#(status)","phone_number":"14155550601","phone_number_id":"100200300400501"}}]}"#
        var triage = ErrorTriage()
        triage.addMessages(try JSONValue.parse(Array(json.utf8)), since: 0)
        let entry = try #require(triage.entries.first)
        #expect(entry.error == "processing_status \(status)")
        #expect(entry.meaning.contains("kapso.processing_status \(status)"))
        #expect(entry.meaning.contains("'trace wamid.IN'"))
        let sends = SendFailures(triage.entries, phoneNumberID: nil, numbers: [])
        #expect(sends.failed == 0 && sends.receivedUnprocessed == 1 && sends.anyFailed)
        #expect(sends.text == "1 received message not processed by Kapso (processing_status failed or blocked)")
        let message = try #require(triage.entries.first.map { try Message(json: $0.json) })
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_795_262_400)
        #expect(verdict.text.contains("; but Kapso"), "\(verdict.text)")
        #expect(verdict.severity != .good)
    }

    @Test func aProcessedMessageIsNoFailure() throws {
        let json = #"{"data":[{"id":"wamid.OK","timestamp":"1795262000","type":"text","kapso":{"direction":"inbound","status":"received","processing_status":"processed"}}]}"#
        var triage = ErrorTriage()
        triage.addMessages(try JSONValue.parse(Array(json.utf8)), since: 0)
        #expect(triage.entries.isEmpty)
    }

    // MARK: P23-4

    /// ISO-8601 and 13-digit millisecond status times within the message's time are read, and named.
    @Test(arguments: [
        ("\"2026-11-21T11:55:02Z\"", "ISO-8601"), ("\"2026-11-21T11:55:02.123456+00:00\"", "ISO-8601"),
        ("\"1795262102000\"", "Unix milliseconds"), ("1795262102000", "Unix milliseconds"),
        // probe25 P25-12: fractional Unix seconds, as a string or a JSON number.
        ("\"1795262102.25\"", "fractional Unix seconds"), ("1795262102.5", "fractional Unix seconds"),
    ])
    func statusTimesInOtherFormsAreRead(_ timestamp: String, _ form: String) throws {
        let statuses = try JSONValue.parse(Array(#"[{"status":"delivered","timestamp":\#(timestamp)}]"#.utf8))
        let history = StatusHistory(statuses: statuses, sentAt: 1_795_262_000, messageID: nil)
        #expect(history.untimedCount == 0)
        #expect(history.events.first?.time == 1_795_262_102)
        #expect(history.otherForms == [form])
    }

    @Test func timesFarFromTheMessageStayUnusable() throws {
        let statuses = try JSONValue.parse(Array(#"[{"status":"delivered","timestamp":"2019-01-01T00:00:00Z"}]"#.utf8))
        let history = StatusHistory(statuses: statuses, sentAt: 1_795_262_000, messageID: nil)
        #expect(history.untimedCount == 1)
    }

    // MARK: P23-7

    @Test(arguments: [
        ("1OO2OO3OO4OO5O1", "100200300400501", "the letter O for 0 at 2, 3, 5, 6, 8, 9, …"),
        ("l00200300400501", "100200300400501", "the letter l for 1 at 1"),
    ])
    func lettersForDigitsAreNamed(_ typed: String, _ ascii: String, _ read: String) throws {
        guard case .failure(let problem) = IDInput.read(typed), case .lettersForDigits(let id, let said) = problem else {
            Issue.record("\(IDInput.read(typed))")
            return
        }
        #expect(id == ascii)
        #expect(said == read)
        #expect(problem.reason.hasSuffix("with digits it is \(ascii): use \(ascii)"))
    }

    @Test func aCyrillicLetterInAWAMIDIsNamed() throws {
        let typed = "w\u{0430}mid.HBgLMTQxNTU1NTAxODMVAgASGBRNMDFNRUQAAAAAAAAAAAAAAAAAAA=="
        guard case .failure(let problem) = IDInput.read(typed), case .lookAlike(let character, let ascii) = problem else {
            Issue.record("\(IDInput.read(typed))")
            return
        }
        #expect(character == "U+0430 CYRILLIC SMALL LETTER A at position 2 (it looks like 'a')")
        #expect(ascii == "wamid.HBgLMTQxNTU1NTAxODMVAgASGBRNMDFNRUQAAAAAAAAAAAAAAAAAAA==")
        // probe25 P25-3: a Cyrillic or Greek o among digits stands for 0: the id meant is the digits', not "1o02…".
        for typed in ["1\u{043E}0200300400501", "1\u{03BF}0200300400501", "1\u{041E}0200300400501"] {
            guard case .failure(.lookAlike(let character, let ascii)) = IDInput.read(typed) else {
                Issue.record("\(IDInput.read(typed))")
                continue
            }
            #expect(ascii == "100200300400501", "\(typed)")
            #expect(character.hasSuffix("at position 2 (it looks like '\(typed.dropFirst().prefix(1) == "\u{041E}" ? "O" : "o")', here for the digit 0)"), "\(character)")
        }
        // Words and other scripts' digits keep their own readings.
        #expect(IDInput.read("café").failureValue == .nonASCII)
        #expect(IDInput.read("wordy").failureValue == .unknownForm)
    }

    // MARK: P23-8

    /// A flat row carries what the table shows (error, meaning) and the group's fields, beside its item.
    @Test func aFlatRowCarriesTheDiagnosis() throws {
        var triage = ErrorTriage()
        triage.addAPILogs([
            FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/200300400500601/messages", 404, key: "backend-prod", at: "2026-11-21T11:00:00Z")
        ])
        let groups = FailureGroups(triage.entries, numbers: IDResolverTests.numbers)
        let entry = try #require(triage.entries.first)
        let row = try #require(groups.json(of: entry).object)
        #expect(row["meaning"]?.string == groups.meaning(of: entry))
        #expect(row["error"]?.string == entry.error)
        #expect(row["misplaced_id"]?.string == "200300400500601")
        #expect(row["headline"]?.string?.hasPrefix("1 failed call from key backend-prod") == true)
        #expect(row["item"]?.object?["endpoint"]?.string == "/meta/whatsapp/v24.0/200300400500601/messages")
    }

    // MARK: P23-5

    /// A WAMID that carries the other form of a Brazilian contact's number is the same contact: no warning.
    @Test func aBrazilianNinthDigitFormIsTheSameContact() throws {
        let id = "wamid.HBgMNTUxMTg3NjU0MzIxFQIAEhgUQjAyT1VUAAAAAAAAAAAAAAAAAAA="
        var facts = IDResolver.Facts()
        facts.numbers = IDResolverTests.numbers
        facts.messages = [
            try Self.message(#"{"id":"\#(id)","timestamp":"1795262000","type":"text","to":"5511987654321","kapso":{"direction":"outbound","status":"sent","phone_number":"5511987654321","phone_number_id":"100200300400501"}}"#)
        ]
        let identity = IDResolver.resolveWAMID(id, contact: "551187654321", typed: id, facts: facts)
        #expect(identity.warnings.isEmpty, "\(identity.warnings)")
        #expect(identity.details.contains { $0.value.contains("Brazil's ninth digit") && $0.value.hasSuffix("the same contact") })
        // Another contact altogether is still a warning.
        let other = IDResolver.resolveWAMID(id, contact: "551187650000", typed: id, facts: facts)
        #expect(other.warnings.first?.hasPrefix("the id carries +551187650000, but the message's contact is") == true, "\(other.warnings)")
    }
}

extension Result {
    fileprivate var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
