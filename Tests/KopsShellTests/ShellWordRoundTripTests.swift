import KapsoDiagnostics
import KopsShell
import Testing

/// probe20 P20-9: a command kops suggests (`ShellWord.command`), pasted back as a line, reads as the same words: through
/// interpolation (`${…}`) and the lexer, as a typed line goes.
@Suite struct ShellWordRoundTripTests {
    @Test(arguments: [
        "100200300400501", "100 200300400501", "'100200300400501'", "\"100200300400501\"", "%22100200300400501%22",
        "#100200300400501", "1002#003", "a;b", "${support}", "$HOME", "back\\slash", "tab\there", "“curly”", "",
        "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH01AAAAAAAAAAAAAAAAAAAA=", "it's", "\\\"", "ends with \\",
    ])
    func aSuggestionReadsBackAsTheSameID(_ id: String) throws {
        let line = ShellWord.command("whois", id)
        let expanded = try Interpolation.expand(line, variables: ["support": "X"], environment: ["HOME": "/root"])
        let commands = try Lexer.commands(in: expanded)
        #expect(commands.map { $0.map(\.text) } == [["whois", id]], "\(line)")
    }
}
