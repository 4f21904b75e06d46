internal import KapsoClient
internal import KapsoDiagnostics

extension ShellContext {
    /// After a list filtered by `phone_number_id` came back empty: makes sure the id is one of the
    /// project's phone-number ids, because a WABA id or another project's id there gives an empty list,
    /// not an error. Throws the resolver's statement with the fix; one extra request, only when empty.
    func verifyNumberFilter(_ filters: [(String, String)], numbers known: [PhoneNumber]? = nil) throws {
        guard let id = filters.first(where: { $0.0 == "phone_number_id" })?.1 else { return }
        let numbers = try known ?? client.allPhoneNumbers()
        guard !numbers.isEmpty, let misplaced = IDResolver.misplacedPhoneNumberID(id, numbers: numbers) else { return }
        let source = session.phoneNumberID == id ? session.sources["phone_number_id"].map { " (from \($0))" } ?? "" : ""
        throw ShellError.notAPhoneNumberID(
            explanation: "the selected phone_number_id\(source) is not a phone-number id: " + misplaced.line(command: "use"))
    }
}
