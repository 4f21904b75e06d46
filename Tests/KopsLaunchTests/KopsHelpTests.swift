import ArgumentParser
import Foundation
import KopsShell
import Testing

@testable import kops

/// probe22 P22-13: `kops --help` piped showed its discussion hard-wrapped at ~100 columns and wrapped again at 80
/// (`KAPSO_API_KEY, KOPS_PROFILE,` alone on a line). Its paragraphs are fitted to the width the parser wraps at.
@Suite struct KopsHelpTests {
    @Test func theDiscussionFillsTheParsersWidth() throws {
        let width = Kops.helpWidth
        let lines = Kops.helpMessage(columns: width).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines { #expect(line.count <= width, "\(line)") }
        let start = try #require(lines.firstIndex { $0.hasPrefix("Environment: KAPSO_API_BASE_URL") })
        let end = try #require(lines[start...].firstIndex { $0.hasSuffix("profile > defaults.") })
        #expect(end > start)
        // Every line of the paragraph but its last is filled: the next word would not have fitted.
        for index in start..<end {
            let next = lines[index + 1].drop { $0 == " " }.prefix { $0 != " " }
            #expect(lines[index].count + 1 + next.count > width - 1, "\(lines[index])\n\(lines[index + 1])")
        }
        #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces) == "KAPSO_API_KEY, KOPS_PROFILE," })
        #expect(lines.contains { $0.hasPrefix("1    a command failed") })
    }
}
