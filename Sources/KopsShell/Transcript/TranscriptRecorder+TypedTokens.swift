/// Words typed on a recorded line that look like a secret (`TypedTokens`), masked as `<redacted>` on every line the
/// recorder writes after: prompt lines, output, errors and the restore file (tester57 AB12). A line that shows one is not
/// replayed by `kops check` (`TranscriptChecker.redactedValues`). An id the masker writes as its placeholder (a click id
/// learned by its key) stays for the masker: its placeholder stands for it on the page, and the restore file keeps it.
extension TranscriptRecorder {
    /// Learns the token-shaped words of a typed `line`.
    func learnTypedTokens(in line: String) {
        typedTokens.learn(in: line) { [masker] in masker?.kindIDs[$0] != nil }
    }

    /// `text` with every typed token-shaped word, and every cut form of one, as `<redacted>`.
    func redactingTypedTokens(_ text: String) -> String {
        typedTokens.redacting(text)
    }
}
