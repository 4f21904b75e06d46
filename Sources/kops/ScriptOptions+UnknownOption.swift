import KopsShell

extension ScriptOptions {
    /// kops's own long options, as `kops --help` lists them.
    static let longOptions = [
        "--profile", "--base-url", "--output", "--demo", "--timeout", "--no-color", "--verbose", "--var", "--allow-writes",
        "--record", "--update", "--force", "--version", "--help",
    ]

    /// `unknown option '--no-colour'; did you mean '--no-color'?`, as the shell says it of a command (probe34 P34-10);
    /// without a close one (or for a short option), where kops's options are listed.
    static func unknownOptionLine(_ option: String) -> String {
        let name = String(option.prefix { $0 != "=" })
        let close = name.hasPrefix("--") ? Suggestion.closest(to: name, in: longOptions) : nil
        return "unknown option '\(option)'" + (close.map { "; did you mean '\($0)'?" } ?? "; 'kops --help' lists kops's own options")
    }
}
