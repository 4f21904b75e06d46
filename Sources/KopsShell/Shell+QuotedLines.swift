extension Shell {
    /// At the prompt, `line` with the lines that go on while one of its quotes is open, read at the `... ` prompt: a
    /// Graph error body pasted as logs print it (`explain '{"error": {` and three more lines). tester55 X9: the first line
    /// was refused and each later one ran as a command of its own. `explain` reads the lines joined by spaces (a JSON
    /// body and Meta's words mean the same over one line); any other command is refused whole and nothing runs: kops
    /// takes one line a command, and a message's line breaks are not spaces. Piped input and scripts keep one line a
    /// command (their error names `FILE:LINE`). Nil when the lines were refused, or dropped by Ctrl-C or the input's end.
    func quoteContinued(_ line: String, reader: any LineReader, number: inout Int) -> String? {
        guard let (quote, column) = Self.openQuote(line) else { return line }
        // Said once, so that the `... ` prompt is no silent wait (tester55b Y6: `whois it's` swallowed what came next).
        output.write("(a \(quote) quote from column \(column) is open: type the rest and close it, or Ctrl-C to drop the line)\n", to: .err)
        var lines = [line]
        while Self.openQuote(lines.joined(separator: "\n")) != nil {
            switch reader.readLine(prompt: "... ") {
            case .line(let more):
                number += 1
                lines.append(more)
            case .interrupted, .endOfInput:
                return nil
            case .notUTF8(let byte, let column):
                number += 1
                _ = report(ShellError.syntax(LineInput.notUTF8Message(byte: byte, column: column)))
                return nil
            }
        }
        let joined = lines.map { $0.trimmingWhitespace }.joined(separator: " ")
        if let commands = try? Lexer.commands(in: joined), commands.count == 1, commands[0].first?.text == "explain" {
            return joined
        }
        _ = report(ShellError.syntax(
            "a quote runs over \(lines.count) lines; only 'explain' reads a text pasted over several lines: put the value on one line (nothing ran)"))
        return nil
    }

    /// The quote `line` ends inside (`'` or `"`) and its column; nil when it ends outside any.
    static func openQuote(_ line: String) -> (quote: Character, column: Int)? {
        do {
            _ = try Lexer.commands(in: line)
            return nil
        } catch {
            if case .unterminatedQuote(let quote, let column) = error { return (quote, column) }
            return nil
        }
    }
}
