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

    /// The refusal's words as Kapso writes them (tester51 N1's API log).
    public static let text = "Phone number does not belong to this project"

    /// What the refusal means where only its text is at hand (`explain` of a pasted body or log line; no call, key or
    /// project to compare with): the same reading as a logged one's, without what kops can only tell from the call
    /// (tester52b K20: `explain` called the text unknown while `errors` read it).
    public static let pastedMeaning = "Kapso's refusal of the phone-number id in the call: it is none of the calling key's "
        + "project's numbers (another project's number sent with this key, or a wrong id)"

    /// The next step for `pastedMeaning`; `whois` says what names the id (`'whois ID' says what the id is`).
    public static func pastedTodo(whois: String) -> String {
        "'numbers' with the caller's key lists its project's phone-number ids, and a number of another Kapso project is "
            + "sent with that project's key; \(whois)"
    }

    /// The reading of a logged refusal of `id` (the path's phone-number id; nil when the path holds none), made with the
    /// key named `key` at `call` (Unix seconds; nil when unknown), against the project's `numbers` (empty when not read):
    /// `100200300400999 is none of this project's phone-number ids (Kapso: 'does not belong to this project'): …`. What the
    /// id is instead (a display number, a WABA id) is `IDResolver.misplacedPhoneNumberID`'s to say; this is the reading when
    /// nothing more is known. The project's own number is read by its `created_at` against the call: only a number created
    /// after the call was "connected after the call" (tester52b K13).
    public static func meaning(id: String?, key: String? = nil, numbers: [PhoneNumber] = [], call: Int64? = nil) -> String {
        let named = id ?? "the phone-number id in the path"
        // Only an id `whois` reads is advised, decoded (tester61b AK13).
        let whois = id.flatMap(APIPath.whoisArgument).map { "; '\(ShellWord.command("whois", $0))' says what it is" } ?? ""
        if let id, let number = numbers.first(where: { $0.id == id }) {
            return ownNumberMeaning(number, call: call)
        }
        let caller = key.map { "key \($0) (this project's)" } ?? "this project's key"
        return "\(named) is none of this project's phone-number ids (Kapso: 'does not belong to this project'): the caller "
            + "pairs \(caller) with another project's number, or the id is wrong; 'numbers' lists this project's "
            + "phone-number ids, and a number of another Kapso project is sent with that project's key\(whois)"
    }

    /// The refusal of the project's own `number` in a call at `call` (Unix seconds), by the number's `created_at`
    /// (kapso-api.md §2.1): created after the call, it was not the project's yet; created before, kops's data does not
    /// explain the refusal; without either time, a guess said as one.
    static func ownNumberMeaning(_ number: PhoneNumber, call: Int64?) -> String {
        let head = "Kapso refused \(number.id) as not this project's, yet it is this project's phone-number id of "
            + (number.name ?? number.id)
        let since = number.json["created_at"]?.string.flatMap(KapsoTime.seconds(iso:))
        guard let call, let since else {
            return head + " now: it may have been connected to this project after the call (kops has no time to compare); "
                + "if it repeats, ask Kapso support with the call's time"
        }
        if since > call {
            return head + " now: it was connected to this project at \(KapsoTime.iso(since)), \(since - call) s after the "
                + "call, so the call came before it was this project's; retry the call"
        }
        return head + ": it was this project's since \(KapsoTime.iso(since)) (created_at), before the call, so kops's data "
            + "does not explain the refusal; ask Kapso support with the call's time"
    }
}
