internal import Foundation

/// The secrets a script's lines type, learned before the whole-script check prints any of them.
extension ScriptRunner {
    /// Teaches `shell`'s redactor what each command line of the script would teach it when run, before the check
    /// (`ScriptCheck`) quotes any line: a `${env:NAME}` whose NAME or value looks secret (probe38 P38-5), the pieces
    /// a line shows by their shape (`learn(secretsTypedIn:)`), each command's secret flags (`--secret-key S`,
    /// `--secret=S`, `set api_key S`: `learn(arguments:)`) and the values its `--secret-env NAME` reads; and teaches
    /// the shell its token-shaped words (`TypedTokens`). Learned only when their own line ran, a secret typed on line 2
    /// was printed whole by the check's error for line 3 (`whois pw12345` → "cannot read 'pw12345'"; an unknown command
    /// `hunter2x` after `verify --secret hunter2x`), where the same lines typed at the prompt printed `<redacted>`
    /// (tester52b K14). A line that does not lex teaches its shapes only: its words are not known.
    func learnSecretsTyped(on shell: Shell) {
        let context = shell.context
        for line in lines {
            guard case .command(let text) = line.kind else { continue }
            shell.redactor.learn(environmentReferencesIn: text, environment: context.environment)
            let expanded =
                (try? Interpolation.expand(text, variables: context.session.variables, environment: context.environment))
                ?? text
            shell.redactor.learn(secretsTypedIn: expanded)
            shell.typedTokens.note(expanded)
            for command in (try? Lexer.commands(in: expanded)) ?? [] {
                let words = command.map(\.text)
                shell.redactor.learn(arguments: words)
                for value in WebhookSecretFlags.environmentSecrets(in: words, context: context) {
                    shell.redactor.remember(secret: value)
                }
            }
        }
    }
}
