internal import KapsoClient
internal import KapsoDiagnostics

extension ShellContext {
    /// `--phone-number` as typed (`messages`, `conversations`) when its digits may be a national number of the project's
    /// country (`IDResolver.uncertainContactFilter`, the rule `reply --to` and `whois` read a number without '+' by): the
    /// line that says the list is Kapso's partial match, and which `--phone-number` names one contact (probe46 P46-13).
    /// Nil for a number typed with '+' or '00' (no request is made), and for digits that read as a whole number. The
    /// project's numbers are those this session listed, else one listing, remembered.
    func uncertainContactFilter(_ typed: String) throws -> String? {
        let cleaned = IDInput.cleaned(typed)
        guard case .success(let number) = PhoneNumberText.parse(cleaned), !number.hasInternationalPrefix, number.e164 != nil
        else { return nil }
        let numbers: [PhoneNumber]
        if ids.phoneNumbersListed {
            numbers = Array(ids.phoneNumbers.values)
        } else {
            numbers = try client.allPhoneNumbers()
            ids.rememberAllNumbers(numbers)
        }
        return IDResolver.uncertainContactFilter(number, typed: cleaned, numbers: numbers)
    }

    /// The line beside an empty list filtered by part of a number (`--phone-number 1415999`, or digits that may be national):
    /// what was asked and how Kapso matches it, since "0 items" alone reads as "this contact wrote nothing" (tester52 K8).
    /// Kapso's `phone_number` filter is a partial match (kapso-api.md §7.1, §8.1) on the number as it stores it, country
    /// code first without '+' (§7.3 `kapso.phone_number`), so the digits must appear in that order in it.
    static func partialContactLine(_ digits: String, noun: String) -> String {
        "--phone-number \(digits): no \(noun) with a contact whose number contains these digits (Kapso matches part of a "
            + "number against the number as it stores it, country code first); check the digits, or give the whole number "
            + "in E.164, e.g. +14155550157"
    }
}
