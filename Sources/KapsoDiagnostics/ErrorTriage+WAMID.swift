internal import Foundation

extension ErrorTriage {
    /// The id of a `/whatsapp/messages/{id}` path as the caller meant it (percent-encoding undone; a `wamid.` put in
    /// front of a WAMID's base64 alone), and what `WAMID.damage` reads in it; nil when it reads as a whole WAMID.
    static func damagedWAMID(_ segment: String) -> (id: String, damage: String)? {
        let decoded = segment.removingPercentEncoding ?? segment
        guard let damage = WAMID.damage(decoded) else { return nil }
        // Without `wamid.`, `damage` found the rest a WAMID's base64 part (`WAMID.withoutPrefix`): the prefix goes back on.
        let id = decoded.lowercased().hasPrefix("wamid.") ? decoded : "wamid." + decoded
        return (id, damage)
    }
}
