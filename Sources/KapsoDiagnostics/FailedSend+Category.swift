public import KapsoClient

// MARK: - The template category behind the marketing-only codes

/// The codes Meta documents for marketing templates only: 131049 ("This message was not delivered to maintain healthy
/// ecosystem engagement": marketing's per-user limit, and the US pause since 1 Apr 2025), 131050 ("User has stopped
/// receipt of marketing messages") and 130472 ("User's number is part of an experiment": Meta's marketing message
/// experiment). Source: Meta, WhatsApp Cloud API error codes
/// (developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes).
///
/// What such a code means for a send depends on the template's category, and Kapso's record of a send often names none
/// (tester49 F1: a 131049 on `order_update`, UTILITY in the WABA's own list, was told "Meta does not deliver marketing
/// templates to US numbers … send a utility or authentication template"). The category is read from Meta's pricing,
/// else Kapso's record, else the WABA's template list now (`listedCategory`); with none of them, the advice is said for
/// each category it could be, never as a marketing template's.
extension FailedSend {
    public static let marketingOnlyCodes: Set = ["131049", "131050", "130472"]

    /// True for a template send whose category nothing read names (no pricing, no record, not in the WABA's list).
    var categoryUnknown: Bool { isTemplate == true && sentCategory == nil }

    /// Sets `listedCategory` from the WABA's templates: the one of the send's name and language, or of its name when the
    /// language is not recorded or not listed and every listed language of that name has one category. Unchanged when
    /// the name is not listed (the category stays unknown).
    public mutating func readCategory(from listing: TemplateMismatch.Listing?) {
        guard let listing, let name = templateName else { return }
        let named = listing.templates.filter { $0.name == name && $0.category != "UNKNOWN" }
        let categories = Set(named.map(\.category))
        let chosen = named.first { $0.language == templateLanguage }?.category ?? (categories.count == 1 ? categories.first : nil)
        if let chosen { listedCategory = chosen.lowercased() }
    }

    /// How the send's category is known, for a category that is not marketing: `the send went out as utility (Meta priced
    /// it so on its status)`, or `order_update is utility in the WABA's template list now (what it was when sent is not
    /// recorded)`; nil when the send's category is marketing or unknown.
    var notMarketingWords: String? {
        guard let sent = notMarketing else { return nil }
        if pricedCategory == nil, templateCategory == nil, let name = templateName {
            return "\(name) is \(sent.name) in the WABA's template list now (what it was when sent is not recorded)"
        }
        return "the send went out as \(sent.name) (\(sent.source))"
    }

    /// `'template order_update'`, or `'template NAME'` when the send names no template.
    var templateCommand: String { templateName.map { "'" + ShellWord.command("template", $0) + "'" } ?? "'template NAME'" }

    /// The advice for a marketing-only code (`marketingOnlyCodes`) on a template that was not sent as marketing, or whose
    /// category is unknown; nil otherwise (the catalogue's or the code's own advice stands). `marketing` is the code's
    /// advice for a marketing template, said as conditional when the category is unknown.
    func marketingOnlyAdvice(code: String?, marketing: String) -> String? {
        guard let code, Self.marketingOnlyCodes.contains(code), isTemplate == true else { return nil }
        let ticket = "open a Meta Direct Support ticket with the WAMID; do not resend in a loop"
        if let words = notMarketingWords {
            // Read from the list now: the category then is what is unknown, not the category now.
            let check = pricedCategory == nil && templateCategory == nil
                ? "Meta may have treated this send as marketing (a status's pricing category, when Meta sends one, says what it was "
                    + "charged as); if nothing says so, " + ticket
                : "check the template's category now (\(templateCommand)); if Meta moved it to marketing, marketing's limits apply "
                    + "to it; if not, " + ticket
            return "\(words), yet Meta answered \(code), which it documents for marketing only: " + check
        }
        guard categoryUnknown else { return nil }
        let name = templateName ?? "the template"
        return "the template's category is not recorded with the send (\(templateCommand) shows it): if \(name) is a marketing "
            + "template, \(marketing); if it is utility or authentication, Meta documents \(code) for marketing only: " + ticket
    }
}

extension FailedSend {
    /// True for an outbound template `message` that failed with a marketing-only code (`marketingOnlyCodes`) and whose
    /// category neither its pricing nor Kapso's record names: the WABA's template list is worth reading for it. `history`
    /// is the message's `StatusHistory` when the caller has read it.
    public static func needsListedCategory(_ message: Message, history: StatusHistory? = nil) -> Bool {
        guard message.isOutbound, message.type == "template" else { return false }
        let history = history ?? StatusHistory(message: message)
        let codes = (MessageError.ofFailure(message.json, history: history) + history.failures.flatMap(\.errors)).compactMap(\.code)
        return codes.contains(where: marketingOnlyCodes.contains) && FailedSend(message: message.json).sentCategory == nil
    }

    /// `FailedSend(message:)` with the category the WABA's template list names (`readCategory(from:)`).
    public init(message: JSONObject, listing: TemplateMismatch.Listing?) {
        self.init(message: message)
        readCategory(from: listing)
    }
}
