import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// The fix of a failed message is the one for that message (probe13 P13-1, P13-7): Meta's details and the recipient
/// decide between a code's stories, and a story that cannot be this message's is not told.
@Suite struct MessageErrorAdviceTests {
    static let weblink403 = MessageError(
        code: "131053", title: "Media upload error", details: "Downloading media from weblink failed with http code 403, status message Forbidden")

    @Test func a131053WhoseDetailsNameTheURLsAnswerBlamesTheURLNotTheFile() throws {
        let fix = Self.weblink403.fix(for: FailedSend(isTemplate: false, recipient: "14155550161"))
        #expect(fix.hasPrefix("the media URL answered HTTP 403 when Meta fetched it: make the link publicly fetchable"), "\(fix)")
        #expect(!fix.contains("MIME"))
        let timedOut = MessageError(code: "131053", details: "Downloading media from weblink timed out")
        #expect(timedOut.fix(for: nil).hasPrefix("the media URL timed out when Meta fetched it"))
    }

    /// probe14 P14-15: the class of the answer decides: a 2xx fetched something, and when Meta names its type that page
    /// is the problem, not the URL's reach; a 3xx is a redirect Meta did not follow.
    @Test func a131053WhoseLinkAnsweredSuccessOrARedirectIsToldSo() throws {
        let html = MessageError(code: "131053", details: "Downloading media from weblink failed with http code 200, mime type text/html is not supported")
        let fix = html.fix(for: nil)
        #expect(fix.hasPrefix("the media URL answered Meta with text/html, not the file"), "\(fix)")
        #expect(!fix.contains("type and size are not the problem"))
        let redirect = MessageError(code: "131053", details: "Downloading media from weblink failed with http code 302, status message Found")
        #expect(redirect.fix(for: nil).hasPrefix("the media URL answered HTTP 302, a redirect, when Meta fetched it"))
        let entry = try #require(ErrorCatalog.entry(for: "131053"))
        #expect(MessageError(code: "131053", details: "Downloading media from weblink failed with http code 200").fix(for: nil) == entry.fix)
        #expect(MessageError(code: "131053", details: "Downloading media from weblink failed with http code 503").fix(for: nil).hasPrefix("the media URL answered HTTP 503"))
    }

    /// probe28 P28-8/P28-17 (repro32): a 131000 whose details say the media download got text/html is no "retry".
    @Test func a131000WhoseDetailsNameTheDownloadedTypeIsNoRetry() throws {
        let html = MessageError(code: "131000", title: "Something went wrong", details: "Media download error: Unsupported media type text/html")
        let fix = html.fix(for: FailedSend(isTemplate: false, recipient: "14155553201", mediaLink: "https://files.example.com/invoice"))
        #expect(fix.hasPrefix("Meta's download of the media got text/html, not the file"), "\(fix)")
        #expect(!fix.hasPrefix("retry"))
        let webp = MessageError(code: "131000", details: "Media download error: Unsupported media type image/webp.")
        #expect(webp.fix(for: nil).hasPrefix("Meta's download of the media got image/webp, a type it does not take"))
        let entry = try #require(ErrorCatalog.entry(for: "131000"))
        #expect(MessageError(code: "131000", details: "Something went wrong").fix(for: nil) == entry.fix)
    }

    @Test(arguments: [nil, "Media type not supported: application/x-msdownload", "File size exceeds the maximum (16 MB)"])
    func a131053WithoutAnHTTPAnswerKeepsTheCataloguesFix(_ details: String?) throws {
        let entry = try #require(ErrorCatalog.entry(for: "131053"))
        #expect(MessageError(code: "131053", details: details).fix(for: nil) == entry.fix)
    }

    @Test(arguments: [
        ("14155550160", "+1 415 is a US number: Meta does not deliver marketing templates to US numbers"),
        ("+1 (212) 555-0100", "+1 212 is a US number"),
        ("14165550160", "do not resend to this user for at least 24 hours"),  // Toronto
        ("18765550100", "do not resend to this user for at least 24 hours"),  // Jamaica
        ("447700900123", "do not resend to this user for at least 24 hours"),
    ])
    func a131049OnATemplateIsToldByTheRecipientsCountry(_ recipient: String, _ fix: String) {
        let error = MessageError(code: "131049")
        #expect(error.fix(for: FailedSend(isTemplate: true, recipient: recipient, templateCategory: "MARKETING")).hasPrefix(fix))
    }

    /// Puerto Rico and toll-free numbers: whether Meta counts them as US is not documented, so both stories stay.
    @Test(arguments: ["17875550100", "18005550100"])
    func a131049ToANumberOfUnclearCountryKeepsBothStories(_ recipient: String) throws {
        let entry = try #require(ErrorCatalog.entry(for: "131049"))
        let send = FailedSend(isTemplate: true, recipient: recipient, templateCategory: "marketing")
        #expect(MessageError(code: "131049").fix(for: send) == entry.fix)
        #expect(MessageError(code: "131049").fix(for: nil) == entry.fix)
    }

    @Test func a131049OnAFreeFormMessageIsNotExplainedAsAHeldBackTemplate() {
        let error = MessageError(code: "131049")
        let send = FailedSend(isTemplate: false, recipient: "14155550170")
        #expect(error.meaning(for: send).contains("this message was no template"))
        #expect(error.fix(for: send).hasPrefix("Meta documents 131049 for marketing templates and this message was none"))
        #expect(!error.fix(for: send).contains("24 hours"))
    }

    @Test func aReengagementRefusalOfATemplateGetsTheTemplatesAdvice() {
        #expect(MessageError(code: "131047").fix(for: FailedSend(isTemplate: true, recipient: nil)) == ErrorCatalog.reengagementOnTemplate)
        #expect(MessageError(code: "131047").fix(for: FailedSend(isTemplate: false, recipient: nil)) != ErrorCatalog.reengagementOnTemplate)
    }

    /// A send to a group has no recipient number; an inbound message's `to` is the business's own number.
    @Test func theRecipientIsTheOutboundMessagesNumberOnly() throws {
        let group = try #require(JSONValue.parse(#"{"type": "template", "recipient_type": "group", "to": "120363041234567890"}"#).object)
        #expect(FailedSend(message: group).isTemplate == true && FailedSend(message: group).recipient == nil)
        let inbound = try #require(JSONValue.parse(#"{"type": "text", "to": "14155550100", "kapso": {"direction": "inbound"}}"#).object)
        #expect(FailedSend(message: inbound).recipient == nil)
        let outbound = try #require(JSONValue.parse(#"{"type": "text", "to": "+1 415-555-0160"}"#).object)
        #expect(FailedSend(message: outbound).isTemplate == false && FailedSend(message: outbound).recipient == "14155550160")
    }

    /// `errors` groups by code: when a group's messages got different advice, the group says so instead of giving
    /// the newest one's advice for all.
    @Test func aGroupWhoseMessagesGotDifferentAdviceSaysSo() throws {
        func message(_ id: String, to: String, at: Int) -> String {
            """
            {"id": "\(id)", "timestamp": "\(at)", "type": "template", "to": "\(to)", "template": {"name": "promo"},
             "kapso": {"direction": "outbound", "status": "failed", "phone_number_id": "100200300400501",
               "message_type_data": {"category": "MARKETING"},
               "statuses": [{"status": "failed", "timestamp": "\(at + 1)", "errors": [{"code": 131049}]}]}}
            """
        }
        let page = try JSONValue.parse(
            "{\"data\": [" + message("wamid.A", to: "14155550160", at: 1763630100) + ","
                + message("wamid.B", to: "447700900123", at: 1763630000) + "]}")
        var triage = ErrorTriage()
        triage.addMessages(page, since: 0)
        let group = try #require(FailureGroups(triage.entries, numbers: IDResolverTests.numbers).groups.first)
        #expect(group.count == 2)
        #expect(group.meaning.hasPrefix("ecosystem limit: +1 415 is a US number"), "\(group.meaning)")
        #expect(group.meaning.hasSuffix("; 1 of the 2 messages got other advice: 'errors --flat' shows each"), "\(group.meaning)")
    }
}
