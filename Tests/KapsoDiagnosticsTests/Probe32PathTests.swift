import KapsoClient
import KapsoDiagnostics
import Testing

/// probe32 P32-1: the 404 readings of a path that is the mistake. Kapso's legacy proxy prefix `/api/meta/{version}` is
/// named as the prefix (never "use v24.0", which 404s the same); a send on the platform API gets the proxy's send; an
/// encoded display number (`%2B…`) is quoted decoded, once.
@Suite struct Probe32PathTests {
    private func read(_ method: String, _ path: String, _ text: String = "Not Found") throws -> String {
        var triage = ErrorTriage()
        triage.addAPILogs([FailureGroupsTests.log(method, path, 404, key: "backend-prod", at: "2026-11-21T11:00:00Z", error: text)])
        let entry = try #require(triage.entries.first)
        let group = FailureGroups(triage.entries, numbers: IDResolverTests.numbers, webhooks: IDResolverTests.facts.webhooks)
        // `errors` (the triage's own reading) and `logs --errors` / `overview` (the groups) say the same.
        #expect(group.groups.first?.meaning == FailureGroups.meaning(of: entry, numbers: IDResolverTests.numbers, webhooks: IDResolverTests.facts.webhooks))
        return try #require(group.groups.first?.meaning)
    }

    @Test(arguments: [
        ("/api/meta/v17.0/100200300400501/messages", "/api/meta/v17.0 is Kapso's legacy proxy path"),
        ("/api/meta/v24.0/100200300400501/messages", "/api/meta/v24.0 is Kapso's legacy proxy path"),
        ("/api/meta/100200300400501/messages", "/api/meta is Kapso's legacy proxy path"),
        // tester48 F7: today's prefix under the legacy /api was "not an endpoint of the API".
        ("/api/meta/whatsapp/v24.0/100200300400501/messages", "/api/meta/whatsapp/v24.0 is Kapso's legacy proxy path"),
        ("/api/meta/whatsapp/100200300400501/messages", "/api/meta/whatsapp is Kapso's legacy proxy path"),
    ])
    func theLegacyProxyPrefixIsNamed(_ path: String, _ named: String) throws {
        let meaning = try read("POST", path)
        #expect(meaning.hasPrefix("did you mean POST /meta/whatsapp/v24.0/100200300400501/messages? \(named)"), "\(meaning)")
        #expect(meaning.contains("https://api.kapso.ai"), "\(meaning)")
        #expect(!meaning.contains("send the same call with"), "\(meaning)")
        #expect(!meaning.contains("'health"), "\(meaning)")
    }

    /// A Graph-coded answer says the call reached a proxy: the legacy path is not blamed then.
    @Test func aLegacyPathAnsweredByGraphIsNotBlamedOnItsPrefix() {
        #expect(IDResolver.nearMissMeaning(
            method: "POST", endpoint: "/api/meta/v17.0/100200300400501/messages", status: 404, text: APIRouteTests.graph404) == nil)
    }

    @Test(arguments: ["/platform/v1/phone_numbers/100200300400501/messages", "/platform/v1/whatsapp/phone_numbers/100200300400501/messages"])
    func aSendOnThePlatformAPIGetsTheProxysSend(_ path: String) throws {
        let meaning = try read("POST", path)
        #expect(meaning.hasPrefix("did you mean POST /meta/whatsapp/v24.0/100200300400501/messages? messages are sent through Kapso's Meta proxy"), "\(meaning)")
    }

    /// A GET there is a listing: the platform's filter, as before.
    @Test func aListingUnderTheNumberKeepsItsReading() {
        let meaning = IDResolver.nearMissMeaning(
            method: "GET", endpoint: "/platform/v1/whatsapp/phone_numbers/100200300400501/messages", status: 404, text: "Not Found")
        #expect(meaning?.hasPrefix("did you mean GET /platform/v1/whatsapp/messages?phone_number_id=100200300400501?") == true, "\(meaning ?? "nil")")
    }

    @Test func anEncodedDisplayNumberIsQuotedDecodedOnce() throws {
        let meaning = try read("POST", "/meta/whatsapp/v24.0/%2B14155550100/messages")
        #expect(!meaning.contains("%2B"), "\(meaning)")
        #expect(meaning.contains("+14155550100 is the display number of Support Line"), "\(meaning)")
        #expect(!meaning.contains("its phone-number id is 100200300400501; not a phone-number id"), "\(meaning)")
        #expect(meaning.contains("use 100200300400501"), "\(meaning)")
    }
}
