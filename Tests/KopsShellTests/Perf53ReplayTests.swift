import KapsoClient
import KopsHTTP
import KopsTestSupport
import Testing

@testable import KopsShell

/// The replay's cuts of session 53 (docs/performance.md, "Session 53") answer as the readings they stand in for, kept
/// here as the reference, on random inputs built from the pieces that could tell them apart: cut marks whole and cut
/// short, lone dots and asterisks, pieces of short secrets, ids in both cases and their Unicode look-alikes.
@Suite struct Perf53ReplayTests {
    /// Byte pieces around the cut marks: `…` and `⋯` whole and cut short, other 0xE2 sequences, dots and asterisks.
    static let markPieces: [[UInt8]] = [
        [0xE2, 0x80, 0xA6], [0xE2, 0x8B, 0xAF], [0xE2], [0xE2, 0x80], [0xE2, 0x8B], [0xE2, 0x80, 0xAF], [0xE2, 0x8B, 0xA6],
        [0x2E], [0x2E, 0x2E], [0x2E, 0x2E, 0x2E], [0x2A], [0x2A, 0x2A, 0x2A], Array("opens".utf8), Array("ez".utf8),
        Array(" ".utf8), Array("a".utf8), Array("crm_321".utf8), [0x80], [0xA6], [0x00],
    ]

    static func bytes(_ random: inout SplitMix) -> [UInt8] {
        (0..<Int(random.next() % 12)).flatMap { _ in markPieces[Int(random.next() % UInt64(markPieces.count))] }
    }

    /// `ShortCutEchoes.markLength` before this session, spelled out.
    static func referenceMarkLength(at index: Int, in bytes: [UInt8]) -> Int? {
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

    /// `ShortCutEchoes.markEnds` before this session, spelled out.
    static func referenceMarkEnds(before index: Int, in bytes: [UInt8]) -> Bool {
        if index >= 3, bytes[index - 3] == 0xE2,
            bytes[index - 2] == 0x80 && bytes[index - 1] == 0xA6 || bytes[index - 2] == 0x8B && bytes[index - 1] == 0xAF
        {
            return true
        }
        guard index >= 1 else { return false }
        if bytes[index - 1] == UInt8(ascii: "*") { return true }
        return index >= 2 && bytes[index - 1] == UInt8(ascii: ".") && bytes[index - 2] == UInt8(ascii: ".")
    }

    @Test func theTableOfCutMarksReadsAsTheMarksSpelledOut() {
        var random = SplitMix(seed: 53)
        for _ in 0..<20_000 {
            let text = Self.bytes(&random)
            text.withUnsafeBufferPointer { buffer in
                for index in 0...text.count {
                    if index < text.count {
                        #expect(ShortCutEchoes.markLength(at: index, in: buffer) == Self.referenceMarkLength(at: index, in: text))
                    }
                    #expect(ShortCutEchoes.markEnds(before: index, in: buffer) == Self.referenceMarkEnds(before: index, in: text))
                }
            }
        }
    }

    @Test func theThreeByteSearchFindsTheFirstOfThem() {
        var random = SplitMix(seed: 54)
        for _ in 0..<20_000 {
            let text = Self.bytes(&random)
            let wanted = (0..<3).map { _ in Self.markPieces[Int(random.next() % UInt64(Self.markPieces.count))].first ?? 0 }
            let start = text.isEmpty ? 0 : Int(random.next() % UInt64(text.count + 1))
            let expected = text.indices.first { $0 >= start && wanted.contains(text[$0]) }
            let found = text.withUnsafeBufferPointer {
                ByteSearch.firstIndex(ofAny: wanted[0], wanted[1], wanted[2], in: $0, from: start)
            }
            #expect(found == expected)
        }
    }

    /// `occurs` stops at the first run, and is true exactly when `masked` changes the text, as the whole run list was
    /// not empty then.
    @Test func occursAnswersWhetherMaskedChangesTheText() {
        let echoes = ShortCutEchoes([Secret("opensez"), Secret("whsec_crm_321"), Secret("abcdef"), Secret("zq.x*y")])
        let pieces = [
            "opens", "opense", "ensez", "sez", "OPENS", "whsec_crm", "crm_321", "_321", "abc", "abcde", "bcdef", "zq.x", "x*y",
            "\u{2026}", "\u{22EF}", "..", "...", ".", "*", "***", " ", "a", "-", "é",
        ]
        var random = SplitMix(seed: 55)
        for _ in 0..<20_000 {
            var text = (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let changes = echoes.masked(text) != text
            #expect(text.withUTF8 { echoes.occurs(in: $0) } == changes, "\(text)")
        }
    }

    @Test func theHeapsortSortsAsSortDoes() {
        var random = SplitMix(seed: 56)
        for _ in 0..<2_000 {
            let count = Int(random.next() % 700)
            let spread = random.next() % 3 == 0 ? UInt64(8) : UInt64.max
            var values = (0..<count).map { _ in random.next() % spread }
            let expected = values.sorted()
            SecretFragments.sortAscending(&values)
            #expect(values == expected)
        }
    }

    @Test func renderedLinesJoinAsAppendedLinesDo() {
        let pieces = ["", "a", "WEBHOOK", " ", "\u{2026}", "é", "e\u{301}", "\u{1F600}", "x x x x x x x x x x x x x x x x x"]
        var random = SplitMix(seed: 60)
        for _ in 0..<5_000 {
            let lines = (0..<Int(random.next() % 6)).map { _ in
                (0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            }
            #expect(Array(Renderer.joined(lines).utf8) == Array(lines.map { $0 + "\n" }.joined().utf8))
        }
    }

    /// The ids per kind before this session: every copy taken out, the id put first, the list cut to the limit.
    @Test func idsMovedInPlaceKeepTheOrderOfTakingOutAndInserting() {
        var random = SplitMix(seed: 57)
        let pool = (0..<9).map { "id-\($0)" }
        for _ in 0..<2_000 {
            let limit = Int(random.next() % 6) + 1
            var cache = IDCache(limit: limit)
            var reference: [String] = []
            for _ in 0..<Int(random.next() % 30) {
                let id = pool[Int(random.next() % UInt64(pool.count))]
                cache.remember(id, as: .webhook)
                reference.removeAll { $0 == id }
                reference.insert(id, at: 0)
                if reference.count > limit { reference.removeLast(reference.count - limit) }
                #expect(cache[.webhook] == reference)
            }
        }
    }

    @Test func offerableIdsReadAsTheirScalarsDo() {
        let pieces = ["3d4e", "ABC", "-", " ", "\t", "\u{7F}", "é", "\u{1B}", "\u{00A0}", "wamid.HB", "\u{2028}", "1"]
        var random = SplitMix(seed: 58)
        for _ in 0..<5_000 {
            let id = (0..<Int(random.next() % 5)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let reference =
                id.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
                || !id.unicodeScalars.contains { VisibleText.needsEscape($0) || $0.properties.isWhitespace }
            #expect(IDCache.isOfferable(id) == reference, "\(id.debugDescription)")
        }
    }

    /// A webhook id is found as `lowercased() ==` found it, look-alikes included (U+037E is canonically `;`, the Kelvin
    /// sign lowercases to `k`).
    @Test func webhookIdsCompareAsTheirLowercasedForms() {
        let pieces = ["3d4e", "3D4E", "-", "k", "K", "\u{212A}", ";", "\u{037E}", "é", "E\u{301}", "ß", "SS", "İ", "i"]
        var random = SplitMix(seed: 59)
        for _ in 0..<20_000 {
            let id = (0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let typed = (0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let wanted = typed.lowercased()
            #expect(ShellContext.equalIgnoringASCIICase(id, wanted) == (id.lowercased() == wanted), "\(id) \(typed)")
        }
    }

    /// The redactor's state is one box shared by copies: a change to one copy (a secret learned, one revealed) leaves
    /// the others as they were. Word-like secrets, which no shape rule masks on its own.
    @Test func aCopyOfTheRedactorKeepsItsOwnSecrets() {
        var first = Redactor(knownSecrets: [Secret("kopsfirstsecret")])
        let second = first
        first.remember(secret: "horsebatterystaple")
        #expect(first.knownSecrets.map(\.revealed) == ["kopsfirstsecret", "horsebatterystaple"])
        #expect(second.knownSecrets.map(\.revealed) == ["kopsfirstsecret"])
        #expect(first.redact("x horsebatterystaple y") == "x <redacted> y")
        #expect(second.redact("x horsebatterystaple y") == "x horsebatterystaple y")
        let revealing = first.revealing("kopsfirstsecret")
        #expect(revealing.redact("x kopsfirstsecret y") == "x kopsfirstsecret y")
        #expect(first.redact("x kopsfirstsecret y") == "x <redacted> y")
        #expect(first.knownSecrets.count == 2)
    }
}
