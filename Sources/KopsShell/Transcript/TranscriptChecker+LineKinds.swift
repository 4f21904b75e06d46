internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// What kind of line a recorded command line is: a write, a capture, one that depends on nothing.
extension TranscriptChecker {
    /// Why a line whose `what` was redacted when recorded is not run: with `sending`, a write not sent again. No file
    /// keeps a redacted secret, the restore file neither (probe24 P24-1), so the line says only that.
    public func redactedReason(_ what: String, sending: Bool) -> String {
        "\(what) \(what.hasSuffix("values") ? "were" : "was") redacted when recorded, so it cannot " + (sending ? "be sent again" : "run again")
    }

    /// The commands whose output depends on their arguments alone (`help`, `explain`: no request, no last result), so no
    /// write before them, sent or not, changes what they show. (`explain` names the phone numbers the session listed,
    /// which a `source` not run may have listed: after one, they are kept too.)
    static let independentCommands: Set<String> = [HelpCommand.name, ExplainCommand.name]

    /// True when every command of a line is one of `independentCommands`: `--update` may renew its block after a line
    /// that was not replayed.
    static func dependsOnNothing(_ line: String, registry: CommandRegistry) -> Bool {
        guard let commands = try? Lexer.commands(in: line), !commands.isEmpty else { return false }
        return commands.allSatisfy { command in
            command.first.flatMap { try? registry.command(named: $0.text) }.map { independentCommands.contains($0.name) } ?? false
        }
    }

    /// True when a line's commands change data in Kapso (`ScriptPolicy.isWrite`), not only send to a URL off this
    /// machine (`webhooks fire`, `ScriptPolicy.sendsOffMachine`): what a later write may depend on.
    static func changesKapso(_ line: String, registry: CommandRegistry) -> Bool {
        ((try? Lexer.commands(in: line)) ?? []).contains { command in
            let words = command.map(\.text)
            return ScriptPolicy.isWrite(words, registry: registry)
                && !ScriptPolicy.sendsOffMachine.contains(ScriptPolicy.label(words))
        }
    }

    /// True when one of a line's commands is `capture`, which sets a variable later lines may use.
    static func captures(_ line: String, registry: CommandRegistry) -> Bool {
        ((try? Lexer.commands(in: line)) ?? []).contains { command in
            command.first.flatMap { try? registry.command(named: $0.text) }?.name == CaptureCommand.name
        }
    }

    /// Whether a line's commands read the last result (`assert`, `capture`) and whether one leaves a result for them
    /// (`Command.keepsLastResult`); neither for a line that does not lex.
    static func resultUse(of line: String, registry: CommandRegistry) -> (reads: Bool, keeps: Bool) {
        var use = (reads: false, keeps: false)
        for words in (try? Lexer.commands(in: line)) ?? [] {
            guard let name = words.first?.text, let command = try? registry.command(named: name) else { continue }
            if command.name == CaptureCommand.name || command.name == AssertCommand.name { use.reads = true }
            if command.keepsLastResult { use.keeps = true }
        }
        return use
    }
}
