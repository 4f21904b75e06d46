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
        // Served then, Kapso's own, or none: nothing to say.
        #expect(GraphVersion.baseURLNote("https://api.kapso.ai/meta/whatsapp/v23.0", source: nil, at: day) == nil)
        #expect(GraphVersion.baseURLNote("https://api.kapso.ai/meta/whatsapp/v24.0", source: nil, at: day) == nil)
        #expect(GraphVersion.baseURLNote("https://api.kapso.ai", source: nil, at: day) == nil)
    }
}
