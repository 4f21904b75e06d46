public import KapsoClient

/// What the WABA's templates say of a template send Meta refused as missing (132001), with a wrong parameter count
/// (132000), paused (132015) or disabled (132016): the concrete mismatch between the send and the templates listed now,
/// in place of the catalogue's "check the template name, the language code and its approval" (probe39 P39-3: a 132001 for
/// `order_update` in `en` while the WABA has it in `en_US`, APPROVED, and a 132000 with 2 body values for a body of one
/// variable, were both answered with the generic advice).
///
/// Meta's error codes page: 132001 "The template does not exist in the specified language or the template has not been
/// approved" ("Make sure your template has been approved and the template name and language locale are correct"); 132000
/// "The number of variable parameter values included in the request did not match the number of variable parameters
/// defined in the template" (developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes, read
/// in Kapso's mirror kapso-meta-docs/documentation `documentation/whatsapp/error-codes.mdx`). A template is one name in one
/// language: each language code is its own translation with its own status (`en` and `en_US` are two codes of Meta's
/// supported-languages list, `TemplateLanguage`), and names are matched exactly.
///
/// Without the listing (nil) there is no reading: the catalogue's hedge stands, never a guess.
public enum TemplateMismatch {
    /// The codes this reading explains.
    public static let codes: Set<String> = ["132000", "132001", "132015", "132016"]

    /// The WABA's templates as read for the reading: every page (`complete`), or the first ones when the walk stopped.
    public struct Listing: Sendable, Equatable {
        public var businessAccountID: String
        public var templates: [MessageTemplate]
        public var complete: Bool
        /// The sent name's versions on the project's other WABAs (`OtherWABA`), read when this WABA lacks the name.
        public var others: [OtherWABA]

        public init(businessAccountID: String, templates: [MessageTemplate], complete: Bool = true, others: [OtherWABA] = []) {
            self.businessAccountID = businessAccountID
            self.templates = templates
            self.complete = complete
            self.others = others
        }
    }

    /// The template a send named, from the message record: `template.name`, `template.language.code` and the components
    /// it sent (nil when the record holds no `template` object with `components`); without a `template` object, the name
    /// and language of Meta's 132001 details (`template name (order_update) does not exist in en`).
    public struct Sent: Sendable, Equatable {
        public var name: String
        public var language: String?
        public var components: [JSONValue]?

        public init(name: String, language: String?, components: [JSONValue]?) {
            self.name = name
            self.language = language
            self.components = components
        }

        /// Nil for a message that names no template.
        public init?(message: JSONObject, details: String? = nil) {
            if let template = message["template"]?.object, let name = template["name"]?.string, !name.isEmpty {
                self.init(name: name, language: template["language"]?["code"]?.string ?? template["language"]?.string,
                    components: template["components"]?.array)
                return
            }
            // `template name (NAME) does not exist in CODE`: Meta's own details name both.
            guard let details, let open = details.firstRange(of: "template name ("),
                let close = details[open.upperBound...].firstRange(of: ") does not exist in ")
            else { return nil }
            let name = String(details[open.upperBound..<close.lowerBound])
            let code = details[close.upperBound...].prefix { !$0.isWhitespace && $0 != "." && $0 != "," }
            guard !name.isEmpty else { return nil }
            self.init(name: name, language: code.isEmpty ? nil : String(code), components: nil)
        }
    }

    /// The reading of a failure with `code` of the send `sent`, from `listing`; nil for another code.
    public static func advice(code: String, sent: Sent, listing: Listing) -> String? {
        guard codes.contains(code) else { return nil }
        let versions = listing.templates.filter { $0.name == sent.name }
        let version = sent.language.map { language in versions.first { $0.language == language } }
            ?? (versions.count == 1 ? versions.first : nil)
        guard let version else { return missing(sent, code: code, versions: versions, listing: listing) }
        switch code {
        case "132000": return parameters(sent, version)
        case "132001": return status(version)
        default: return TemplatePause.advice(name: version.name, language: version.language, status: version.status)
        }
    }

    /// `order_update (en_US)`.
    static func label(_ template: MessageTemplate) -> String { "\(template.name) (\(template.language))" }

    /// A 132001 on a version the WABA lists: what its status now says.
    static func status(_ template: MessageTemplate) -> String {
        let label = label(template)
        switch template.status.uppercased() {
        case "APPROVED":
            return "\(label) is APPROVED on the WABA now, so it was not yet approved or usable when this was sent (approved or "
                + "created since): the same send should go through now"
        case "PAUSED", "DISABLED":
            return TemplatePause.advice(name: template.name, language: template.language, status: template.status) ?? ""
        case "REJECTED":
            return "\(label) is REJECTED" + (template.rejectedReason.map { " (\($0))" } ?? "") + ", so it cannot be sent: edit "
                + "it and submit it again, or send an approved template ('templates --status APPROVED')"
        case "PENDING", "IN_APPEAL":
            return "\(label) is \(template.status) (not approved yet), so it cannot be sent until Meta approves it; send an "
                + "approved template meanwhile ('templates --status APPROVED')"
        default:
            return "\(label) is \(template.status) now, not APPROVED, so it cannot be sent ('template \(template.name)' shows it)"
        }
    }

    /// The send's name or language is not on the WABA now: the same name in other language codes, a name that differs
    /// only in case or spacing, or none.
    /// Translations in the sent code's language (`en_US` for `en`) come first (tester50 N2: an `en` send was offered
    /// "es, en_US").
    static func missing(_ sent: Sent, code: String, versions: [MessageTemplate], listing: Listing) -> String {
        let language = sent.language ?? "the language sent"
        let versions = sent.language.map { code in
            versions.filter { sameBase($0.language, code) } + versions.filter { !sameBase($0.language, code) }
        } ?? versions
        if !versions.isEmpty {
            let listed = versions.map { "\($0.language) (\($0.status))" }.joined(separator: ", ")
            let approved = versions.filter { $0.status.uppercased() == "APPROVED" }.map(\.language)
            var text = "\(sent.name) exists in \(listed), not in \(language)"
            if let sentCode = sent.language, let near = versions.map(\.language).first(where: { sameBase($0, sentCode) }) {
                text += " (Meta's language codes are exact: \(sentCode) and \(near) are different translations)"
            }
            switch approved.count {
            case 0: return text + ", and none of its translations is APPROVED, so no version of it can be sent now"
            case 1: return text + ": send with language \(approved[0])" + (sent.language.map { ", or add a translation in \($0)" } ?? "")
            default:
                return text + ": send with one of its approved codes (\(approved.joined(separator: ", ")))"
                    + (sent.language.map { ", or add a translation in \($0)" } ?? "")
            }
        }
        let key = nameKey(sent.name)
        let alike = listing.templates.filter { $0.name != sent.name && nameKey($0.name) == key }
        if let first = alike.first {
            let same = alike.filter { $0.name == first.name }
            let listed = same.map { "\($0.language), \($0.status)" }.joined(separator: "; ")
            var text = "no template is named '\(sent.name)'; the WABA has '\(first.name)' (\(listed)), which differs only in "
                + "case or spacing, and template names are exact: send the name '\(first.name)'"
            if let code = sent.language, !same.contains(where: { $0.language == code }),
                let approved = same.first(where: { $0.status.uppercased() == "APPROVED" })
            {
                text += " with language \(approved.language) (it has no \(code) translation)"
            }
            return text
        }
        let other = elsewhere(sent.name, on: listing.others, notOn: listing.businessAccountID)
        guard listing.complete else {
            return "\(sent.name) is not among the first \(listing.templates.count) templates read from WABA "
                + "\(listing.businessAccountID), so kops cannot tell whether it exists: 'template \(sent.name)' looks it up"
                + (other.map { "; " + $0 } ?? "")
        }
        let absent = "WABA \(listing.businessAccountID) has no template named \(sent.name) in any language now "
            + "(\(IDResolver.plural(listing.templates.count, "template")) listed)"
        // Only a 132001 is Meta not finding the template; a 132000, 132015 or 132016 is about one it found when this was
        // sent, so "never created there" is ruled out (tester54 V20).
        let why = code == "132001" ? ": it was deleted or never created there"
            : ", though Meta found it when this was sent (\(code) is about a template it found): it was deleted since, or "
                + "this number's WABA was another then"
        guard let other else { return absent + why + "; 'templates' lists what it has" }
        // The count Meta checked, against the version in the sent language where it is now.
        let moved = listing.others.flatMap(\.templates).first { $0.name == sent.name && $0.language == sent.language }
        return absent + why + "; " + other + (code == "132000" ? moved.map { "; " + parameters(sent, $0) } ?? "" : "")
    }

    /// `en` and `en_US`: one language, two codes.
    static func sameBase(_ one: String, _ other: String) -> Bool {
        one != other && one.prefix { $0 != "_" }.lowercased() == other.prefix { $0 != "_" }.lowercased()
    }

    /// A name compared without case or spacing: `Order Update`, `order-update` and `order_update` are one key.
    static func nameKey(_ name: String) -> String {
        var key = ""
        for character in name.lowercased() {
            let mapped: Character = character.isWhitespace || character == "-" ? "_" : character
            if mapped == "_", key.last == "_" { continue }
            key.append(mapped)
        }
        return key.trimmingUnderscores
    }
}

extension String {
    fileprivate var trimmingUnderscores: String {
        guard let first = firstIndex(where: { $0 != "_" }), let last = lastIndex(where: { $0 != "_" }) else { return "" }
        return String(self[first...last])
    }
}
