public import KapsoClient

/// Kapso's refusal of a phone-number id that is not the calling key's project's: a 403 `Phone number does not belong to
/// this project` on `/meta/whatsapp/v24.0/{phone_number_id}/messages` (seen in API logs: tester51 N1; the sentence is not
/// in the Kapso docs kops could search, so it is matched on its words, any status). Keys are project-scoped: every call
/// sees only that project's numbers (kapso-api.md §1.1), and the API logs hold only calls made with the project's own keys
/// (§5), so a logged refusal pairs this project's key with another project's number, or a wrong id.
public enum ProjectRefusal {
    /// True when `text` is that refusal (`does not belong to this project`, case aside).
    public static func says(_ text: String?) -> Bool {
        text?.lowercased().contains("does not belong to this project") ?? false
    }

    /// The reading of a logged refusal of `id` (the path's phone-number id; nil when the path holds none), made with the
    /// key named `key`, against the project's `numbers` (empty when not read): `100200300400999 is none of this project's
    /// phone-number ids (Kapso: 'does not belong to this project'): …`. What the id is instead (a display number, a WABA
    /// id) is `IDResolver.misplacedPhoneNumberID`'s to say; this is the reading when nothing more is known.
    public static func meaning(id: String?, key: String? = nil, numbers: [PhoneNumber] = []) -> String {
        let named = id ?? "the phone-number id in the path"
        let whois = id.map { "; '\(ShellWord.command("whois", $0))' says what it is" } ?? ""
        if let id, let number = numbers.first(where: { $0.id == id }) {
            return "Kapso refused \(id) as not this project's, yet it is this project's phone-number id of "
                + "\(number.name ?? number.id) now: it was likely connected to this project after the call; if it repeats, "
                + "ask Kapso support with the call's time"
        }
        let caller = key.map { "key \($0) (this project's)" } ?? "this project's key"
        return "\(named) is none of this project's phone-number ids (Kapso: 'does not belong to this project'): the caller "
            + "pairs \(caller) with another project's number, or the id is wrong; 'numbers' lists this project's "
            + "phone-number ids, and a number of another Kapso project is sent with that project's key\(whois)"
    }
}
