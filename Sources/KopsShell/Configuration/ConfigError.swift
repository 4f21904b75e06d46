internal import KapsoDiagnostics
/// Problems with `config.toml` or with choosing a profile; each names the file and line when known.
public enum ConfigError: KopsError, Equatable {
    /// The file exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// Bytes that are not UTF-8; `problem` names the first one and its line (`ScriptRunner.encodingProblem`).
    case notUTF8(path: String, problem: String)
    /// Not valid TOML.
    case syntax(path: String, line: Int, column: Int, message: String)
    /// A profile holds a literal API key or secret.
    case literalKey(path: String, line: Int?, profile: String, key: String)
    /// `api_key_env` holds a variable's name written the shell's way or mistyped (`$KAPSO_API_KEY`, `KAPSO-API-KEY`):
    /// `value` as written, `faults` what is wrong with it, `meant` the name to write (`KeyEnvName`, probe29 P29-22).
    case mistypedKeyEnv(path: String, line: Int?, profile: String, value: String, faults: [String], meant: String)
    /// A known key with a value of the wrong kind.
    case invalidValue(path: String, line: Int?, key: String, expected: String)
    /// A profile's `phone_number_id` that cannot be read as an id (`IDInput.read`, as `use` reads a typed one).
    case unreadablePhoneNumberID(path: String, line: Int?, profile: String, id: String, reason: String)
    /// A `[profiles.NAME]` table whose name is not letters, digits, `-` and `_` (`Profile.isValidName`).
    case invalidProfileName(path: String, line: Int?, name: String)
    /// `--profile`, `KOPS_PROFILE` or `profile use` named a profile the file does not have.
    case unknownProfile(name: String, known: [String])
    /// The profile's key command failed (a status other than 0) or printed nothing; `errorLine` is the first line it
    /// wrote on standard error (empty when none, or at a terminal where the user saw it).
    case keyCommandFailed(profile: String, status: Int32, errorLine: String)
    /// The profile's `api_key_command` passed a `KeyCommand` limit (time, output) or could not start.
    case keyCommandStopped(profile: String, failure: KeyCommand.Failure)
    /// config.toml could not be read at start (`problem`, its error's line): `profile`, asked for, is in it, or (nil) a
    /// command would send a request though the file's profiles and default profile are unknown (probe10 P10-10).
    case brokenFile(problem: String, profile: String?)
    /// `profile list` while the file is broken or unreadable: its profiles are there, unseen (probe22 P22-4).
    case profilesUnlisted(problem: String)
    /// `profile add NAME` for a NAME config.toml already has, without `--force`; `was` is what it holds (probe29 P29-13).
    case profileExists(name: String, was: String)
    /// The file could not be written.
    case unwritable(path: String, reason: String)
    /// kops's own edit would not read back as intended, so the file was left unchanged.
    case editRefused(path: String, reason: String)

    public var message: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason); fix its permissions or remove it"
        case .notUTF8(let path, let problem):
            "cannot read \(path): \(problem)"
        case .syntax(let path, let line, let column, let message):
            "\(path):\(line):\(column): \(message); fix the TOML syntax"
        case .literalKey(let path, let line, let profile, let key):
            "\(path)\(line.map { ":\($0)" } ?? ""): profile '\(profile)' holds a literal secret in '\(key)'"
                + (key == "api_key_command"
                    ? " (the command prints a key written into it); keys never go in this file: give a command that reads it "
                        + "from a secret store (pass show NAME, op read op://VAULT/ITEM/FIELD, security find-generic-password -w "
                        + "-s NAME), or export it and set api_key_env = \"NAME\""
                    : "; keys never go in this file: export it in an environment variable and set api_key_env = \"NAME\"")
        case .mistypedKeyEnv(let path, let line, let profile, let value, let faults, let meant):
            "\(path)\(line.map { ":\($0)" } ?? ""): profile '\(profile)' has api_key_env = \"\(KeyEnvName.shown(value))\", "
                + "which is not a variable's name: \(faults.joined(separator: "; ")); write api_key_env = \"\(meant)\""
        case .invalidValue(let path, let line, let key, let expected):
            "\(path)\(line.map { ":\($0)" } ?? ""): invalid value for '\(key)'; expected \(expected)"
        case .unreadablePhoneNumberID(let path, let line, let profile, let id, let reason):
            "\(path)\(line.map { ":\($0)" } ?? ""): profile '\(profile)' has phone_number_id '\(IDInput.echo(id))', which cannot be "
                + "read as an id: \(reason); fix it in the file"
        case .invalidProfileName(let path, let line, let name):
            "\(path)\(line.map { ":\($0)" } ?? ""): invalid profile name '\(name)'; expected letters, digits, - and _ "
                + "(it names the profile's history file): rename the table"
        case .unknownProfile(let name, let known):
            "unknown profile '\(name)'; "
                + (known.isEmpty ? "no profiles are configured ('profile add NAME --base-url URL --key-env VAR')"
                    : Suggestion.advice(Suggestion.closest(to: name, in: known), listing: "profiles: " + NameList.text(known)))
        case .keyCommandFailed(let profile, 130, _):  // 128 + SIGINT: the command was stopped with Ctrl-C at the terminal
            "the api_key_command of profile '\(profile)' was interrupted (Ctrl-C), so kops has no key; the next command that needs one runs it again"
        case .keyCommandFailed(let profile, let status, let errorLine):
            // Exit 0 is no failure: the command printed no key (probe44 P44-4). Its standard error is a program's text,
            // shown as server text is: masked, controls escaped, cut.
            "the api_key_command of profile '\(profile)' "
                + (status == 0 ? "printed nothing on standard output (exit 0)" : "failed (exit \(status))")
                + Self.keyCommandErrorLine(errorLine)
                + (status == 0 ? "; it should print the key on its first line" : "") + "; run it by hand to see why"
        case .keyCommandStopped(let profile, .timedOut(let seconds)):
            "the api_key_command of profile '\(profile)' gave no key within \(Int(seconds)) s (the limit) and was stopped; "
                + "with no terminal to answer on, it may be waiting for a passphrase: unlock it first (run it once by hand), then try again"
        case .keyCommandStopped(let profile, .outputTooLarge(let bytes)):
            "the api_key_command of profile '\(profile)' printed more than \(bytes / 1024) KiB (the limit) and was stopped; "
                + "it should print the key on one line"
        case .keyCommandStopped(let profile, .couldNotStart):
            "the api_key_command of profile '\(profile)' could not start (/bin/sh); check the system"
        case .brokenFile(let problem, let profile?):
            "profile '\(profile)' cannot be used while config.toml is broken (\(problem)); fix the file first"
        case .brokenFile(let problem, nil):
            "kops sends no request while config.toml is broken (\(problem)): with its profiles and default profile "
                + "unread, the API and key to use are unknown; fix the file, or move it aside to use only the environment"
        case .profilesUnlisted(let problem):
            "the profiles cannot be listed while config.toml is broken (\(problem)); fix the file first"
        case .profileExists(let name, let was):
            "profile '\(name)' exists (\(was)); add --force to replace it (a new backup beside config.toml keeps the old file), or pick another name"
        case .unwritable(let path, let reason):
            "cannot write \(path): \(reason)"
        case .editRefused(let path, let reason):
            "\(path) was left unchanged: \(reason); edit it by hand"
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .unreadable, .notUTF8: .noInput
        case .keyCommandFailed, .keyCommandStopped: .noPermission
        case .unwritable, .editRefused: .failure
        default: .usage
        }
    }
}

extension ConfigError {
    /// `: vault: token expired`, the first line a key command wrote on standard error, masked, controls escaped and cut;
    /// a line of one word is not shown (it may be the key itself, printed on the wrong stream); empty for none.
    ///
    /// Masked more strictly than a server's text: a key command's standard error is where a key shows up without a prefix
    /// or a label (a wrapper run with `set -x`, a vault client quoting the value it could not read), and its line is
    /// recorded in transcripts. Besides what `Redactor` masks, every word of 12 characters or more with a digit in it or
    /// both letter cases is `<redacted>` (`KeyCommandErrorWords`; probe46 P46-12: `could not read Kx9fQ2mZp7Lw3Rt8Yv1Bn6Hj`
    /// and a 32-digit hex key were printed whole, or cut to 19 of their characters).
    static func keyCommandErrorLine(_ line: String) -> String {
        if line.isEmpty { return "" }
        guard line.contains(where: \.isWhitespace) else {
            return " (it wrote one word on standard error, not shown: is the key printed there instead of on standard output?)"
        }
        let masked = KeyCommandErrorWords.masked(Redactor().redact(errorLine: line))
        return ": " + VisibleText.escaped(Shortened.text(masked))
    }
}

/// The words of a key command's standard error that may be a key whatever their shape (`ConfigError.keyCommandErrorLine`).
enum KeyCommandErrorWords {
    /// The fewest characters of a word masked (`TokenShapes.minimumLength`).
    static let minimumLength = TokenShapes.minimumLength

    /// `line` with each word that `mayBeKey` replaced by `<redacted>`; a word is what lies between blanks, less the quotes,
    /// brackets and `,` `;` around it, and `:` `=` join two words (`token=Kx9f…`, `key:9f8e…`).
    static func masked(_ line: String) -> String {
        WordMasking.masked(line, splittingAt: { $0.isWhitespace || $0 == ":" || $0 == "=" }) { word in
            var core = Substring(word)
            while let first = core.first, Self.edges.contains(first) { core = core.dropFirst() }
            while let last = core.last, Self.edges.contains(last) || last == "." { core = core.dropLast() }
            guard mayBeKey(core) else { return word }
            var masked = word
            masked.replaceSubrange(core.startIndex..<core.endIndex, with: "<redacted>")
            return masked
        }
    }

    /// True for a word of `minimumLength` characters or more that mixes letters and digits
    /// (`Kx9fQ2mZp7Lw3Rt8Yv1Bn6Hj`, `9f8e7d6c5b4a39281706f5e4d3c2b1a0`), or of letters changing case as a random run
    /// does (`QmFzZTY0S2V5aGVyZQ`, not `InvalidSignature`: `HistoryPolicy.classChanges`); kops's own mask stays.
    static func mayBeKey(_ word: Substring) -> Bool {
        guard word.count >= minimumLength, word != "<redacted>" else { return false }
        let hasDigit = word.contains { $0.isASCII && $0.isNumber }
        let hasLetter = word.contains { $0.isASCII && $0.isLetter }
        if hasDigit { return hasLetter }
        let (changes, length) = HistoryPolicy.classChanges(String(word))
        return hasLetter && changes >= max(4, length / 4)
    }

    static let edges: Set<Character> = ["'", "\"", "(", ")", "[", "]", "{", "}", "<", ">", ",", ";", "`"]
}
