internal import Foundation
internal import KapsoDiagnostics

/// Words typed on command lines that look like a secret by the history file's rule (`HistoryPolicy.isTokenShaped`: a
/// credential prefix, or a long random mix of letters and digits that is no id), and the text that echoes them.
///
/// tester57 AB12: `use kx9F8e7D6c5B4a39281706f5E4d3C2b1A0zz` (an API key pasted where an id goes) was kept out of the
/// history file as "what looks like a secret" and written in clear into the transcript. The shell's redactor masks such
/// a word only by a prefix (a random mix is also an id's shape, and masking it in every result would hide evidence), so
/// the words typed are masked as `<redacted>` where they are echoed: in a transcript everywhere
/// (`TranscriptRecorder+TypedTokens`), on the terminal in error lines (`Shell.report`: fixD's leftover, `use T` showed
/// it whole). An error that cuts a long argument (`IDInput.echo`: 23 characters and `…`) showed 23 of its characters
/// in both (tester57b AC4), so a cut form is masked too: 8 or more of a word's first characters right before a `…`.
/// Left in clear: a Kapso cursor (`eyJ…` without a dot, base64 JSON the API printed, as `SecretLabels` leaves it), a
/// WAMID's base64 typed without `wamid.` and a WhatsApp group id (ids; a transcript masks them as personal data), and a
/// UUID with a defect (`UUIDShape.isNearly`: hex and dashes, no secret; its error quotes it whole for the defect).
public struct TypedTokens: Sendable {
    /// Longest first: a word that holds a shorter one is masked whole.
    private(set) var words: [String] = []

    /// The fewest first characters of a word that a cut form must show to be masked: no secret's masked form shows as
    /// many in a row (`SecretFragments`), and fewer would match ordinary text.
    static let shortestCut = 8

    /// Lines typed but not yet read for tokens (`note`): reading one lexes it again, about 155,000 instructions, which
    /// every command paid for an error line most never print (session 58: 7.75 M of the 50-read replay's 50.9 M). They
    /// are read when an error is about to be shown (`learnNoted`), in the order typed.
    private var noted: [String] = []

    /// Keeps `line` to be learned from before the next error is masked (`learnNoted`).
    mutating func note(_ line: String) { noted.append(line) }

    /// `line`, an error said before any shell runs (the start of kops), with the token-shaped words of `typed` (kops's
    /// own arguments, `KOPS_PROFILE`) and each of `secrets` (the keys kops knows) as `<redacted>`, as `Shell.report`
    /// masks what was typed at its prompt. fixA's leftover: `kops --profile TOKEN`, a key pasted in place of the
    /// profile's name, was echoed whole in "unknown profile '…'".
    public static func redacting(_ line: String, typed: [String], secrets: Set<String>) -> String {
        var tokens = TypedTokens()
        for text in typed { tokens.learn(in: text) }
        let known = secrets.filter { !$0.isEmpty && !tokens.words.contains($0) }
        if !known.isEmpty { tokens.words = (tokens.words + known).sorted { $0.count > $1.count } }
        return tokens.redacting(line)
    }

    /// Learns from the lines `note` kept, then forgets them.
    mutating func learnNoted() {
        guard !noted.isEmpty else { return }
        for line in noted { learn(in: line) }
        noted.removeAll()
    }

    /// Learns the token-shaped words of a typed `line`, but ids (see above) and those `isID` names.
    mutating func learn(in line: String, except isID: (String) -> Bool = { _ in false }) {
        let wrapped = Self.wrappedIDPieces(in: line)
        let found = HistoryPolicy.tokenShapedPieces(in: line).filter { word in
            !(word.hasPrefix("eyJ") && !word.contains(".")) && !Self.isID(word) && !isID(word) && !words.contains(word)
                && !wrapped.contains(word)
        }
        guard !found.isEmpty else { return }
        words = (words + found).sorted { $0.count > $1.count }
    }

    /// `text` with every word learned, and every cut form of one, as `<redacted>`.
    func redacting(_ text: String) -> String {
        guard !words.isEmpty else { return text }
        let whole = words.reduce(text) { text, word in
            text.contains(word) ? text.replacingOccurrences(of: word, with: "<redacted>") : text
        }
        return whole.contains("…") ? redactingCuts(whole) : whole
    }

    /// `text` with each run of `shortestCut` or more of a word's first characters that a `…` ends written `<redacted>`
    /// (the `…` with it): `'kx9F8e7D6c5B4a39281706f…'` → `'<redacted>'`.
    private func redactingCuts(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let ellipsis = rest.firstIndex(of: "…") {
            let before = rest[..<ellipsis]
            if let cut = words.lazy.compactMap({ Self.cutLength(of: $0, endingIn: before) }).max() {
                result += before.dropLast(cut) + "<redacted>"
            } else {
                result += before + "…"
            }
            rest = rest[rest.index(after: ellipsis)...]
        }
        return result + rest
    }

    /// How many of `word`'s first characters (at least `shortestCut`, fewer than all) `text` ends with, nil for none.
    private static func cutLength(of word: String, endingIn text: Substring) -> Int? {
        let longest = min(word.count - 1, text.count)
        guard longest >= shortestCut else { return nil }
        return stride(from: longest, through: shortestCut, by: -1).first { text.hasSuffix(word.prefix($0)) }
    }

    /// The pieces right after a `wamid.…` or `wacid.…` word: the rest of an id a line break split where it was shown,
    /// pasted back with a space (`wamid.HBgLMTQxNTU1NTAxN DIVAgAS…`), which kops reads whole (AA13), not a secret; the
    /// error that says so showed the repaired id with `<redacted>` in it (session 58, AA5WAMIDOneReaderTests).
    private static func wrappedIDPieces(in line: String) -> Set<String> {
        let pieces = line.split(whereSeparator: { $0.isWhitespace || "=\"'".contains($0) }).map(String.init)
        let after = zip(pieces, pieces.dropFirst()).filter { previous, _ in
            let lower = previous.lowercased()
            return lower.hasPrefix("wamid.") || lower.hasPrefix("wacid.")
        }
        return Set(after.map(\.1))
    }

    /// A WAMID's base64 without `wamid.`, a WhatsApp group id or a UUID with a defect (`4e5f…-3c4d5e6f7a8g`): ids.
    private static func isID(_ word: String) -> Bool {
        if UUIDShape.isNearly(word) { return true }
        let run = WAMID.encodedRun(Substring(word))
        if run.length == word.count, WAMID.opensWithContactNumber(run.base64) { return true }
        return IDShape.groupID(word) != nil
    }
}
