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
}
