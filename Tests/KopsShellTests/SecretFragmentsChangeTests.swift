import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// `SecretFragments.changes` (session 52): the redactor's test reads the runs of a secret it finds as `masked` does, so
/// a word-like secret's words elsewhere (`whsec_analytics_987` and `https://analytics.acme-demo.test/…`, the demo's
/// webhooks) no longer send a text or a table through the whole redaction; it is true exactly when `masked` changes
/// the text, and the cells' joined test still answers true whenever a cell needs redaction.
@Suite struct SecretFragmentsChangeTests {
    static let secretSets: [[String]] = [
        // The demo's webhook secrets: words and digits.
        ["whsec_analytics_987", "whsec_demo_123", "whsec_sales_654"],
        ["sk-live-SECRET-abcdef123456"],
        ["production-key", "correcthorsebatterystaple"],
        ["whsec_Zq81mXkP0aWebhookQq", "QmFzZTZzS2VzaGVyZQyy"],
        // A secret with a line feed: a run may go on across joined cells.
        ["line\nfeed-Secret-42x"],
    ]

    /// Pieces of those secrets (cut, in another case, base64, percent-encoded), ellipses and the bytes around a run.
    static let pieces = [
        "analytics", "https://analytics.acme-demo.test/ingest/", "whatsapp", "whsec_", "_987", "demo_123", "WHSEC_ANALYTICS_987",
        "sk-live-", "SECRET-abcdef12", "secret-ABCDEF", "c2stbGl2ZS1TRUNSRVQtYWJj", "production", "-key", "correcthorse",
        "batterystap", "\u{2026}", "...", "Zq81mXkP0a", "qmFzZTZzS2Vz", "d2hzZWNfZGVtb18xMjM", "d2hzZWNfYW5hbHl0aWNz",
        "whsec%5Fdemo%5F123", "line", "feed-Secret-42x", "FEED-SECRET", " ", "\n", "/", ".", "x", "7", "_", "-", "\u{E9}",
    ]

    static func text(_ generator: inout SplitMix) -> String {
        (0..<Int(generator.next() % 6)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func changesIsTrueExactlyWhenMaskedChangesTheText() {
        var generator = SplitMix(seed: 5252)
        var (changed, kept) = (0, 0)
        for secrets in Self.secretSets {
            let fragments = SecretFragments(secrets.map { Secret($0) })
            for _ in 0..<6_000 {
                var text = Self.text(&generator)
                let masks = fragments.masked(text) != text
                let (changes, occurs) = text.withUTF8 { (fragments.changes($0), fragments.occurs(in: $0)) }
                #expect(changes == masks, "\(secrets) \(text.debugDescription)")
                #expect(!changes || occurs, "\(secrets) \(text.debugDescription)")
                if masks { changed += 1 } else if occurs { kept += 1 }
            }
        }
        // Both kinds of text with a secret's 8 bytes in it are common: the comparison is not vacuous.
        #expect(changed > 500, "\(changed)")
        #expect(kept > 500, "\(kept)")
    }

    /// The replay's webhook table: the URL shares `analytics` with a known secret and is shown as it is, now without the
    /// whole redaction; a cut echo of the same secret is still masked.
    @Test func aWordLikeSecretsWordNoLongerNeedsRedaction() {
        let redactor = Redactor(knownSecrets: [Secret("whsec_analytics_987")])
        let url = "https://analytics.acme-demo.test/ingest/whatsapp"
        #expect(!redactor.needsRedaction(url))
        #expect(!redactor.mayNeedRedaction(cells: [[StyledText("5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"), StyledText(url)]]))
        #expect(redactor.redact(url) == url)
        let echo = redactor.redact("bad secret whsec_analytics_9\u{2026}")
        #expect(echo.contains("<redacted>") && !echo.contains("analytics_9"), "\(echo)")
    }

    @Test func theJoinedCellTestIsTrueWheneverACellNeedsRedaction() {
        var generator = SplitMix(seed: 5253)
        var (cleared, needed) = (0, 0)
        for secrets in Self.secretSets {
            let plain = Redactor(knownSecrets: secrets.map { Secret($0) })
            let redactors = [plain, plain.revealing(secrets[0])]
            for _ in 0..<2_000 {
                let width = Int(generator.next() % 3) + 1
                let rows = (0..<Int(generator.next() % 4)).map { _ in (0..<width).map { _ in StyledText(Self.text(&generator)) } }
                let result = CommandResult(blocks: [.table(Table(columns: (0..<width).map { Column("C\($0)") }, rows: rows))])
                for redactor in redactors {
                    let some = rows.contains { row in row.contains { redactor.needsRedaction($0.text) } }
                    let joined = redactor.mayNeedRedaction(cells: rows)
                    #expect(!some || joined, "\(rows.map { $0.map(\.text) })")
                    #expect(redactor.redactingCells(result).blocks == CellRedactionTests.cellByCell(redactor, result))
                    if !joined { cleared += 1 }
                    if some { needed += 1 }
                }
            }
        }
        #expect(cleared > 1_000, "\(cleared)")
        #expect(needed > 1_000, "\(needed)")
    }
}
