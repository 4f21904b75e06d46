import Foundation
import Testing

@testable import kops

/// tester57 AB13, at launch: `kops run dir with spaces/ok.kops` said "usage: kops run FILE.kops", naming nothing of
/// the extra words. When they name an existing file joined with spaces, the line says to quote the path.
@Suite struct AB13UnquotedRunPathTests {
    @Test(arguments: ["run", "check"])
    func anUnquotedPathToAFileIsNamed(_ verb: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ab13-\(UUID().uuidString)/dir with spaces")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.path + "/ok.kops"
        try "explain 131047\n".write(toFile: path, atomically: true, encoding: .utf8)
        let line = refusal([verb] + path.split(separator: " ").map(String.init))
        #expect(
            line.contains("kops \(verb): '\(path)' is a file whose path holds spaces, read as 3 words; quote the path: kops \(verb) '\(path)'"),
            "\(line)")
        let other = refusal([verb, folder.path + "/none", "of", "these"])
        #expect(other.contains("usage: kops \(verb)"), "\(other)")
    }
}
