import KapsoClient
import KapsoDiagnostics
import Testing

/// probe41 P41-6: an AUTHENTICATION template to a business-scoped user id is refused before sending (Meta's 131062), and
/// only that: another category to the id, or the template to a number, passes this check.
@Suite struct Probe41ReadingTests {
    static func template(_ category: String) -> MessageTemplate {
        MessageTemplate(json: [
            "name": "login_code", "language": "en_US", "status": "APPROVED", "category": .string(category),
            "components": [["type": "BODY", "text": "{{1}} is your verification code."]],
        ])
    }

    @Test func anAuthenticationTemplateToAUserIDIsRefused() throws {
        let problem = try #require(TemplateCheck.userIDReach(Self.template("AUTHENTICATION"), recipient: "US.13491208655302741918"))
        #expect(problem.code == "131062")
        #expect(problem.statement.hasPrefix("the template is AUTHENTICATION and US.13491208655302741918 is a business-scoped user id"))
        #expect(TemplateCheck.userIDReach(Self.template("AUTHENTICATION"), recipient: "user.abc123") != nil)
        #expect(TemplateCheck.userIDReach(Self.template("UTILITY"), recipient: "US.13491208655302741918") == nil)
        #expect(TemplateCheck.userIDReach(Self.template("AUTHENTICATION"), recipient: "14155550100") == nil)
    }
}

/// probe41 P41-10: the Graph version a base URL ends in, and what it says at a time.
@Suite struct BaseURLGraphVersionTests {
    @Test func theVersionABaseURLEndsIn() {
        #expect(GraphVersion.ending("https://api.kapso.ai/meta/whatsapp/v16.0") == "v16.0")
        #expect(GraphVersion.ending("https://api.kapso.ai/meta/v21.0//") == "v21.0")
        #expect(GraphVersion.ending("https://api.kapso.ai/platform/v1") == nil)
        #expect(GraphVersion.ending("https://api.kapso.ai/meta/whatsapp") == nil)
        #expect(GraphVersion.ending("https://api.kapso.ai/gateway/v16.0") == nil)
        let day = KapsoTime.seconds(iso: "2026-12-03T00:00:00Z")!
        #expect(GraphVersion.baseURLNote("https://api.kapso.ai/meta/whatsapp/v16.0", source: "profile a", at: day)?
            .hasPrefix("note: the base URL (profile a) ends in Graph v16.0, a version Meta retired on 2025-05-14") == true)
        // A version served then, Kapso's own, or another path kops cuts: the path is named, with the URL kops uses and
        // what Kapso's scripts do with the URL as given (probe43 P43-10); the host alone: nothing to say.
        for path in ["/meta/whatsapp/v23.0", "/meta/whatsapp/v24.0/", "/platform/v1", "/meta/whatsapp"] {
            let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
            #expect(GraphVersion.baseURLNote("https://api.kapso.ai" + path, source: "env KAPSO_API_BASE_URL", at: day) ==
                "note: the base URL (env KAPSO_API_BASE_URL) ends in \(trimmed), which kops cuts: kops uses https://api.kapso.ai and "
                    + "adds the API's paths itself; Kapso's scripts take KAPSO_API_BASE_URL as the host only and append their "
                    + "own path (gokapso/agent-skills), so one given this URL calls https://api.kapso.ai\(trimmed)/platform/v1/… and "
                    + "is answered 404: give them https://api.kapso.ai")
        }
        #expect(GraphVersion.baseURLNote("https://api.kapso.ai", source: nil, at: day) == nil)
        #expect(GraphVersion.baseURLNote("https://api.kapso.ai/", source: nil, at: day) == nil)
        // A path before the part cut is kept, and named as what kops uses (probe43 P43-7: "its host only" was said).
        #expect(GraphVersion.baseURLNote("https://gw.example/kapso/meta/whatsapp/v16.0", source: nil, at: day)?
            .contains(": kops uses https://gw.example/kapso and adds the API's paths itself, but an integration") == true)
    }
}
