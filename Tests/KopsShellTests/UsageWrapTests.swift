import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// Usage lines, in help and in errors, broke inside an option's brackets at 80 columns and less (`[--output` at the end
/// of a line, `json|table]` at the start of the next). They now break only between whole options, a group too wide
/// for any line between its own parts, and help's continuations hang under the first option.
@Suite struct UsageWrapTests {
    static let commands = CommandRegistry.standard.commands.map { ($0.name, $0.usage) }

    /// The breaks of `lines` (wrapped from one line, continuations indented) that fall inside a bracketed group
    /// narrow enough for a line of `width` columns, as `…left | right…` excerpts; `start` is where the synopsis begins.
    static func breaksInsideGroups(_ lines: [String], start: String, width: Int) -> [String] {
        var text = lines[0]
        var breaks: [Int] = []
        for line in lines.dropFirst() {
            breaks.append(text.count)
            text += " " + line.drop { $0 == " " }
        }
        let characters = Array(text)
        guard let synopsis = text.range(of: start).map({ text.distance(from: text.startIndex, to: $0.upperBound) }) else {
            return ["no '\(start)' in \(text)"]
        }
        var bad: [String] = []
        for point in breaks where point > synopsis {
            // The innermost group open at the break: from its bracket to the one that closes it.
            var open: [Int] = []
            for index in synopsis..<point {
                switch characters[index] {
                case "[", "(", "<": open.append(index)
                case "]", ")", ">": _ = open.popLast()
                default: break
                }
            }
            guard let from = open.last else { continue }
            var depth = 0
            var end = characters.count - 1
            for index in from..<characters.count {
                if "[(<".contains(characters[index]) { depth += 1 }
                if "])>".contains(characters[index]) { depth -= 1 }
                if depth == 0 {
                    end = index
                    break
                }
            }
            // A group that fits on a line must not be broken.
            if end - from + 1 <= width {
                bad.append("…" + String(characters[max(from, point - 12)..<point]) + " | " + String(characters[(point + 1)..<min(end + 1, point + 13)]) + "…")
            }
        }
        return bad
    }

    /// Every command's `help` page at 40, 80 and 200 columns: the usage lines join back into the usage, fit, break only
    /// between whole options, and hang under the first option after the command's name.
    @Test(arguments: commands)
    func helpUsageBreaksBetweenWholeOptions(name: String, usage: String) {
        for width in [40, 80, 200] {
            let page = HelpTextTests.page("help \(name)", width: width)
            guard let first = page.firstIndex(where: { $0.hasPrefix("usage: ") }) else {
                Issue.record("help \(name): no usage line")
                continue
            }
            // The usage's lines: up to the summary (or the page's end); a continuation at the margin starts with a bracket.
            let lines = [page[first]] + page[(first + 1)...].prefix { $0.hasPrefix(" ") || "[(<|".contains($0.first ?? "x") }
            let hang = HelpText.usageColumn("usage: " + usage, width: width) ?? 7
            // Under the first option, or at the margin for an option too wide to fit there.
            for line in lines.dropFirst() {
                let indent = line.prefix { $0 == " " }.count
                #expect(indent == hang || (indent == 0 && hang + TextWidth.displayWidth(line) > width), "help \(name) at \(width): \(lines)")
            }
            #expect(([lines[0]] + lines.dropFirst().map { String($0.drop { $0 == " " }) }).joined(separator: " ") == "usage: " + usage)
            // A line wider than the terminal holds one word no break could shorten.
            for line in lines where TextWidth.displayWidth(line) > width {
                #expect(!line.drop { $0 == " " }.contains(" ") || !line.hasPrefix(" "), "help \(name) at \(width): \(line)")
            }
            let bad = Self.breaksInsideGroups(lines, start: "usage: ", width: width)
            #expect(bad.isEmpty, "help \(name) at \(width) columns: \(bad)\n\(lines.joined(separator: "\n"))")
        }
    }

    /// The finding's case: `[--output table|json]` moves whole to the next line, under `ID`; a flag keeps its value.
    @Test func whoisAndWebhooksCreate() {
        #expect(HelpText.lines("usage: whois ID [--output table|json]", width: 34) == ["usage: whois ID", "             [--output table|json]"])
        // Where the option would not fit under `ID`, continuations start after `usage: ` instead.
        #expect(HelpText.lines("usage: whois ID [--output table|json]", width: 30) == ["usage: whois ID", "       [--output table|json]"])
        let create = HelpText.lines("usage: " + WebhooksCommand.createUsage, width: 40)
        #expect(create.first == "usage: webhooks create --url URL", "\(create)")
        #expect(!create.contains { $0.hasSuffix("--events") || $0.hasSuffix("[--scope") }, "\(create)")
    }

    /// A group wider than any line breaks between its own parts, never inside a narrower group within it, and a flag
    /// keeps its value.
    @Test func aGroupWiderThanTheLineBreaksBetweenItsParts() {
        let usage = "usage: profile [list | use NAME | default NAME | add NAME --base-url URL (--key-env VAR | --key-command CMD) [--default]]"
        for width in [40, 50, 60] {
            let lines = HelpText.lines(usage, width: width)
            #expect(lines.count > 1)
            #expect(Self.breaksInsideGroups(lines, start: "usage: ", width: width).isEmpty, "\(lines)")
            #expect(!lines.contains { $0.hasSuffix("--base-url") }, "\(lines)")
            #expect(lines.allSatisfy { TextWidth.displayWidth($0) <= width }, "\(lines)")
        }
    }

    /// Errors that end with a usage, on a terminal of 40 and 80 columns: the same breaks between whole options (under
    /// `error: `, as every error line hangs), and one line when piped.
    @Test(arguments: ["verify", "replay x", "whois", "webhooks create"])
    func errorUsageBreaksBetweenWholeOptions(line: String) {
        for width in [40, 80, 200, nil] as [Int?] {
            let client = KapsoClient(baseURL: "http://127.0.0.1:9", apiKey: Secret("k"), transport: StubTransport([]))
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(width: width), output: output)
            if let width { shell.terminalWidth = { width } }
            #expect(shell.run(line: line) != .ok)
            let lines = output.err.split(separator: "\n").map(String.init)
            guard let width else {
                #expect(lines.count == 1, "piped: \(lines)")
                continue
            }
            #expect(lines.first?.hasPrefix("error: ") == true && lines.contains { $0.contains("usage:") }, "\(lines)")
            #expect(lines.allSatisfy { TextWidth.displayWidth($0) <= width }, "'\(line)' at \(width): \(lines)")
            let bad = Self.breaksInsideGroups(lines, start: "usage: ", width: width)
            #expect(bad.isEmpty, "'\(line)' at \(width) columns: \(bad)\n\(lines.joined(separator: "\n"))")
        }
    }
}
