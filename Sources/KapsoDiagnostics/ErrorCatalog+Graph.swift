// MARK: - Graph's own codes

// Codes Graph itself answers before any WhatsApp handling, which neither Meta's WhatsApp error-codes page nor Graph's
// "Handling errors" guide (https://developers.facebook.com/docs/graph-api/guides/error-handling) lists; each entry says
// what its reading rests on (docs/error-catalogue.md).
extension ErrorCatalog {
    /// Graph's 2500, `{"error": {"message": "Unknown path components: /v99.0/100200300400501/messages", "type":
    /// "OAuthException", "code": 2500}}` with HTTP 400: Graph could not map the path to a node and edge. Meta documents
    /// no page for it (neither page above lists 2500); its causes come from public reports of the answer, each with the
    /// status and text: a version Graph does not serve (arsduo/koala#611: "I had the same error when I specified a wrong
    /// version of the Facebook API", `v2.80`, HTTP 400; RealmTeam/django-rest-framework-social-oauth2#180: a missing
    /// version, fixed by setting one), a mis-built send URL (filipporomani/whatsapp-python#46: `Unknown path components:
    /// /<phone_number_id>/messages`, code 2500) and a misspelled edge (huandu/facebook#116: `/me/adaccounts` mistyped).
    static let graph: [Entry] = [
        entry(
            "2500", "unknown path (Graph)",
            "the request path could not be mapped to a Graph node and edge: a Graph version it does not serve (v99.0, a "
                + "mistyped v2.80) or none, or a path part no node has (/messages/extra, a misspelled edge); the text after "
                + "'Unknown path components:' is the part it could not read; Graph answers it with HTTP 400, not 404, and it "
                + "is not about the payload",
            "fix the path: the version Kapso documents its proxy at is v24.0 (/meta/whatsapp/v24.0/…), a send is POST "
                + "/{phone-number id}/messages with nothing after it; 'errors' names the part of each failed path",
            .fixFirst, nil, title: "Unknown path components", http: 400,
            reference: "not on Meta's WhatsApp error-codes page nor Graph's error-handling guide; Graph's answer as public "
                + "reports quote it (OAuthException 2500, HTTP 400): arsduo/koala#611 (a wrong Graph version), "
                + "filipporomani/whatsapp-python#46 (a mis-built /{phone_number_id}/messages URL), "
                + "RealmTeam/django-rest-framework-social-oauth2#180 (no version)"),
    ]
}
