internal import Foundation
internal import KapsoClient

/// What `kops check` needs to replay a masked transcript: each command line that masking changed, as it
/// was typed. Kept beside the transcript in a private file (`FILE.md.restore`, mode 0600) that is never
/// part of the Markdown people paste into tickets.
///
/// `{"kops restore": 1, "lines": {"message <message 1>": "message wamid.HBgL…", "whois '+1 415 ••• 0157'":
/// ["whois '+1.415.555.0157'", "whois '(415) 555-0157'"]}}`: a masked line maps to the line as typed, or,
/// when different typed lines mask to the same text, to one typed line per occurrence of the masked line
/// among the transcript's blocks (in order; occurrences past the list's end repeat its last line).
public struct TranscriptRestore: Sendable, Equatable {
    /// Masked command line → the lines as typed, by occurrence.
    public var lines: [String: [String]] = [:]
    /// Each alias the transcript shows → a salted hash of the value it stands for (`PIIMasker+ValueHashes`), and the
    /// salt: `kops check` gives a kept page's alias back only to the value it stood for (tester69b D4).
    public var salt: String?
    public var values: [String: String] = [:]

    public init(lines: [String: [String]] = [:]) {
        self.lines = lines
    }

    /// The line as typed for the `occurrence`-th (0-based) block whose command line reads `masked`.
    /// A line whose whitespace an editor changed (trailing spaces trimmed, tabs turned to spaces) finds the entry
    /// kept for it as recorded (probe22 P22-12): looked up with its runs of whitespace read as one space.
    public func line(for masked: String, occurrence: Int) -> String? {
        let key = TranscriptRestore.normalizedKey(masked)
        guard let typed = lines[masked] ?? lines.keys.sorted().first(where: { TranscriptRestore.normalizedKey($0) == key }).flatMap { lines[$0] },
            !typed.isEmpty
        else { return nil }
        return typed[min(occurrence, typed.count - 1)]
    }

    /// True when the restore file's line, masked as it is replayed (`shown`), is the command `page` shows: the same
    /// but for whitespace and the numbers of aliases (a live API's new message makes the recorded `<message 3>`
    /// `<message 4>`: the aliases are numbered in the order the replay meets the values). Another command, another
    /// argument or another masked number is not (probe22 P22-17).
    public static func masksAlike(_ shown: String, _ page: String) -> Bool {
        func shape(_ line: String) -> String {
            normalizedKey(line).replacingOccurrences(of: "<([a-z][a-z ]*) [0-9]+>", with: "<$1 #>", options: .regularExpression)
        }
        return shape(shown) == shape(page)
    }

    /// `line` with leading and trailing whitespace dropped and each run of spaces and tabs read as one space: two
    /// command lines the lexer reads alike outside quotes compare equal.
    public static func normalizedKey(_ line: String) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Keeps `typed` as the `occurrence`-th (0-based) block whose command line reads `masked`.
    public mutating func keep(_ typed: String, for masked: String, occurrence: Int) {
        var list = lines[masked] ?? []
        if occurrence < list.count {
            list[occurrence] = typed
        } else if let last = list.last {
            guard last != typed else { return }
            list += Array(repeating: last, count: occurrence - list.count) + [typed]
        } else {
            list = [typed]
        }
        lines[masked] = list
    }

    /// Adds another file's lines for blocks that follow this file's: `counts` gives how many blocks of
    /// each masked line come before them.
    public mutating func append(_ other: TranscriptRestore, after counts: [String: Int]) {
        for (masked, typed) in other.lines {
            for (index, line) in typed.enumerated() {
                keep(line, for: masked, occurrence: counts[masked, default: 0] + index)
            }
        }
        // Hashes under another salt would name no value: only a file's own (or the first) salt's are kept.
        guard salt == nil || salt == other.salt else { return }
        salt = salt ?? other.salt
        values.merge(other.values) { mine, _ in mine }
    }

    /// `ticket.md` → `ticket.md.restore`.
    public static func path(besides transcript: String) -> String { transcript + ".restore" }

    /// The transcript whose restore file `path` is (`ticket.md` for `ticket.md.restore`), when that transcript exists or
    /// the file at `path` is a restore file; nil for any other path. `record`/`bundle X.md.restore --force` replaced
    /// another transcript's restore file without a word, and that transcript could no longer be checked (probe27 P27-8).
    public static func transcript(owning path: String) -> String? {
        guard path.hasSuffix(".restore"), path.count > ".restore".count else { return nil }
        let transcript = String(path.dropLast(".restore".count))
        if FileManager.default.fileExists(atPath: transcript) { return transcript }
        guard let data = FileManager.default.contents(atPath: path), let json = try? JSONValue.parse(data),
            json["lines"]?.object != nil
        else { return nil }
        return transcript
    }

    /// Why the file beside `transcript` is not a restore file (`JSON error: … at byte 52`, `no "lines" object`), or nil
    /// when it is one or there is none: `kops check` names it, rather than calling it missing (probe22 P22-17).
    public static func problem(besides transcript: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path(besides: transcript)) else { return nil }
        do {
            let json = try JSONValue.parse(data)
            return json["lines"]?.object == nil ? "it has no \"lines\" object" : nil
        } catch {
            return "JSON error: \(error.message)"
        }
    }

    /// The restore file beside `transcript`, or nil when there is none or it is not one.
    public static func load(besides transcript: String) -> TranscriptRestore? {
        guard let data = FileManager.default.contents(atPath: path(besides: transcript)),
            let json = try? JSONValue.parse(data), let object = json["lines"]?.object
        else { return nil }
        var restore = TranscriptRestore()
        restore.salt = json["salt"]?.string
        for entry in json["values"]?.object?.entries ?? [] {
            if let hash = entry.value.string { restore.values[entry.key] = hash }
        }
        for entry in object.entries {
            if let line = entry.value.string {
                restore.lines[entry.key] = [line]
            } else if case .array(let items) = entry.value {
                let typed = items.compactMap(\.string)
                if !typed.isEmpty { restore.lines[entry.key] = typed }
            }
        }
        return restore
    }

    /// The file's JSON text, keys sorted so rewrites are stable; a line typed one way is a plain string.
    public var json: String {
        let entries = lines.keys.sorted().map { key in
            let typed = lines[key] ?? []
            let value: JSONValue = typed.count == 1 ? .string(typed[0]) : .array(typed.map(JSONValue.string))
            return JSONObject.Entry(key: key, value: value)
        }
        var fields = [
            JSONObject.Entry(key: "kops restore", value: .number("1")),
            JSONObject.Entry(key: "lines", value: .object(JSONObject(entries))),
        ]
        if let salt, !values.isEmpty {
            let hashes = values.keys.sorted().map { JSONObject.Entry(key: $0, value: .string(values[$0] ?? "")) }
            fields += [
                JSONObject.Entry(key: "salt", value: .string(salt)),
                JSONObject.Entry(key: "values", value: .object(JSONObject(hashes))),
            ]
        }
        let object = JSONObject(fields)
        return JSONValue.object(object).serialized(pretty: true) + "\n"
    }

    /// Writes the file beside `transcript`: a new one readable by its owner only (0600), one that exists with its mode,
    /// owner and group (`WholeFile.replace`; it was made 0600 in the writer's group, whatever the user had chosen).
    /// Returns false when the file could not be written (a full disk); a hard-linked file left alone counts as saved.
    @discardableResult
    public func save(besides transcript: String) -> Bool {
        // The same link policy as the transcript's: a link is followed, a hard-linked file left alone.
        guard let path = try? TranscriptFile.target(of: TranscriptRestore.path(besides: transcript)) else { return true }
        do {
            try WholeFile.replace(Array(json.utf8), at: path, mode: 0o600)
            return true
        } catch {
            return false
        }
    }

    /// How many blocks of each command line `text` (a transcript or its blocks) holds, read as `kops check` reads them
    /// (`TranscriptParser.commonMarkRead`: an indented or hand-edited fence counts).
    public static func occurrences(in text: String) -> [String: Int] {
        TranscriptParser(TranscriptParser.commonMarkRead(text).text).commands.reduce(into: [:]) { counts, entry in counts[entry.command, default: 0] += 1 }
    }
}
