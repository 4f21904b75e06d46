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
    /// The groups of the secrets shorter than `SecretFragments.minimumLength`: the only ones that can occur in a text
    /// where no 8-byte window of a secret's forms is (`occurs(in:windowsFound:)`).
    private var shortGroups: [Group] = []
    /// An empty secret occurs in every text (as `ByteSearch.contains` answers for an empty pattern).
    private var hasEmpty = false
    /// The bytes of the longest secret.
    private(set) var longest = 0

    init(_ secrets: [Secret]) {
        for secret in secrets {
            let bytes = Array(secret.revealed.utf8)
            longest = max(longest, bytes.count)
            guard !bytes.isEmpty else {
                hasEmpty = true
                continue
            }
            Self.add(bytes, to: &groups)
            if bytes.count < SecretFragments.minimumLength { Self.add(bytes, to: &shortGroups) }
        }
    }

    private static func add(_ bytes: [UInt8], to groups: inout [Group]) {
        let first = bytes[0]
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

    /// True when one of the secrets occurs in `bytes`.
    func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        hasEmpty || Self.occurs(groups, in: bytes)
    }

    /// `occurs(in:)`, told whether `SecretFragments.hits` found a window of 8 bytes of a secret's forms in `bytes`, for
    /// `SecretFragments` made of the same secrets (`Redactor.needsRedaction`). Where it found none, no secret of 8 bytes
    /// or more is in `bytes` (its first 8 bytes, folded, are a window of its own form), and only the shorter ones are
    /// looked for: each group's first byte was looked for through the whole text, and the `w` of every
    /// `whatsapp.message.…` of a webhook list met the `whsec_` secrets (0.20 M of the replay's 40.9 M,
    /// docs/performance.md, "Session 69"). `Perf69OneWalkTests` compares the answer with `occurs(in:)`.
    func occurs(in bytes: UnsafeBufferPointer<UInt8>, windowsFound: Bool) -> Bool {
        hasEmpty || Self.occurs(windowsFound ? groups : shortGroups, in: bytes)
    }

    private static func occurs(_ groups: [Group], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
