import Foundation
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester61b AK13: the `whois` advice of `logs --errors`, `errors` and `overview` named forms `whois` refuses (`whois
/// messages`, `whois message_templates`, `whois %2F100200300400501`) and left `%20` undecoded (`whois 1%20415%20555%200100`).
/// Every advised `whois` now runs, with the id decoded (`APIPath.whoisArgument`). The seed's failed calls hold escaped
/// ids (`%2F`, `%2B`, `%20`; tester61b AK17).
@Suite struct AK13RunnableWhoisAdviceTests {
    static let seed = SimulatorSeed.file(TestSeeds.path("ak17-escaped-path-ids.seed.json"))
    static let commands = ["logs --errors --period 7d", "logs --errors --flat --period 7d", "errors --flat --period 7d", "overview --period 7d"]

    /// The `whois …` commands in `text`: quoted in a meaning (`'whois X' says …`) or first on an overview line.
    static func advised(_ text: String) -> [String] {
        var found: [String] = []
        for line in text.split(separator: "\n").map(String.init) {
            var rest = line[...]
            while let start = rest.range(of: "'whois ") {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "'") else { break }
                found.append("whois " + after[..<end])
                rest = after[after.index(after: end)...]
            }
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("whois "), let hash = trimmed.range(of: "  #") {
                found.append(String(trimmed[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces))
            }
        }
        return found
    }

    @Test func everyAdvisedWhoisRunsDecoded() async throws {
        let (advice, answers) = try await withSimulator(seed: Self.seed) { fixture in
            let (shell, output) = try fixture.shell()
            for command in Self.commands { shell.run(line: command) }
            let advice = Array(Set(Self.advised(output.out)))
            var answers: [String: String] = [:]
            for command in advice {
                let (whois, answer) = try fixture.shell()
                whois.run(line: command)
                answers[command] = answer.out + answer.err
            }
            return (advice, answers)
        }
        #expect(!advice.isEmpty, "\(advice)")
        for command in advice {
            #expect(!command.contains("%"), "\(command)")
            let answer = answers[command] ?? ""
            #expect(!answer.contains("cannot read"), "\(command)\n\(answer)")
        }
    }
}
