import Foundation
import Testing

/// tester60 AH10: 70 user-facing strings (errors, notes, catalogue references, help) cited "kapso-api.md §…", the
/// project's own notes, which a user of the binary does not have. A string a user can see names the public page (a Kapso
/// or Meta docs URL) or cites nothing; comments (`//`, `///`) may keep citing the contract.
@Suite struct AH10UserFacingCitationTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `path:line` of each line of a Swift source under `Sources/` that names `word` (`kapso-api.md`) outside a comment:
    /// the part of the line before a `//` that is not inside a string literal is code, so a mention there is in a string.
    static func userFacingCitations(of word: String = "kapso-api.md") throws -> [String] {
        let sources = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var found: [String] = []
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() where line.contains(word) {
                if codePart(of: line).contains(word) {
                    found.append("\(file.path.replacingOccurrences(of: root.path + "/", with: "")):\(number + 1)")
                }
            }
        }
        return found.sorted()
    }

    /// `line` up to its first `//` outside a string literal (the whole line when it has none).
    static func codePart(of line: Substring) -> Substring {
        var inString = false
        var escaped = false
        var previous: Character? = nil
        for index in line.indices {
            let character = line[index]
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "/", previous == "/" {
                return line[..<line.index(before: index)]
            }
            previous = character
        }
        return line
    }

    @Test func noStringAUserSeesCitesTheContractFile() throws {
        let found = try Self.userFacingCitations()
        #expect(found.isEmpty, "\(found.count) user-facing strings cite kapso-api.md:\n\(found.joined(separator: "\n"))")
    }

    @Test func commentsAreToldFromStrings() {
        #expect(Self.codePart(of: "    /// from kapso-api.md §4").trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(Self.codePart(of: "x = \"a // b kapso-api.md\" // c").contains("kapso-api.md"))
        #expect(!Self.codePart(of: "x = \"a\" // kapso-api.md §4").contains("kapso-api.md"))
    }
}
