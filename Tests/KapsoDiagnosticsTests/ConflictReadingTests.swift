import KapsoClient
import KapsoDiagnostics
import Testing

/// tester49 F6: every 409 was read as Kapso's send lock ("retry in a moment"), also a Platform API duplicate (a webhook
/// URL that already exists) or a conflict on a conversation update; the send lock answers sends only (kapso-api.md §9.3),
/// a Platform 409 is a duplicate or conflict (§1.5).
@Suite struct ConflictReadingTests {
    static let send = "/meta/whatsapp/v24.0/100200300400501/messages"
    static let webhooks = "/platform/v1/whatsapp/phone_numbers/100200300400501/webhooks"
    static let conversation = "/platform/v1/whatsapp/conversations/0a1b2c3d-0000-4000-8000-000000000171"

    @Test(arguments: [
        ("POST", webhooks, "A webhook with this URL already exists for this phone number", "409 conflict", "conflict: Kapso refused the call as a duplicate"),
        ("PATCH", conversation, "Conversation was modified by another request", "409 conflict", "conflict: Kapso refused the call as a duplicate"),
        ("POST", send, "Another message is already in-flight for this conversation. Please retry shortly.", "409 send in flight",
            "send in flight: another send to the same conversation is in progress"),
        ("POST", send, nil, "409 send in flight", "send in flight: another send to the same conversation is in progress"),
    ] as [(String, String, String?, String, String)])
    func aConflictIsTheSendLockOnSendsOnly(method: String, path: String, text: String?, error: String, meaning: String) throws {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log(method, path, 409, key: "backend", at: "2026-11-21T10:00:00Z", error: text)])
        let group = try #require(FailureGroups(triage.entries, numbers: IDResolverTests.numbers).groups.first)
        #expect(group.error == error)
        #expect(group.meaning.hasPrefix(meaning), "\(group.meaning)")
        #expect(triage.entries.first?.meaning.hasPrefix(meaning) == true, "\(triage.entries.first?.meaning ?? "")")
        if error == "409 conflict" {
            #expect(!group.meaning.contains("retry in a moment") && !group.meaning.contains("in progress"), "\(group.meaning)")
        }
    }

    @Test func aBare409IsReadAsTheStatusWithBothCauses() throws {
        for bare in ["409", " HTTP 409 ", "", "HTTP/1.1 409 Conflict"] { #expect(APIRefusal.pasted409(bare) == nil, "\(bare)") }
        let reading = try #require(KapsoStatusReading(status: 409))
        #expect(reading.causes.count == 2)
        #expect(reading.causes[0].cause.contains("send lock"))
        #expect(reading.causes[1].cause.contains("duplicate"))
    }

    /// fix50c: a pasted 409 follows the rule a logged one does: the send lock only with its text or on a send path, the
    /// conflict entry on any other path (a URL's path too).
    @Test(arguments: [
        ("Another message is already in-flight for this conversation", "send in flight"),
        ("POST \(send) 409", "send in flight"), ("409 https://api.kapso.ai\(send)", "send in flight"),
        ("POST \(webhooks) 409", "conflict"), ("PATCH https://api.kapso.ai\(conversation) 409", "conflict"),
    ])
    func aPasted409IsReadByItsTextOrPath(_ text: String, _ name: String) {
        #expect(APIRefusal.pasted409(text)?.name == name, "\(text)")
    }
}
