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
    static func seed(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Seeds/\(name).seed.json").path
    }

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

    @Test func aReactionAtSentIsFinal() async throws {
        let lines = try await verdicts(seed: "probe39-reactions", number: "100200300400501", [
            "wamid.HBgLMTQxNTU1NTIzMDEVAgASGBQ1MjQ1NDE0MzU0MDAwMDAwMDAwMAA=",
            "wamid.HBgLMTQxNTU1NTIzMDIVAgASGBQ1MjQ1NDE0MzU0MDAwMDAwMDAwMAA=",
        ])
        #expect(lines.count == 2)
        for line in lines {
            #expect(line.contains("a reaction: Meta reports only 'sent' for reactions"), "\(line)")
            for word in Self.blamed { #expect(!line.contains(word), "\(line)") }
        }
    }

    @Test func importedHistoryIsNoCloudAPISend() async throws {
        let lines = try await verdicts(seed: "probe39-history", number: "100200300400502", [
            "wamid.HBgLMTQxNTU1NTI1MDEVAgASGBQ0ODRGNTU1NDAwMDAwMDAwMDAwMAA=",
            "wamid.HBgLMTQxNTU1NTI1MDEVAgASGBQ0ODRGNTU1NDMyMDAwMDAwMDAwMAA=",
        ])
        #expect(lines.count == 2)
        for line in lines {
            #expect(line.contains("imported history (kapso.origin history_sync)"), "\(line)")
            for word in Self.blamed { #expect(!line.contains(word), "\(line)") }
        }
    }

    @Test func aPendingEchoOrImportIsNoSendWaitingForMeta() async throws {
        let lines = try await verdicts(seed: "probe39-origin-pending", number: "100200300400502", [
            "wamid.HBgLMTQxNTU1NTI1MDIVAgASGBQ0NTQzNDg0RjAwMDAwMDAwMDAwMAA=",
            "wamid.HBgLMTQxNTU1NTI1MDIVAgASGBQ0ODQ5NTM1NDAwMDAwMDAwMDAwMAA=",
        ])
        #expect(lines.count == 2)
        for line in lines {
            #expect(line.contains("WhatsApp Business app"), "\(line)")
            for word in Self.blamed { #expect(!line.contains(word), "\(line)") }
        }
    }
}
