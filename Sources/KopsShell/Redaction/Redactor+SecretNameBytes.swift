extension Redactor {
    /// The words `isSecretName` looks for anywhere in a name, and the parts it takes whole.
    static let secretNameWords = ["key", "secret", "token", "pass", "credential", "auth", "bearer", "whsec", "cookie"]
    static let secretNameParts = ["pw", "pwd", "pin", "otp", "sig", "sk"]
    private static let secretNameWordBytes = secretNameWords.map { Array($0.utf8) }
    private static let secretNamePartBytes = secretNameParts.map { Array($0.utf8) }

    /// `isSecretName` of an all-ASCII name, read from its bytes; nil when a byte is not ASCII (the `Character`
    /// reading decides those).
    ///
    /// For ASCII the two readings agree: `lowercased()` folds only `A`–`Z`, a `Character` is one byte except `\r\n`,
    /// which is neither letter nor number (a separator, as `\r` and `\n` are here) and in no word looked for, and
    /// `isLetter`/`isNumber` of an ASCII byte are `A`–`Z`, `a`–`z` and `0`–`9`. The `Character` reading asked
    /// Foundation's `contains` nine times a name, about 4,100 instructions each: 11.4 M of the 129.7 M of `scripts/bench`'s
    /// 50-read replay on main's release build, where every `webhooks get` text goes through `TokenShapes`'s masking
    /// (docs/performance.md, "Session 39"). `SecretNameBytesTests` compares the two on random names.
    static func asciiIsSecretName(_ name: String) -> Bool? {
        name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var lower = [UInt8]()
            lower.reserveCapacity(bytes.count)
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                lower.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
            for word in secretNameWordBytes where contains(lower, word) { return true }
            var start = 0
            for end in 0...lower.count where end == lower.count || !isLetterOrDigit(lower[end]) {
                if end > start, secretNamePartBytes.contains(where: { $0.elementsEqual(lower[start..<end]) }) { return true }
                start = end + 1
            }
            return false
        } ?? nil
    }

    private static func contains(_ bytes: [UInt8], _ word: [UInt8]) -> Bool {
        guard bytes.count >= word.count else { return false }
        for start in 0...(bytes.count - word.count) where bytes[start] == word[0] {
            var offset = 1
            while offset < word.count, bytes[start + offset] == word[offset] { offset += 1 }
            if offset == word.count { return true }
        }
        return false
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
    }
}
