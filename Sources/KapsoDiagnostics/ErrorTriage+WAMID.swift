internal import Foundation

extension ErrorTriage {
    /// The id of a `/whatsapp/messages/{id}` path as the caller meant it (percent-encoding undone; a `wamid.` put in
    /// front of a WAMID's base64 alone), and what `WAMID.damage` reads in it; nil when it reads as a whole WAMID.
    static func damagedWAMID(_ segment: String) -> (id: String, damage: String)? {
        // Encoded twice (`%253D` is '=' encoded twice): what `whois` says of it, and the id decoded twice for its hint
        // (tester52 H5: read once decoded, it "lost its '=' padding" or "may have been cut short").
        if isDoubleEncoded(segment), let damage = WAMID.damage(segment) {
            let once = segment.removingPercentEncoding ?? segment
            return (once.removingPercentEncoding ?? once, damage)
        }
        let decoded = segment.removingPercentEncoding ?? segment
        guard let damage = WAMID.damage(decoded) else { return nil }
        // Without `wamid.`, `damage` found the rest a WAMID's base64 part (`WAMID.withoutPrefix`): the prefix goes back on.
        // Whitespace at its ends (a line's end copied with it) is left out of the id to look up (tester48 F3).
        let bare = decoded.trimmingSpaces()
        var id = bare.lowercased().hasPrefix("wamid.") ? bare : "wamid." + bare
        // Written twice (tester48 F6): `whois` is handed the id with one.
        while id.dropFirst(6).lowercased().hasPrefix("wamid.") { id = String(id.dropFirst(6)) }
        return (id, damage)
    }

    /// Why a 404 for a well-formed WAMID written without the `=` padding its base64 needs may not mean the message is
    /// missing (tester48): Kapso serves a message by its id as stored, and Meta's WAMIDs carry their padding
    /// (`WAMID.lookups`, probe37 P37-15), e.g. `the id in the path has no '=' padding where its base64 needs one …;
    /// 'whois wamid.HBgL…MgA=' reads it with the '=' padding put back`; nil for any other id.
    static func unpaddedWAMID(_ segment: String) -> String? {
        let decoded = segment.removingPercentEncoding ?? segment
        guard !isDoubleEncoded(segment), decoded.lowercased().hasPrefix("wamid."), !decoded.hasSuffix("="), case .success(let padded) = WAMID.canonical(decoded),
            padded != decoded, WAMID.readsAsWAMID(String(padded.dropFirst(6)))
        else { return nil }
        let needed = padded.reversed().prefix { $0 == "=" }.count
        return "no message of this project has the id in the path as written: it has no '=' padding where its base64 needs "
            + (needed == 1 ? "one" : "\(needed)") + ", and Kapso finds a message by its id as stored (Meta's WAMIDs carry "
            + "their padding); '\(ShellWord.command("whois", padded))' reads it with the '=' padding put back"
    }

    /// True for a path segment holding a WAMID percent-encoded twice (`wamid.…%253D`, `%252F`: `%25` is an encoded `%`):
    /// the one rule `whois` and `message` read such an id by (`WAMID.damage`), here for a logged path (tester52 H5).
    public static func isDoubleEncoded(_ segment: String) -> Bool {
        segment.lowercased().hasPrefix("wamid.") && segment.range(of: "%25", options: .caseInsensitive) != nil
    }

    /// The id of a `/whatsapp/messages/{id}` path that `unpaddedWAMID` reads (percent-encoding undone): the id to ask
    /// `whois`' resolver about (`FailureGroups.unknownPathIDs`); nil for any other path.
    public static func unpaddedMessageID(_ endpoint: String) -> String? {
        guard let object = APIPath.objectID(in: endpoint), object.collection == "messages", unpaddedWAMID(object.id) != nil else {
            return nil
        }
        return object.id.removingPercentEncoding ?? object.id
    }

    /// The 404 of an unpadded WAMID (`unpaddedWAMID`) when `whois`' resolver found the message (`identity`: it reads
    /// the id with its `=` padding put back, `IDInput`, and names a form Kapso stored otherwise `stored as`): the message
    /// exists, so the caller's id lost its padding (tester48 notes: `errors` sent to `whois`, which found it). E.g. `no
    /// message has the id in the path as written, but the message exists as wamid.…= (an inbound text message …): the
    /// id lost its '=' padding …; send it whole, '=' written %3D in a path`. Nil when it was not found, or found as written.
    public static func unpaddedWAMID(_ segment: String, found identity: Identity?) -> String? {
        let decoded = segment.removingPercentEncoding ?? segment
        guard unpaddedWAMID(segment) != nil, let identity, identity.kind == .wamid, !identity.notFound, !identity.incomplete,
            identity.details.contains(where: { $0.label == "conversation" })
        else { return nil }
        let stored = identity.details.first { $0.label == "stored as" }.map { String($0.value.prefix { $0 != " " }) } ?? identity.input
        guard stored != decoded else { return nil }
        let opening = identity.input + " is "
        let what = identity.statement.hasPrefix(opening) ? String(identity.statement.dropFirst(opening.count)) : identity.statement
        return "no message has the id in the path as written, but the message exists as \(stored) (\(what)): the id lost its "
            + "'=' padding on the caller's side, and Kapso finds a message by its id as stored; send it whole, '=' written %3D "
            + "in a path"
    }

    /// The 404 of a `/whatsapp/messages/{id}` call whose id has more `=` than its base64 needs, when `whois`' resolver
    /// found the project's message it names without them (`identity`'s `WAMID.extraPaddingLabel` detail,
    /// `WAMID.withoutExtraPadding`): the caller's id is the mistake, not Kapso (tester56b AA9: "this project's message
    /// id … neither is the mistake … ask Kapso support", of an id read with its padding normalised away). E.g. `no message
    /// has the id in the path as written: it ends with 2 '=' where its base64 needs 1 (an '=' was added): without the
    /// extra '=' it is the message wamid.…OAA= with the contact; …`. Nil otherwise.
    public static func extraPaddingWAMID(_ segment: String, found identity: Identity?) -> String? {
        guard let identity, identity.kind == .wamid,
            let message = identity.details.first(where: { $0.label == WAMID.extraPaddingLabel })?.value
        else { return nil }
        let decoded = segment.removingPercentEncoding ?? segment
        return "no message has the id in the path as written: " + WAMID.extraPadding(decoded, message: message)
            + "; the caller added it (padding put on an id that had it, or '%3D' decoded into an id that kept its '='?): "
            + "send the id as Kapso gave it, '=' written %3D in a path"
    }

    /// Whether what `WAMID.damage` read in a path's id offers the id it stands for (`… reads as a WAMID: wamid.…`, `use
    /// wamid.…`): then `whois` of it finds the message; an id cut short or with an '=' too many offers none, and `whois`
    /// may find none (tester56b AA9: "'whois …' finds the message it stands for" of an id no message has).
    static func offersID(_ damage: String) -> Bool {
        damage.contains("wamid.")
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
