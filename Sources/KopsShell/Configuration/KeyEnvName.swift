/// What a value given as the NAME of the key's environment variable is (`api_key_env` in config.toml, `profile add
/// --key-env`): `KAPSO_API_KEY` a name; `$KAPSO_API_KEY`, `${KAPSO_API_KEY}`, `KAPSO-API-KEY` or `KAPSO_API_KEY ` a
/// name written the shell's way or mistyped, with the name meant; anything else is taken for a key pasted in its place.
///
/// probe29 P29-22: every value that was not a name was called "a literal secret", so a `$` (the shell habit) told the
/// user a key sat in the file. A mistyped name is named only when it reads as words (`KAPSO`, `API`, `KEY2`), so a
/// key's random text is never echoed as "the name you meant".
public enum KeyEnvName: Equatable, Sendable {
    /// A variable's name kops reads: ASCII letters, digits and `_`, not starting with a digit (POSIX), and not shaped
    /// like a key (`isName`).
    case name
    /// A name written with `faults` (each a phrase: "it starts with the shell's '$' …"); `meant` is the name to write.
    case mistyped(faults: [String], meant: String)
    /// Not a name: taken for the key itself, which is never shown or written into config.toml.
    case secret
    /// A file's name or path (`kapso.key`, `~/.kapso/key`, `.env`): kops reads the variable's value, not a file
    /// (tester61 AI9: it was refused as "the key itself", the name hidden as '…', with nothing said of files).
    case file

    /// Reads `value`.
    public static func read(_ value: String) -> KeyEnvName {
        if isName(value) { return .name }
        if isFileName(value) { return .file }
        var faults: [String] = []
        var text = Substring(value)
        let blanks: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        if let first = text.first, blanks(first) { faults.append("it has \(blank(first)) at its start") }
        if let last = text.last, blanks(last), text.contains(where: { !blanks($0) }) { faults.append("it has \(blank(last)) at its end") }
        text = text.drop(while: blanks)
        while let last = text.last, blanks(last) { text = text.dropLast() }
        if text.hasPrefix("${") && text.hasSuffix("}") {
            faults.append("it is written ${…}, the shell's way to read the variable (kops reads it itself)")
            text = text.dropFirst(2).dropLast()
        } else if text.hasPrefix("$") {
            faults.append("it starts with the shell's '$' (kops reads the variable itself)")
            text = text.dropFirst()
        }
        var meant = String(text)
        if meant.contains("-") {
            faults.append("a '-' cannot be in a variable's name (letters, digits and _ only)")
            meant = String(meant.map { $0 == "-" ? "_" : $0 })
        }
        if meant.contains(where: blanks) {
            faults.append("a variable's name has no spaces (letters, digits and _ only)")
            meant = String(meant.map { blanks($0) ? "_" : $0 })
        }
        guard !faults.isEmpty, isName(meant), readsAsWords(meant) else { return .secret }
        return .mistyped(faults: faults, meant: meant)
    }

    /// True for a variable's name kops reads: `KAPSO_API_KEY`, `ACME_KEY2`, `_K`, `kapso_key`, `KapsoKey`; not `1KEY`,
    /// ``, nor a key: `sk_live_4eC39HqLyjWDarjtT1zdp7dc`, `kapso_live_abcdef`, `Kx9fQ2mZp7Lw3Rt8Yv1B`, upper-cased too
    /// (`readsAsKey`).
    ///
    /// POSIX names are letters, digits and `_` in either case ("Name", XBD 3.216), and `export kapso_key=…` works in
    /// every shell: an upper-case-only rule called a lower-case name "the key itself", and one hand-written in config.toml
    /// stopped every profile (tester57 AB8). A name is told apart from a key by its shape, as the history file and the
    /// profile's name are (`Profile.nameReadsAsKey`); in upper case only the words of `HistoryPolicy.isEnvironmentName`
    /// (`KAPSO_API_KEY`, `EAGLE_KAPSO_KEY2`) are names whatever they read as, so a key upper-cased in the copy
    /// (`SK_LIVE_4EC39HQLYJWDARJTT1ZDP7DC`, `KX9F8E7D6C5B4A39281706F5E4D3C2B1A0ZZ`) is a key (tester58b AE6).
    public static func isName(_ value: String) -> Bool {
        isVariableName(value) && (HistoryPolicy.isEnvironmentName(value) || isUpperCaseName(value) || !readsAsKey(value))
    }

    /// True for a name in the environment's own style, `UPPER_CASE_WORDS` with a word of 3 letters or more, and no issued
    /// key's form (`SK_LIVE_…`, `KAPSO_TEST_…`): `ACME_KAPSO_KEY_01HZX3K8Y2` (a name with a ULID-like tail, tester61
    /// AI9) was refused as the key itself because its last part looked random. POSIX reserves upper-case names for
    /// variables (XBD 8.1: "Environment variable names used by the utilities … consist solely of uppercase letters,
    /// digits, and the <underscore>"); a key copied upper-cased has no `_`-separated word (`KX9F8E7D…`).
    static func isUpperCaseName(_ value: String) -> Bool {
        let parts = value.split(separator: "_")
        guard parts.count >= 2, value.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }),
            parts.contains(where: { $0.count >= 3 && $0.allSatisfy(\.isLetter) })
        else { return false }
        let lower = value.lowercased()
        return !HistoryPolicy.tokenPrefixes.contains { lower.hasPrefix($0 + "live") || lower.hasPrefix($0 + "test") }
    }

    /// True for a file's name or path whose every part reads as words (`isNameOfWords`, so a key's random text, a JWT's
    /// or a base64 key's with its `/`, is never taken for one and echoed): a name with an extension (`kapso.key`,
    /// `api-key.txt`), a dot file (`.env`), or a path (`~/.kapso/key`, `./kapso.key`, `/etc/kops/key`).
    static func isFileName(_ value: String) -> Bool {
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { return false }
        var components = value.split(separator: "/", omittingEmptySubsequences: false)
        while let first = components.first, ["", "~", ".", ".."].contains(first), components.count > 1 { components.removeFirst() }
        guard let file = components.last, !file.isEmpty else { return false }
        let wordy = components.allSatisfy { component in
            isNameOfWords(String(component.map { $0 == "." || $0 == "-" ? "_" : $0 }))
        }
        guard wordy else { return false }
        if value.contains("/") || file.hasPrefix(".") { return true }
        let parts = file.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.last.map { (1...5).contains($0.count) && $0.allSatisfy(\.isLetter) } == true
    }

    /// What to do about a `.file` value, one clause: `'kapso.key' reads as a file's name, and kops reads the key from an
    /// environment variable's value, not from a file: …`; `inConfig` names config.toml's keys, else `profile add`'s flags.
    public static func fileAdvice(_ value: String, inConfig: Bool = false) -> String {
        let (command, name) = inConfig ? ("api_key_command = \"cat \(value)\"", "api_key_env = \"ACME_KAPSO_KEY\"") : ("--key-command 'cat \(value)'", "--key-env ACME_KAPSO_KEY")
        return "'\(value)' reads as a file's name, and kops reads the key from an environment variable's value, not from a "
            + "file: give \(command) (or a secret store's command), or export the key (export ACME_KAPSO_KEY=\"$(cat \(value))\") "
            + "and give \(name)"
    }

    /// True for a POSIX variable name, whatever it reads as: ASCII letters, digits and `_`, not starting with a digit.
    static func isVariableName(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return value.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// A name with a lower-case letter that reads as a key: a token, a random mix or a hex key (`Profile.nameReadsAsKey`),
    /// or a credential prefix then `live` or `test`, the form issued keys take (`sk_live_…`, `sk_test_…`; `kapso_live_…`
    /// guessed, `TokenPrefix.kapso` [uncertain: Kapso does not publish its key format]).
    ///
    /// A name of words is a name even when it starts like a token (`kapso_key_2024`, `kapso_api_key_prod2024`,
    /// `KAPSO_KEY_2024Q3`, `KAPSO_KEY_FOR_PROJECT_3f2a9c0e_8a7d_4e3f`: tester59b AG23, closing note 59's AE6 leftover):
    /// `kapso_` then digits read as a token's body, and ordinary descriptive names were refused as "the key itself".
    ///
    /// A name of words that names a key after such a start is a name (`kapso_test_key`, `kapso_live_api_key`): the test
    /// key's variable in lower case was refused as "the key itself" where `KAPSO_TEST_KEY` was taken (tester62 AK16).
    private static func readsAsKey(_ value: String) -> Bool {
        let lower = value.lowercased()
        let issued = HistoryPolicy.tokenPrefixes.contains { prefix in
            lower.hasPrefix(prefix + "live") || lower.hasPrefix(prefix + "test")
        }
        if issued { return !(isNameOfWords(value) && namesAKey(lower)) }
        return !isNameOfWords(value) && Profile.nameReadsAsKey(value)
    }

    /// True when a `_`-separated part of `lower` is a word that names what the variable holds, alone or before a number
    /// (`key`, `api`, `token2`): `kapso_test_key`, not `sk_test_abcdef`.
    private static func namesAKey(_ lower: String) -> Bool {
        lower.split(separator: "_").contains { part in
            let letters = part.prefix { $0.isLetter }
            return part.dropFirst(letters.count).allSatisfy(\.isNumber) && keyWords.contains(String(letters))
        }
    }

    /// Words a variable's name uses for the key it holds.
    private static let keyWords: Set<String> = ["key", "keys", "apikey", "api", "token", "secret", "env", "var", "credential"]

    /// The line for a `--key-env` that is a file's name (`.file`): `--key-env 'kapso.key' reads as a file's name, but
    /// --key-env takes the NAME of an environment variable that holds the key; give --key-command 'cat kapso.key' …`
    /// (tester62 AK16: the advice stood after "expected", as "expected 'kapso.key' reads as …").
    public static func fileLine(_ value: String) -> String {
        "--key-env '\(value)' reads as a file's name, but --key-env takes the NAME of an environment variable that holds "
            + "the key; give --key-command 'cat \(value)' instead (or a secret store's command), or export "
            + "ACME_KAPSO_KEY=\"$(cat \(value))\" and give --key-env ACME_KAPSO_KEY"
    }

    /// True when each `_`-separated part of `value` is a word (letters, `prod`, `Kapso`), a number (`2024`), a word then
    /// a number (`prod2024`, `KEY2`), or short (8 characters or fewer: `2024Q3`, `3f2a9c0e`), and one part is a word of 3
    /// letters or more. A key's random text is one long run mixing letters and digits or cases (`Kx9fQ2mZp7Lw3Rt8`), which
    /// no part of such a name is; a word in random case (`QmFzZTY0S2V5`) is no word.
    static func isNameOfWords(_ value: String) -> Bool {
        let parts = value.split(separator: "_")
        guard parts.contains(where: { $0.count >= 3 && $0.allSatisfy(\.isLetter) }) else { return false }
        return parts.allSatisfy { part in
            if part.count <= 8 { return true }
            let letters = part.prefix { $0.isLetter }
            guard part.dropFirst(letters.count).allSatisfy(\.isNumber) else { return false }
            let (changes, length) = HistoryPolicy.classChanges(String(letters))
            return changes < max(3, length / 4)
        }
    }

    /// A name made of words: each `_`-separated part letters (then digits: `KEY2`) or digits alone, one of at least
    /// three letters, and no more digits than letters; `AB12_CD34` (a key's random text) is not.
    private static func readsAsWords(_ name: String) -> Bool {
        let parts = name.split(separator: "_")
        guard name.filter(\.isNumber).count <= name.filter(\.isLetter).count else { return false }
        return parts.contains { $0.count >= 3 && $0.allSatisfy(\.isLetter) }
            && parts.allSatisfy { part in
                let letters = part.prefix { $0.isLetter }
                return part.dropFirst(letters.count).allSatisfy(\.isNumber)
            }
    }

    private static func blank(_ character: Character) -> String {
        character == "\t" ? "a tab" : "a space"
    }

    /// `value` as shown in a message (a tab as `\t`); only for a `.mistyped` value, which holds no secret.
    public static func shown(_ value: String) -> String {
        value.map { $0 == "\t" ? "\\t" : String($0) }.joined()
    }
}
