internal import Foundation
internal import KapsoDiagnostics
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
/// The test reads the 4 bytes at every fourth offset as one word and looks it up in a filter of the forms' 4-byte
/// pieces; only around a piece found there are the 8-byte windows packed and looked up in the forms' windows: the
/// redactor runs it on every string it is shown (`hits`).
struct SecretFragments: Sendable {
    /// The fewest characters of a secret, in a row, that are masked where they occur.
    static let minimumLength = 8

    /// The secrets' forms (each secret folded to lower case, and its base64 and percent-encoded forms folded), as bytes.
    private var forms: [[UInt8]] = []
    /// For each form, the fewest characters a run inside it (not from its first character) must have to count: 8 for a
    /// secret and its percent-encoded form, `innerBase64Length` for its base64 forms.
    private var innerRunLengths: [Int] = []
    /// For each form, whether a run from its first character counts from 8 characters (false for the base64 of the secret
    /// after other bytes, whose first characters are no start of anything).
    private var startsCount: [Bool] = []
    /// The fewest characters of a secret's base64 a run must have to count when it does not start where the base64
    /// starts: 16, the base64 of 12 bytes. tester54 V10: a test key's digit run (`demo_key_0123456789`) has base64 pieces
    /// that a WAMID's base64 holds where the contact's number has the same digits (`…MTEyMzQ1Njc4O…` for 5491123456789),
    /// and 12 characters of it masked the message id in `messages` and `whois`. An echo of the key's base64 cut short
    /// keeps its start; one taken from inside it still masks from 16 characters on.
    static let innerBase64Length = 16
    /// Each secret's own bytes, and folded: a run that is a whole secret in another case (`ACME-DEMO` echoed for
    /// `acme-demo`) is masked though it looks like a word (`masked`).
    private var wholes: [(bytes: [UInt8], folded: [UInt8])] = []
    /// Every 8-byte window of every form, packed big-endian, sorted (looked up by binary search).
    private var windows: [UInt64] = []
    /// One bit per 4-byte piece of every form (each byte ORed with 0x20, so that case does not matter), by its hash:
    /// `hits` looks up only the 4 bytes at every fourth offset of a text and reads its 8-byte windows only around a
    /// piece that is set here.
    private var pieces: [UInt64] = [0]
    /// 64 minus the bits of `pieces`' hash.
    private var pieceShift: UInt64 = 63
    /// True when some form holds a line feed: then a run in cells joined by line feeds can go on across two of them
    /// (`Redactor.mayNeedRedaction(cells:)` asks `occurs` then).
    private(set) var formsHoldLineFeed = false
    /// True when some form holds a space or a line feed: then a run can go on across the gap between two table cells
    /// (`Shell.showClearingCellsByText`).
    private(set) var formsHoldCellGap = false

    init(_ secrets: [Secret]) {
        var windows: [UInt64] = []
        for secret in secrets where secret.revealed.utf8.count >= Self.minimumLength {
            let bytes = Array(secret.revealed.utf8)
            wholes.append((bytes, bytes.map(ByteSearch.fold)))
            let base64 = Array(Data(bytes).base64EncodedString().utf8)
            // The URL-safe alphabet: `-` for `+`, `_` for `/`.
            let urlSafe = base64.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: "-") : $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0 }
            // Percent-encoded, every byte but a letter or a digit escaped (`whsec%5Fdemo%5F123`: probe36 P36-4, a secret
            // URL-encoded into a query or a log line kept no 8 characters of it in a row).
            let encoded = bytes.flatMap { byte -> [UInt8] in
                let plain = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                return plain ? [byte] : Array(("%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)).utf8)
            }
            // The base64 of the secret after one or two other bytes, from its fifth character on: what encodes the secret
            // alone, whatever the bytes before (`Basic ` and the base64 of `:KEY`, as `curl -u :KEY` sends it, was printed
            // in clear: tester55b). No run from its start is one: counted from `innerBase64Length` characters only.
            let shifted = [[UInt8(0)], [0, 0]].map { Array(Array(Data($0 + bytes).base64EncodedString().utf8).dropFirst(4)) }
            let shiftedURLSafe = shifted.map { $0.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: "-") : $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0 } }
            let aligned: [([UInt8], Int, Bool)] = [
                (bytes, Self.minimumLength, true), (base64, Self.innerBase64Length, true), (urlSafe, Self.innerBase64Length, true),
                (encoded, Self.minimumLength, true),
            ]
            for (form, innerRun, startCounts) in aligned + (shifted + shiftedURLSafe).map({ ($0, Self.innerBase64Length, false) }) {
                let folded = form.map(ByteSearch.fold)
                guard folded.count >= Self.minimumLength, !forms.contains(folded) else { continue }
                forms.append(folded)
                innerRunLengths.append(innerRun)
                startsCount.append(startCounts)
                for start in 0...(folded.count - Self.minimumLength) {
                    windows.append(Self.pack(folded[start..<(start + Self.minimumLength)]))
                }
            }
        }
        // Sorted without repeats (an array, not a `Set`: a set's first use in a process costs a third of a million
        // instructions, and a key has 60-odd windows).
        formsHoldLineFeed = forms.contains { $0.contains(0x0A) }
        formsHoldCellGap = formsHoldLineFeed || forms.contains { $0.contains(0x20) }
        Self.sortAscending(&windows)
        for window in windows where self.windows.last != window { self.windows.append(window) }
        guard !windows.isEmpty else { return }
        // About 256 bits a piece, at least 2^15 (4 KB) and at most 2^20: one text piece in 256 or fewer is read further
        // for no secret. With 64 a piece (at least 2^13) the JSON run of `deliveries --all` read the windows around
        // 11,730 of its 1.3 million pieces, nearly all of them JSON's frequent pieces (`-11-`, `":nu`) meeting a set
        // bit; with 256, 2,817 (docs/performance.md, "Session 32").
        let count = forms.reduce(0) { $0 + $1.count - 3 }
        var bits = 15
        while bits < 20, 1 << bits < count * 256 { bits += 1 }
        pieces = [UInt64](repeating: 0, count: 1 << (bits - 6))
        pieceShift = UInt64(64 - bits)
        for form in forms {
            for start in 0...(form.count - 4) {
                var piece: UInt32 = 0
                for offset in (0..<4).reversed() { piece = piece << 8 | UInt32(form[start + offset] | 0x20) }
                let bit = Self.hash(piece, pieceShift)
                pieces[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    var isEmpty: Bool { windows.isEmpty }

    private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    @inline(__always)
    private static func hash(_ piece: UInt32, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (UInt64(piece) &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    /// The end offsets (exclusive) of the text windows that equal some secret window, in order; empty when none does.
    ///
    /// Any 8 bytes in a row hold the 4 bytes at the first multiple of 4 among their first 4 offsets, and those 4 are a
    /// piece of the form the 8 are a window of: a text window is read (folded, packed, looked up) only when that piece,
    /// read as one word at every fourth offset, is set in `pieces`. `SecretFragmentsTests` checks the result against
    /// every window read one by one.
    func hits(in bytes: UnsafeBufferPointer<UInt8>, first: Bool) -> [Int] {
        guard !windows.isEmpty, bytes.count >= Self.minimumLength else { return [] }
        var found: [Int] = []
        var offset = 0
        while let piece = pieces.withUnsafeBufferPointer({ Self.nextPiece(in: bytes, from: offset, pieces: $0, shift: pieceShift) }) {
            // The windows whose first multiple of 4 is `piece`: those starting at piece - 3 through piece (none past the
            // last window's start when the piece is among the last 7 bytes).
            var start = max(0, piece - 3)
            let last = min(piece, bytes.count - Self.minimumLength)
            while start <= last {
                if windowIsSecret(bytes, at: start) {
                    found.append(start + Self.minimumLength)
                    if first { return found }
                }
                start += 1
            }
            offset = piece + 4
        }
        return found
    }

    /// The first multiple of 4 from `offset` (a multiple of 4) where the 4 bytes of `bytes`, each ORed with 0x20, are
    /// set in `pieces`; nil when there is none. Two pieces a word, read as one.
    private static func nextPiece(
        in bytes: UnsafeBufferPointer<UInt8>, from offset: Int, pieces: UnsafeBufferPointer<UInt64>, shift: UInt64
    ) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let text = UnsafeRawPointer(base)
        let count = bytes.count
        @inline(__always) func isSet(_ piece: UInt32) -> Bool {
            let bit = hash(piece, shift)
            return pieces[bit &>> 6] & (1 &<< UInt64(bit & 63)) != 0
        }
        var offset = offset
        while offset &+ 8 <= count {
            let word = UInt64(littleEndian: text.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) | 0x2020_2020_2020_2020
            if isSet(UInt32(truncatingIfNeeded: word)) { return offset }
            if isSet(UInt32(truncatingIfNeeded: word &>> 32)) { return offset &+ 4 }
            offset &+= 8
        }
        if offset &+ 4 <= count,
            isSet(UInt32(littleEndian: text.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) | 0x2020_2020)
        {
            return offset
        }
        return nil
    }

    /// Whether the 8 bytes at `start`, folded, are a window of a form: read as one word, folded at once (`folded`),
    /// and turned big-endian, as `pack` packs the forms' windows.
    private func windowIsSecret(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let word = UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: start, as: UInt64.self)
        let window = Self.folded(UInt64(littleEndian: word)).byteSwapped
        var (low, high) = (0, windows.count)
        while low < high {
            let middle = (low + high) / 2
            if windows[middle] < window { low = middle + 1 } else { high = middle }
        }
        return low < windows.count && windows[low] == window
    }

    /// `word` with each of its 8 bytes folded as `ByteSearch.fold` folds one (`A`…`Z` to `a`…`z`, every other byte as
    /// it is). A byte is upper case when its low 7 bits plus 0x3F reach bit 7 (0x41 or more) and plus 0x25 do not
    /// (0x5A or less), and its own bit 7 is clear; neither sum carries into the next byte. Upper-case letters have
    /// bit 5 clear, so setting it adds 32. `SecretFragmentsTests.aWordIsFoldedAsItsBytesAre` checks it byte by byte.
    @inline(__always)
    static func folded(_ word: UInt64) -> UInt64 {
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let upper = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525) & ~word & 0x8080_8080_8080_8080
        return word | upper &>> 2
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
                guard let run = maskedRun(in: bytes, endingAt: end) else { continue }
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

    /// True when `masked` changes the text whose bytes are `bytes`: some window of a secret in it has a run `masked`
    /// masks (`maskedRun`). The first such run is never passed over, so the text changes exactly then. Where no 8 bytes
    /// of a secret are in the text it costs what `occurs` does; where some are, it reads their runs as `masked` does,
    /// without building the text: a word-like secret's words in a URL (`whsec_analytics_987` and
    /// `https://analytics.acme-demo.test/…`) sent every webhook table of the replay through the whole redaction
    /// (docs/performance.md, "Session 52"). `SecretFragmentsChangeTests` compares it with `masked`.
    func changes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        changes(bytes, hits: hits(in: bytes, first: false))
    }

    /// `changes(_:)` with the text's windows found already (`hits(in: bytes, first: false)`).
    func changes(_ bytes: UnsafeBufferPointer<UInt8>, hits: [Int]) -> Bool {
        hits.contains { maskedRun(in: bytes, endingAt: $0) != nil }
    }

    /// The run `masked` masks around the window of a secret ending at `end`, nil where it leaves it: the longest run
    /// when it is a whole secret in another case or a cut echo, else its token piece when that looks random.
    private func maskedRun(in bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Range<Int>? {
        guard let matched = longestRun(in: bytes, endingAt: end) else { return nil }
        if isWholeSecretInAnotherCase(bytes[matched]) || isCutEcho(matched, in: bytes) { return matched }
        if let piece = Self.tokenPiece(of: matched, in: bytes), Self.looksRandom(bytes[piece]) { return piece }
        return nil
    }

    /// True when `run` is the start of a secret followed by a cut mark (`…`, `...`, `..`, `⋯`, `*`), or its end after one: an echo of
    /// typed text that kops or a server cut short (`cannot read 'correcthorsebatterystap…' as an id`, `IDInput.echo`;
    /// `Shortened.text` keeps both ends). Masked even when word-like: the start of a passphrase is the passphrase for
    /// practical purposes (tester51 G11: a webhook secret a person typed, all lower-case letters, was shown cut at 23).
    private func isCutEcho(_ run: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The marks `ShortCutEchoes` reads (`…`, `⋯`, `..`, `***`: tester52b K3).
        let before = ShortCutEchoes.markEnds(before: run.lowerBound, in: bytes)
        let after = run.upperBound < bytes.count && ShortCutEchoes.markLength(at: run.upperBound, in: bytes) != nil
        guard before || after else { return false }
        let folded = bytes[run].map(ByteSearch.fold)
        return wholes.contains { whole in
            // kops's own masked form shows an issued scheme prefix before its `…` (`SecretMask`: `whsec_…23`): a start no
            // longer than the scheme is that form, not a cut echo (tester51b F5: 8 of a 9-character secret were shown).
            let scheme = TokenPrefix.all.filter { whole.bytes.starts(with: $0.text.utf8) }.map(\.text.utf8.count).max() ?? 0
            return whole.folded.count > folded.count
                && (after && folded.count > scheme && whole.folded.starts(with: folded)
                    || before && whole.folded.reversed().starts(with: folded.reversed()))
        }
    }

    /// True when `run` is a whole secret written in another ASCII case (`ACME-DEMO`, `Acme-Demo` for `acme-demo`: a
    /// server that upper-cases what it echoes). The secret in its own case is the whole-value pass's (`Redactor.redact`),
    /// which leaves a plain word only where it labels a host (`HostLabelSecrets`); found here as it is, it is such a label.
    private func isWholeSecretInAnotherCase(_ run: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        wholes.contains { whole in
            whole.bytes.count == run.count && run.map(ByteSearch.fold).elementsEqual(whole.folded)
                && !run.elementsEqual(whole.bytes) && !wholes.contains { $0.bytes.elementsEqual(run) }
        }
    }

    /// The longest run of `bytes` around the window ending at `end` that equals part of one form (folded).
    private func longestRun(in bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Range<Int>? {
        let start = end - Self.minimumLength
        // The window's first byte is compared first, its other seven only where that matches: most offsets of most forms
        // differ at once.
        let first = ByteSearch.fold(bytes[start])
        var best: Range<Int>?
        for ((form, innerRun), startCounts) in zip(zip(forms, innerRunLengths), startsCount) where form.count >= Self.minimumLength {
            for offset in 0...(form.count - Self.minimumLength)
            where form[offset] == first && (1..<Self.minimumLength).allSatisfy({ form[offset + $0] == ByteSearch.fold(bytes[start + $0]) }) {
                var (low, formLow) = (start, offset)
                while low > 0, formLow > 0, ByteSearch.fold(bytes[low - 1]) == form[formLow - 1] { (low, formLow) = (low - 1, formLow - 1) }
                var (high, formHigh) = (end, offset + Self.minimumLength)
                while high < bytes.count, formHigh < form.count, ByteSearch.fold(bytes[high]) == form[formHigh] {
                    (high, formHigh) = (high + 1, formHigh + 1)
                }
                guard (formLow == 0 && startCounts) || high - low >= innerRun else { continue }
                if best.map({ $0.count < high - low }) ?? true { best = low..<high }
            }
        }
        return best
    }

    /// The longest stretch of `run` made of a token's characters (letters, digits, `-`, `_`, `+`, `/`, `=`, `.`, `~`, and
    /// `%` of a percent-encoded form),
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
            UInt8(ascii: "~"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// A letter and a digit, or lower-case letters with an upper-case one inside a word (`QmFz`, `canary_APIK`): what a
    /// token's random part has and neither a word nor a number has. Digits alone are ids, phone numbers and times (a test
    /// key's `0123456789` run matched the digits of a UUID, `…-901234567890`, and masked the whole id). A capital that
    /// starts a word is no mix of cases (probe46 P46-18: a header value `Bearer acme-shared-webhook-passphrase` shares
    /// `-webhook-` with kops's own `X-Webhook-Event`, read as random for its `W`, and every `X-Webhook-*` name was printed
    /// `<redacted>`).
    static func looksRandom(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var (letter, lower, digit, innerUpper, inWord) = (false, false, false, false, false)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digit = true
                inWord = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                letter = true
                if inWord { innerUpper = true }
                inWord = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                (letter, lower, inWord) = (true, true, true)
            default:
                inWord = false
            }
            if (letter && digit) || (innerUpper && lower) { return true }
        }
        return false
    }

    /// `run` widened to the word it sits in: letters, digits, `-`, `_` and `+` on either side (a token's characters;
    /// not `.`, which ends a sentence, `=`, which joins a name to its value, nor `/`, which joins a URL's path).
    private static func word(around run: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var (low, high) = (run.lowerBound, run.upperBound)
        while low > 0, isWordByte(bytes[low - 1]) { low -= 1 }
        while high < bytes.count, isWordByte(bytes[high]) { high += 1 }
        return low..<high
    }

    /// Letters, digits, `-`, `_` and `+`: a token's characters that also join words (`ShortCutEchoes` reads words so too).
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }
}
