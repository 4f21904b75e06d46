internal import Foundation
internal import KapsoDiagnostics

/// Ids that carry or stand for a contact: WAMIDs (`<message 1>`), business-scoped user ids (`<user 1>`), WhatsApp
/// group ids (`<group 1>`) and Click-to-WhatsApp click ids (`<ad click 1>`), aliased in first-seen order.
extension PIIMasker {
    /// Every WAMID in `text` as its alias, however it is written (F4, tester48: a WAMID's base64 opens with the contact's
    /// number, `HBgLMTQxNTU1NTAxNzEV` → `14155550171`):
    /// - `wamid.` and the id's characters (`WAMID.` too; `WAMID.encodedRun`): `<message N>`; a prefix written twice keeps
    ///   the extra one (`wamid.<message N>`), so the mistake stays visible;
    /// - the base64 alone, wherever it is (a path, an error's echo, a typed line), when it opens with a contact's number
    ///   (`WAMID.opensWithContactNumber`): `<base64 of message N>`;
    /// - percent-encoded (`%2B`, `%253D`): the same message as the id written plainly.
    ///
    /// An id cut short with `…` after it is the message whose id it starts, the one seen last of those, when there is one.
    func maskWAMIDs(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        var copied = rest.startIndex
        var index = rest.startIndex
        while index < rest.endIndex {
            let first = rest[index]
            guard first == "w" || first == "W" || first == "H" else {
                index = rest.index(after: index)
                continue
            }
            let here = rest[index...]
            var start = index
            var bodyStart = index
            var prefixed = false
            while here[bodyStart...].prefix(6).lowercased() == "wamid." {
                prefixed = true
                start = bodyStart
                bodyStart = here.index(bodyStart, offsetBy: 6)
            }
            guard prefixed || first == "H" else {
                index = rest.index(after: index)
                continue
            }
            let run = WAMID.encodedRun(rest[bodyStart...])
            let isWAMID = run.length > 0 && (prefixed || WAMID.opensWithContactNumber(run.base64))
            // Glued to text before it too (`…/messages%2FHBgL…`, `xHBgL…`): from `HBg` on, the base64 decodes alone.
            guard isWAMID else {
                index = prefixed ? bodyStart : rest.index(after: index)
                continue
            }
            let end = rest.index(bodyStart, offsetBy: run.length)
            let cut = rest[end...].hasPrefix("…")
            let key = messageKey(run.base64, cut: cut)
            let alias = messages[key] ?? newAlias("message", key: key)
            if messages[key] == nil {
                messages[key] = alias
                messageOrder.append(key)
            }
            let shown = prefixed ? alias : "<base64 of " + alias.dropFirst()
            let written = rest[start..<end]
            result += rest[copied..<start] + shown
            rest = PIIMasker.realigned(rest[end...], delta: shown.count - written.count)
            copied = rest.startIndex
            index = rest.startIndex
        }
        return result + rest[copied...]
    }

    /// The key a message's alias is kept under: the id's base64 (escapes undone); for one cut short, the base64 of the
    /// id seen last that starts with it, when there is one.
    private func messageKey(_ base64: String, cut: Bool) -> String {
        guard cut, messages[base64] == nil, let whole = messageOrder.last(where: { $0.hasPrefix(base64) }) else { return base64 }
        return whole
    }

    // MARK: - Business-scoped user ids

    private static let userIDCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.")

    /// Every BSUID-shaped word (`CC.` or `user.` then letters and digits, at least one digit, not inside a longer word)
    /// becomes `<user N>`, numbered in first-seen order.
    func maskUserIDs(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        var copied = 0
        while index + 3 < characters.count {
            let startsWord = index == 0 || !PIIMasker.userIDCharacters.contains(characters[index - 1])
            // Meta's other documented spelling, `user.<hex>` (BusinessScopedUserID), is masked the same way.
            let country = characters[index].isUppercase && characters[index + 1].isUppercase && characters[index + 2] == "."
            let user = index + 5 < characters.count && String(characters[index..<index + 5]) == "user."
            guard startsWord, country || user
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
            let alias = users[candidate] ?? newAlias("user", key: candidate)
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

    // MARK: - Group ids and click ids

    /// The base64 of `capi_group:` as it starts a group id (`Y2FwaV9ncm91cD…`, `IDShape.groupID`).
    static let groupIDStart = "Y2FwaV9ncm91cD"
    private static let base64Characters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-")
    private static let decodedGroupCharacters = Set("capi_group:0123456789")

    /// Group ids and click ids as `<group N>` / `<ad click N>`: those learned by key (`kindIDs`) and any group id by its
    /// shape (typed into `whois`, quoted in an error), with its decoded form `capi_group:…` as the same group.
    func maskKindIDs(_ text: String) -> String {
        var result = text
        if result.contains(PIIMasker.groupIDStart) {
            result = PIIMasker.replacingTokens(startingWith: PIIMasker.groupIDStart, of: PIIMasker.base64Characters, in: result) {
                guard let decoded = IDShape.groupID($0) else { return nil }
                self.decodedGroups[decoded] = self.decodedGroups[decoded] ?? $0
                return self.alias(for: $0, prefix: "group")
            }
        }
        if result.contains("capi_group:") {
            result = PIIMasker.replacingTokens(startingWith: "capi_group:", of: PIIMasker.decodedGroupCharacters, in: result) {
                self.alias(for: self.decodedGroups[$0] ?? $0, prefix: "group")
            }
        }
        for (value, kind) in kindIDs.sorted(by: { $0.key.count > $1.key.count }) where result.contains(value) {
            guard let first = value.first else { continue }
            let characters = PIIMasker.base64Characters.contains(first) ? PIIMasker.base64Characters : [first]
            result = PIIMasker.replacingTokens(startingWith: value, of: characters, in: result) {
                $0 == value ? self.alias(for: value, prefix: kind) : nil
            }
        }
        return result
    }

    /// `text` with each token that starts with `start` (a run of `characters` not glued to one before it) replaced by
    /// what `alias` names it, when it names it; a column gap after it realigned.
    static func replacingTokens(
        startingWith start: String, of characters: Set<Character>, in text: String, alias: (String) -> String?
    ) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: start) {
            let before = rest[..<range.lowerBound]
            let token = rest[range.lowerBound...].prefix { characters.contains($0) }
            let glued = (before.last ?? result.last).map(characters.contains) ?? false
            guard !glued, token.count >= start.count, let name = alias(String(token)) else {
                result += rest[..<range.upperBound]
                rest = rest[range.upperBound...]
                continue
            }
            result += before + name
            rest = PIIMasker.realigned(rest[token.endIndex...], delta: name.count - token.count)
        }
        return String(result + rest)
    }
}

extension PIIMasker {
    /// The alias a WAMID (`wamid.…`) already has on the page, nil when it has none yet; nothing is learned, so no alias
    /// is taken (`kops check` pairing a replayed send's new id with the recorded one: `CreatedIDs`).
    func knownAlias(ofMessage id: String) -> String? {
        guard id.prefix(6).lowercased() == "wamid." else { return nil }
        return messages[WAMID.encodedRun(Substring(id).dropFirst(6)).base64]
    }
}
