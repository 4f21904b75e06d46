internal import KapsoClient
internal import KapsoDiagnostics

extension KapsoAPIError {
    /// A 404 for a phone-number id that is something else in the project (a WABA id, Kapso's id, a
    /// display number) becomes a statement of what it is with the fix, `command` as the verb:
    /// `200300400500601 is the WABA id of 2 numbers, not a phone-number id; pick one: use … or use …`.
    /// Any other error comes back unchanged.
    func explainingMisplacedID(command: String) -> any Error {
        guard case .phoneNumberNotFound(let id, let known) = self,
            let misplaced = IDResolver.misplacedPhoneNumberID(id, numbers: known), misplaced.kind != .unknown
        else { return self }
        return ShellError.notAPhoneNumberID(explanation: misplaced.line(command: command))
    }
}
