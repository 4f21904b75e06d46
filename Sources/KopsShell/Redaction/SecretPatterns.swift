internal import KapsoClient
public import KopsHTTP

/// The known secrets' bytes, grouped by their first byte, for the redactor's test on every string it is shown:
/// one scan of a text per distinct first byte instead of one per secret (a session that listed webhooks knows
/// each one's `whsec_…` secret, all starting with `w`), and no copy of a secret's `String` per test. The bytes every
/// secret of a group starts with (`whsec_`) are compared once where its first byte occurs, not once a secret: the
/// `w` of each `whatsapp.message.…` in a webhook list met seven `whsec_` secrets one by one (docs/performance.md,
/// "Session 61").
struct SecretPatterns: Sendable {
    private struct Group: Sendable {
        var first: UInt8
        var patterns: [[UInt8]]
        /// How many bytes every one of `patterns` starts with (at least the first).
        var shared: Int
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
                let kept = groups[index].patterns[0]
                var shared = 1
                while shared < groups[index].shared, shared < bytes.count, bytes[shared] == kept[shared] { shared += 1 }
                groups[index].shared = shared
                groups[index].patterns.append(bytes)
            } else {
                groups.append(Group(first: first, patterns: [bytes], shared: bytes.count))
            }
        }
    }

    /// True when one of the secrets occurs in `bytes`.
    func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if hasEmpty { return true }
        for group in groups {
            let start = group.patterns[0]
            var from = 0
            while let index = ByteWords.firstIndex(of: group.first, in: bytes, from: from) {
                from = index + 1
                // Every pattern is at least `shared` bytes long and starts with these: one comparison for all of them (and none
                // fits after an index that leaves fewer bytes).
                guard group.shared <= bytes.count - index else { break }
                var offset = 1
                while offset < group.shared, bytes[index + offset] == start[offset] { offset += 1 }
                guard offset == group.shared else { continue }
                for pattern in group.patterns where pattern.count <= bytes.count - index {
                    var offset = group.shared
                    while offset < pattern.count, bytes[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
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
