import KapsoClient
import KapsoDiagnostics
import Testing

/// tester49 L5: errors' MEANING for `(#131000) Something went wrong` answered to a send (an API log: the request was
/// refused, so it got no WAMID) said to open a Meta Direct Support ticket "with the wamid". It names what identifies the
/// request instead (its time, the phone-number id, the fbtrace_id of Meta's body if it had one); a failed status, which
/// has a WAMID, keeps the WAMID.
@Suite struct RefusedRequestFixTests {
    static let send = "/meta/whatsapp/v24.0/100200300400501/messages"

    @Test(arguments: [
        "(#131000) Something went wrong",
        #"{"error":{"message":"(#131000) Something went wrong","type":"OAuthException","code":131000,"fbtrace_id":"AbCdEf123"}}"#,
    ])
    func aRefusedSendNamesTheRequestNotAWAMID(_ text: String) throws {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log("POST", Self.send, 500, key: "backend", at: "2026-11-21T10:00:00Z", error: text)])
        let meaning = try #require(triage.entries.first?.meaning)
        #expect(meaning.contains("request's time") && meaning.contains("phone-number id") && meaning.contains("fbtrace_id"), "\(meaning)")
        #expect(!meaning.lowercased().contains("with the wamid"), "\(meaning)")
    }

    @Test func aFailedStatusKeepsItsWAMID() throws {
        let entry = try #require(ErrorCatalog.entry(for: "131000"))
        #expect(entry.fix.lowercased().contains("with the wamid"))
        #expect(entry.refusedFix?.contains("gets no WAMID") == true)
    }
}
