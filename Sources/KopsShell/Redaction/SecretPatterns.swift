internal import KapsoClient
public import KopsHTTP

/// The known secrets' bytes, grouped by their first byte, for the redactor's test on every string it is shown:
/// one scan of a text per distinct first byte instead of one per secret (a session that listed webhooks knows
/// each one's `whsec_…` secret, all starting with `w`), and no copy of a secret's `String` per test.
struct SecretPatterns: Sendable {
    private struct Group: Sendable {
        var first: UInt8
        var patterns: [[UInt8]]
    }

    private var groups: [Group] = []
    /// An empty secret occurs in every text (as `ByteSearch.contains` answers for an empty pattern).
    private var hasEmpty = false
    /// The bytes of the longest secret.
    private(set) var longest = 0

    init(_ secrets: [Secret]) {
        for secret in secrets {
            let bytes = Array(secret.revealed.utf8)
            longest = max(longest, bytes.count)
            guard let first = bytes.first else {
                hasEmpty = true
                continue
            }
            if let index = groups.firstIndex(where: { $0.first == first }) {
                groups[index].patterns.append(bytes)
            } else {
                groups.append(Group(first: first, patterns: [bytes]))
            }
        }
    }

    /// True when one of the secrets occurs in `bytes`.
    func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if hasEmpty { return true }
        for group in groups {
            var from = 0
            while let index = ByteWords.firstIndex(of: group.first, in: bytes, from: from) {
                for pattern in group.patterns where pattern.count <= bytes.count - index {
                    var offset = 1
                    while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                from = index + 1
            }
        }
        return false
    }
}

// MARK: - Descriptions

/// The patterns are secrets: descriptions, `dump` and test failure messages show none of their bytes.
extension SecretPatterns: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    var description: String { "<redacted>" }
    var debugDescription: String { "SecretPatterns(<redacted>)" }
    var customMirror: Mirror { Mirror(self, children: [:]) }
}
