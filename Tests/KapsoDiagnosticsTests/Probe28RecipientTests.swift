import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// probe28: whom statuses are about — a group send read by one participant and failed for another (P28-2), statuses
/// naming another recipient (P28-20) — and one failure per message whatever the places its error is stored in (P28-7).
@Suite struct Probe28RecipientTests {
    static let group = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD"

    static func message(_ text: String) throws -> Message {
        try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    /// repro2's first message (gen.py): delivered and read by 14155552801, failed 131026 for 14155552802.
    static let groupSplit = """
        {"id":"wamid.G1","timestamp":"1795261500","type":"text","to":"\(group)","recipient_type":"group","text":{"body":"Store opens at 9"},
         "kapso":{"direction":"outbound","status":"read","phone_number_id":"100200300400501","phone_number":"\(group)","statuses":[
          {"id":"wamid.G1","status":"sent","timestamp":"1795261500","recipient_id":"\(group)","recipient_type":"group"},
          {"id":"wamid.G1","status":"delivered","timestamp":"1795261502","recipient_id":"\(group)","recipient_type":"group","recipient_participant_id":"14155552801"},
          {"id":"wamid.G1","status":"read","timestamp":"1795261510","recipient_id":"\(group)","recipient_type":"group","recipient_participant_id":"14155552801"},
          {"id":"wamid.G1","status":"failed","timestamp":"1795261503","recipient_id":"\(group)","recipient_type":"group","recipient_participant_id":"14155552802",
           "errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable","error_data":{"details":"Message Undeliverable."}}]}]}}
        """

    @Test func aGroupReadByOneAndFailedForAnotherIsNoConflict() throws {
        let message = try Self.message(Self.groupSplit)
        let history = StatusHistory(message: message)
        #expect(history.conflict == nil)
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_795_262_400)
        #expect(verdict.text.hasPrefix("read in group \(Self.group) by participant 14155552801, 10 s after sending"), "\(verdict.text)")
        #expect(verdict.text.hasSuffix("; failed 131026 (message undeliverable) for participant 14155552802 at 2026-11-21T11:45:03Z"), "\(verdict.text)")
        #expect(!verdict.text.contains("not certain") && !verdict.text.contains("confirm with the contact"))
        #expect(verdict.severity == .warning)
        var triage = ErrorTriage()
        triage.addMessages(try JSONValue.parse(Array(#"{"data":[\#(Self.groupSplit)]}"#.utf8)), since: 0)
        #expect(triage.entries.count == 1)
        #expect(triage.entries.first?.subject.contains("participant 14155552802") == true)
        #expect(triage.entries.first?.meaning.contains("uncertain") == false)
    }

    /// A 1:1 message (no participants) that failed and was then read stays the conflict it was (probe21 P21-22).
    @Test func aOneToOneFailureAndReadStayAConflict() throws {
        let message = try Self.message("""
            {"id":"wamid.C","timestamp":"1000","type":"text","to":"14155550171","kapso":{"direction":"outbound","status":"read","statuses":[
             {"status":"failed","timestamp":"1001","errors":[{"code":131026}]},{"status":"read","timestamp":"1010"}]}}
            """)
        #expect(StatusHistory(message: message).conflict != nil)
    }

    /// repro2's second message: its statuses name the participant only by BSUID (`recipient_participant_user_id`).
    @Test func aParticipantNamedByBSUIDIsNamed() throws {
        let message = try Self.message("""
            {"id":"wamid.G2","timestamp":"1795261600","type":"text","to":"\(Self.group)","recipient_type":"group","kapso":{"direction":"outbound","status":"read","statuses":[
             {"id":"wamid.G2","status":"sent","timestamp":"1795261600","recipient_id":"\(Self.group)","recipient_type":"group"},
             {"id":"wamid.G2","status":"read","timestamp":"1795261610","recipient_id":"\(Self.group)","recipient_type":"group","recipient_participant_user_id":"US.13491208655302741918"}]}}
            """)
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_795_262_400)
        #expect(verdict.text.contains("by participant US.13491208655302741918"), "\(verdict.text)")
        #expect(!verdict.text.contains("Meta named none"))
    }

    /// repro35: sent to 14155553501; the delivered and read statuses name 14155559999.
    @Test func statusesNamingAnotherRecipientAreNotReadByTheContact() throws {
        let message = try Self.message("""
            {"id":"wamid.R35","timestamp":"1795261500","type":"text","to":"14155553501","kapso":{"direction":"outbound","status":"read","statuses":[
             {"id":"wamid.R35","status":"sent","timestamp":"1795261500","recipient_id":"14155553501"},
             {"id":"wamid.R35","status":"delivered","timestamp":"1795261502","recipient_id":"14155559999"},
             {"id":"wamid.R35","status":"read","timestamp":"1795261510","recipient_id":"14155559999"}]}}
            """)
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_795_262_400)
        #expect(!verdict.text.contains("read by the contact"), "\(verdict.text)")
        #expect(verdict.text.contains("the delivered and read statuses name 14155559999, not the message's recipient 14155553501"))
        #expect(verdict.severity == .warning)
    }

    /// repro11: 131047 in the failed status and in the message's top-level `errors` is one failure (P28-7); an error
    /// only at the top level still counts (P26-9).
    @Test func oneErrorInTwoPlacesIsOneFailure() throws {
        var triage = ErrorTriage()
        let error = #"{"code":131047,"title":"Re-engagement message","message":"Re-engagement message"}"#
        triage.addMessages(try JSONValue.parse(Array(#"""
            {"data":[
             {"id":"wamid.E1","timestamp":"1795261800","type":"text","to":"14155551101","errors":[\#(error)],
              "kapso":{"direction":"outbound","status":"failed","phone_number_id":"100200300400501","statuses":[
               {"id":"wamid.E1","status":"sent","timestamp":"1795261800"},{"id":"wamid.E1","status":"failed","timestamp":"1795261802","errors":[\#(error)]}]}},
             {"id":"wamid.E2","timestamp":"1795261900","type":"text","to":"14155551101","errors":[\#(error)],
              "kapso":{"direction":"outbound","status":"failed","phone_number_id":"100200300400501","statuses":[
               {"id":"wamid.E2","status":"failed","timestamp":"1795261902"}]}},
             {"id":"wamid.E3","timestamp":"1795262000","type":"text","to":"14155551101","errors":[\#(error)],
              "kapso":{"direction":"outbound","status":"failed","phone_number_id":"100200300400501"}}]}
            """#.utf8)), since: 0)
        #expect(triage.entries.map { $0.json["id"]?.string ?? "" } == ["wamid.E1", "wamid.E2", "wamid.E3"])
        #expect(triage.entries.allSatisfy { $0.error.hasPrefix("131047") })
        #expect(FailureGroups(triage.entries, numbers: []).total == 3)
    }
}
