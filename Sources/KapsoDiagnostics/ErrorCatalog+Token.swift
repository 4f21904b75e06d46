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
