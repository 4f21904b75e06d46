internal import Foundation

/// Where `config.toml` lives and how it is read and (atomically, 0600) written.
public struct ConfigFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// `$XDG_CONFIG_HOME/kops/config.toml`, default `~/.config/kops/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String? {
        XDGFolder.config.path(environment: environment).map { $0 + "/kops/config.toml" }
    }

    /// The parsed file, its `api_key_env`s read with `environment` (`KopsConfig.parse`); an absent file is an empty
    /// configuration.
    public func load(environment: [String: String] = [:]) throws(ConfigError) -> KopsConfig {
        // Absent only when nothing is there (ENOENT, ENOTDIR): a folder kops may not enter, or a link that loops, hides
        // the user's profiles and is said so (probe22 P22-3: the profiles vanished without a word).
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return KopsConfig() }
            throw .unreadable(path: path, reason: String(cString: strerror(code)).lowercased() + " (the file or a folder above it)")
        }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw .unreadable(path: path, reason: "it is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = access(path, R_OK) == 0 ? "it could not be read" : String(cString: strerror(errno)).lowercased()
            throw .unreadable(path: path, reason: reason)
        }
        // A byte that is not UTF-8 (a Latin-1 profile name) is named with its line, as a script's is, not read as U+FFFD
        // (probe27 P27-6: `profile: a\u{FFFD}`).
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            throw .notUTF8(path: path, problem: ScriptRunner.encodingProblem(Array(data)))
        }
        return try KopsConfig.parse(text, path: path, environment: environment)
    }

    /// What `save` did: whether the profile became the default, and where the file as it was before a replaced profile
    /// is kept (nil when none was replaced).
    public struct Saved: Sendable {
        public var becameDefault: Bool
        public var backup: String?
    }

    /// Adds (or replaces) a profile, keeping the rest of the file, and makes it the default when asked or when it
    /// is the file's first profile. Written atomically, mode 0600.
    /// A replaced profile keeps its place and its full-line comments, and the whole previous file is kept in a new
    /// backup beside it, `config.toml~` or the first free `config.toml.~N~` (probe29 P29-13: the old table, its comments
    /// and phone_number_id were gone without a trace; tester53 T9: a second replace overwrote the first's backup).
    /// The file is read, and read back, with `environment` as `load(environment:)` reads it.
    @discardableResult
    public func save(_ profile: Profile, makeDefault: Bool = false, environment: [String: String] = [:]) throws(ConfigError) -> Saved {
        let original = try readText()
        var text = original
        let existing = try KopsConfig.parse(text, path: path, environment: environment)
        let becomesDefault = makeDefault || (existing.profiles.isEmpty && existing.defaultProfile == nil)
        let replacing = existing.profile(named: profile.name) != nil
        if replacing, let replaced = ConfigFile.replacingSection(["profiles", profile.name], with: ConfigFile.section(for: profile), in: text) {
            text = replaced
        } else {
            if replacing { text = ConfigFile.removingSection(["profiles", profile.name], from: text) }
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            if !text.isEmpty { text += "\n" }
            text += ConfigFile.section(for: profile)
        }
        if becomesDefault { text = ConfigFile.settingDefault(profile.name, in: text) }
        var expected = existing
        expected.profiles.removeAll { $0.name == profile.name }
        expected.profiles.append(profile)
        if becomesDefault { expected.defaultProfile = profile.name }
        let checked = try checkedRoundTrip(text, expected: expected, environment: environment)
        let backup = replacing ? try keepBackup(original) : nil
        try write(checked)
        return Saved(becameDefault: becomesDefault, backup: backup)
    }

    /// Sets `default_profile = "NAME"`, keeping every other line and comment; the profile must exist.
    public func setDefault(_ name: String, environment: [String: String] = [:]) throws(ConfigError) {
        let text = try readText()
        let existing = try KopsConfig.parse(text, path: path, environment: environment)
        guard existing.profile(named: name) != nil else {
            throw .unknownProfile(name: name, known: existing.profiles.map(\.name))
        }
        var expected = existing
        expected.defaultProfile = name
        try write(try checkedRoundTrip(ConfigFile.settingDefault(name, in: text), expected: expected, environment: environment))
    }

    /// The edited text, once it reads back as `expected` (same default, same profiles with the same values);
    /// otherwise the file is left as it is and the error says why, so an edit can never make it unreadable.
    private func checkedRoundTrip(_ text: String, expected: KopsConfig, environment: [String: String]) throws(ConfigError) -> String {
        let reread: KopsConfig
        do {
            reread = try KopsConfig.parse(text, path: path, environment: environment)
        } catch {
            throw .editRefused(path: path, reason: "the edited file would not read back (\(error.message))")
        }
        let sorted = { (config: KopsConfig) in config.profiles.sorted { $0.name < $1.name } }
        guard reread.defaultProfile == expected.defaultProfile, sorted(reread) == sorted(expected) else {
            throw .editRefused(path: path, reason: "the edited file would read back with different profiles")
        }
        return text
    }

    /// The text with its top-level `default_profile` line replaced, or added before the first table.
    static func settingDefault(_ name: String, in text: String) -> String {
        let assignment = "default_profile = \(quoted(name))"
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var firstTable: Int?
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") {
                firstTable = index
                break
            }
            let key = trimmed.prefix { $0 != "=" && $0 != " " && $0 != "\t" }
            if key == "default_profile" {
                // Its trailing comment stays (probe29 P29-13: `# keep a as default` was dropped).
                lines[index] = assignment + trailingComment(line)
                return lines.joined(separator: "\n") + "\n"
            }
        }
        guard let firstTable else { return (lines + [assignment]).joined(separator: "\n") + "\n" }
        lines.insert(contentsOf: [assignment, ""], at: firstTable)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `  # …` that ends a `key = value` line (a `#` outside quotes, with the blanks before it), or "".
    static func trailingComment(_ line: String) -> String {
        var quote: Character?
        var escaped = false
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" && open == "\"" { escaped = true } else if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                var start = index
                while start > line.startIndex, line[line.index(before: start)] == " " || line[line.index(before: start)] == "\t" {
                    start = line.index(before: start)
                }
                return String(line[start...])
            }
        }
        return ""
    }

    /// The file's text; "" when there is no file yet, an error (never "") when it exists but cannot be read.
    private func readText() throws(ConfigError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return "" }
        guard !isFolder.boolValue else { throw .unwritable(path: path, reason: "it is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)).lowercased())
        }
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            throw .notUTF8(path: path, problem: ScriptRunner.encodingProblem(Array(data)))
        }
        return text
    }

    /// The previous text in a new backup (`TranscriptFile.newBackup`: never over an older one), mode 0600 (it may name
    /// key commands); its path. A failure stops the edit.
    private func keepBackup(_ text: String) throws(ConfigError) -> String {
        let kept = TranscriptFile.newBackup(of: path, contents: Array(text.utf8), mode: 0o600)
        guard let backup = kept.path else {
            throw .unwritable(path: path, reason: kept.failure + " (the backup of the replaced profile); nothing changed")
        }
        return backup
    }

    /// Writes a temporary file beside the config and renames it over the old one (`WholeFile.replace`): a new file is
    /// 0600, a replaced one keeps its mode, owner and group (`FileOwner`; a 0640 config.toml shared with a team's group
    /// came back 0600 in the writer's own group).
    ///
    /// A symbolic link at `path` is followed deliberately: the file it points to is replaced and the link
    /// stays. A file with more than one hard link is refused, since renaming over it would silently split
    /// the links.
    private func write(_ text: String) throws(ConfigError) {
        let path = try writableTarget()
        let folder = LocalPath.folder(of: path)
        // A config.toml made read-only (a dotfile manager's link into a read-only store, a deliberate chmod) is named
        // and left as it is; the rename beside it would replace it (probe22 P22-16's sibling). A folder kops may not
        // write in is named as such, not as the file.
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if let problem = WriteProblem.refusal(writing: path) { throw .unwritable(path: path, reason: problem) }
        do {
            try WholeFile.replace(Array(text.utf8), at: path, mode: 0o600)
        } catch {
            throw .unwritable(path: path, reason: WriteProblem.reason(writing: path, code: error.code))
        }
    }

    /// `path`, or the file a symbolic link there points to; throws when that is a folder or has other hard links.
    private func writableTarget() throws(ConfigError) -> String {
        var info = stat()
        guard stat(self.path, &info) == 0 else { return self.path }
        if info.st_mode & S_IFMT == S_IFDIR { throw .unwritable(path: self.path, reason: "it is a folder, not a file") }
        if info.st_nlink > 1 {
            throw .unwritable(
                path: self.path,
                reason: "it has \(info.st_nlink) hard links and replacing it would split them; edit it by hand or remove the other links")
        }
        // A file without write permission for its owner (0400, 0444) is the user's "do not change this": replacing it
        // by rename would write it all the same (probe24 P24-7: `profile default` did, leaving a new 0600 file).
        if info.st_mode & S_IWUSR == 0 {
            throw .unwritable(path: self.path, reason: WriteProblem.readOnly(self.path, info: info))
        }
        guard let resolved = realpath(self.path, nil) else { return self.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func section(for profile: Profile) -> String {
        var lines = ["[profiles.\(key(profile.name))]"]
        if let value = profile.baseURL { lines.append("base_url = \(quoted(value))") }
        if let value = profile.apiKeyEnv { lines.append("api_key_env = \(quoted(value))") }
        if let value = profile.apiKeyCommand { lines.append("api_key_command = \(quoted(value))") }
        if let value = profile.phoneNumberID { lines.append("phone_number_id = \(quoted(value))") }
        if let value = profile.output { lines.append("output = \(quoted(value.rawValue))") }
        if let value = profile.color { lines.append("color = \(value)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string: `\`, `"` and control characters escaped (TOML 1.0 "String").
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16, uppercase: true)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A TOML key as written in a table header: bare when TOML allows it (ASCII letters, digits, `-`, `_`;
    /// TOML 1.0 "Keys"), otherwise a basic string, so `café` becomes `"café"`.
    static func key(_ name: String) -> String {
        let bare = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        return bare ? name : quoted(name)
    }

    /// The text without the table whose header names `path` (`[profiles.acme]`, `[ profiles."acme" ]`, ...).
    private static func removingSection(_ path: [String], from text: String) -> String {
        var kept: [Substring] = []
        var skipping = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") { skipping = headerPath(trimmed) == path }
            if !skipping { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }

    /// The text with the table whose header names `path` replaced in place by `section`: the old table's
    /// full-line comments stay under its header, and the blank lines that ended it stay; nil when no header names it.
    private static func replacingSection(_ path: [String], with section: String, in text: String) -> String? {
        var result: [Substring] = []
        var comments: [Substring] = []
        var blanks: [Substring] = []
        var skipping = false
        var found = false
        let newLines = section.split(separator: "\n")
        func flush() {
            result.append(newLines[0])
            result.append(contentsOf: comments)
            result.append(contentsOf: newLines.dropFirst())
            result.append(contentsOf: blanks)
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") {
                if skipping { flush() }
                skipping = headerPath(trimmed) == path
                if skipping { found = true; continue }
            }
            guard skipping else { result.append(line); continue }
            if trimmed.isEmpty {
                blanks.append(line)
            } else {
                if trimmed.hasPrefix("#") { comments.append(line) }
                blanks = []
            }
        }
        if skipping { flush() }
        guard found else { return nil }
        var joined = result.joined(separator: "\n")
        if !joined.hasSuffix("\n") { joined += "\n" }
        return joined
    }

    /// The dotted key of a `[table]` header line, quotes removed; nil for array tables or text it cannot read.
    private static func headerPath(_ line: String) -> [String]? {
        guard line.hasPrefix("["), !line.hasPrefix("[["), let close = line.lastIndex(of: "]") else { return nil }
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in line[line.index(after: line.startIndex)..<close] {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current)
                current = ""
            } else if character != " " && character != "\t" {
                current.append(character)
            }
        }
        parts.append(current)
        return quote == nil ? parts : nil
    }
}
