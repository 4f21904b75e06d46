import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe22 P22-13: help prose was hard-wrapped at ~100 columns and wrapped again by the terminal, so at 80 columns
/// every paragraph had a short orphan line, and at 200 it still broke at ~100. Help now reflows its paragraphs to the
/// terminal's width (80 without a terminal), keeps command lines whole or breaks them with ` \`.
@Suite struct HelpTextTests {
    /// Every help page: `help`, `help topics`, each command's and each topic's.
    static let pages: [String] = ["help", "help topics"] + CommandRegistry.standard.commands.map { "help \($0.name)" }
        + HelpTopics.all.map { "help \($0.name)" }

    /// The page's standard output as the shell prints it at `width` columns (nil: no terminal).
    static func page(_ line: String, width: Int?) -> [String] {
        let client = KapsoClient(baseURL: "http://127.0.0.1:9", apiKey: Secret("k"), transport: StubTransport([]))
        let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
        let output = BufferOutput()
        let shell = Shell(context: context, renderer: Renderer(width: width), output: output)
        if let width { shell.terminalWidth = { width } }
        #expect(shell.run(line: line) == .ok, "\(output.err)")
        return output.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    static func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    static let summaries = Set(CommandRegistry.standard.commands.map { $0.summary })

    /// No orphan: a line that continues the prose above at the same margin (it starts with a lower-case word) was
    /// broken only because its first word did not fit there.
    @Test(arguments: pages)
    func proseFillsTheWidthAt40_80And200(line: String) {
        for width in [40, 80, 200] {
            let lines = Self.page(line, width: width)
            for (above, below) in zip(lines, lines.dropFirst()) where !above.isEmpty && !below.isEmpty {
                // A row (`errors         what failed …`) starts a line of its own.
                // Prose at the margin: examples and a row's continuations are indented; the usage line, the summary
                // and the text below them are parts of their own.
                guard Self.indent(above) == 0, Self.indent(below) == 0, !HelpText.isRow(below), !HelpText.isRow(above),
                    !HelpText.isHeading(below), !above.hasPrefix("usage: "), !Self.summaries.contains(above),
                    let first = below.drop(while: { $0 == " " }).first, first.isLowercase
                else { continue }
                // The first word as the wrapper moves it: a quoted command goes whole (`'set on_error continue'`).
                let pieces = below.split(separator: " ").map { (spaces: 1, text: String($0)) }
                let word = ProseWrap.keptTogether(pieces, room: width).first?.text ?? ""
                #expect(
                    TextWidth.displayWidth(above) + 1 + TextWidth.displayWidth(word) > width,
                    "'\(line)' at \(width) columns: '\(word)' fits after\n\(above)\n\(below)")
            }
        }
    }

    /// No line is wider than the terminal but one word too long for any line (an id, a URL), a command line's piece
    /// included; without a terminal the page is the one at 80 columns.
    @Test(arguments: pages)
    func linesFitTheWidthAndAPipeGets80Columns(line: String) {
        for width in [40, 80, 200] {
            for shown in Self.page(line, width: width) where TextWidth.displayWidth(shown) > width {
                let text = shown.hasSuffix(" \\") ? String(shown.dropLast(2)) : shown
                // One word of prose, or one word of a command line (a quoted JSON body keeps its spaces).
                #expect(HelpText.commandWords(String(text.drop { $0 == " " })).count == 1, "'\(line)' at \(width) columns: \(shown)")
            }
        }
        #expect(Self.page(line, width: nil) == Self.page(line, width: HelpText.defaultWidth))
    }

    /// The finding's page: each line of the first paragraph but its last is filled at 80 columns (the next line's first
    /// word would not fit), and at 200 columns the paragraph takes four lines, not the source's eight (tester52b K: the
    /// precedence line made it longer).
    @Test func theProfilePageReflows() {
        let at80 = Self.page("help profile", width: 80)
        let start = at80.firstIndex { $0.hasPrefix("Profiles live in") }!
        let end = at80[start...].firstIndex { $0 == "Examples:" }! - 1
        #expect(at80[end].hasSuffix("default."), "\(at80)")
        #expect(end - start == 9, "ten full lines at 80 columns: \(at80)")
        for index in start..<end {
            let next = at80[index + 1].prefix { $0 != " " }
            #expect(at80[index].count + 1 + next.count > 80, "line \(index - start + 1) is not filled: \(at80[index])")
        }
        // The source's break is gone: 'The first profile added' ends no line, and no orphan follows it.
        #expect(!at80.contains { $0.hasSuffix("The first profile added") || $0 == "to an empty config becomes the default." })
        let at200 = Self.page("help profile", width: 200)
        let first = at200.firstIndex { $0.hasPrefix("Profiles live in") }!
        #expect(at200[first + 3].hasSuffix("becomes the default."), "four lines at 200 columns: \(at200)")
        #expect(at200[first + 4] == "Examples:")
        #expect(at200[first + 5] == "  profile list")
    }

    /// Rows keep their continuations under their text; examples stay one line each where they fit, and one that does
    /// not is broken with ` \` so it still pastes as one command.
    @Test func rowsAndCommandLines() {
        let output = Self.page("help output", width: 80)
        #expect(output.contains { $0.hasPrefix("json      the API's JSON, secrets masked, and nothing else on standard output") })
        #expect(output.contains { $0.hasPrefix("          ") && $0.contains("NDJSON") })
        let codes = Self.page("help exit-codes", width: 200)
        #expect(codes.contains { $0.hasPrefix("1    a command failed") && $0.contains("healthy, webhooks check errors") })
        #expect(codes.last == "kops -c, piped input and scripts stop at the first failing line and exit with its status ('set on_error continue' runs on, and exits with the first)")
        let webhooks = Self.page("help webhooks", width: 80)
        let fire = webhooks.firstIndex { $0.hasPrefix("  webhooks fire whatsapp.message.received") }!
        #expect(webhooks[fire].hasSuffix(" \\"))
        #expect(webhooks[fire + 1].hasPrefix("      --"))
        let joined = webhooks[fire].dropLast(2) + " " + webhooks[fire + 1].drop { $0 == " " }
        #expect(joined == "  webhooks fire whatsapp.message.received --to http://127.0.0.1:3000/webhooks --set message.text.body=Hola")
        #expect(webhooks.contains("  webhooks check"))
        // A command quoted in prose stays whole on its line where one can hold it.
        for width in [80, 200] {
            let search = Self.page("help log-search", width: width)
            #expect(search.contains { $0.contains("'logs search --source meta --around WAMID'") }, "\(search)")
            #expect(search.contains { $0.hasPrefix("- what failed this week:") })
        }
    }

    /// `help run` is the scripts page, which says where a script's relative paths are read.
    @Test func helpRunSaysWhereAScriptsPathsAre() {
        let text = Self.page("help run", width: 200).joined(separator: "\n")
        #expect(text.contains("inside a script every relative path a line names is read or written from the script's folder"))
        #expect(text.contains("verify --file FILE"))
    }

    @Test func paragraphsAreReadLikeMarkdown() {
        let paragraphs = HelpText.paragraphs("one\ntwo three four:\n  code line\nthree\nfour\n\nExamples:\n  health\n0   ok\n    more\n- item\n  still")
        #expect(paragraphs.map(\.text) == ["one two three four:", "  code line", "three four", "", "Examples:", "  health", "0   ok more", "- item still"])
        #expect(paragraphs.map(\.code) == [false, true, false, false, false, true, false, false])
        #expect(HelpText.commandLines("  a bb ccc dddd", width: 10) == ["  a bb \\", "      ccc \\", "      dddd"])
        #expect(HelpText.commandWords("explain '(#131047) Re-engagement' x") == ["explain", "'(#131047) Re-engagement'", "x"])
    }
}
