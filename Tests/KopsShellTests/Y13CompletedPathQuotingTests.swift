import Foundation
import KapsoClient
import KopsShell
import Testing

/// tester55b Y13: Tab completion offered `/tmp/x/sp ace.kops` as it is, libedit inserted it so, and the line then read
/// two words (`error: source: unexpected argument 'ace.kops'`). A completed path is written as kops's own lexer reads
/// it back: a backslash before a space, a quote, `;`, `#`, `$` or a backslash.
@Suite struct Y13CompletedPathQuotingTests {
    private func candidates(_ line: String) -> [String] {
        Completion.candidates(lineBeforeCursor: line, registry: .standard)
    }

    @Test(arguments: ["sp ace.kops", "it's;#1 $x.kops", "back\\slash \"q\".kops"])
    func aCompletedPathReadsBackAsOneWord(name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("y13-\(getpid())-\(name.count)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        for command in ["source", "record"] {
            let offered = candidates("\(command) \(folder)/\(name.prefix(2))").filter { $0 != "stop" }
            #expect(offered.count == 1, "\(offered)")
            let line = "\(command) " + (offered.first ?? "")
            let words = try Lexer.commands(in: line).first?.map(\.text)
            #expect(words == [command, path], "\(line)")
        }
        // Completing again after the escaped part already typed (`sp\ a`) offers the same path.
        let typed = try #require(candidates("source \(folder)/\(name.prefix(2))").first)
        let longer = String(typed.prefix(typed.count - 3))
        #expect(candidates("source \(longer)") == [typed], "\(longer)")
    }
}
