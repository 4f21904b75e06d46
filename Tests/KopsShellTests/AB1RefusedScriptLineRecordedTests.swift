import Foundation
import KopsShell
import Testing

/// tester57 AB1: under `set on_error continue`, a script line that fails kops's check (an unknown flag, a bad id) fails
/// at its turn, but its prompt line and error were left out of the transcript (in a `source` block only the error
/// showed, under no prompt). Piped input recorded them; scripts and `source` do now too.
@Suite struct AB1RefusedScriptLineRecordedTests {
    private static let script = "set on_error continue\npayload sample whatsapp.nothing\nnumbers --bogus\nexplain 131047"

    @Test func aScriptsRefusedLinesAreRecordedWithTheirErrors() throws {
        let offline = OfflineShell()
        let recorder = try offline.recording()
        let outcome = ScriptRunner(path: "s2.kops", source: Self.script, allowWrites: false).run(on: offline.shell)
        #expect(outcome.failedLines == [2, 3])
        #expect(recorder.text.contains("```kops\nkops(default)> payload sample whatsapp.nothing\nerror: payload: "), "\(recorder.text)")
        #expect(recorder.text.contains("```kops\nkops(default)> numbers --bogus\nerror: numbers: unknown flag"), "\(recorder.text)")
        #expect(!recorder.text.contains("s2.kops:"))
    }

    @Test func aSourcedScriptsRefusedLinesShowTheirPrompts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ab1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = folder.appendingPathComponent("inner.kops").path
        try Self.script.write(toFile: inner, atomically: true, encoding: .utf8)
        let offline = OfflineShell()
        let recorder = try offline.recording()
        offline.shell.run(line: "source \(inner)")
        #expect(recorder.text.contains("kops(default)> payload sample whatsapp.nothing\nerror: payload: "), "\(recorder.text)")
        #expect(recorder.text.contains("kops(default)> numbers --bogus\nerror: numbers: unknown flag"), "\(recorder.text)")
        #expect(recorder.text.components(separatedBy: "```kops\n").count == 2, "one block, the source line's")
    }
}
