internal import KapsoDiagnostics

/// An id of a readable form given where another kind belongs, found before any request: a UUID or
/// digits given to `trace` or `message`, which take a WAMID. It reads as `plain`; the error funnel
/// (`ShellContext.explainingWrongKind`) asks the resolver what the id is and names it with the fix.
struct WrongIDForm: KopsError {
    /// The line without the resolver, e.g. `trace: invalid message id '…'; expected a WAMID starting with 'wamid.'`.
    var plain: ShellError
    /// The id as pasted (`IDInput.cleaned`).
    var id: String
    var input: IDInput
    /// The kind the command takes.
    var expected: Identity.Kind
    /// What leads the resolver's line, e.g. `--conversation` (a flag's value); nil for a command's argument.
    var label: String? = nil

    var message: String { plain.message }
    var exitStatus: ExitStatus { plain.exitStatus }
}

/// An id the resolver found to be of another kind than the command takes; the explanation names what it
/// is and the fix (`IDResolver.wrongKindLine`).
struct IDOfAnotherKind: KopsError {
    var explanation: String
    var exitStatus: ExitStatus

    var message: String { explanation }
}
