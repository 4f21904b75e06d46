import Foundation
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe39 P39-11 and P39-13: a message no delivered or read status will ever follow was judged as a Cloud API send left
/// at `sent` or `pending`: "the contact's phone may be offline, or … blocked", "never delivered … send it again",
/// "Meta never accepted the send".
///
/// Seeds (probe39's): `probe39-reactions.seed.json`, Support Line's ❤️ reaction 2 h ago and a 👍 31 days ago, each with
/// only `sent`; `probe39-history.seed.json`, Sales Line's imported chat (`kapso.origin: history_sync`) with answers 40
/// days and 3 h old at `sent`; `probe39-origin-pending.seed.json`, a coexistence echo and an imported message at `pending`.
@Suite struct NoDeliveryReportTests {
    static func seed(_ name: String) -> String { TestSeeds.path("\(name).seed.json") }

    private func verdicts(seed: String, number: String, _ ids: [String]) async throws -> [String] {
        try await withSimulator(seed: .file(Self.seed(seed))) { fixture in
            let (shell, output) = try fixture.shell()
            shell.run(line: "use \(number)")
            var lines: [String] = []
            for id in ids {
                let before = output.combined.count
                shell.run(line: "trace \(id)")
                let page = String(output.combined.dropFirst(before))
                lines.append(page.split(separator: "\n").first { $0.contains("verdict:") }.map(String.init) ?? page)
            }
            return lines
        }
    }

    static let blamed = ["offline", "blocked", "ago and never delivered", "send it again", "never accepted", "not normal"]

    /// One seed's two sends on `number`, and what their verdicts say instead of blaming the phone or the contact.
    struct Case: Sendable, CustomTestStringConvertible {
        var seed: String
        var number: String
        var ids: [String]
        var says: String
        var testDescription: String { seed }
    }

    static let cases = [
        // A reaction at `sent` is final.
        Case(
            seed: "probe39-reactions", number: "100200300400501",
            ids: [
                "wamid.HBgLMTQxNTU1NTIzMDEVAgASGBQ1MjQ1NDE0MzU0MDAwMDAwMDAwMAA=",
                "wamid.HBgLMTQxNTU1NTIzMDIVAgASGBQ1MjQ1NDE0MzU0MDAwMDAwMDAwMAA=",
            ],
            says: "a reaction: Meta reports only 'sent' for reactions"),
        // Imported history is no Cloud API send.
        Case(
            seed: "probe39-history", number: "100200300400502",
            ids: [
                "wamid.HBgLMTQxNTU1NTI1MDEVAgASGBQ0ODRGNTU1NDAwMDAwMDAwMDAwMAA=",
                "wamid.HBgLMTQxNTU1NTI1MDEVAgASGBQ0ODRGNTU1NDMyMDAwMDAwMDAwMAA=",
            ],
            says: "imported history (kapso.origin history_sync)"),
        // A pending echo or import is no send waiting for Meta.
        Case(
            seed: "probe39-origin-pending", number: "100200300400502",
            ids: [
                "wamid.HBgLMTQxNTU1NTI1MDIVAgASGBQ0NTQzNDg0RjAwMDAwMDAwMDAwMAA=",
                "wamid.HBgLMTQxNTU1NTI1MDIVAgASGBQ0ODQ5NTM1NDAwMDAwMDAwMDAwMAA=",
            ],
            says: "WhatsApp Business app"),
    ]

    @Test(arguments: cases)
    func aSendNoDeliveryWillFollowIsNotBlamedOnThePhone(_ sends: Case) async throws {
        let lines = try await verdicts(seed: sends.seed, number: sends.number, sends.ids)
        #expect(lines.count == 2)
        for line in lines {
            #expect(line.contains(sends.says), "\(line)")
            for word in Self.blamed { #expect(!line.contains(word), "\(line)") }
        }
    }
}
