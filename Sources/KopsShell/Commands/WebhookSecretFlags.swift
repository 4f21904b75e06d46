internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// A webhook secret given as `--secret S` or read from the environment with `--secret-env VAR`, and Meta's app secret
/// as `--meta-secret S` or `--meta-secret-env VAR`: one reading for `listen`, `verify`, `webhooks fire` and `replay`
/// (probe24 P24-11: only `listen` had `--secret-env`, so the others' secrets went into the shell's history and `ps`).
enum WebhookSecretFlags {
    /// The flags that name an environment variable holding a secret; `Shell` learns their values as secrets.
    static let environmentFlags: Set<String> = ["--secret-env", "--meta-secret-env"]

    /// Checks what needs no environment: not both forms of one secret, no empty secret, and no `${env:NAME}` kops did
    /// not replace (`kops verify --secret '${env:WH}'`: outside a line kops reads, and inside '...', nothing is
    /// replaced; it was taken as the secret and called the signature invalid).
    /// `several`: the command takes the flag more than once (`verify` tries each secret); any other refuses a repeat
    /// rather than keep the last value without a word (tester49 F9).
    static func check(
        _ arguments: Arguments, flag: String = "--secret", command: String, several: Bool = false
    ) throws(ShellError) {
        let environmentFlag = flag + "-env"
        for repeated in [flag, environmentFlag] where !several && arguments.all(repeated).count > 1 {
            throw .invalidValue(
                command: command, what: "use of", value: repeated,
                expected: "\(repeated) once: \(command) uses one secret (to find which of several secrets signed a "
                    + "saved delivery: verify --secret A --secret B --file FILE)")
        }
        if arguments.value(flag) != nil && arguments.value(environmentFlag) != nil {
            throw .invalidValue(command: command, what: "combination", value: "\(flag) with \(environmentFlag)", expected: "one of them")
        }
        for text in arguments.all(flag) { try check(given: text, flag: flag, arguments: arguments, command: command) }
        for variable in arguments.all(environmentFlag) where !Interpolation.isName(variable) {
            throw .invalidValue(
                command: command, what: "value for \(environmentFlag)", value: variable,
                expected: "the name of an environment variable (not its value), e.g. \(environmentFlag) KAPSO_WEBHOOK_SECRET")
        }
    }

    /// One secret given as `flag`'s value: not empty, not an unreplaced `${env:NAME}`, not a mask kops prints.
    private static func check(given text: String, flag: String, arguments: Arguments, command: String) throws(ShellError) {
        // An empty secret would call every real signature wrong.
        guard !text.isEmpty else {
            throw .invalidValue(
                command: command, what: flag, value: "", expected: flag == "--secret" ? "the webhook's secret_key" : "Meta's app secret")
        }
        if let variable = unreplacedReference(text) {
            throw .invalidValue(
                command: command, what: flag, value: text,
                expected: "the secret itself: kops replaces ${env:NAME} only in a line it reads (a script, -c, the prompt; not "
                    + "inside '...'); use \(flag)-env \(variable)")
        }
        try refuseMasked(text, subject: flag, flag: flag, arguments: arguments, command: command)
    }

    /// The secret of `flag` (`--secret` or `--meta-secret`), given or read from the variable its `-env` form names;
    /// nil when neither is given. An unset or empty variable is one line naming it.
    static func secret(
        _ arguments: Arguments, flag: String = "--secret", command: String, in context: ShellContext
    ) throws(ShellError) -> Secret? {
        try check(arguments, flag: flag, command: command)
        if let text = arguments.value(flag) { return Secret(text) }
        guard let variable = arguments.value(flag + "-env") else { return nil }
        return try secret(variable: variable, flag: flag, arguments: arguments, command: command, in: context)
    }

    /// Every secret of `flag`, in the order given (`verify --secret OLD --secret NEW`: a rotation's two secrets), each
    /// given or read from a variable its `-env` form names; empty when neither is given.
    static func secrets(
        _ arguments: Arguments, flag: String = "--secret", command: String, in context: ShellContext
    ) throws(ShellError) -> [Secret] {
        try check(arguments, flag: flag, command: command, several: true)
        var secrets = arguments.all(flag).map { Secret($0) }
        for variable in arguments.all(flag + "-env") {
            secrets.append(try secret(variable: variable, flag: flag, arguments: arguments, command: command, in: context))
        }
        return secrets
    }

    /// The secret in the environment variable `variable` (named by `flag`'s `-env` form); unset or empty is one line.
    private static func secret(
        variable: String, flag: String, arguments: Arguments, command: String, in context: ShellContext
    ) throws(ShellError) -> Secret {
        guard let value = environmentValue(variable, in: context), !value.isEmpty else {
            let state = environmentValue(variable, in: context) == nil ? "is not set" : "is empty"
            throw .invalidValue(
                command: command, what: "value for \(flag)-env", value: variable,
                expected: "a set environment variable holding the secret (\(variable) \(state) in kops's environment)")
        }
        try refuseMasked(value, subject: "\(variable) (\(flag)-env)", flag: flag, arguments: arguments, command: command)
        return Secret(value)
    }

    /// Refuses a secret that holds a form kops prints in place of one (`MaskedInput`: `whsec_…23` from `webhooks get`,
    /// `<redacted>` from a transcript), before anything is checked or sent: `verify` called a correct signature invalid
    /// and blamed a re-serialised body, `listen` rejected every good delivery, `fire` signed with the mask and reported
    /// success (probe42 P42-3).
    private static func refuseMasked(
        _ value: String, subject: String, flag: String, arguments: Arguments, command: String
    ) throws(ShellError) {
        let notDone = ["verify": "nothing was checked", "listen": "nothing was started"][command] ?? "nothing was sent"
        let meta = flag == "--meta-secret" || arguments.has("--meta")
        try MaskedInput.refuse(
            value, command: command, subject: subject, thing: meta ? "Meta's app secret" : "the secret",
            fix: notDone + "; "
                + (meta
                    ? "give Meta's app secret in full (Meta App Dashboard: App settings > Basic)"
                    : "give the webhook's secret_key in full ('\(MaskedInput.revealCommand())' shows it)"))
    }

    /// Whether `flag` or its `-env` form is given.
    static func isGiven(_ arguments: Arguments, flag: String = "--secret") -> Bool {
        arguments.value(flag) != nil || arguments.value(flag + "-env") != nil
    }

    /// The values of the variables a line's `--secret-env VAR` / `--meta-secret-env VAR` name, for the redactor.
    static func environmentSecrets(in words: [String], context: ShellContext) -> [String] {
        var values: [String] = []
        for (index, word) in words.enumerated() {
            // Both flags start `--`, and so does any word that is one, or one and `=VAR` after leading `=`s (which the
            // split drops): a word whose bytes do not (a command, an id) is passed over without being split into
            // characters, which cost about 15,000 instructions a line.
            guard word.utf8.drop(while: { $0 == UInt8(ascii: "=") }).starts(with: "--".utf8) else { continue }
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            let variable: String?
            if parts.count == 2, environmentFlags.contains(parts[0]) {
                variable = parts[1]
            } else if environmentFlags.contains(word), index + 1 < words.count {
                variable = words[index + 1]
            } else {
                variable = nil
            }
            if let variable, let value = environmentValue(variable, in: context), !value.isEmpty { values.append(value) }
        }
        return values
    }

    /// `NAME` of a value that is exactly `${env:NAME}`, nil otherwise.
    static func unreplacedReference(_ text: String) -> String? {
        guard text.hasPrefix("${env:"), text.hasSuffix("}"), text.count > 7 else { return nil }
        let name = String(text.dropFirst(6).dropLast())
        return Interpolation.isName(name) ? name : nil
    }

    /// The session's environment (`${env:NAME}` reads it), else the process's.
    private static func environmentValue(_ variable: String, in context: ShellContext) -> String? {
        context.environment[variable] ?? ProcessInfo.processInfo.environment[variable]
    }
}
