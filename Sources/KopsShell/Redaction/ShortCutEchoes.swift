internal import KapsoDiagnostics
internal import KopsHTTP

/// The start or end of a known secret next to an ellipsis, shorter than the 8 characters `SecretFragments` finds
/// anywhere: `cannot read 'opense…' as an id` for the 7-character secret `opensez` (tester51b F5). A run is masked when
/// it is a whole word (nothing of a word right before a start, or right after an end), in any ASCII case, at least
/// `SecretMask.cutEchoFloor` of the secret's characters, shorter than the secret, and longer than an issued scheme
/// prefix (`whsec_…` is kops's own mask); the ellipsis is a cut mark (`markLength`: `…`, `⋯`, `..`, `...`, `*`, `***`).
struct ShortCutEchoes: Sendable {
    /// Each secret folded to lower case, its floor and its scheme's length.
    private var secrets: [(folded: [UInt8], floor: Int, scheme: Int)] = []

    init(_ secrets: [Secret]) {
        for secret in secrets {
            let bytes = Array(secret.revealed.utf8)
            let floor = SecretMask.cutEchoFloor(length: bytes.count)
            // A floor of 8 is `SecretFragments`' own run; a secret of 3 characters or fewer has no proper part of 3.
            guard floor < SecretFragments.minimumLength, floor < bytes.count else { continue }
            let scheme = TokenPrefix.all.filter { bytes.starts(with: $0.text.utf8) }.map(\.text.utf8.count).max() ?? 0
            self.secrets.append((bytes.map(ByteSearch.fold), floor, scheme))
        }
    }

    var isEmpty: Bool { secrets.isEmpty }

    /// True when `bytes` hold such a run: `masked` may change the text.
    func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !secrets.isEmpty && !runs(in: bytes).isEmpty
    }

    /// `text` with every such run replaced by `<redacted>`, the ellipsis kept.
    func masked(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var text = text
        let ranges = text.withUTF8 { runs(in: $0) }
        guard !ranges.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var position = 0
        for range in ranges where range.lowerBound >= position {
            result += bytes[position..<range.lowerBound] + Array("<redacted>".utf8)
            position = range.upperBound
        }
        result += bytes[position...]
        return String(decoding: result, as: UTF8.self)
    }

    /// The runs to mask, in order.
    private func runs(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard let mark = Self.markLength(at: index, in: bytes) else {
                index += 1
                continue
            }
            if let before = run(endingAt: index, in: bytes) { found.append(before) }
            if let after = run(startingAt: index + mark, in: bytes) { found.append(after) }
            index += mark
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The length of the cut mark that starts at `index`, nil where none does: `…` (U+2026), `⋯` (U+22EF, what some
    /// fonts' and editors' ellipsis is), two dots or more (`..`, `...`), or asterisks (`*`, `***`: a tail masked by hand)
    /// (tester52b K3: `opens..`, `opens⋯`, `opens***`, `***ensez` showed 5 of a 7-character secret). One `.` ends a
    /// sentence and is no mark; the run is masked only as a whole word of half the secret or more, so an ordinary word
    /// before `...` or `**` stays unless a known secret starts or ends with it.
    static func markLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if index + 3 <= bytes.count, bytes[index] == 0xE2,
            bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6 || bytes[index + 1] == 0x8B && bytes[index + 2] == 0xAF
        {
            return 3
        }
        let byte = bytes[index]
        guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "*") else { return nil }
        var end = index + 1
        while end < bytes.count, bytes[end] == byte { end += 1 }
        return byte == UInt8(ascii: ".") && end - index < 2 ? nil : end - index
    }

    /// True when a cut mark (`markLength`) ends right before `index`.
    static func markEnds(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if index >= 3, bytes[index - 3] == 0xE2,
            bytes[index - 2] == 0x80 && bytes[index - 1] == 0xA6 || bytes[index - 2] == 0x8B && bytes[index - 1] == 0xAF
        {
            return true
        }
        guard index >= 1 else { return false }
        if bytes[index - 1] == UInt8(ascii: "*") { return true }
        return index >= 2 && bytes[index - 1] == UInt8(ascii: ".") && bytes[index - 2] == UInt8(ascii: ".")
    }

    /// The longest secret start that ends at `end` and starts a word.
    private func run(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        for secret in secrets {
            for length in stride(from: min(secret.folded.count - 1, end), through: max(secret.floor, secret.scheme + 1), by: -1) {
                let start = end - length
                guard start == 0 || !SecretFragments.isWordByte(bytes[start - 1]) else { continue }
                if (0..<length).allSatisfy({ ByteSearch.fold(bytes[start + $0]) == secret.folded[$0] }) { return start..<end }
            }
        }
        return nil
    }

    /// The longest secret end that starts at `start` and ends a word.
    private func run(startingAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        for secret in secrets {
            let count = secret.folded.count
            for length in stride(from: min(count - 1, bytes.count - start), through: secret.floor, by: -1) {
                let end = start + length
                guard end == bytes.count || !SecretFragments.isWordByte(bytes[end]) else { continue }
                if (0..<length).allSatisfy({ ByteSearch.fold(bytes[start + $0]) == secret.folded[count - length + $0] }) {
                    return start..<end
                }
            }
        }
        return nil
    }
}

extension ShortCutEchoes: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    var description: String { "<redacted>" }
    var debugDescription: String { "ShortCutEchoes(<redacted>)" }
    var customMirror: Mirror { Mirror(self, children: [:]) }
}
