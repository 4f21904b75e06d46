/// Which learned values (bodies, names, rendered template sends) a text may hold, found in one pass over the text.
///
/// `mask(_:content:)` tried every learned value on every text: a cell of a 600-row list was searched for each of the
/// 1,200 bodies and names the list had taught, so recording a list took time that grew with rows × values (tester57
/// AB17: 600 rows in 18.5 s, three `--all` lists of 2,000 rows in 415 s, `PIIMasker.replace` → `CFStringFind` on top).
/// The values are kept in a trie of their words as `replace` matches them (`Pattern`: joined by one space, at most
/// `depth` characters deep), and a text is walked once from each character; a value is tried only where the walk
/// reaches its end, in the order the masker tries them (longest first), so the page is what it was.
///
/// Why no other value can match: in a text without `\` (no escape for `replace` to read) and without `…` (no cut
/// form), a match is the value's words in order, separated by runs of whitespace, which the walk reads as one space
/// (`folded`). What an earlier value's replacement writes is never matched (`insertedSpans`), and outside it the text
/// keeps its characters (a column gap grows or shrinks but stays whitespace), so a value found in the replaced text is
/// found in the text as it came. A text with `\` or `…` (a JSON string with escapes, a prompt line's `…0501`) is tried
/// with every value, as before.
extension PIIMasker {
    struct LearnedIndex {
        /// Which list a value was learned into: the order `mask` tries them in (bodies before names of one length).
        enum Kind: Int {
            case body, contact, renderedTemplate
        }

        struct Entry {
            var value: String
            var kind: Kind
            /// The value's length in characters: the longer is tried first.
            var count: Int
            /// When it was learned: of one length and kind, the earlier is tried first.
            var sequence: Int
        }

        /// How many characters of a value's words the trie holds: a value longer is tried wherever its first `depth` are.
        static let depth = 24

        private struct Edge: Hashable {
            var node: Int32
            var character: Character
        }

        private(set) var entries: [Entry] = []
        private var known: [Set<String>] = [[], [], []]
        private var edges: [Edge: Int32] = [:]
        /// Each node's entries whose words end there (or go on past `depth`).
        private var ending: [[Int32]] = [[]]

        /// True when `value` is learned as `kind`.
        func contains(_ value: String, as kind: Kind) -> Bool { known[kind.rawValue].contains(value) }

        /// Learns `value` (its words as `pattern` reads them) as `kind`; false when it is learned already.
        mutating func insert(_ value: String, kind: Kind, pattern: Pattern) -> Bool {
            guard known[kind.rawValue].insert(value).inserted else { return false }
            let id = Int32(entries.count)
            entries.append(Entry(value: value, kind: kind, count: value.count, sequence: entries.count))
            let key = Array(pattern.words.joined(separator: [" "]).prefix(Self.depth))
            // A value of whitespace alone never matches: nothing to find it by.
            guard !key.isEmpty else { return true }
            var node: Int32 = 0
            for character in key {
                if let child = edges[Edge(node: node, character: character)] {
                    node = child
                } else {
                    let child = Int32(ending.count)
                    ending.append([])
                    edges[Edge(node: node, character: character)] = child
                    node = child
                }
            }
            ending[Int(node)].append(id)
            return true
        }

        /// The entries `text` may hold, in the order `mask` tries them: the bodies and names (longest first, bodies
        /// before names of one length, earlier learned first), then the rendered template sends (longest first).
        /// Every entry for a text with `\` or `…` (see the type's comment).
        func candidates(in text: String) -> (learned: [Entry], templates: [Entry]) {
            var found: Set<Int32> = []
            if text.contains("\\") || text.contains("…") {
                found = Set(entries.indices.map { Int32($0) })
            } else {
                let folded = Self.folded(text)
                for start in folded.indices where edges[Edge(node: 0, character: folded[start])] != nil {
                    var node: Int32 = 0
                    var index = start
                    var depth = 0
                    while depth < Self.depth, index < folded.count, let child = edges[Edge(node: node, character: folded[index])] {
                        node = child
                        index += 1
                        depth += 1
                        found.formUnion(ending[Int(node)])
                    }
                }
            }
            let ordered: [Entry] = found.map { entries[Int($0)] }.sorted(by: Self.triedBefore)
            let templates: [Entry] = ordered.filter { $0.kind == Kind.renderedTemplate }
            return (ordered.filter { $0.kind != Kind.renderedTemplate }, templates)
        }

        /// Longer first; of one length, a body before a name, then the one learned first.
        private static func triedBefore(_ a: Entry, _ b: Entry) -> Bool {
            if a.count != b.count { return a.count > b.count }
            if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
            return a.sequence < b.sequence
        }

        /// `text`'s characters with each run of whitespace as one space, as a pattern's words are joined.
        static func folded(_ text: String) -> [Character] {
            var folded: [Character] = []
            folded.reserveCapacity(text.utf8.count)
            for character in text {
                if character.isWhitespace {
                    if folded.last != " " { folded.append(" ") }
                } else {
                    folded.append(character)
                }
            }
            return folded
        }
    }
}
