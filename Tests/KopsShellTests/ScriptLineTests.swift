import KopsShell
import Testing

@Suite struct ScriptLineTests {
    @Test func dropsCommentsAndBlankLinesKeepingLineNumbers() {
        let lines = ScriptLine.parse("# intro\n\nnumbers\n  # indented comment\nhealth # trailing\n")
        #expect(
            lines == [ScriptLine(.command("numbers"), number: 3), ScriptLine(.command("health # trailing"), number: 5)])
    }

    @Test func joinsBackslashContinuationsAtTheFirstLine() {
        let lines = ScriptLine.parse("webhooks \\\n  --scope project \\\n  --kind kapso\nstate")
        #expect(
            lines == [
                ScriptLine(.command("webhooks --scope project --kind kapso"), number: 1),
                ScriptLine(.command("state"), number: 4),
            ])
    }

    // P24-12: a `\` on the last line (with or without its newline) leaves the command unfinished; a blank line after a
    // `\` inside the script still ends the command, as before.
    @Test func aBackslashOnTheLastLineLeavesTheCommandUnfinished() {
        #expect(ScriptLine.parse("numbers\nwebhooks \\\n").last?.continuesPastEnd == true)
        #expect(ScriptLine.parse("numbers\nwebhooks \\").last?.continuesPastEnd == true)
        #expect(ScriptLine.parse("webhooks \\\n  --scope project\n").map(\.continuesPastEnd) == [false])
        #expect(ScriptLine.parse("webhooks \\\n\nnumbers\n").map(\.continuesPastEnd) == [false, false])
    }

    @Test func anEscapedBackslashAtTheEndDoesNotContinue() {
        #expect(ScriptLine.parse("set path a\\\\\nstate").count == 2)
    }

    // P10-8: `messages --limit 1   # list one \` swallowed the next line into its comment and the script
    // reported success. A comment ends at the newline, as in `sh`, whatever it ends with.
    @Test(arguments: [
        "messages --limit 1   # list one \\\nnumbers",
        "messages --limit 1 # C:\\Users\\me\\\nnumbers",
        "messages --limit 1;# see \\\nnumbers",
        "messages \\\n  --limit 1 # list one \\\nnumbers",
        "messages \\\n# a note \\\nnumbers",
    ])
    func aBackslashInsideACommentDoesNotContinue(_ source: String) {
        let lines = ScriptLine.parse(source)
        #expect(lines.count == 2)
        #expect(lines.last?.kind == .command("numbers"))
    }

    @Test(arguments: [
        ("reply \"a # b\" \\\nnext", "reply \"a # b\" next"),
        ("reply 'a # b' \\\nnext", "reply 'a # b' next"),
        ("set x a#b \\\nnext", "set x a#b next"),
        ("set x \\# \\\nnext", "set x \\# next"),
        ("reply \"a \\\" # b\" \\\nnext", "reply \"a \\\" # b\" next"),
    ])
    func aHashThatIsNoCommentStillContinues(_ source: String, _ joined: String) {
        #expect(ScriptLine.parse(source) == [ScriptLine(.command(joined), number: 1)])
    }

    @Test func anErrorMarkerAfterAContinuedLineMarksTheNextCommand() {
        let lines = ScriptLine.parse("numbers \\\n#! error\nhelp nope")
        #expect(
            lines == [
                ScriptLine(.command("numbers"), number: 1), ScriptLine(.expectFailure, number: 2),
                ScriptLine(.command("help nope"), number: 3),
            ])
    }

    @Test func errorMarkerBecomesItsOwnLine() {
        let lines = ScriptLine.parse("#! error\nhelp nope\r\n")
        #expect(lines == [ScriptLine(.expectFailure, number: 1), ScriptLine(.command("help nope"), number: 2)])
    }
}

@Suite struct InterpolationTests {
    let variables = ["hook": "3d4e", "text": "hi there; \"you\"", "empty": ""]
    let environment = ["KOPS_NUMBER": "100200300400501"]

    private func expand(_ line: String) throws -> String {
        try Interpolation.expand(line, variables: variables, environment: environment)
    }

    @Test(arguments: [
        ("webhooks get ${hook}", "webhooks get 3d4e"),
        ("use ${env:KOPS_NUMBER}", "use 100200300400501"),
        ("say '${hook}'", "say '${hook}'"),
        ("say \"${hook}!\"", "say \"3d4e!\""),
        ("say \\${hook}", "say \\${hook}"),
        ("no refs at all", "no refs at all"),
    ])
    func expands(_ line: String, _ expected: String) throws {
        #expect(try expand(line) == expected)
    }

    @Test func valuesStayOneWordThroughTheLexer() throws {
        let words = try Lexer.commands(in: try expand("reply ${text} x${empty}y ${empty}"))
        #expect(words.first?.map(\.text) == ["reply", "hi there; \"you\"", "xy", ""])
        let quoted = try Lexer.commands(in: try expand("reply \"${text}\""))
        #expect(quoted.first?.map(\.text) == ["reply", "hi there; \"you\""])
    }

    @Test func unsetReferencesNameTheVariable() {
        #expect(throws: ScriptError.unsetVariable(name: "nope")) { try expand("use ${nope}") }
        #expect(throws: ScriptError.unsetEnvironmentVariable(name: "KOPS_MISSING")) {
            try expand("use ${env:KOPS_MISSING}")
        }
        #expect(throws: ScriptError.malformedInterpolation(text: "${hook")) { try expand("use ${hook") }
        #expect(
            ScriptError.unsetEnvironmentVariable(name: "X").message
                == "environment variable X is not set; export X=... before running kops")
    }
}
