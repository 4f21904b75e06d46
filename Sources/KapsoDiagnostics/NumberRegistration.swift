public import KapsoClient

/// Two facts of a number that its health report can blur with "wait for Meta's review" (tester67 Y5): whether the number
/// is registered with the Cloud API (Graph code 133010), and where its display name's review stands (`name_status`).
///
/// - 133010, "Phone number Not Registered" (Graph's message: "Account not registered"; Meta, Cloud API error codes,
///   developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/): the number is not registered with the Cloud
///   API. Registering is one API call, not a review: "To use your business phone number with Cloud API you must register
///   it. You can only register a number via the API", `POST PHONE_NUMBER_ID/register` with `messaging_product` and, when
///   two-step verification is on, the number's 6-digit PIN (Meta, "Register a business phone number",
///   developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/registration/). Waiting for
///   a display name's review does not register a number, so a 133010 beside a PENDING status or a PENDING_REVIEW name is
///   read as not registered, never as "wait for the review".
/// - `name_status` (kapso-api.md §2.1, Meta's field on the phone number: `APPROVED`, `AVAILABLE_WITHOUT_REVIEW`,
///   `PENDING_REVIEW`, `DECLINED`, `EXPIRED`, `NONE`): "If your display name is rejected, the webhook has decision set to
///   REJECTED, and the name_status field on your business phone number is set to DECLINED. Review the display name
///   guidelines and edit your display name accordingly, or file an appeal via Developer Support" (Meta, "Display names",
///   developers.facebook.com/documentation/business-messaging/whatsapp/display-names/). A DECLINED name will not be
///   approved by waiting: a limit Meta ties to the display name lifts only after a new name (or an appeal) is approved.
public enum NumberRegistration {
    /// Meta's code for a number not registered with the Cloud API.
    public static let notRegisteredCode = "133010"

    /// True when a health report's check carries 133010: in its `error` text (`(#133010) Account not registered`) or as
    /// an entity's `error_code` under `messaging_health`.
    static func notRegistered(in checks: [(name: String, check: JSONObject)]) -> Bool {
        checks.contains { _, check in
            if let error = check["error"]?.string, mentionsCode(error) { return true }
            let entities = check["details"]?["entities"]?.array ?? []
            return entities.contains { entity in
                (entity["errors"]?.array ?? []).contains { error in
                    (error["error_code"]?.string ?? error["error_code"]?.int.map(String.init)) == notRegisteredCode
                }
            }
        }
    }

    /// True when `text` names 133010 as a code, not inside a longer number (`(#133010)`, `code 133010`).
    static func mentionsCode(_ text: String) -> Bool {
        var run = ""
        for character in text + " " {
            if character.isASCII && character.isNumber {
                run.append(character)
            } else {
                if run == notRegisteredCode { return true }
                run = ""
            }
        }
        return false
    }

    /// The cause for a number Meta answers 133010 for, e.g. `Meta answers 133010 (account not registered): the number is
    /// not registered with the Cloud API, so it sends nothing until it is; that is no review to wait for, and its display
    /// name's review (name_status PENDING_REVIEW) is a separate matter that does not register it`. `status` is the
    /// number's own state word when the report gives one (`PENDING`).
    public static func cause(status: String?, nameStatus: String?) -> String {
        let state = status.map { " (its status \($0) included)" } ?? ""
        let name = DisplayNameStatus(nameStatus).map { "; its display name's review (name_status \($0.word)) is a separate matter and does not register it" } ?? ""
        return "Meta answers \(notRegisteredCode) (account not registered): the number is not registered with the Cloud API, so it "
            + "sends nothing until it is\(state); that is no review to wait for\(name)"
    }

    /// What to do about 133010: the registration call, with where the PIN comes from.
    public static let fix = "register the number with the Cloud API: POST /PHONE_NUMBER_ID/register with messaging_product "
        + "\"whatsapp\" and the number's 6-digit two-step verification PIN (reset the PIN in WhatsApp Manager if it is lost), "
        + "or finish the number's setup through Kapso's setup link; then run 'health' again"
}

/// A number's `name_status` as Meta gives it (`APPROVED`, `PENDING_REVIEW`, `DECLINED`, …; `NumberRegistration` has the
/// sources), for the advice on a limit Meta ties to the display name.
public struct DisplayNameStatus: Sendable, Equatable {
    /// The word, upper-cased, blanks dropped.
    public var word: String

    /// Nil for a missing or blank value: not read.
    public init?(_ value: String?) {
        guard let value, case let word = value.filter({ !$0.isWhitespace }).uppercased(), !word.isEmpty else { return nil }
        self.word = word
    }

    /// The line `numbers` gives a number whose display name Meta DECLINED or whose approval EXPIRED, e.g. `display name
    /// DECLINED: Sales Line (100200300400502): Meta rejected it, and waiting will not approve it: …`; nil for any other
    /// status (tester68b N2: the list said nothing of a DECLINED name). Sources: `NumberRegistration`.
    public func listLine(name: String, id: String) -> String? {
        let what: String
        switch word {
        case "DECLINED":
            what = "Meta rejected it, and waiting will not approve it: submit a new display name that follows Meta's display "
                + "name guidelines (WhatsApp Manager, Phone numbers), or appeal through Meta's Developer Support"
        case "EXPIRED": what = "its approval expired: submit it for review again (WhatsApp Manager, Phone numbers)"
        default: return nil
        }
        return "display name \(word): \(name) (\(id)): \(what); 'health \(id)' reads whether Meta limits the number for it"
    }

    /// What to do about a limit Meta gives the display name as its reason (`LimitedMessaging`), by this status; `status`
    /// nil when the number's record was not read.
    public static func limitFix(_ status: DisplayNameStatus?) -> String {
        let meanwhile = "replies inside an open 24-hour window are not limited meanwhile"
        switch status?.word {
        case "DECLINED":
            return "Meta DECLINED the display name (name_status DECLINED), so it will not be approved by waiting and the limit "
                + "does not lift on its own: submit a new display name that follows Meta's display name guidelines (WhatsApp "
                + "Manager, Phone numbers, or Kapso's display name request), or appeal through Meta's Developer Support; "
                + meanwhile
        case "EXPIRED":
            return "the display name's approval EXPIRED (name_status EXPIRED): submit the display name for review again "
                + "(WhatsApp Manager, Phone numbers, or Kapso's display name request); " + meanwhile
        case "PENDING_REVIEW":
            return "the display name must pass Meta's review: check it in WhatsApp Manager (Phone numbers); the limit lifts "
                + "once it is approved, and " + meanwhile
        case nil:
            return "the display name must pass Meta's review: check it in WhatsApp Manager (Phone numbers); the limit lifts "
                + "once it is approved, but not if Meta DECLINED it (name_status DECLINED, not read here): then submit a new "
                + "display name; " + meanwhile
        case let word?:
            return "Meta gives the display name as the limit's reason, and Kapso's record of it says name_status \(word): "
                + "check the display name in WhatsApp Manager (Phone numbers), and submit a new one if it was declined; "
                + meanwhile
        }
    }
}
