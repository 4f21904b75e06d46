internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics

/// Each alias bound to the value it stands for, without the value: a salted hash of it, in the private restore file
/// (`TranscriptRestore.values`, under its `salt`). `kops check` keeps a list page that continued a list made before the
/// recording as recorded (`TranscriptChecker+BeforeRecording`), so its replay never meets that page's values; a later
/// line that shows one again gave it a new alias (`<contact 2>` for the page's `<contact 1>`), and an unchanged session
/// failed its check (tester68b B7). Pairing aliases by lines that "read alike" accepted a different message under the
/// page's alias (tester69b D4). Now the replay's masker holds the kept page's aliases (`holdKeptAliases`) and gives one
/// to a value only when the value's hash is the one the recording wrote for it: the same value gets the page's alias, a
/// different one a new alias, and the line shows the change. A restore file without hashes (older kops) pairs nothing.
extension PIIMasker {
    /// The hash of a value of kind `prefix` (`message`, `contact`) under this masker's salt; nil without one.
    func valueHash(_ prefix: String, _ key: String) -> String? {
        guard let valueSalt else { return nil }
        let hex = WebhookSignature.hmacSHA256Hex(key: Array(valueSalt.utf8), message: Array((prefix + "\u{0}" + key).utf8))
        return String(hex.prefix(32))
    }

    /// The alias for a value of kind `prefix` met for the first time (`key` as the masker keys it): a held alias of a kept
    /// page whose recorded hash is this value's, else the next unused one. Its hash is kept for the restore file.
    func newAlias(_ prefix: String, key: String) -> String {
        let hash = valueHash(prefix, key)
        if let hash, let kept = keptAliases.first(where: { $0.hasPrefix("<\(prefix) ") && recordedHashes[$0] == hash }) {
            keptAliases.remove(kept)
            givenHashes[kept] = hash
            return kept
        }
        let alias = nextAlias(prefix)
        if let hash { givenHashes[alias] = hash }
        return alias
    }

    /// Holds the aliases a kept list page (`block`) shows that this masker never gave: values the recording met before
    /// this replay could (`newAlias` gives one back to the value its recorded hash names).
    func holdKeptAliases(in block: String) {
        let given = Set(aliases.values).union(messages.values).union(users.values)
        keptAliases.formUnion(Self.aliasNames(in: block).filter { !given.contains($0) })
    }

    /// The aliases written in `text` (`<base64 of message 2>` read as `<message 2>`).
    static func aliasNames(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            for kind in TranscriptMask.kinds.map(\.kind) where rest.hasPrefix(kind + " ") {
                let digits = rest.dropFirst(kind.count + 1).prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty, digits.endIndex < rest.endIndex, rest[digits.endIndex] == ">" else { continue }
                names.insert("<\(kind == "base64 of message" ? "message" : kind) \(digits)>")
                break
            }
        }
        return names
    }

    /// A new salt for a recording's hashes: 16 random bytes, hex.
    static func newSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
