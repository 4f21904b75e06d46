import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// probe28: a media link Meta can never fetch is named as the cause of 131053 (P28-17); a media 404 is read with the
/// call's `phone_number_id` and the media's age, not "expired after 7 days" (P28-8).
@Suite struct Probe28MediaTests {
    /// repro32 (s32b): an image sent by link from localhost that failed 131053 "Media upload error".
    static func image(link: String) throws -> Message {
        let text = """
            {"id":"wamid.I1","timestamp":"1795258800","type":"image","to":"14155553201","image":{"link":"\(link)"},
             "kapso":{"direction":"outbound","status":"failed","phone_number_id":"100200300400501","statuses":[
              {"id":"wamid.I1","status":"failed","timestamp":"1795258802","errors":[{"code":131053,"title":"Media upload error","message":"Media upload error","error_data":{"details":"Media upload error"}}]}]}}
            """
        return try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    @Test func aLocalhostLinkIsNamedAsTheCauseOf131053() throws {
        let message = try Self.image(link: "http://localhost:3000/invoices/123.png")
        let error = try #require(StatusHistory(message: message).failures.first?.errors.first)
        let fix = error.fix(for: FailedSend(message: message.json))
        #expect(fix.hasPrefix("the media link http://localhost:3000/invoices/123.png is on localhost (this machine), which Meta's servers cannot reach"), "\(fix)")
        #expect(!fix.contains("MIME type"))
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_795_262_400)
        #expect(verdict.text.contains("is on localhost (this machine)"), "\(verdict.text)")
        // A private-network address is as unreachable; a public link keeps the catalogue's advice.
        let lan = try Self.image(link: "https://192.168.1.20/a.png")
        #expect(error.fix(for: FailedSend(message: lan.json)).contains("a private-network address (192.168.1.20)"))
        let public_ = try Self.image(link: "https://cdn.example.com/a.png")
        #expect(!error.fix(for: FailedSend(message: public_.json)).contains("media link"))
    }

    static func media(sent: Bool) -> Identity {
        var identity = Identity(
            input: "2222333344445555", kind: .mediaID,
            statement: "2222333344445555 is the media id of the sticker wamid.S from 14155551201, received 2026-11-21T11:00:00Z")
        identity.moment = 1_795_258_800  // 2026-11-21T11:00:00Z
        identity.mediaSent = sent
        identity.phoneNumberIDs = ["100200300400501"]
        return identity
    }

    /// repro12: `GET …/{media_id}` without `phone_number_id`, 55 min after the sticker came: the call first.
    @Test func aMediaCallWithoutPhoneNumberIDIsTheFirstSuspect() throws {
        let meaning = try #require(IDResolver.mediaNotFoundMeaning(
            Self.media(sent: false), endpoint: "/meta/whatsapp/v24.0/2222333344445555", at: 1_795_258_800 + 3_300))
        #expect(meaning.contains("the call has no ?phone_number_id=, which Kapso's proxy requires"))
        #expect(meaning.contains("add ?phone_number_id=100200300400501"))
        #expect(!meaning.contains("expire") && !meaning.contains("right call"))
    }

    /// s12b: with `phone_number_id`, a 404 minutes after the media came is no expiry; one 8 days after a received one is.
    @Test func aMediaIDMinutesOldHasNotExpired() throws {
        let endpoint = "/meta/whatsapp/v24.0/2222333344445555?phone_number_id=100200300400501"
        let young = try #require(IDResolver.mediaNotFoundMeaning(Self.media(sent: false), endpoint: endpoint, at: 1_795_258_800 + 3_300))
        #expect(young.contains("the 404 came 55 min after the message, and Meta serves a received media id for 7 days, so it had not expired"), "\(young)")
        let old = try #require(IDResolver.mediaNotFoundMeaning(Self.media(sent: false), endpoint: endpoint, at: 1_795_258_800 + 8 * 86_400))
        #expect(old.contains("Meta no longer serves that media id: Meta serves a received media id for 7 days"), "\(old)")
        // A media id the number uploaded is served 30 days: 8 days is not past it.
        let sent = try #require(IDResolver.mediaNotFoundMeaning(Self.media(sent: true), endpoint: endpoint, at: 1_795_258_800 + 8 * 86_400))
        #expect(sent.contains("Meta serves a media id the number uploaded for 30 days, so it had not expired"), "\(sent)")
    }

    /// repro12: `whois 4444555566667777`, an image this number sent 6 minutes earlier: the call is named with the number
    /// Kapso's proxy requires, and uploaded media's 30 days, not "a 404 on it means Meta no longer serves it".
    @Test func whoisOfAnUploadedMediaIDNamesTheCallWithItsNumber() throws {
        let text = """
            {"id":"wamid.M2","timestamp":"1795261800","type":"image","to":"14155551201","image":{"id":"4444555566667777","caption":"your receipt"},
             "kapso":{"direction":"outbound","status":"delivered","phone_number_id":"100200300400501"}}
            """
        var facts = IDResolver.Facts()
        facts.mediaMessages = [try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))]
        facts.mediaSearched = true
        guard case .success(let input) = IDInput.read("4444555566667777") else {
            Issue.record("not read")
            return
        }
        let fix = IDResolver.resolve(input, typed: "4444555566667777", facts: facts).fix ?? ""
        #expect(fix.contains("GET /meta/whatsapp/v24.0/4444555566667777?phone_number_id=100200300400501 gives a download URL"), "\(fix)")
        #expect(fix.contains("a media id the number uploaded for 30 days: a 404 on that call more than 30 days after"), "\(fix)")
        #expect(!fix.contains("means Meta no longer serves it"))
    }
}
