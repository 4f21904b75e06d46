import KapsoClient
@testable import KapsoDiagnostics
import Testing

/// probe45 P45-12 (trace part): a template whose header media link Meta's servers cannot fetch failed with 131053; the
/// advice named no link although the message's `template.components` hold it. It now names the link and why, by the
/// rule `reply --template`'s note uses (`MediaLinkReach`); a link that looks fetchable is never called the cause.
@Suite struct HeaderMediaFailureTests {
    static func template(link: String, code: Int = 131053) throws -> Message {
        let text = """
            {"id":"wamid.T1","timestamp":"1795258800","type":"template","to":"447700900123",
             "template":{"name":"spring_promo","language":{"code":"en_GB"},"components":[
              {"type":"header","parameters":[{"type":"image","image":{"link":"\(link)"}}]},
              {"type":"body","parameters":[{"type":"text","text":"Dana"}]}]},
             "kapso":{"direction":"outbound","status":"failed","phone_number_id":"100200300400501","statuses":[
              {"id":"wamid.T1","status":"failed","timestamp":"1795258802","errors":[{"code":\(code),"title":"Media upload error","message":"Media upload error","error_data":{"details":"Media upload error"}}]}]}}
            """
        return try Message(json: try #require(try JSONValue.parse(Array(text.utf8)).object))
    }

    @Test(arguments: [
        ("https://localhost:3000/promo.jpg", "is on localhost (this machine), which Meta's servers cannot reach"),
        ("https://192.168.1.10/promo.jpg", "is on a private-network address (192.168.1.10), which Meta's servers cannot reach"),
        ("https://www.dropbox.com/s/abc/promo.jpg?dl=0", "is a Dropbox share page (HTML), not the file"),
        ("https://drive.google.com/file/d/1AbC/view?usp=sharing", "is a Google Drive page (HTML), not the file"),
    ])
    func anUnfetchableHeaderLinkIsNamed(link: String, why: String) throws {
        let message = try Self.template(link: link)
        let send = FailedSend(message: message.json)
        #expect(send.headerMediaLink == link)
        let error = try #require(StatusHistory(message: message).failures.first?.errors.first)
        let fix = error.fix(for: send)
        #expect(fix.hasPrefix("the template's header media link \(link) \(why)"), "\(fix)")
        let verdict = MessageVerdict.of(message, windowAtSend: nil, now: 1_795_262_400)
        #expect(verdict.text.contains("header media link \(link)"), "\(verdict.text)")
        // The same rule as the note before a send.
        #expect(TemplateCheck.headerMediaNote(link) != nil)
    }

    @Test func aFetchableLookingLinkIsNamedButNotBlamed() throws {
        let link = "https://cdn.example.com/promo.jpg"
        let message = try Self.template(link: link)
        let error = try #require(StatusHistory(message: message).failures.first?.errors.first)
        let fix = error.fix(for: FailedSend(message: message.json))
        #expect(fix.contains(link) && fix.contains("kops sees nothing wrong with the link"), "\(fix)")
        #expect(fix.contains("curl -sI"))
        #expect(!fix.contains("cannot reach") && !fix.contains("likely cause"))
        #expect(TemplateCheck.headerMediaNote(link) == nil)
    }

    @Test func anotherCodeOrAHeaderByMediaIDGetsNoLinkAdvice() throws {
        let other = try Self.template(link: "https://localhost:3000/promo.jpg", code: 131026)
        let error = try #require(StatusHistory(message: other).failures.first?.errors.first)
        #expect(!error.fix(for: FailedSend(message: other.json)).contains("header media link"))
        var json = try Self.template(link: "x").json
        json["template"] = .object(["name": "spring_promo", "components": [["type": "header", "parameters": [["type": "image", "image": ["id": "4444555566667777"]]]]]])
        #expect(FailedSend(message: json).headerMediaLink == nil)
    }
}
