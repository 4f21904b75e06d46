internal import Foundation

extension ErrorTriage {
    /// The id of a `/whatsapp/messages/{id}` path as the caller meant it (percent-encoding undone; a `wamid.` put in
    /// front of a WAMID's base64 alone), and what `WAMID.damage` reads in it; nil when it reads as a whole WAMID.
    static func damagedWAMID(_ segment: String) -> (id: String, damage: String)? {
        let decoded = segment.removingPercentEncoding ?? segment
        guard let damage = WAMID.damage(decoded) else { return nil }
        // Without `wamid.`, `damage` found the rest a WAMID's base64 part (`WAMID.withoutPrefix`): the prefix goes back on.
        // Whitespace at its ends (a line's end copied with it) is left out of the id to look up (tester48 F3).
        let bare = String(decoded.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        let id = bare.lowercased().hasPrefix("wamid.") ? bare : "wamid." + bare
        return (id, damage)
    }

    /// Why a `wamid.` id is no WAMID Meta gives when it is too short to be one (`wamid.ID`, `wamid.NOPE`: Meta's run to
    /// about 60 characters, their base64 part never under 20), e.g. `'wamid.ID' is too short to be a WAMID: a test value
    /// or a placeholder?`; nil for any other id (tester47 F4).
    static func shortWAMID(_ segment: String) -> String? {
        let decoded = segment.removingPercentEncoding ?? segment
        guard decoded.lowercased().hasPrefix("wamid."), decoded.count - 6 < 20 else { return nil }
        return "'\(decoded)' is too short to be a WAMID: a test value or a placeholder?"
    }
}
