import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Masked transcripts mask what ties a message to a person beyond its number: a WhatsApp group id (its base64
/// decodes to `capi_group:` and a phone number), a Click-to-WhatsApp click id (`ctwa_clid`), and numbers in a
/// conversation's CRM `metadata` (a phone number as a phone number, any other number by its field), each by its kind
/// and one placeholder per value; the transcript still replays (session 16's note, left from probe7 P7-4/P7-7).
///
/// Seed `message-origins.seed.json`: Contact B's group message (group `Y2FwaV9ncm91cDox…`), Contact A's N01 from an
/// ad (`ctwa_clid` `ARAkLkA8…`), and Contact A's conversation whose metadata holds `+1 415 555 0199`,
/// `4111111111111111` (a number) and, nested, the contact's own number `14155550171` and `14155550166` (a number).
@Suite struct OriginIDMaskTests {
    static let lines = [
        "use 100200300400501", "message \(MessageOriginsSeedTests.groupMessage)", "trace \(MessageOriginsSeedTests.groupMessage)",
        "reply --dry-run ok", "message \(MessageOriginsSeedTests.id(1))", "message --output json \(MessageOriginsSeedTests.id(1))",
        "conversations --output json", "conversations --output json --all", "conversations",
        "whois \(MessageOriginsSeedTests.groupID)",
    ]

    static let clickID = "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a"

    /// What no masked page may show: the group id and what it decodes to, the click id, the metadata's numbers.
    static let canaries = [
        MessageOriginsSeedTests.groupID, "Y2FwaV9ncm91cD", "capi_group:1705", "17055501391", "120363404694233820",
        clickID, "ARAkLkA8", "555 0199", "5550199", "4111111111111111", "5550166", "5550171",
    ]

    private func record() async throws -> (page: String, restore: TranscriptRestore) {
        try await recordMasked(Self.lines, seed: MessageOriginsSeedTests.seed)
    }

    @Test func groupIDsClickIDsAndMetadataNumbersAreMaskedByKindAndReplay() async throws {
        let recorded = try await record()
        let page = recorded.page
        for canary in Self.canaries {
            let hits = page.split(separator: "\n").filter { $0.contains(canary) }
            #expect(hits.isEmpty, "the transcript shows '\(canary)': \(hits.first ?? "")")
        }
        // One group, one placeholder: in the message view, the verdict, the reply refusal, `whois` and its decoded form.
        #expect(page.contains("group:        <group 1> (written in a WhatsApp group"), "\(page)")
        #expect(page.contains("verdict: received in group <group 1>;"))
        #expect(page.contains("to <group 1>), not to the participant 1:1"))
        #expect(page.contains("whois <group 1>\nerror: <group 1> is a WhatsApp group id (it decodes to '<group 1>';"))
        #expect(!page.contains("<group 2>"))
        #expect(page.contains("ctwa_clid:    <ad click 1> (the click id"))
        #expect(page.contains("\"ctwa_clid\": \"<ad click 1>\""))
        // Metadata: a phone number as a phone number, the contact's own as everywhere else, a card number by its field.
        #expect(page.contains("\"alt_phone\": \"+1 415 ••• 0199\""))
        #expect(page.contains("\"wa\": \"1415•••0171\"") && page.contains("1415•••0171  "), "\(page)")
        #expect(page.contains("\"callback\": \"1415•••0166\""))
        #expect(page.contains("\"card\": \"<body "))
        let diff = try await withSimulator(seed: MessageOriginsSeedTests.seed) { fixture in
            try TranscriptChecker(expected: page, path: "t.md", restore: recorded.restore).replay(on: try fixture.shell().shell).diff
        }
        #expect(diff.isEmpty, "\(diff)")
    }
}
