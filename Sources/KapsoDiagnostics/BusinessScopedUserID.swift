public import KapsoClient

/// A WhatsApp business-scoped user id (BSUID): how a contact who adopted a username, and shares no phone
/// number, is addressed. `US.13491208655302741918`; a parent BSUID shared across portfolios carries `ENT`:
/// `US.ENT.11815799212886844830`.
///
/// Shape: an ISO 3166 alpha-2 country code in capitals, a period, optionally `ENT.`, then 1 to 128 ASCII letters
/// and digits. Sources: Kapso's `openapi-whatsapp.yaml` (`recipient`: "Recipient BSUID or parent BSUID";
/// `WhatsappContact.business_scoped_user_id`), `openapi-platform.yaml` (`/whatsapp/contacts/{identifier}`: "BSUIDs
/// are matched verbatim, including the country prefix and period"); Meta's business-scoped user ids page and
/// 360dialog's "Usernames & BSUID" (format, parent BSUID). Read 2026-11-30; see docs/simulator-requests.md.
///
/// Meta's page also documented BSUIDs as "composed of up to 256 alphanumeric characters", with every example in
/// the form `user.9373795779eb6441c8adb2eaee5b848e7dd174ddd302d7db62142f4722d574b6` (send response `input` and
/// `user_id`, status `recipient_user_id`, inbound `from_user_id`; https://developers.facebook.com/docs/whatsapp/business-scoped-user-ids,
/// the version integrators built their test payloads on), so `user.` then 1 to 256 ASCII letters and digits is a
/// BSUID too (probe26 P26-14: `whois` and `reply --to` refused Meta's own example).
public enum BusinessScopedUserID {
    /// Whether `text` has the BSUID shape (exact: no spaces, case as sent).
    public static func isValid(_ text: String) -> Bool {
        if text.hasPrefix("user.") {
            let id = text.dropFirst(5)
            return (1...256).contains(id.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 || (parts.count == 3 && parts[1] == "ENT") else { return false }
        let country = parts[0]
        guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
        let id = parts[parts.count - 1]
        return (1...128).contains(id.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// `text` with its country code (and `ENT`) in capitals, when it is no BSUID as typed and that makes it one whose id is
    /// digits (`us.13491208655302741918` → `US.13491208655302741918`); nil otherwise. Kapso matches a BSUID "verbatim,
    /// including the country prefix and period" (`openapi-platform.yaml`, `/whatsapp/contacts/{identifier}`), so the
    /// lower-case form finds nobody (probe43 P43-14).
    public static func capitalised(_ text: String) -> String? {
        guard !isValid(text), !text.hasPrefix("user.") else { return nil }
        var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, let id = parts.last, id.count >= 10, id.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        parts[0] = parts[0].uppercased()
        if parts.count == 3 { parts[1] = parts[1].uppercased() }
        let fixed = parts.joined(separator: ".")
        return isValid(fixed) ? fixed : nil
    }

    /// Whether `text` is a parent BSUID (`CC.ENT.…`).
    public static func isParent(_ text: String) -> Bool {
        isValid(text) && text.split(separator: ".").count == 3
    }
}

// MARK: - Every id a contact has, from one record (probe28 P28-9)

/// A contact's ids on one record: the BSUID and the parent BSUID. Meta's inbound messages carry `from_parent_user_id`
/// when parent BSUIDs are on, and a send takes "the user's BSUID or parent BSUID" as `recipient` (Meta, Business-scoped
/// user IDs, https://developers.facebook.com/docs/whatsapp/business-scoped-user-ids); Kapso keeps them as
/// `from_user_id`/`from_parent_user_id` (`to_…` outbound) on the message (kapso-api.md §7.3) and
/// `business_scoped_user_id`/`parent_business_scoped_user_id` on the conversation (§8.3). A parent BSUID matched on
/// one field only was "no message in this project is from or to it" for a contact who wrote 1 h before.
extension Message {
    /// The contact's parent business-scoped user id (`from_parent_user_id` inbound, `to_parent_user_id` outbound).
    public var parentUserID: String? {
        Self.present(json[isInbound ? "from_parent_user_id" : "to_parent_user_id"]?.string)
    }

    /// Whether `id` is this message's contact's BSUID or parent BSUID.
    public func hasUserID(_ id: String) -> Bool { userID == id || parentUserID == id }
}

extension Conversation {
    /// The contact's parent business-scoped user id (`parent_business_scoped_user_id`), nil when empty.
    public var parentBusinessScopedUserID: String? {
        json["parent_business_scoped_user_id"]?.string.flatMap { $0.contains { !$0.isWhitespace } ? $0 : nil }
    }

    /// Whether `id` is this conversation's contact's BSUID or parent BSUID.
    public func hasUserID(_ id: String) -> Bool { businessScopedUserID == id || parentBusinessScopedUserID == id }
}
