/// A send's `to` written without `+` and without the country calling code (`4155550402`, `(415) 555-0402`): Meta
/// prepends the sending number's calling code, so the statuses of such a send name the whole number (`14155550402`).
///
/// Meta, "WhatsApp user phone number formats" (the send-messages guide, developers.facebook.com/docs/whatsapp/cloud-api/
/// guides/send-messages; read through the search tool 2026-12-07): "If the plus sign is omitted, your business phone
/// number's country calling code is prepended to the customer's phone number." Its example: from a +91 number,
/// `(631) 555-1234` goes to `+916315551234`. A status whose `recipient_id` is that whole number is the contact's, not
/// another recipient's (tester67 Y3: "read (other recipient)" for a send to `4155550402` read by `14155550402`).
extension ContactNumber {
    /// The calling code (`1`) Meta prepended to `to` when `recipient` (a status's `recipient_id`, digits) is `to` with the
    /// sending number's code before it: `to` has no `+`, is `recipient` without its code (`isNationalForm`), and
    /// `sender` (the business number's digits, `display_phone_number_normalized`) has that same code. Nil otherwise, and
    /// when `sender` is not known (`prependableCode` says what may be).
    public static func prependedCode(to: String, recipient: String, sender: String?) -> String? {
        guard let sender, let code = prependableCode(to: to, recipient: recipient),
            CountryCallingCode.code(of: sender.filter { $0.isASCII && $0.isNumber }) == code
        else { return nil }
        return code
    }

    /// The calling code of `recipient` when it is `to` (no `+`) with that code prepended, whatever the sending number:
    /// what a status names if the sender has that code. Nil when `to` has a `+`, or is not `recipient`'s national form.
    public static func prependableCode(to: String, recipient: String) -> String? {
        guard !to.hasPrefix("+"), !to.hasPrefix("00"), isNationalForm(to, of: recipient) else { return nil }
        return CountryCallingCode.code(of: recipient.filter { $0.isASCII && $0.isNumber })
    }

    /// `sent to 4155550402, without + and country code: Meta prepends the sending number's calling code (+1), so it went
    /// to +14155550402, whom the statuses name; send E.164 with + (+14155550402) so a number is never read in the
    /// sender's country by mistake`: the note beside a verdict or status line that took such statuses as the contact's.
    public static func prependedNote(to: String, recipient: String, code: String) -> String {
        let whole = "+" + recipient.filter { $0.isASCII && $0.isNumber }
        return "sent to \(to), without + and country code: Meta prepends the sending number's calling code (+\(code)), so it "
            + "went to \(whole), whom the statuses name; send E.164 with + (\(whole)) so a number is never read in the "
            + "sender's country by mistake"
    }

    /// `, or the contact's if the sending number's calling code is +1 (Meta prepends it to a number sent without +)`
    /// beside "they may be another recipient's" when `recipient` is `to` with a code before it and the sending number was
    /// not read; empty otherwise.
    public static func prependableHedge(to: String, recipients: [String]) -> String {
        guard let first = recipients.first, let code = prependableCode(to: to, recipient: first),
            recipients.allSatisfy({ prependableCode(to: to, recipient: $0) == code })
        else { return "" }
        return ", or the contact's if the sending number's calling code is +\(code) (Meta prepends it to a number sent without +)"
    }
}
