internal import KapsoDiagnostics

extension ShellError {
    /// `error` said as the transcript placeholder or masked number it is about, when `words` (a command's, its name first)
    /// hold one the lexer split (`trace <message 1>`, read as `<message` and `1>`: "unexpected argument '1>'"; `whois
    /// +44 207 ••• 0958`) and the usage error quotes one of its words (probe43 P43-13); else `error` as it is.
    static func naming(splitMaskIn words: [String], in error: any Error) -> any Error {
        guard let usage = error as? any KopsError, usage.exitStatus == .usage, let name = words.first,
            let (range, mask) = TranscriptMask.split(in: Array(words.dropFirst()))
        else { return error }
        if case .copiedMask? = error as? ShellError { return error }
        let message = usage.message
        let split = words.dropFirst()[(range.lowerBound + 1)..<(range.upperBound + 1)]
        guard split.contains(where: { message.contains("'\($0)'") || ($0.contains("•") && message.contains($0)) }) else { return error }
        return ShellError.copiedMask(command: name, mask: mask, also: nil)
    }

    /// What to do about a copied mask: where the real value is, or to put the id in the placeholder's place.
    static func maskAdvice(_ mask: TranscriptMask) -> String {
        guard mask.form != .otherPlaceholder else { return "put the id itself in its place" }
        return "the transcript does not hold the real one: ask whoever recorded it (the lines they typed are in the "
            + "FILE.md.restore kept beside it) or for a recording made with 'record --keep-pii'"
    }
}
