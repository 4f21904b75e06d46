// MARK: - Graph's authentication subcodes

extension ErrorCatalog {
    /// Graph's authentication subcodes of code 190, by name and what they say, as Graph's "Handling errors" guide lists
    /// them (https://developers.facebook.com/docs/graph-api/guides/error-handling, "Authentication Error Subcodes"): 458
    /// App Not Installed ("the User has not logged into your app"), 459 User Checkpointed, 460 Password Changed, 463
    /// Expired ("login status or access token has expired, been revoked, or is otherwise invalid"), 464 Unconfirmed User,
    /// 467 Invalid access token ("access token has expired, been revoked, or is otherwise invalid"), 492 Invalid session
    /// (probe37 P37-7: a 458 was titled "Access token has expired").
    static let tokenSubcodes: [Int: (name: String, says: String)] = [
        458: ("App Not Installed", "the user behind the token has not logged into the app (the app was removed or never authorised)"),
        459: ("User Checkpointed", "the user behind the token must log in to Facebook to clear a checkpoint"),
        460: ("Password Changed", "the user behind the token changed their password, which ended its sessions"),
        463: ("Expired", "the token has expired"),
        464: ("Unconfirmed User", "the user behind the token has not confirmed their account"),
        467: ("Invalid access token", "the token has expired, been revoked, or is otherwise invalid"),
        492: ("Invalid session", "the user behind the token no longer has a valid session (e.g. removed from the business)"),
    ]

    /// Code 190 read with its subcode: its title and meaning are the subcode's, not "has expired" for every one; other
    /// codes and subcodes the guide does not list are `entry` as it is.
    static func withTokenSubcode(_ entry: Entry, subcode: Int?) -> Entry {
        guard entry.code == "190", let subcode, let known = tokenSubcodes[subcode] else { return entry }
        var entry = entry
        entry.name = "access token refused (subcode \(subcode): \(known.name))"
        entry.title = "\(known.name) (Graph subcode \(subcode))"
        entry.meaning = "the number's Meta access token no longer works: \(known.says)"
        entry.reference = "Graph API, Handling errors, authentication error subcodes: "
            + "https://developers.facebook.com/docs/graph-api/guides/error-handling; " + entry.reference
        return entry
    }
}

// MARK: - A token Graph cannot parse

extension ErrorCatalog {
    /// Graph's texts of a 190 for a string it could not read as an access token at all: "Invalid OAuth access token -
    /// Cannot parse access token" and "Malformed access token …" (lower-cased parts).
    static let unparsableTokenTexts = ["cannot parse access token", "malformed access token"]

    /// True when Graph's `message` says the token sent could not be parsed (`unparsableTokenTexts`).
    public static func isUnparsableToken(_ message: String) -> Bool {
        let text = message.lowercased()
        return unparsableTokenTexts.contains { text.contains($0) }
    }

    /// Graph's 190 whose text is "Cannot parse access token" or "Malformed access token" (tester51 G14: read as "the
    /// number's token no longer works; reconnect the number"). Meta's WhatsApp error-codes page titles 190 "Access token
    /// has expired" and Graph's "Handling errors" guide gives 190 without a subcode as an invalid OAuth 2.0 access token;
    /// neither lists these texts. The text itself says the string sent as the token is not one Graph can read: not a Meta
    /// access token at all, or damaged on the way, unlike an expired or revoked token ("Error validating access token",
    /// subcodes 463/467). Public reports of the answer: facebook/facebook-ios-sdk#2576 (a Limited Login token, not an `EAA…`
    /// one, sent to graph.facebook.com), Cap-go/capacitor-social-login#404 (its maintainer: 190 "Cannot parse access
    /// token" means the value is not a classic access token), facebookarchive/react-native-fbsdk#220 ("Malformed access
    /// token" for a token pasted into the query string). In a Kapso setup the string most often sent to
    /// graph.facebook.com by mistake is the Kapso API key, which Graph cannot parse: Kapso authenticates with `X-API-Key`
    /// and its proxy sends Graph the number's Meta token it keeps (kapso-api.md §1.1, §9). Through that proxy, a 190 of
    /// this text is the kept token's (Kapso's own health example quotes it for an invalid number token, as
    /// `CredentialRefusal` reads it), so a call Kapso answered (`refusedFix`) is the number's to reconnect.
    static let unparsableToken190 = entry(
        "190", "access token cannot be parsed",
        "Graph could not read the string sent as the access token as one at all: it is not a Meta access token, or it was "
            + "damaged on the way (not an expired or revoked token: those say 'Error validating access token')",
        "if the call went to graph.facebook.com: the bearer sent is the mistake, typically a Kapso API key (Graph takes a "
            + "Meta token; call https://api.kapso.ai/meta/whatsapp/v24.0/… with the X-API-Key header instead), or a malformed "
            + "Authorization header (a doubled 'Bearer', quotes, a line break, a cut copy); "
            + "reconnecting the number will not fix that; if the call went through Kapso (api.kapso.ai), the token is the "
            + "one Kapso keeps for the number: run 'health', and reconnect the number (Kapso setup link or support) if its "
            + "token check fails",
        .fixFirst, .authorization, title: "Invalid OAuth access token",
        reference: "the text of Graph's answer; Meta, WhatsApp Cloud API error codes (190): "
            + "https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes; Graph API, "
            + "Handling errors: https://developers.facebook.com/docs/graph-api/guides/error-handling; public reports: "
            + "facebook/facebook-ios-sdk#2576, Cap-go/capacitor-social-login#404, facebookarchive/react-native-fbsdk#220; "
            + "Kapso, API overview (X-API-Key): https://docs.kapso.ai/api/platform/v1/platform-api-overview",
        refusedFix: "through Kapso's proxy the token Graph could not parse is the one Kapso keeps for the number (the API "
            + "key is not sent to Graph): run 'health' for the number, and reconnect it (Kapso setup link or support)")
}
