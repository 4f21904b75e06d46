// MARK: - Graph error 131030 and the two forms of an Argentine or Mexican mobile

extension ContactNumber {
    /// How the number a send refused with Graph error 131030 ("Recipient phone number not in allowed list": the sender
    /// is a public test number, which reaches only its allowed list) stands to that list, for an Argentine or Mexican
    /// mobile, whose WhatsApp ID (`wa_id`, the `from` of their messages) and the number on the list differ:
    ///
    /// - Argentina (54): the `wa_id` is `549` + area code and subscriber number (10 digits); the allowed list holds
    ///   `54` + the same 10 digits, without the 9 (developers register it so: `+54 11 xxxx xxxx`), and a send to the `549`
    ///   form is refused with 131030 even when the number is on the list, while the same send to `54` + 10 digits is
    ///   delivered. The domestic form with 15 after the area code (`54 11 15 xxxx xxxx`) is neither.
    /// - Mexico (52): a `wa_id` made before the 2019 dialling change keeps the mobile 1 (`521` + 10 digits); the allowed
    ///   list holds `52` + 10 digits, and a send to the `521` form is refused with 131030.
    ///
    /// So a refused send to the `wa_id` form is fixed by sending to the listed form, and a refused send to the listed form
    /// means the number is not on the list: add it in that form. Nil for any other number.
    ///
    /// Sources (read through the search tool 2026-12-03; none is Meta's own page, which does not describe the forms):
    /// github.com/kevinrivm/vocero-crm issue 35 ("Envío con `549…`: falla con `131030`. El mismo mensaje con `54…` (sin
    /// el 9): se entrega", verified on the Cloud API 2026-08-08); github.com/chatwoot/chatwoot issues 13932 ("La
    /// allow-list de Meta en modo desarrollo compara sin el 9 (541100001111)") and 11053 (the webhook gives +549, the
    /// list waits without the 9); github.com/codigoencasa/builderbot issue 1004 (a Mexican `to` with the 1 fails,
    /// without it works) and github.com/david-lev/pywa issue 155 (131030 for Mexican numbers only). Neither Meta's
    /// error-codes page nor Kapso's docs (docs.kapso.ai, gokapso/agent-skills) say which form the list holds, so kops says
    /// "as developers report". docs/messages-trace-reply.md, "A test number's allowed list (131030)", has the rule.
    public struct AllowedListForm: Sendable, Equatable {
        /// `+54` or `+52`.
        public var country: Country
        /// The digits the send went to, e.g. `5491123456789`.
        public var sent: String
        /// The form a test number's allowed list holds: `541123456789`, `525512345678`.
        public var listed: String
        /// The form WhatsApp IDs take: `5491123456789` (Argentina); `5215512345678` (Mexico, for IDs made before 2019;
        /// newer ones are the listed form).
        public var whatsAppID: String

        public enum Country: String, Sendable, Equatable {
            case argentina = "54"
            case mexico = "52"
        }

        /// The digit that tells the forms apart: Argentina's mobile 9, Mexico's 1.
        var digit: String { country == .argentina ? "9" : "1" }
        var name: String { country == .argentina ? "Argentine" : "Mexican" }

        /// True when the send went to the listed form itself: then the number is not on the list.
        public var sentListedForm: Bool { sent == listed }

        /// What a 131030 on a send to `sent` means and what to do, for the end of a line: which form went out, which
        /// form the allowed list holds, and what to send to or add, e.g. `the send went to +5491123456789, the form
        /// WhatsApp IDs (wa_id) give this Argentine mobile (9 after +54); a test number's allowed list holds it as
        /// +541123456789, without the 9, and Meta refuses the 9 form with 131030 even when the number is listed (as
        /// developers report): send to +541123456789 (add it under API Setup in Meta's App Dashboard if it is not listed
        /// yet), or send from a registered production number`.
        public var text: String {
            let add = "under API Setup in Meta's App Dashboard"
            let production = ", or send from a registered production number"
            if sentListedForm {
                let id = country == .argentina
                    ? "its WhatsApp ID (wa_id) is +\(whatsAppID), with the 9" : "its WhatsApp ID (wa_id) may be +\(whatsAppID), with the 1"
                return "the send went to +\(sent), the form a test number's allowed list holds for this \(name) mobile (\(id)), "
                    + "so the number is not on the list: add +\(listed) \(add) and send to that form, not to the wa_id" + production
            }
            guard sent == whatsAppID else {
                return "the send went to +\(sent), this Argentine mobile in its domestic form (15 after the area code), which "
                    + "neither the allowed list nor WhatsApp IDs use; a test number's allowed list holds it as +\(listed): send "
                    + "to +\(listed) (add it \(add) if it is not listed yet)" + production
            }
            let form = country == .argentina
                ? "the form WhatsApp IDs (wa_id) give this Argentine mobile (9 after +54)"
                : "the form older WhatsApp IDs (wa_id) give this Mexican mobile (1 after +52)"
            return "the send went to +\(sent), \(form); a test number's allowed list holds it as +\(listed), without the "
                + "\(digit), and Meta refuses the \(digit) form with 131030 even when the number is listed (as developers "
                + "report): send to +\(listed) (add it \(add) if it is not listed yet)" + production
        }
    }

    /// The allowed-list reading of `digits` (a number with its country code: `5491123456789`, `541123456789`,
    /// `54111523456789`, `5215512345678`, `525512345678`); nil for other numbers, and for an Argentine 15 form that
    /// reads two ways (its area code's length unknown).
    public static func allowedListForm(_ digits: String) -> AllowedListForm? {
        guard let other = otherForm(digits) else { return nil }
        switch other.match {
        case .argentinaMobileNine:
            let nines = argentineNineForms(digits)
            guard nines.count == 1, let nine = nines.first else { return nil }
            return AllowedListForm(country: .argentina, sent: digits, listed: "54" + nine.dropFirst(3), whatsAppID: nine)
        case .mexicoMobileOne:
            let one = digits.count == 13 ? digits : other.digits
            return AllowedListForm(country: .mexico, sent: digits, listed: "52" + one.dropFirst(3), whatsAppID: one)
        case .brazilNinthDigit, .sameDigits:
            return nil
        }
    }
}

// MARK: - The number in a pasted 131030

extension PastedError {
    /// For a pasted 131030 that carries the number it was sent to (a request body's `to`, a status's `recipient_id`, a
    /// log line `… to +54 9 11 2345-6789`): its allowed-list reading when it is an Argentine or Mexican mobile, the one
    /// such number in the text; nil otherwise (no number, another country's, or two different ones).
    public var allowedListForm: ContactNumber.AllowedListForm? {
        guard code == "131030", let text = pastedText else { return nil }
        // Each run of digits, and each run of a number written with `+`, spaces, `-`, `.` and brackets.
        var candidates: [String] = []
        var run = ""
        var digits = ""
        for character in text + "\n" {
            if character.isASCII, character.isNumber {
                digits.append(character)
                run.append(character)
                continue
            }
            if !digits.isEmpty { candidates.append(digits) }
            digits = ""
            if "+ -.()".contains(character) {
                run.append(character)
            } else {
                candidates.append(run.filter(\.isNumber))
                run = ""
            }
        }
        let forms = candidates.compactMap { (12...14).contains($0.count) ? ContactNumber.allowedListForm($0) : nil }
        guard let first = forms.first, forms.allSatisfy({ $0.sent == first.sent }) else { return nil }
        return first
    }
}

// MARK: - 131030 to a contact who shares no number

extension MessageError {
    /// The fix for a 131030 on a send to the business-scoped user id `userID` (a contact with a WhatsApp username who
    /// shares no phone number, tester50 N4). A test number's allowed list holds phone numbers, each verified by code
    /// (Meta's onboarding: the test number sends "to up to 5 recipient phone numbers … you must verify each one", WhatsApp >
    /// API Setup in the App Dashboard); a send to a business-scoped user id goes in the `recipient` field, not `to`, and
    /// Meta recommends sending to phone numbers when possible (Meta, "Business-scoped user IDs",
    /// developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids). Neither says how
    /// the allowed list applies to such a send, so kops says so and names what works either way.
    static func allowedListAdvice(userID: String) -> String {
        "the send went to the business-scoped user id \(userID), not a phone number (the contact shares none, so there "
            + "is no number of theirs to add): a test number's allowed list holds phone numbers, each verified under API "
            + "Setup in Meta's App Dashboard, and Meta does not document how it applies to a send to a business-scoped "
            + "user id; send from a registered production number, or test with a phone number you can verify, added to "
            + "the list and sent to as a number"
    }
}
