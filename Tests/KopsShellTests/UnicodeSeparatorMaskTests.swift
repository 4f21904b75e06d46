import KapsoDiagnostics
import KopsShell
import Testing

/// A contact's number copied from a web page, WhatsApp Web or a spreadsheet holds no-break spaces, thin spaces or
/// no-break hyphens between its digits (probe22 P22-10): kops reads it as the number, so a masked transcript must
/// not show it in clear, in the command line or in anything that follows.
@Suite struct UnicodeSeparatorMaskTests {
    /// (name, space-like separator, dash-like separator) written between the groups of Dana's `+1 415 555 0142`.
    static let separators: [(String, String, String)] = [
        ("no-break space", "\u{00A0}", "\u{00A0}"),
        ("narrow no-break space", "\u{202F}", "\u{202F}"),
        ("thin space", "\u{2009}", "\u{2009}"),
        ("figure space", "\u{2007}", "\u{2007}"),
        ("ideographic space", "\u{3000}", "\u{3000}"),
        ("no-break hyphen", " ", "\u{2011}"),
        ("hyphen", " ", "\u{2010}"),
        ("en dash", " ", "\u{2013}"),
        ("minus sign", " ", "\u{2212}"),
        ("no-break space and no-break hyphen", "\u{00A0}", "\u{2011}"),
    ]

    @Test(arguments: separators)
    func aNumberWrittenWithUnicodeSeparatorsIsMaskedEverywhere(name: String, space: String, dash: String) async throws {
        let typed = "+1\(space)415\(space)555\(dash)0142"
        #expect(PhoneNumberText.parse(typed) == .success(PhoneNumberText(digits: "14155550142", hasInternationalPrefix: true)))
        let page = try await recordPage([
            "set on_error continue", "whois '\(typed)'", "messages --phone-number '\(typed)' --limit 1", "whois \(typed)",
        ])
        let body = page.transcript
        // The middle group is what masking hides: no run of it next to its neighbours reaches the page.
        for form in ["555\(dash)0142", "415\(space)555", "555\(space)0142", "4155550142", "14155550142", typed] {
            #expect(!body.contains(form), "\(name): the page shows '\(form)':\n\(body)")
        }
        for separator in [space, dash] where separator != " " {
            #expect(!body.contains(separator), "\(name): the copied separator reached the page:\n\(body)")
        }
        #expect(body.contains("+1 415 ••• 0142"), "\(name): \(body)")
        // Its digits anywhere on the page, with any separator between: only the masked form's 415 and 0142 remain.
        let digitsOnly = body.split(whereSeparator: { !($0.isASCII && $0.isNumber) && !PhoneNumberText.isSeparator($0) })
            .map { String($0.filter { $0.isASCII && $0.isNumber }) }
        #expect(!digitsOnly.contains { $0.contains("4155550142") || $0.contains("5550142") }, "\(name)")
    }
}
