// MARK: - Graph's own codes

// Codes Graph itself answers before any WhatsApp handling, which neither Meta's WhatsApp error-codes page nor Graph's
// "Handling errors" guide (https://developers.facebook.com/docs/graph-api/guides/error-handling) lists; each entry says
// what its reading rests on (docs/error-catalogue.md).
extension ErrorCatalog {
    /// Graph's 2500, code alone: Graph answers it for two causes that only its `message` tells apart (probe37 P37-14), so
    /// the entry names both, with that check. Meta documents no page for it (neither page above lists 2500); both readings
    /// come from public reports of the answer, each with its text (`unknownPath2500`, `inactiveToken2500`).
    static let graph: [Entry] = [
        entry(
            "2500", "unknown path or inactive access token (Graph)",
            "Graph answers 2500 for two causes, told apart by its message: 'Unknown path components: /…' (the path could "
                + "not be mapped to a Graph node and edge: a version it does not serve, or a part no node has) and 'An "
                + "active access token must be used …' (no access token Graph could use reached it); the code alone "
                + "cannot tell which",
            "read Graph's message (an API log's error text, or paste the whole body to 'explain'): for unknown path "
                + "components fix the part it names; for an active access token check the number's token ('health')",
            .fixFirst, nil, http: 400,
            reference: "not on Meta's WhatsApp error-codes page nor Graph's error-handling guide; Graph's answers as "
                + "public reports quote them (OAuthException 2500, HTTP 400): arsduo/koala#611 (unknown path, a wrong "
                + "version), fbsamples/messenger-platform-samples#125 (an active access token must be used)"),
        // Graph's answer to a path whose version it no longer serves (probe46 P46-2): `errors` names the version in the path
        // (`IDResolver.deprecatedVersionMeaning`).
        entry(
            "2635", "deprecated Graph API version",
            "Graph refused the call for the Graph API version in its path (/meta/whatsapp/vNN.N/…), which Meta "
                + "deprecated; its message names the latest version ('Please update to the latest version: v24.0'); "
                + "nothing in the payload is wrong",
            "send the same call with a version Meta serves: Kapso documents its proxy at /meta/whatsapp/v24.0 "
                + "(https://docs.kapso.ai/api-reference/meta-proxy); 'errors' names the version in each failed path",
            .fixFirst, nil, title: "You are calling a deprecated version of the Graph API",
            reference: "not on Meta's WhatsApp error-codes page; Meta's Graph API reference pages list 2635 in their Error "
                + "Codes tables as 'You are calling a deprecated version of the Ads API. Please update to the latest "
                + "version.' (e.g. developers.facebook.com/docs/graph-api/reference/ad-account/campaigns/); through Kapso's "
                + "proxy Graph writes 'of the Graph API' (as kops has seen it answered, HTTP 400); versions and their end dates: Meta's Graph "
                + "API versions table, developers.facebook.com/docs/graph-api/changelog/versions"),
    ]

    /// Graph's 2500 whose message is "Unknown path components: /v99.0/100200300400501/messages" (`{"error": {"message":
    /// "Unknown path components: /…", "type": "OAuthException", "code": 2500}}`, HTTP 400): Graph could not map the path
    /// to a node and edge. Its causes come from public reports of the answer, each with the status and text: a version
    /// Graph does not serve (arsduo/koala#611: "I had the same error when I specified a wrong version of the Facebook
    /// API", `v2.80`, HTTP 400; RealmTeam/django-rest-framework-social-oauth2#180: a missing version, fixed by setting
    /// one), a mis-built send URL (filipporomani/whatsapp-python#46: `Unknown path components: /<phone_number_id>/messages`,
    /// code 2500) and a misspelled edge (huandu/facebook#116: `/me/adaccounts` mistyped).
    static let unknownPath2500 = entry(
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
            + "RealmTeam/django-rest-framework-social-oauth2#180 (no version)")

    /// Graph's 2500 whose message is "An active access token must be used to query information about the current user."
    /// (`OAuthException`, code 2500): the call reached Graph without an access token it could use, whatever its path.
    /// Public reports: fbsamples/messenger-platform-samples#125 (code 2500, this text, on a Messenger send),
    /// node-facebook/facebook-node-sdk#149 and jgorset/facepy#135 (an app token where a user token is needed),
    /// fbsamples/messenger-bot-samples#11 (the token variable never set), pitchtarget/ember-cli-facebook-js-sdk#32 ("Token
    /// should be refreshed if error code is 2500 … similiar to the error code 190"). Through Kapso's Meta proxy the token
    /// Graph sees is the number's Meta token Kapso keeps (kapso-api.md §9.5, 190: "the number's Meta access token is
    /// dead"); the caller's `X-API-Key` is Kapso's own and Kapso refuses a bad one itself (401 "Invalid API key"). So
    /// the two causes kops cannot tell apart from the row are named, each with its check.
    static let inactiveToken2500 = entry(
        "2500", "no active access token (Graph)",
        "Graph refused the call for its access token, not its path: 'An active access token must be used …' is its 2500 "
            + "when no token it could use came with the request (none, an app token, or one no longer active); through "
            + "Kapso's proxy that is the number's Meta token Kapso keeps, not the Kapso API key",
        "run 'health' for the number: a failing token or access check means its Meta token is dead: reconnect the number "
            + "(Kapso setup link or support); if every check passes, Kapso's proxy sent Graph no usable token for this "
            + "call: report it to Kapso support with the fbtrace_id; the path needs no change",
        .fixFirst, .authorization, http: 400,
        reference: "not on Meta's WhatsApp error-codes page nor Graph's error-handling guide; Graph's answer as public "
            + "reports quote it (OAuthException 2500, 'An active access token must be used …'): "
            + "fbsamples/messenger-platform-samples#125, node-facebook/facebook-node-sdk#149, jgorset/facepy#135, "
            + "fbsamples/messenger-bot-samples#11 (token never set), pitchtarget/ember-cli-facebook-js-sdk#32 (like 190)")

    /// The entry for a code as Graph's `message` beside it reads it: 2500 is the unknown path or the inactive token by
    /// its text, and stays the code-alone entry (both causes) when the text says neither; 190 whose text says the token
    /// could not be parsed is `unparsableToken190` (tester51 G14). Every other code is `entry(for:)`; nil for a code the
    /// catalogue does not know.
    public static func entry(for code: String, message: String?) -> Entry? {
        guard let entry = entry(for: code) else { return nil }
        if entry.code == "190", let message, isUnparsableToken(message) { return unparsableToken190 }
        guard entry.code == "2500", let text = message?.lowercased() else { return entry }
        if text.contains("unknown path components") { return unknownPath2500 }
        if text.contains("access token") { return inactiveToken2500 }
        return entry
    }

    /// True when Graph's text is its 2500 token answer ("An active access token must be used …"), whatever the path.
    public static func isInactiveToken2500(code: String?, message: String?) -> Bool {
        code == "2500" && entry(for: "2500", message: message)?.name == inactiveToken2500.name
    }
}
