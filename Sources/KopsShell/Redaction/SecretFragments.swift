internal import Foundation
internal import KopsHTTP

/// Pieces of known secrets in text: an API error that echoes the key cut short (`Invalid API key sk-live-SECRET-abcdef12`,
/// all but its last 4 characters), upper-cased or base64-encoded, and an error that quotes the first 23 characters
/// of a pasted Meta token (`'EAAGm0PX4ZCpsBAKZCZBkZC…'`). Probe24 P24-6 and P24-13: the redactor matched whole
/// values only, so 23 of a key's 27 characters reached the terminal and the transcript.
///
/// A piece is a run of at least `minimumLength` characters that equals part of a secret, in any ASCII case, or part of
/// the secret's base64 (standard or URL-safe). Why 8: kops's own masked forms (`SecretMask`) show at most a 6-character
/// scheme prefix and 2 last characters (`whsec_…23`), so no masked form holds 8 characters of a secret in a row, while
/// every echo of a 12-character or longer secret short of its last 4 characters does; and 8 characters of a random
/// token (62^8 ≈ 2·10^14 values) do not occur in other text by chance. A run is masked only when it looks random
/// (`looksRandom`: a letter and a digit, or upper and lower case letters), so a word-like secret (`set api_key production-key`)
/// does not mask the word `production` elsewhere; the whole word the run sits in is masked with it, so the rest
/// of a cut or extended echo (`…abcdef12xyz`) goes too.
///
/// The test is one pass over the bytes with each 8-byte window packed into a `UInt64` and checked against a 1024-bit
/// filter before the set of the secrets' windows: the redactor runs it on every string it is shown.
struct SecretFragments: Sendable {
    /// The fewest characters of a secret, in a row, that are masked where they occur.
    static let minimumLength = 8

    /// The secrets' forms (each secret folded to lower case, and its base64 forms folded), as bytes.
    private var forms: [[UInt8]] = []
    /// Every 8-byte window of every form, packed big-endian.
    private var windows: Set<UInt64> = []
    /// 1024 bits, one set per window's hash: most text windows are ruled out by one multiply and one bit test.
    private var filter = [UInt64](repeating: 0, count: 16)

    init(_ secrets: [Secret]) {
        for secret in secrets where secret.revealed.utf8.count >= Self.minimumLength {
            let bytes = Array(secret.revealed.utf8)
            let base64 = Data(bytes).base64EncodedString()
            let urlSafe = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            for form in [bytes, Array(base64.utf8), Array(urlSafe.utf8)] {
                let folded = form.map(ByteSearch.fold)
                guard !forms.contains(folded) else { continue }
                forms.append(folded)
                for start in 0...(folded.count - Self.minimumLength) {
                    let window = Self.pack(folded[start..<(start + Self.minimumLength)])
                    windows.insert(window)
                    let bit = Self.hash(window)
                    filter[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
        }
    }

    var isEmpty: Bool { windows.isEmpty }

    private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    @inline(__always)
    private static func hash(_ window: UInt64) -> Int {
        Int(truncatingIfNeeded: (window &* 0x9E37_79B9_7F4A_7C15) >> 54)
    }

    /// The end offsets (exclusive) of the text windows that equal some secret window; empty when none does.
    private func hits(in bytes: UnsafeBufferPointer<UInt8>, first: Bool) -> [Int] {
        guard !windows.isEmpty, bytes.count >= Self.minimumLength else { return [] }
        var found: [Int] = []
        var window: UInt64 = 0
        for index in bytes.indices {
            window = window << 8 | UInt64(ByteSearch.fold(bytes[index]))
            guard index >= Self.minimumLength - 1 else { continue }
            let bit = Self.hash(window)
            guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0, windows.contains(window) else { continue }
            found.append(index + 1)
            if first { return found }
        }
        return found
    }

    /// True when some 8 bytes of `bytes` equal 8 bytes of a secret's form in a row (any ASCII case): `masked` may
    /// change the text.
    func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !hits(in: bytes, first: true).isEmpty
    }

    /// `text` with every word holding a random-looking run of a secret (`looksRandom`) replaced by `<redacted>`.
    func masked(_ text: String) -> String {
        var text = text
        let ranges: [Range<Int>] = text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            for end in hits(in: bytes, first: false) {
                if let last = ranges.last, last.contains(end - 1) { continue }
                guard let matched = longestRun(in: bytes, endingAt: end), let run = Self.tokenPiece(of: matched, in: bytes),
                    Self.looksRandom(bytes[run])
                else { continue }
                let word = Self.word(around: run, in: bytes)
                if let last = ranges.last, last.overlaps(word) || last.upperBound == word.lowerBound {
                    ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, word.upperBound)
                } else {
                    ranges.append(word)
                }
            }
            return ranges
        }
        guard !ranges.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var position = 0
        for range in ranges {
            result += bytes[position..<range.lowerBound]
            result += Array("<redacted>".utf8)
            position = range.upperBound
        }
        result += bytes[position...]
        return String(decoding: result, as: UTF8.self)
    }

    /// The longest run of `bytes` around the window ending at `end` that equals part of one form (folded).
    private func longestRun(in bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Range<Int>? {
        let start = end - Self.minimumLength
        let window = (start..<end).map { ByteSearch.fold(bytes[$0]) }
        var best: Range<Int>?
        for form in forms where form.count >= Self.minimumLength {
            for offset in 0...(form.count - Self.minimumLength) where form[offset..<(offset + Self.minimumLength)].elementsEqual(window) {
                var (low, formLow) = (start, offset)
                while low > 0, formLow > 0, ByteSearch.fold(bytes[low - 1]) == form[formLow - 1] { (low, formLow) = (low - 1, formLow - 1) }
                var (high, formHigh) = (end, offset + Self.minimumLength)
                while high < bytes.count, formHigh < form.count, ByteSearch.fold(bytes[high]) == form[formHigh] {
                    (high, formHigh) = (high + 1, formHigh + 1)
                }
                if best.map({ $0.count < high - low }) ?? true { best = low..<high }
            }
        }
        return best
    }

    /// The longest stretch of `run` made of a token's characters (letters, digits, `-`, `_`, `+`, `/`, `=`, `.`, `~`),
    /// when it has `minimumLength` of them: what an echo of a key, a token or its base64 is. Punctuation and control
    /// characters a secret shares with other text (a test seed's `]0;pwned` payload in every string) are no token.
    static func tokenPiece(of run: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var best: Range<Int>?
        var start = run.lowerBound
        for index in run.lowerBound...run.upperBound {
            if index < run.upperBound, isTokenByte(bytes[index]) { continue }
            if index - start >= minimumLength, best.map({ $0.count < index - start }) ?? true { best = start..<index }
            start = index + 1
        }
        return best
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// A letter and a digit, or an upper-case and a lower-case letter: what a token's random part has and neither a
    /// word nor a number has. Digits alone are ids, phone numbers and times (a test key's `0123456789` run matched the
    /// digits of a UUID, `…-901234567890`, and masked the whole id).
    static func looksRandom(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var (upper, lower, digit) = (false, false, false)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"): lower = true
            default: continue
            }
            if (upper && lower) || (digit && (upper || lower)) { return true }
        }
        return false
    }

    /// `run` widened to the word it sits in: letters, digits, `-`, `_` and `+` on either side (a token's characters;
    /// not `.`, which ends a sentence, `=`, which joins a name to its value, nor `/`, which joins a URL's path).
    private static func word(around run: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isWordByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"):
                return true
            default:
                return false
            }
        }
        var (low, high) = (run.lowerBound, run.upperBound)
        while low > 0, isWordByte(bytes[low - 1]) { low -= 1 }
        while high < bytes.count, isWordByte(bytes[high]) { high += 1 }
        return low..<high
    }
}

// MARK: - Descriptions

/// The pieces are secrets: descriptions, `dump` and test failure messages show none of their bytes.
extension SecretFragments: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    var description: String { "<redacted>" }
    var debugDescription: String { "SecretFragments(<redacted>)" }
    var customMirror: Mirror { Mirror(self, children: [:]) }
}
