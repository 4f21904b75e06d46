import Foundation
import KopsShell
import Testing

/// probe22 P22-18: a script that is not UTF-8 is named by where its first bad byte is, or as UTF-16, instead of
/// "not readable UTF-8 text; check the path" (the path was right).
@Suite struct ScriptEncodingTests {
    static let latin1: [UInt8] = Array("numbers\nset name Jos".utf8) + [0xE9] + Array("\nnumbers\n".utf8)
    static let utf16: [UInt8] = [0xFF, 0xFE, 0x6E, 0x00, 0x75, 0x00, 0x0A, 0x00]
    static let cutAtTheEnd: [UInt8] = Array("a\nb\nc".utf8) + [0xC3]
    static let resave = "which is not UTF-8 (saved as Latin-1 or Windows-1252?); save the file as UTF-8"

    @Test(arguments: [
        (latin1, "line 2 holds the byte 0xE9 (column 13), " + resave),
        (utf16, "it is UTF-16 text (it starts with a UTF-16 byte-order mark: Windows Notepad's 'Unicode'); save it as UTF-8"),
        (cutAtTheEnd, "line 3 holds the byte 0xC3 (column 2), " + resave),
    ] as [([UInt8], String)])
    func aScriptThatIsNotUTF8SaysWhere(bytes: [UInt8], detail: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-encoding-\(UUID().uuidString).kops").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: ScriptError.notUTF8(path: path, detail: detail)) { try ScriptRunner.load(path: path) }
        #expect(ScriptError.notUTF8(path: path, detail: detail).message == "cannot read script '\(path)': \(detail)")
    }
}
