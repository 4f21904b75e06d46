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

    /// True when `bytes` hold such a run: `masked` may change the text. Stops at the first run found (the fast paths
    /// that clear a text, a page or a table's cells ask this of every text they pass).
    func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !secrets.isEmpty else { return false }
        var found = false
        forEachRun(in: bytes) { _ in
            found = true
            return false
        }
        return found
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
        forEachRun(in: bytes) { run in
            found.append(run)
            return true
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Calls `body` with the runs before and after each cut mark, mark by mark, until it returns false. Only the bytes
    /// a mark can start with are looked at (`ByteSearch.firstIndex(ofAny:)`, eight bytes at a time).
    private func forEachRun(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        var index = 0
        while let candidate = ByteSearch.firstIndex(ofAny: 0xE2, UInt8(ascii: "."), UInt8(ascii: "*"), in: bytes, from: index) {
            // One `.` is no mark (`marks` has `..` and no lone `.`): the dots of a host name or a sentence's end are
            // passed over without reading the table (836 of the replay's texts' candidates; docs/performance.md,
            // "Session 61").
            if bytes[candidate] == UInt8(ascii: "."), candidate + 1 == bytes.count || bytes[candidate + 1] != UInt8(ascii: ".") {
                index = candidate + 1
                continue
            }
            guard let mark = Self.markLength(at: candidate, in: bytes) else {
                index = candidate + 1
                continue
            }
            if let before = run(endingAt: candidate, in: bytes), !body(before) { return }
            if let after = run(startingAt: candidate + mark, in: bytes), !body(after) { return }
            index = candidate + mark
        }
    }

    /// The cut marks (tester52b K3: `opens..`, `opens⋯`, `opens***`, `***ensez` showed 5 of a 7-character secret), one
    /// table read forward (`markLength`) and backward (`markEnds`): `…` (U+2026), `⋯` (U+22EF, what some fonts' and
    /// editors' ellipsis is), two dots or more (`..`, `...`), or asterisks (`*`, `***`: a tail masked by hand). A mark
    /// that `repeats` goes on over more of its last byte. One `.` ends a sentence and is no mark.
    private static let marks: [(bytes: [UInt8], repeats: Bool)] = [
        (Array("\u{2026}".utf8), false), (Array("\u{22EF}".utf8), false), (Array("..".utf8), true), (Array("*".utf8), true),
    ]

    /// The length of the cut mark that starts at `index`, nil where none does (`marks`). The run is masked only as a
    /// whole word of half the secret or more, so an ordinary word before `...` or `**` stays unless a known secret starts
    /// or ends with it.
    static func markLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for mark in marks where index + mark.bytes.count <= bytes.count {
            guard mark.bytes.indices.allSatisfy({ bytes[index + $0] == mark.bytes[$0] }) else { continue }
            var end = index + mark.bytes.count
            if mark.repeats, let last = mark.bytes.last {
                while end < bytes.count, bytes[end] == last { end += 1 }
            }
            return end - index
        }
        return nil
    }

    /// True when a cut mark (`marks`) ends right before `index`.
    static func markEnds(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        marks.contains { mark in
            index >= mark.bytes.count && mark.bytes.indices.allSatisfy { bytes[index - mark.bytes.count + $0] == mark.bytes[$0] }
        }
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
