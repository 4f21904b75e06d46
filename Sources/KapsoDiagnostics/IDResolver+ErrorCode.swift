// MARK: - An error code where an id goes (tester61 AJ3)

extension IDResolver {
    /// A value found nowhere in the project that is an error code in kops's catalogue (`ErrorCatalog`): `131047 is a
    /// WhatsApp error code (re-engagement (24 h window closed)), not an id: 'explain 131047'`, with `explain` as the fix.
    /// Only up to 6 digits: every WhatsApp Cloud API code is (131047, 132000, 190), and no phone number with its country
    /// code is that short (E.164 numbers in use are 8 digits or more, ITU-T E.164), so a pasted code is not read as a
    /// national number missing its country code. Nil otherwise.
    static func errorCode(_ digits: String) -> (warning: String, fix: String)? {
        guard (2...6).contains(digits.count), let entry = ErrorCatalog.entry(for: digits) else { return nil }
        let explain = ShellWord.command("explain", digits)
        return ("\(digits) is a WhatsApp error code (\(entry.name)), not an id: '\(explain)'",
                "'\(explain)' says what the error means and what to do")
    }
}
