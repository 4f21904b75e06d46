import KopsShell

extension Launch {
    /// The start's error lines, masked before they are written: no shell runs yet to redact them (`Shell.report`).
    /// Words typed on kops's command line or set in `KOPS_PROFILE` that read as a secret (`TypedTokens`), the keys kops
    /// knows from `environment` and the profiles' variables, and a typed word that copies one of them
    /// (`KeyEnvName.copiesKey`) are `<redacted>`: fixA's leftover, `kops --profile TOKEN` (a key pasted where the
    /// profile's name goes) showed the token in "unknown profile '…'".
    struct StartErrorMask {
        var typed: [String]
        var secrets: Set<String>

        init(environment: [String: String], config: KopsConfig, arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
            typed = arguments + [environment["KOPS_PROFILE"]].compactMap { $0 }
            let known = KeyEnvName.knownKeys(environment: environment, variables: config.profiles.compactMap(\.apiKeyEnv))
            secrets = known.union(typed.filter { KeyEnvName.copiesKey($0, knownKeys: known) })
        }

        /// `text` masked.
        func callAsFunction(_ text: String) -> String {
            TypedTokens.redacting(text, typed: typed, secrets: secrets)
        }

        /// `error`'s line (`ErrorReport.line`), masked.
        func line(_ error: any Error) -> String { self(ErrorReport(error).line()) }
    }
}
