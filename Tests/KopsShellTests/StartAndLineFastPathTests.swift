import KapsoDiagnostics
import KopsTestSupport
import Testing

@testable import KopsShell

/// The per-line and per-result readings made cheaper in session 38 (docs/performance.md, "Session 38") answer as the
/// readings they replace, on random inputs built from the pieces that could tell them apart.
@Suite struct StartAndLineFastPathTests {
    /// `ShellOperatorError.find` as it was: the line's characters made before looking at any word.
    static func referenceFind(in words: [Word], line: String, registry: CommandRegistry) -> ShellOperatorError? {
        guard let name = words.first?.text, !ShellOperatorError.ownSyntax.contains(name) else { return nil }
        let characters = Array(line)
        for (index, word) in words.enumerated().dropFirst() {
            guard let symbol = ShellOperatorError.symbol(of: word.text) else { continue }
            let at = word.column - 1
            guard at >= 0, at < characters.count, characters[at] == word.text.first else { continue }
            let before = words[..<index].map(\.text)
            let glued = word.text == symbol ? [] : [String(word.text.dropFirst(symbol.count))]
            var error = ShellOperatorError(command: name, symbol: symbol, before: before, after: glued + words[(index + 1)...].map(\.text))
            error.sends = ScriptPolicy.wouldSend(before, registry: registry)
            return error
        }
        return nil
    }

    @Test func theOperatorTestAnswersAsWithTheLinesCharactersMadeFirst() {
        let pieces = [
            "explain", "whois", "reply", "assert", "numbers", " ", " ", "|", ">", ">>", "2>&1", "<", "'|'", "\"|\"", "\\|",
            "x", "131047", "e\u{301}", "é", "\u{301}", "|\u{301}", "grep", "out.txt", "'a b'", "\t",
        ]
        let registry = CommandRegistry.standard
        var random = SplitMix(seed: 38)
        var found = 0
        var none = 0
        for _ in 0..<20_000 {
            let line = (0..<Int(1 + random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            guard let commands = try? Lexer.commands(in: line) else { continue }
            for words in commands {
                let answer = ShellOperatorError.find(in: words, line: line, registry: registry)
                #expect(answer == Self.referenceFind(in: words, line: line, registry: registry), "\(line.debugDescription)")
                if answer == nil { none += 1 } else { found += 1 }
            }
        }
        #expect(found > 300)
        #expect(none > 1_000)
    }

    @Test func idsAreRememberedAsBefore() {
        var random = SplitMix(seed: 3_838)
        let ids = ["a", "b", "c", "100200300400501", "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70", "é", "e\u{301}"]
        for _ in 0..<500 {
            let limit = Int(random.next() % 4)
            var cache = IDCache(limit: limit)
            var lists: [IDCache.Kind: [String]] = [:]
            var labels: [String: String] = [:]
            for _ in 0..<Int(random.next() % 12) {
                let id = ids[Int(random.next() % UInt64(ids.count))]
                let kind = IDCache.Kind.allCases[Int(random.next() % UInt64(IDCache.Kind.allCases.count))]
                let label = random.next() % 2 == 0 ? nil : "label \(random.next() % 3)"
                cache.remember(id, as: kind, label: label)
                // The reading before this session: the list taken out, edited and put back.
                var list = lists.removeValue(forKey: kind) ?? []
                list.removeAll { $0 == id }
                list.insert(id, at: 0)
                if list.count > limit { list.removeLast(list.count - limit) }
                lists[kind] = list
                if let label { labels[id] = label }
            }
            for kind in IDCache.Kind.allCases { #expect(cache[kind] == (lists[kind] ?? [])) }
            #expect(cache.ids == lists)
            #expect(cache.labels == labels)
        }
    }

    @Test func eachKindIsItsOwnKey() {
        let kinds = IDCache.Kind.allCases
        #expect(Set(kinds).count == kinds.count)
        for first in kinds {
            for second in kinds { #expect((first == second) == (first.rawValue == second.rawValue)) }
        }
    }
}

extension StartAndLineFastPathTests {
    @Test func theCommentStartIsTheScalarWalks() {
        let pieces = ["#", " #", "a#b", "\\#", "'", "\"", "\\", ";", " ", "\t", "x", "é", "\u{301}", "#\u{301}", "numbers", "C:\\", "\u{FF03}"]
        var random = SplitMix(seed: 3_801)
        var found = 0
        var none = 0
        for _ in 0..<20_000 {
            let line = (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let answer = Lexer.commentStart(in: line)
            #expect(answer == Lexer.commentStartScanning(in: line), "\(line.debugDescription)")
            if answer == nil { none += 1 } else { found += 1 }
        }
        #expect(found > 2_000)
        #expect(none > 2_000)
    }
}
