internal import Foundation
internal import KapsoDiagnostics

/// Ids that carry or stand for a contact: WAMIDs (`<message 1>`) and business-scoped user ids (`<user 1>`),
/// aliased in first-seen order.
extension PIIMasker {
    private static let wamidCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-")

    func maskWAMIDs(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "wamid.") {
            result += rest[..<range.lowerBound]
            let tail = rest[range.upperBound...]
            let body = tail.prefix { PIIMasker.wamidCharacters.contains($0) }
            guard !body.isEmpty else {
                result += rest[range]
                rest = tail
                continue
            }
            let wamid = "wamid." + body
            let alias = messages[wamid] ?? nextAlias("message")
            messages[wamid] = alias
            result += alias
            rest = PIIMasker.realigned(tail.dropFirst(body.count), delta: alias.count - wamid.count)
        }
        return result + rest
    }

    // MARK: - Business-scoped user ids

    private static let userIDCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.")

    /// Every BSUID-shaped word (`CC.` then letters and digits, at least one digit, not inside a longer word)
    /// becomes `<user N>`, numbered in first-seen order.
    func maskUserIDs(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        var copied = 0
        while index + 3 < characters.count {
            let startsWord = index == 0 || !PIIMasker.userIDCharacters.contains(characters[index - 1])
            guard startsWord, characters[index].isUppercase, characters[index + 1].isUppercase, characters[index + 2] == "."
            else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, PIIMasker.userIDCharacters.contains(characters[end]) { end += 1 }
            var candidate = String(characters[index..<end])
            while candidate.hasSuffix(".") { candidate.removeLast() }
            guard BusinessScopedUserID.isValid(candidate), candidate.contains(where: \.isNumber) else {
                index = end
                continue
            }
            let alias = users[candidate] ?? nextAlias("user")
            users[candidate] = alias
            result += String(characters[copied..<index]) + alias
            index += candidate.count
            let rest = PIIMasker.realigned(Substring(String(characters[index...])), delta: alias.count - candidate.count)
            let skipped = characters.count - index - rest.count
            if skipped >= 0 {
                copied = index + skipped
                index = copied
            } else {
                result += String(repeating: " ", count: -skipped)
                copied = index
            }
        }
        return result + String(characters[copied...])
    }
}
