import KopsShell

/// The lines `kops check` says about blocks it did not replay as recorded.
extension ScriptLaunch {
    /// The line for a write `check` held back. `--allow-writes` cannot send a line whose secret was redacted: it is not
    /// offered. A write that points deliveries at a URL is shown whole and said for what it does, never as "sends it
    /// again" (probe29 P29-10: `--url ht…cope project` hid the host a stranger's transcript would send every event to).
    static func notReplayedWrite(_ command: String, redacted: String?, sendAgain: String) -> String {
        let effect = HeldBackWebhook.effect(of: command)
        let shown = VisibleText.escaped(effect == nil ? Shortened.text(command) : command)
        if let redacted { return "'\(shown)' changes data; its recorded output is kept (\(redacted))" }
        guard let effect else { return "'\(shown)' changes data; its recorded output is kept ('\(sendAgain)' sends it again)" }
        return "'\(shown)' changes data; its recorded output is kept. '\(sendAgain)' would \(effect): run it only if that "
            + "host is yours"
    }

    /// The one line that says which blocks `--update` keeps as recorded and why (`Outcome.keptAfterUnreplayed`), and
    /// what renews them; nil when none differs.
    /// `lines 30 and 45 as recorded: they follow 'webhooks create …' (line 17), which was not replayed, and may depend
    /// on it; 'kops check t.md --allow-writes --update' replays them`
    func keptLine(_ outcome: TranscriptChecker.Outcome, path: String, sendAgain: String) -> String? {
        guard let line = outcome.dependedOn, !outcome.keptAfterUnreplayed.isEmpty else { return nil }
        let numbers = outcome.keptAfterUnreplayed.map(String.init)
        let listed = numbers.count == 1 ? "line \(numbers[0])" : "lines " + numbers.dropLast().joined(separator: ", ") + " and " + numbers.last!
        if outcome.dependedOnIsUnread {
            return "\(listed) as recorded: \(numbers.count == 1 ? "it follows" : "they follow") the block at line \(line.line), "
                + "which was not read, and may depend on it; make that block readable (named above), then check again"
        }
        let them = numbers.count == 1 ? "it" : "them"
        // A write whose answer was not seen when recorded: no replay knows what it did (tester51 N8: "record the session
        // again" recorded the same Ctrl-C).
        if outcome.dependedOnIsUnanswered {
            return "\(listed) as recorded: \(numbers.count == 1 ? "it follows" : "they follow") "
                + "'\(VisibleText.escaped(Shortened.text(line.command)))' (line \(line.line)), whose outcome was unknown when "
                + "recorded (its request was sent, its answer not seen), and may show its effect; no replay renews \(them): "
                + "record the session again and let that write finish"
        }
        var how = line.sendable ? "'\(sendAgain) --update' replays \(them)" : "record the session again to renew \(them)"
        if !line.sendable, let what = outcome.redacted[line.line] {
            // Recorded again, the line is redacted again: that advice cannot help (tester50 F4).
            how = "\(what) is redacted in every recording, so no recording of that line replays and none renews \(them)"
                + (what.contains("--secret-key") ? "; recorded without --secret-key (kops then generates the secret), it replays" : "")
        }
        return "\(listed) as recorded: \(numbers.count == 1 ? "it follows" : "they follow") "
            + "'\(VisibleText.escaped(Shortened.text(line.command)))' (line \(line.line)), which was not replayed, and may "
            + "depend on it; \(how)"
    }

    /// The line for the blocks of a demo transcript replayed without a clock line of their own (`Outcome.unclocked`),
    /// nil when every block had one (probe41 P41-4: a ticket system that strips HTML comments removed them, and the diff
    /// blamed the output).
    static func unclockedLine(_ blocks: [(line: Int, command: String)]) -> String? {
        guard let first = blocks.first else { return nil }
        let which = blocks.count == 1
            ? "the block at line \(first.line) ('\(VisibleText.escaped(Shortened.text(first.command)))') has"
            : "the blocks at lines " + blocks.map { String($0.line) }.joined(separator: ", ") + " have"
        return "\(which) no '<!-- clock: … -->' line above " + (blocks.count == 1 ? "it" : "them")
            + " (an editor or ticket system may remove such comments), so " + (blocks.count == 1 ? "it was" : "each was")
            + " replayed at the instant of the block before: times and 'ago' texts may differ; --update adds no clock line"
    }
}
