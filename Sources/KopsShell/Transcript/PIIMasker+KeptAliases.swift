internal import KapsoDiagnostics

/// The aliases of a list page `kops check` keeps as recorded (a `next` that continued a list made before the recording,
/// `TranscriptChecker+BeforeRecording`): the recording's masker met those values there first and numbered them
/// (`<contact 1>`, `<message 1>`), the replay's never meets them there, so when a later line shows one of them again the
/// replay gave it the next unused alias (`<contact 2>`), and an unchanged session failed its check on numbering alone;
/// `--update` then wrote one contact as `<contact 1>` and `<contact 2>` (tester68b B7).
///
/// The replay learns which of its values those aliases stand for from the later blocks themselves: where a replayed line
/// reads as the file's but for its aliases, an alias the replay gave in that block stands for the value the file's alias
/// names (the page's other columns agree: time, direction, status), and the masker takes the file's alias for it from
/// then on (`adoptKeptAliases`). A line that differs otherwise is no evidence, so a real change still shows.
extension PIIMasker {
    /// An alias as written: its kind (`message` for `<base64 of message N>` too), its number, where it stands.
    struct AliasToken {
        var range: Range<String.Index>
        var kind: String
        var number: Int
        var name: String { "<\(kind) \(number)>" }
    }

    /// The aliases this masker has given and how many of each kind it numbered, before a replayed line runs.
    struct AliasState {
        var given: Set<String>
        var counts: [String: Int]
    }

    var givenAliases: Set<String> { Set(aliases.values).union(messages.values).union(users.values) }

    var aliasState: AliasState { AliasState(given: givenAliases, counts: aliasCounts) }

    /// Holds the aliases a kept list page (`block`) shows that this masker never gave: values met before the recording.
    func holdKeptAliases(in block: String) {
        let given = givenAliases
        for token in Self.aliasTokens(in: Substring(block)) where !given.contains(token.name) { keptAliases.insert(token.name) }
    }

    /// The aliases this masker gave since `before` that a replayed block (`replayed`) shows where the file's block
    /// (`recorded`) shows another alias on a line that reads alike but for its aliases, each renamed to the file's when that
    /// alias is a held one (`holdKeptAliases`) or one nothing on the page before this block (`shownBefore`) and nothing
    /// else now has; an alias given in this block that no such line pairs takes the lowest number left, so none is skipped.
    /// The masker uses the new names from now on; returned (old → new) for the block's text. Empty when nothing is held.
    func adoptKeptAliases(replayed: String, recorded: String, since before: AliasState, shownBefore: (String) -> Bool)
        -> [String: String]
    {
        guard !keptAliases.isEmpty else { return [:] }
        let given = givenAliases
        let fresh = given.subtracting(before.given)
        guard !fresh.isEmpty else { return [:] }
        var (targets, sources) = ([String: Set<String>](), [String: Set<String>]())
        for (old, new) in Self.alikeLines(recorded, replayed) {
            for (file, replay) in zip(Self.aliasTokens(in: old), Self.aliasTokens(in: new)) {
                targets[replay.name, default: []].insert(file.name)
                sources[file.name, default: []].insert(replay.name)
            }
        }
        var renaming: [String: String] = [:]
        for alias in fresh {
            guard let named = targets[alias], named.count == 1, let file = named.first, file != alias,
                sources[file]?.count == 1
            else { continue }
            renaming[alias] = file
        }
        // A name another value keeps, or one the page showed before for a value this masker does not know, is not taken.
        while true {
            let keeping = given.subtracting(renaming.keys)
            let allowed = renaming.filter { keptAliases.contains($0.value) || (!keeping.contains($0.value) && !shownBefore($0.value)) }
            if allowed.count == renaming.count { break }
            renaming = allowed
        }
        var used = given.subtracting(renaming.keys).union(renaming.values).union(keptAliases)
        let unpaired = fresh.filter { targets[$0] == nil }.compactMap { Self.aliasTokens(in: Substring($0)).first }
        for token in unpaired.sorted(by: { $0.number < $1.number }) {
            var number = before.counts[token.kind, default: 0] + 1
            while used.contains("<\(token.kind) \(number)>") || shownBefore("<\(token.kind) \(number)>") { number += 1 }
            guard number < token.number else { continue }
            used.remove(token.name)
            used.insert("<\(token.kind) \(number)>")
            renaming[token.name] = "<\(token.kind) \(number)>"
        }
        guard !renaming.isEmpty else { return [:] }
        for (key, alias) in aliases { if let new = renaming[alias] { aliases[key] = new } }
        for (key, alias) in messages { if let new = renaming[alias] { messages[key] = new } }
        for (key, alias) in users { if let new = renaming[alias] { users[key] = new } }
        keptAliases.subtract(renaming.values)
        let numbered = Self.aliasTokens(in: Substring(givenAliases.sorted().joined()))
        for kind in Set(numbered.map(\.kind)) {
            let highest = numbered.filter { $0.kind == kind }.map(\.number).max() ?? 0
            aliasCounts[kind] = max(before.counts[kind, default: 0], highest)
        }
        return renaming
    }

    /// `text` with each alias `renaming` names written as its new name, the column gap after it kept aligned.
    static func renamingAliases(in text: String, _ renaming: [String: String]) -> String {
        guard !renaming.isEmpty else { return text }
        var (result, copied) = ("", text.startIndex)
        for token in aliasTokens(in: Substring(text)) {
            guard let new = renaming[token.name], token.range.lowerBound >= copied else { continue }
            let written = text[token.range]
            let shown = written.hasPrefix("<base64 of ") ? "<base64 of " + new.dropFirst() : new
            result += text[copied..<token.range.lowerBound] + shown
            // As `realigned`: a gap of two spaces or more after it grows or shrinks by what the name lost or gained.
            var after = text[token.range.upperBound...]
            let (spaces, delta) = (after.prefix { $0 == " " }.count, shown.count - written.count)
            if spaces >= 2, delta < 0 { result += String(repeating: " ", count: -delta) }
            if spaces >= 2, delta > 0 { after = after.dropFirst(min(delta, spaces - 2)) }
            copied = after.startIndex
        }
        return result + text[copied...]
    }

    /// The aliases written in `text`, in order.
    static func aliasTokens(in text: Substring) -> [AliasToken] {
        var tokens: [AliasToken] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "<") {
            index = text.index(after: open)
            for kind in TranscriptMask.kinds.map(\.kind) where text[index...].hasPrefix(kind + " ") {
                let digits = text[index...].dropFirst(kind.count + 1).prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty, digits.endIndex < text.endIndex, text[digits.endIndex] == ">", let number = Int(digits)
                else { continue }
                index = text.index(after: digits.endIndex)
                tokens.append(AliasToken(range: open..<index, kind: kind == "base64 of message" ? "message" : kind, number: number))
                break
            }
        }
        return tokens
    }

    /// The lines of `old` and `new` that read alike but for their aliases and the width of column gaps, paired in order.
    static func alikeLines(_ old: String, _ new: String) -> [(Substring, Substring)] {
        let (oldLines, newLines) = (old.split(separator: "\n"), new.split(separator: "\n"))
        let (oldShapes, newShapes) = (oldLines.map(aliasShape), newLines.map(aliasShape))
        var (removed, inserted) = (Set<Int>(), Set<Int>())
        for change in newShapes.difference(from: oldShapes) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        let pairs = zip(oldLines.indices.filter { !removed.contains($0) }, newLines.indices.filter { !inserted.contains($0) })
        return pairs.filter { oldLines[$0.0] != newLines[$0.1] }.map { (oldLines[$0.0], newLines[$0.1]) }
    }

    /// `line` with each alias written as its kind alone (`<contact>`) and each run of spaces as one.
    static func aliasShape(_ line: Substring) -> String {
        var (shape, copied) = ("", line.startIndex)
        for token in aliasTokens(in: line) {
            shape += line[copied..<token.range.lowerBound] + "<\(token.kind)>"
            copied = token.range.upperBound
        }
        shape += line[copied...]
        return shape.split(separator: " ").joined(separator: " ")
    }
}
