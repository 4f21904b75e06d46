import KapsoClient
import KapsoDiagnostics
import Testing

/// A 404 on a documented Meta-proxy route whose id is this project's WABA, and Kapso's "WhatsApp configuration not
/// found" on a route of the project's number or WABA (docs.kapso.ai/api-reference/meta-proxy: with X-API-Key the
/// configuration is resolved from the id in the URL): the id and the route are right (probe26 P26-15). The same reading
/// serves kops's own calls and logged ones.
@Suite struct ProxyRouteMeaningTests {
    @Test func aWABARoutes404WithTheProjectsWABAIsNotThePathsFault() throws {
        let meaning = try #require(IDResolver.documentedRouteMeaning(
            "/meta/whatsapp/v24.0/200300400500601/message_templates?limit=100", numbers: IDResolverTests.numbers, webhooks: [],
            text: "(#100) Unsupported get request. Object with ID '200300400500601' does not exist"))
        #expect(meaning.hasPrefix(
            "200300400500601 is this project's WABA id (of Sales Line and Support Line) and /200300400500601/message_templates "
                + "is a documented proxy route, so neither is the mistake"), "\(meaning)")
        #expect(meaning.hasSuffix("'health 100200300400502' checks the number's access and token"), "\(meaning)")
        // A WABA id the project does not have is not read so.
        #expect(IDResolver.documentedRouteMeaning(
            "/meta/whatsapp/v24.0/999300400500601/message_templates", numbers: IDResolverTests.numbers, webhooks: []) == nil)
    }

    /// probe41 P41-6: Graph answers "Object with ID … does not exist" (#100, subcode 33) with a 400 as well as a 404; the
    /// line names the status the caller got, never "the 404" after "HTTP 400". The same reading reaches `reply` and `errors`.
    @Test(arguments: [
        ("/meta/whatsapp/v24.0/100200300400501/messages", 400, "so neither is the mistake: the 400 answer says the number could not be reached"),
        ("/meta/whatsapp/v24.0/100200300400501/messages", 404, "so neither is the mistake: the 404 says the number could not be reached"),
        ("/meta/whatsapp/v24.0/100200300400501", 400, "so neither is the mistake: the 400 answer says the number could not be reached"),
        ("/meta/whatsapp/v24.0/200300400500601/message_templates", 400, "so neither is the mistake: the 400 answer says the WABA could not"),
    ])
    func theStatusNamedIsTheOneTheCallGot(path: String, status: Int, says: String) throws {
        let text = "Unsupported post request. Object with ID '100200300400501' does not exist, cannot be loaded due to missing permissions"
        let meaning = try #require(IDResolver.documentedRouteMeaning(
            path, numbers: IDResolverTests.numbers, webhooks: [], text: text, status: status))
        #expect(meaning.contains(says), "\(meaning)")
        let served = try #require(IDResolver.pathNotServed(path, numbers: IDResolverTests.numbers, webhooks: [], text: text, status: status))
        #expect(served == meaning)
    }

    @Test(arguments: [
        ("/meta/whatsapp/v24.0/100200300400501/messages", "100200300400501, this project's phone-number id of Support Line,",
         "'health 100200300400501'"),
        ("/meta/whatsapp/v24.0/200300400500601/message_templates", "200300400500601, this project's WABA id (of Sales Line and Support Line),",
         "'health 100200300400502'"),
    ])
    func configurationNotFoundIsKapsosRecordOfTheNumber(path: String, id: String, health: String) throws {
        let meaning = try #require(IDResolver.documentedRouteMeaning(
            path, numbers: IDResolverTests.numbers, webhooks: [], text: "WhatsApp configuration not found"))
        #expect(meaning.hasPrefix("Kapso found no WhatsApp configuration for \(id) which it resolves from the id in the path"), "\(meaning)")
        #expect(meaning.contains(health + " its connection; if both look fine, ask Kapso support"), "\(meaning)")
    }
}
