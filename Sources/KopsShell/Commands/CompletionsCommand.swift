/// `completions [bash|zsh|fish]`: where the completion scripts come from. They are for the login shell (they complete
/// kops's command-line flags), so the shell points to `kops completions SHELL` rather than printing a script here,
/// where it could not be saved; its own commands complete with Tab already.
public enum CompletionsCommand: Command {
    public static let name = "completions"
    public static let summary = "where completion scripts for bash, zsh or fish come from"
    public static let sendsRequests = false
    public static let usage = "completions [bash|zsh|fish]"
    public static let details = """
        Completion scripts are for your login shell, where they complete kops's own
        flags; inside kops, Tab completes commands and ids already. Run one of these
        in your login shell:
          kops completions bash > /etc/bash_completion.d/kops
          kops completions zsh > "${fpath[1]}/_kops"
          kops completions fish > ~/.config/fish/completions/kops.fish
        """
    public static let maxArguments: Int? = 1

    /// Each shell's install line, as `details` shows it.
    static let installs: [(shell: String, line: String)] = [
        ("bash", "kops completions bash > /etc/bash_completion.d/kops"),
        ("zsh", #"kops completions zsh > "${fpath[1]}/_kops""#),
        ("fish", "kops completions fish > ~/.config/fish/completions/kops.fish"),
    ]

    public static func validate(_ arguments: Arguments) throws {
        guard let shell = arguments.positionals.first, !installs.contains(where: { $0.shell == shell }) else { return }
        throw ShellError.invalidValue(command: name, what: "shell", value: shell, expected: "bash, zsh or fish")
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let shell = arguments.positionals.first
        let line = installs.first { $0.shell == shell }?.line ?? "kops completions bash|zsh|fish"
        return CommandResult(blocks: [
            .line(StyledText("completions are for your login shell, not this one: run '\(line)' there")),
        ])
    }
}
