internal import Foundation

// MARK: - A bearer token in a handler's answer

extension Redactor {
    /// `text` with the credential after each `Bearer` scheme word (any case, a whole word, then spaces) replaced by
    /// `<redacted>` when it reads as a token: `Bearer sk_live_HANDLERKEY` → `Bearer <redacted>` (RFC 9110 §11.4: the
    /// `credentials` of an `Authorization` header, pasted without the header's name). A token has a digit, a mix of
    /// cases inside it, or one of `_-./+=~`, or 20 characters or more; a word does not, so prose stays (`the bearer of
    /// the number`, `Invalid bearer credentials`). The shaped-credential rule (`StrongSecretLabels.bareSchemes`) masks
    /// only a key-like word there, and `sk_live_HANDLERKEY` (capitals, no digit) was none. Used on a forwarding
    /// handler's answer, a short text pasted into tickets (tester62 AL3), not on every printed text.
    static func maskBearer(_ text: String) -> String {
        guard text.utf8.count >= 8, text.range(of: "bearer ", options: .caseInsensitive) != nil else { return text }
        let characters = Array(text)
        func isWord(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || character == "_" || character == "-"
        }
        var result: [Character] = []
        var index = 0
        while index < characters.count {
            let end = index + 7
            guard end <= characters.count, index == 0 || !isWord(characters[index - 1]),
                String(characters[index..<end]).lowercased() == "bearer "
            else {
                result.append(characters[index])
                index += 1
                continue
            }
            var start = end
            while start < characters.count, characters[start] == " " { start += 1 }
            var stop = start
            while stop < characters.count, !characters[stop].isWhitespace, !"\"',;}".contains(characters[stop]) { stop += 1 }
            let token = characters[start..<stop]
            result.append(contentsOf: characters[index..<start])
            result.append(contentsOf: isToken(token) ? Array("<redacted>") : Array(token))
            index = stop
        }
        return String(result)
    }

    /// True for a credential's characters after `Bearer` (`maskBearer`); false for a word and for kops's own mask.
    private static func isToken(_ token: ArraySlice<Character>) -> Bool {
        guard !token.isEmpty, !token.starts(with: "<redacted>") else { return false }
        if token.count >= 20 { return true }
        var sawLower = false
        for (offset, character) in token.enumerated() {
            if character.isNumber || "_-./+=~".contains(character) { return true }
            if character.isLowercase { sawLower = true }
            if offset > 0, character.isUppercase, sawLower { return true }
        }
        return false
    }
}
