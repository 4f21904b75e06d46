public import KapsoClient

/// One entry of an `errors[]` array, on a failed status or on a received message (e.g. 131051 for a
/// message type WhatsApp does not pass on): `{code, title, message, error_data: {details}}`.
///
/// Meta sends `code` as a number; some tools and proxies send a string (`"131051"`, `"#131051"`); it can
/// also be `null` or missing. An entry without a code keeps its title, message and details, and never
/// points at `explain` for a code that is not there.
public struct MessageError: Sendable, Equatable {
    /// The Graph code as digits (`131051`), Kapso's string code, or nil when the entry has none.
    public var code: String?
    public var title: String?
    public var message: String?
    /// `error_data.details`, Meta's most specific text.
    public var details: String?
    /// Graph's `is_transient` when the entry carried it (a Graph error body a relay stored; `ErrorCatalog.transient(of:)`).
    public var transient: Bool? = nil

    public init(code: String?, title: String? = nil, message: String? = nil, details: String? = nil) {
        self.code = code
        self.title = title
        self.message = message
        self.details = details
    }

    /// Reads one entry; nil only when it is not a JSON object.
    public init?(json: JSONValue) {
        guard let object = json.object else { return nil }
        let code: String?
        switch object["code"] {
        case .number(let literal)?: code = json["code"]?.int.map(String.init) ?? literal
        case .string(let text)?:
            let trimmed = text.filter { !" \t#()".contains($0) }
            code = trimmed.isEmpty ? nil : trimmed
        default: code = nil
        }
        func text(_ value: JSONValue?) -> String? { value?.string.flatMap { $0.isEmpty ? nil : $0 } }
        self.init(
            code: code ?? Self.graphCode(in: text(object["title"])) ?? Self.graphCode(in: text(object["message"])),
            title: text(object["title"]), message: text(object["message"]),
            details: text(object["error_data"]?["details"]) ?? text(object["details"]))
        transient = ErrorCatalog.transient(of: json)
    }

    /// The code of Graph's own message form, `(#131026) Message undeliverable` (the text of a Graph error's
    /// `message`, which some relays copy into an entry's title without `code`); nil for any other text, so a
    /// number elsewhere in the words is never taken for a code.
    static func graphCode(in text: String?) -> String? {
        guard let text, text.hasPrefix("(#") else { return nil }
        let digits = text.dropFirst(2).prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, text.dropFirst(2 + digits.count).first == ")" else { return nil }
        return String(digits)
    }

    /// Every entry of an `errors` value that is an array of objects; a single object (off-contract: kapso-api.md §7.3
    /// gives `errors [ {code…} ]`, but a proxy or SDK that flattens the array sends one) is read as a list of one, so a
    /// code that is there is never reported missing (probe21 P21-14); anything else gives none.
    public static func all(in errors: JSONValue?) -> [MessageError] {
        if let object = errors, object.object?.isEmpty == false { return [MessageError(json: object)].compactMap { $0 } }
        return errors?.array?.compactMap(MessageError.init(json:)) ?? []
    }

    /// The error that stands for a status or message with several `errors[]` entries: the first with a specific
    /// code, else the first with a code, else the first. Meta's generic 131000 ("Something went wrong", a failure for an unknown reason) next
    /// to a specific code is not the cause, the specific code is (Meta's error-codes page, 131000). The one rule
    /// behind "the message's code" in the verdict, the STATUS column, `errors` and the Meta webhooks rows; the
    /// other entries are detail (`others`). Nil when `errors` is empty.
    public static func primary(of errors: [MessageError]) -> MessageError? {
        errors.first { $0.code != nil && $0.code != "131000" } ?? errors.first { $0.code != nil } ?? errors.first
    }

    /// `, listed first: Meta's generic "something went wrong", so the specific code beside it is read as the cause` when
    /// `primary(of:)` is not `errors[0]` (a 131000 listed first was set aside), else empty: the one phrase that says why
    /// the lead code is not the first one, where the others are named (tester66 W8: kapso-api.md §7.3 reads a failure
    /// from `errors[0].code`, and the verdict led with the second entry unsaid). Meta's error codes page gives 131000 as
    /// "Something went wrong … Message failed to send due to an unknown error"
    /// (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/).
    public static func firstSetAside(of errors: [MessageError]) -> String {
        guard errors.first?.code == "131000", let primary = primary(of: errors), primary.code != "131000" else { return "" }
        return ", listed first: 131000 is Meta's generic \"something went wrong\", so the specific code beside it is read as the cause"
    }

    /// `errors` without `primary(of:)`, in their order: the detail after the message's code.
    public static func others(of errors: [MessageError]) -> [MessageError] {
        guard let primary = primary(of: errors), let index = errors.firstIndex(of: primary) else { return errors }
        var rest = errors
        rest.remove(at: index)
        return rest
    }

    /// ` (the same status also gave 131000 Something went wrong)`: the entries of one status's `errors[]` beside its
    /// `primary` (`others`), as an `errors` row's meaning ends with them whatever reading the row gets (probe33: a row
    /// tied to a number change or a later message lost them, while `trace` still said "(also 131000)"). Meta's
    /// `statuses[].errors` is an array, so one status can hold several (Cloud API webhooks reference, messages →
    /// status, https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components); empty for none.
    public static func alsoGave(_ others: [MessageError]) -> String {
        others.isEmpty ? "" : " (the same status also gave " + others.map(\.headline).joined(separator: ", ") + ")"
    }

    /// The catalogue's entry for the code, if there is a code and the catalogue knows it.
    public var entry: ErrorCatalog.Entry? { code.flatMap(ErrorCatalog.entry(for:)) }

    /// `131051 Message type unknown`, or for an entry without a code `no error code: Title (details)`.
    public var headline: String {
        let words = title ?? message
        guard let code else {
            let parts = [words, details.flatMap { $0 == words ? nil : $0 }].compactMap { $0 }
            return "no error code: " + (parts.isEmpty ? "the error entry is empty" : parts.joined(separator: "; "))
        }
        return words.map { "\(code) \($0)" } ?? code
    }

    /// What the error means: a 131000 whose details name a rate limit as such (`namedRateLimit`), the catalogue's meaning,
    /// else Meta's own words, else that nothing is known.
    public var meaning: String {
        if let namedRateLimit { return namedRateLimit.meaning }
        if let entry { return entry.meaning }
        if let words = details ?? message ?? title { return words }
        return code.map { "code \($0) is not in the error catalogue" } ?? "Meta gave no code, title or details"
    }

    /// What to do: `namedRateLimit`'s, the catalogue's fix, else where to look (never `explain` without a code).
    public var next: String {
        if let namedRateLimit { return namedRateLimit.fix }
        if let entry { return entry.fix }
        guard let code else { return "no code to look up; Meta's title and details above are all there is" }
        return "code \(code) is not in kops's catalogue; look it up in \(ErrorCatalog.metaReference)"
    }
}
