import Foundation
import Testing

/// kops's lines name their source as `kapso-api.md §N` (e.g. "Kapso retries …, kapso-api.md §10.3"). The contract
/// ships as `docs/kapso-api.md`, so a user can read what a line cites: the copy must be the contract the simulator is
/// built against (`../shared/kapso-api.md`), and every section a source file cites must exist in it.
@Suite struct ContractCitationTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every `§A` or `§A.B` in a run `kapso-api.md §A.B, §C, …` of a Swift source under `Sources/`.
    static func citedSections(in source: String) -> [String] {
        var found: [String] = []
        for run in source.components(separatedBy: "kapso-api.md §").dropFirst() {
            var rest = Substring(run)
            while true {
                let number = rest.prefix { $0.isNumber || $0 == "." }
                let section = number.hasSuffix(".") ? number.dropLast() : number
                if section.isEmpty { break }
                found.append(String(section))
                rest = rest.dropFirst(number.count)
                guard rest.hasPrefix(", §") else { break }
                rest = rest.dropFirst(3)
            }
        }
        return found
    }

    /// Whether the contract has section `A` (`## A.`), `A.B` (`### A.B `) or, for §0's numbered gotchas, item B of
    /// §0 (`B. ` at a line's start between `## 0.` and `## 1.`).
    static func contract(_ contract: String, has section: String) -> Bool {
        let lines = contract.split(separator: "\n", omittingEmptySubsequences: false)
        let parts = section.split(separator: ".")
        if parts.count == 1 { return lines.contains { $0.hasPrefix("## \(section). ") } }
        if parts[0] == "0" {
            let gotchas = lines.drop { !$0.hasPrefix("## 0. ") }.dropFirst().prefix { !$0.hasPrefix("## ") }
            return gotchas.contains { $0.hasPrefix("\(parts[1]). ") }
        }
        return lines.contains { $0.hasPrefix("### \(section) ") }
    }

    @Test func theShippedCopyIsTheSimulatorsContract() throws {
        let shared = try String(contentsOf: Self.root.deletingLastPathComponent()
            .appendingPathComponent("shared/kapso-api.md"), encoding: .utf8)
        #expect(try Self.text("docs/kapso-api.md") == shared, "copy ../shared/kapso-api.md to docs/kapso-api.md")
    }

    @Test func everyCitedSectionExists() throws {
        let contract = try Self.text("docs/kapso-api.md")
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var cited = 0
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for section in Self.citedSections(in: source) {
                cited += 1
                #expect(Self.contract(contract, has: section), "\(file.lastPathComponent) cites kapso-api.md §\(section)")
            }
        }
        #expect(cited > 100)
    }

    @Test func readsARunOfSectionsAndTheGotchaItems() {
        #expect(Self.citedSections(in: "(kapso-api.md §6, §14.4). and kapso-api.md §0.21, RFC 9110 §15.5")
            == ["6", "14.4", "0.21"])
        let contract = "## 0. Gotchas\n\n1. **One.**\n2. Two\n## 1. Conventions\n### 1.5 Errors\n"
        #expect(Self.contract(contract, has: "0.2"))
        #expect(!Self.contract(contract, has: "0.3"))
        #expect(Self.contract(contract, has: "1.5"))
        #expect(!Self.contract(contract, has: "1.6"))
        #expect(!Self.contract(contract, has: "2"))
    }
}
