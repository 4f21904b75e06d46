internal import KapsoDiagnostics
internal import TOMLKit

/// The parsed `config.toml`: named profiles and which one is the default.
///
/// ```toml
/// default_profile = "acme"
///
/// [profiles.acme]
/// base_url = "https://api.kapso.ai"
/// api_key_env = "ACME_KAPSO_KEY"        # or api_key_command = "pass show kapso/acme"
/// phone_number_id = "100200300400501"
/// output = "table"
/// color = true
/// ```
public struct KopsConfig: Sendable, Equatable {
    public var defaultProfile: String?
    public var profiles: [Profile]
    /// Unknown keys, each a one-line warning naming the line; they are ignored.
    public var warnings: [String]

    public init(defaultProfile: String? = nil, profiles: [Profile] = [], warnings: [String] = []) {
        self.defaultProfile = defaultProfile
        self.profiles = profiles
        self.warnings = warnings
    }

    public func profile(named name: String) -> Profile? {
        profiles.first { $0.name == name }
    }

    static let profileKeys: Set = ["base_url", "api_key_env", "api_key_command", "phone_number_id", "output", "color"]
    static let secretKeys: Set = ["api_key", "key", "secret", "secret_key", "token", "password", "apikey"]

    /// The column of the quote that opens a basic string left unclosed on `line`, when the parser's error at `column`
    /// is that line's end (toml++ reports a forgotten closing quote as an "unescaped control character", the newline:
    /// probe16 P16-11); nil for any other error.
    static func unclosedString(in text: String, line: Int, column: Int) -> Int? {
        // "\r\n" is one Character: both line ends split.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard line >= 1, line <= lines.count else { return nil }
        let content = Array(lines[line - 1])
        guard column > content.count, let value = content.firstIndex(of: "=") else { return nil }
        var open: Int?
        var escaped = false
        for index in content.indices.dropFirst(value + 1) {
            let character = content[index]
            if open == nil {
                if character == "#" { return nil }
                if character == "\"" { open = index }
            } else if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return nil
            }
        }
        return open.map { $0 + 1 }
    }

    /// Parses the file's text; `path` only labels errors. An `api_key_env` is read with `environment`
    /// (`KeyEnvName.read(_:environment:knownKeys:)`): one that is a key value kops knows from it is refused as a key
    /// written into the file, and one that reads as a key by its shape alone is a name when that variable is set there.
    public static func parse(_ text: String, path: String, environment: [String: String] = [:]) throws(ConfigError) -> KopsConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let (line, column) = (error.source.begin.line, error.source.begin.column)
            if let opening = unclosedString(in: text, line: line, column: column) {
                throw .syntax(
                    path: path, line: line, column: opening,
                    message: "the quoted value opened here is not closed: the line ends before its closing '\"'")
            }
            throw .syntax(path: path, line: line, column: column, message: error.description.lowercased())
        } catch {
            throw .syntax(path: path, line: 1, column: 1, message: "\(error)")
        }
        let lines = SourceLines(text)
        var config = KopsConfig()
        var warnings: [(line: Int?, text: String)] = []
        func inLineOrder() -> [String] { warnings.sorted { ($0.line ?? .max) < ($1.line ?? .max) }.map(\.text) }
        for key in table.keys where key != "default_profile" && key != "profiles" {
            let line = lines.line(of: key, in: nil)
            warnings.append((line, "\(path):\(line.map(String.init) ?? "?"): unknown key '\(key)'; ignored"))
        }
        if let value = table["default_profile"] {
            guard let name = value.string else {
                throw .invalidValue(path: path, line: lines.line(of: "default_profile", in: nil), key: "default_profile", expected: "a profile name in quotes")
            }
            config.defaultProfile = name
        }
        guard let profiles = table["profiles"] else {
            config.warnings = inLineOrder()
            return config
        }
        guard let profiles = profiles.table else {
            throw .invalidValue(path: path, line: lines.line(of: "profiles", in: nil), key: "profiles", expected: "[profiles.NAME] tables")
        }
        let knownKeys = KeyEnvName.knownKeys(
            environment: environment, variables: profiles.keys.compactMap { profiles[$0]?.table?["api_key_env"]?.string })
        for name in profiles.keys {
            guard Profile.isValidName(name) else {
                throw .invalidProfileName(path: path, line: lines.line(of: name, in: "profiles"), name: name)
            }
            guard let entry = profiles[name]?.table else {
                throw .invalidValue(path: path, line: lines.line(of: name, in: "profiles"), key: "profiles.\(name)", expected: "a [profiles.\(name)] table")
            }
            config.profiles.append(
                try profile(name, entry, path: path, lines: lines, keys: (environment, knownKeys), warnings: &warnings))
        }
        config.warnings = inLineOrder()
        return config
    }

    private static func profile(
        _ name: String, _ table: TOMLTable, path: String, lines: SourceLines,
        keys: (environment: [String: String], known: Set<String>), warnings: inout [(line: Int?, text: String)]
    ) throws(ConfigError) -> Profile {
        let section = "profiles.\(name)"
        func line(_ key: String) -> Int? { lines.line(of: key, in: section) }
        func string(_ key: String) throws(ConfigError) -> String? {
            guard let value = table[key] else { return nil }
            guard let text = value.string else { throw .invalidValue(path: path, line: line(key), key: key, expected: "a string in quotes") }
            return text
        }
        for key in table.keys where !profileKeys.contains(key) {
            if secretKeys.contains(key.lowercased()) { throw .literalKey(path: path, line: line(key), profile: name, key: key) }
            warnings.append((line(key), "\(path):\(line(key).map(String.init) ?? "?"): unknown key '\(key)' in [\(section)]; ignored"))
        }
        var profile = Profile(name: name)
        profile.baseURL = try string("base_url")
        profile.apiKeyEnv = try string("api_key_env")
        if let variable = profile.apiKeyEnv {
            switch KeyEnvName.read(variable, environment: keys.environment, knownKeys: keys.known) {
            case .name: break
            case .mistyped(let faults, let meant):
                throw .mistypedKeyEnv(path: path, line: line("api_key_env"), profile: name, value: variable, faults: faults, meant: meant)
            case .secret:
                throw .literalKey(path: path, line: line("api_key_env"), profile: name, key: "api_key_env")
            case .file:
                throw .invalidValue(
                    path: path, line: line("api_key_env"), key: "api_key_env",
                    expected: "an environment variable's NAME; " + KeyEnvName.fileAdvice(variable, inConfig: true))
            }
        }
        profile.apiKeyCommand = try string("api_key_command")
        if let command = profile.apiKeyCommand, KeyCommand.printsLiteralKey(command) {
            throw .literalKey(path: path, line: line("api_key_command"), profile: name, key: "api_key_command")
        }
        profile.phoneNumberID = try string("phone_number_id")
        // A blank, tab or line end around the id: read without it, as `use` reads a pasted one, and said at start. Sent as
        // written, every list filtered by it came back empty and `health` called the id "not found" while listing it
        // (tester61 AJ7).
        if let written = profile.phoneNumberID, let (id, miss) = IDResolver.strayWhitespace(written) {
            let at = line("phone_number_id")
            warnings.append(
                (at, "\(path):\(at.map(String.init) ?? "?"): profile '\(name)' has phone_number_id = \(ConfigFile.quoted(written)), which is \(id) "
                    + "with \(miss); read as \(id) here; write phone_number_id = \"\(id)\" in the file"))
            profile.phoneNumberID = id
        }
        // Read as a typed id is (`use`): a letter O for a 0 or a `/…` tail is named here, with the id to write, not blamed
        // on the project or key by the first request (probe27 P27-17).
        if let id = profile.phoneNumberID, case .failure(let problem) = IDInput.read(id) {
            throw .unreadablePhoneNumberID(path: path, line: line("phone_number_id"), profile: name, id: id, reason: problem.reason)
        }
        if let output = try string("output") {
            guard let mode = OutputMode(rawValue: output) else {
                throw .invalidValue(path: path, line: line("output"), key: "output", expected: "table, json, expanded or auto")
            }
            profile.output = mode
        }
        if let value = table["color"] {
            guard let flag = value.bool else { throw .invalidValue(path: path, line: line("color"), key: "color", expected: "true or false") }
            profile.color = flag
        }
        return profile
    }
}

/// Finds the line of `key = ...` inside a `[section]` of the raw text, for error messages.
///
/// TOMLKit reports no positions for values, so this reads the lines itself: table headers
/// (`[a.b]`, `[[a]]`, `[ a . "b" ]`) and keys (`key`, `"key"`, `'key'`, `a.b`) are split into
/// their dotted parts with quotes removed, the way TOML names them.
struct SourceLines {
    let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// 1-based line where `key` is set in `section` (nil = top level): `key = …`, a dotted
    /// `key.x = …`, or a table `[section.key]` / `[section.key.x]`; nil when not found.
    func line(of key: String, in section: String?) -> Int? {
        let table = section.map(Self.parts) ?? []
        var current: [String] = []
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingSpaces()
            if line.hasPrefix("[") {
                let inside = line.drop { $0 == "[" }
                current = Self.parts(String(inside.prefix(upTo: Self.end(of: inside, at: "]"))))
                if current.count > table.count, Array(current.prefix(table.count)) == table, current[table.count] == key {
                    return index + 1
                }
                continue
            }
            guard current == table else { continue }
            let name = line.prefix(upTo: Self.end(of: Substring(line), at: "="))
            guard name.endIndex != line.endIndex else { continue }
            if Self.parts(String(name)).first == key { return index + 1 }
        }
        return nil
    }

    /// The index of the first `stop` outside quotes, or the end.
    private static func end(of text: Substring, at stop: Character) -> Substring.Index {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == stop {
                return index
            }
            index = text.index(after: index)
        }
        return text.endIndex
    }

    /// `a . "b.c" . 'd'` → `["a", "b.c", "d"]`.
    private static func parts(_ name: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(name)
        while true {
            let stop = end(of: rest, at: ".")
            var part = rest[..<stop].trimmingSpaces()
            if part.count >= 2, let first = part.first, first == "\"" || first == "'", part.last == first {
                part = String(part.dropFirst().dropLast())
            }
            parts.append(part)
            guard stop < rest.endIndex else { return parts }
            rest = rest[rest.index(after: stop)...]
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
