internal import KapsoDiagnostics

// MARK: - The one reading of a WAMID that cannot be read

extension IDArgument {
    /// Why `text`, taken where a WAMID goes, cannot be read, in the words `trace`, `message` and `whois` use: a field name
    /// in front of a damaged id (`IDInput.fieldNameAndDamage`), a look-alike character or a field name in front, or damage
    /// on the way (`WAMID.damage`: a line wrapped inside it, a '+' a URL made a space, a cut mark at its end, …). Nil when
    /// none applies: the caller's own wording stays. `logs search --around` and `--filter whatsapp_message_id=` read ids
    /// by it too (tester56b AA5: a wrapped id was "not base64" there, a cut one "shortened by kops's table").
    /// `cutByTable`: whether a `…` inside the text may be kops's table's (`IDInput.Problem.shortenedByTable`), whose
    /// wording the caller gives before damage.
    /// `offering`: the command that takes the id alone, offered after a field name's reading (`trace`, `--to`).
    static func wamidReason(_ text: String, cutByTable: Bool = false, offering: String? = nil) -> String? {
        if let combined = IDInput.fieldNameAndDamage(text) { return combined }
        if case .failure(let problem) = IDInput.read(text) {
            if cutByTable, problem == .shortenedByTable { return problem.reason }
            if case .tooLongObject = problem { return problem.reason }
            if let reason = IDInput.Problem.lookAlikeReason(problem) ?? problem.fieldNameReason(offering: offering) { return reason }
        }
        return WAMID.damage(IDInput.cleaned(text)).map { "it looks damaged: " + $0 }
    }
}
