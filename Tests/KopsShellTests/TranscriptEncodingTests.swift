import Foundation
@testable import KopsShell
import Testing

/// probe38 P38-12: `kops check` of a transcript with one byte that is not UTF-8 (a Latin-1 byte picked up in a ticket
/// system or an editor) said only "it is not UTF-8 text", where a script and piped input name the line, column and byte.
@Suite struct TranscriptEncodingTests {
    @Test(arguments: [
        ([0xFF], "line 4 holds the byte 0xFF (column 1), which is not UTF-8"),
        (Array("caf".utf8) + [0xE9], "line 4 holds the byte 0xE9 (column 4), which is not UTF-8"),
    ] as [([UInt8], String)])
    func aByteThatIsNotUTF8IsNamedWithItsLine(bytes: [UInt8], says: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kops-enc-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = Array("# kops transcript\n\n- kops: 0.38.0\n".utf8) + bytes + Array("\n".utf8)
        try Data(text).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try TranscriptFile.read(path)
        } throws: { error in
            let message = ErrorReport(error).message
            return message.hasPrefix("cannot read transcript '\(path)': \(says)") && message.hasSuffix("save the file as UTF-8, as kops writes transcripts")
        }
    }
}
