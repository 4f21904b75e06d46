import KapsoClient
import KapsoDiagnostics
import Testing

/// tester53b U20 (and U10's `%2C`, `%25`, bare `%`): after a UUID, a tail that cannot continue it (`}`, `%7D` from a URL
/// template's `{id}}`, `.json`) was not read as one: `errors` said "no webhook of this project has the id" of the analytics
/// webhook with a `}` after it, and `whois` of the text refused it as "not a hex digit". The one stray-tail rule reads it.
@Suite struct U20UUIDTailTests {
    static let webhook = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"

    @Test(arguments: [
        ("}", "'}' after it (not part of the id)"),
        ("%7D", "'%7D' after it ('}', percent-encoded: not part of the id)"),
        ("%2C", "'%2C' after it (',', percent-encoded: not part of the id)"),
        ("%25", "'%25' after it ('%', percent-encoded: not part of the id)"),
        ("%", "'%' after it (not part of the id)"),
        (".json", "'.json' after it (not part of the id)"),
    ])
    func aTailThatCannotContinueAUUIDIsNamed(tail: String, miss: String) {
        let read = IDInput.strayTail(Self.webhook + tail)
        #expect(read?.id == Self.webhook, "\(String(describing: read))")
        #expect(read?.miss == miss, "\(String(describing: read))")
        #expect(IDInput.read(Self.webhook + tail) == IDInput.read(Self.webhook))
    }

    /// A hex digit after 36 characters may be a mistyped id, not a tail: left to the UUID shape's own reading. (A `-` after
    /// a whole UUID starts a sixth group no UUID has: a tail since tester54b W2, `W2UUIDDashTailTests`.)
    @Test(arguments: ["a", "0"])
    func aCharacterThatMayContinueTheIDIsNoTail(tail: String) {
        #expect(IDInput.strayTail(Self.webhook + tail) == nil)
    }

    @Test(arguments: ["%7D", "}", ".json"])
    func aWebhookPathWithTheTailIsReadAsTheWebhooksPath(tail: String) {
        let path = "/platform/v1/whatsapp/webhooks/\(Self.webhook)\(tail)"
        let log = FailureGroupsTests.log("GET", path, 404, key: "k", at: "2026-11-21T10:00:00Z", error: "Webhook not found")
        let meaning = FailureGroups.meaning(of: log, numbers: IDResolverTests.numbers) ?? ""
        #expect(meaning.hasPrefix("the path holds '\(tail)'"), "\(meaning)")
        #expect(meaning.contains("after /\(Self.webhook), unlike the documented route GET "), "\(meaning)")
        #expect(!meaning.contains("no webhook of this project has the id"), "\(meaning)")
    }
}
