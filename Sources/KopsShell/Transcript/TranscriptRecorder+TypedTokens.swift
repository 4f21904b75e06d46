internal import Foundation
internal import KapsoDiagnostics

/// Words typed on a recorded line that look like a secret by the history file's rule (`HistoryPolicy.isTokenShaped`:
/// a credential prefix, or a long random mix of letters and digits that is no id).
///
/// The history file kept `use kx9F8e7D6c5B4a39281706f5E4d3C2b1A0zz` (an API key pasted where an id goes) out as "what
/// looks like a secret", while the transcript, the file made for a ticket, wrote it in clear on the prompt line and in
/// the error that echoed it (tester57 AB12). The shell's redactor masks such a word only by a prefix (a random mix is
/// also an id's shape, and masking it on the terminal would hide evidence), so the recorder masks the words it was typed
/// as, as `<redacted>`, on every line it writes after: prompt lines, output, errors and the restore file. A line that
/// shows one is not replayed by `kops check` (`TranscriptChecker.redactedValues`). A Kapso cursor (`eyJ…` without a
/// dot: base64 JSON the API printed, `logs search --cursor`) is no secret and stays, as `SecretLabels` leaves it; so
/// does an id the masker writes as its placeholder (`isMaskedID`).
extension TranscriptRecorder {
    /// Learns the token-shaped words of a typed `line`.
    func learnTypedTokens(in line: String) {
        let found = HistoryPolicy.tokenShapedPieces(in: line).filter { word in
            !(word.hasPrefix("eyJ") && !word.contains(".")) && !isMaskedID(word) && !typedTokens.contains(word)
        }
        guard !found.isEmpty else { return }
        // Longest first: a word that holds a shorter one is masked whole.
        typedTokens = (typedTokens + found).sorted { $0.count > $1.count }
    }

    /// True for an id whose shape or key the masker masks as personal data (`PIIMasker+IDs`): a WAMID's base64 without
    /// `wamid.` (`<base64 of message 1>`), a WhatsApp group id (`<group 1>`), a click id learned by its key. Its
    /// placeholder stands for it on the page and the restore file keeps it for `kops check`, as for any masked id.
    private func isMaskedID(_ word: String) -> Bool {
        let run = WAMID.encodedRun(Substring(word))
        if run.length == word.count, WAMID.opensWithContactNumber(run.base64) { return true }
        return IDShape.groupID(word) != nil || masker?.kindIDs[word] != nil
    }

    /// `text` with every typed token-shaped word (`typedTokens`) as `<redacted>`.
    func redactingTypedTokens(_ text: String) -> String {
        typedTokens.reduce(text) { text, word in
            text.contains(word) ? text.replacingOccurrences(of: word, with: "<redacted>") : text
        }
    }
}
