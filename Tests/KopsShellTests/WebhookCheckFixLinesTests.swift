@testable import KopsShell
import Testing

/// probe46 P46-6: `webhooks check`'s `fix:` for five kinds of failed delivery was one line past the terminal's line cap,
/// cut inside the command it ended with (`'deliveries --webhook ID --errors… (24 more characters not shown)`). A long
/// fix is split between its parts, so every part, and the command, is shown whole.
@Suite struct WebhookCheckFixLinesTests {
    static let command = "'deliveries --webhook 11111111-0000-4000-8000-0000000000b1 --errors --period 7d' lists them"

    @Test(arguments: [1, 5, 12])
    func aLongFixIsShownWholeWithItsCommand(parts: Int) {
        let advice = (0..<parts).map { "\($0 + 1) of 5 failures: " + String(repeating: "the receiver answered badly ", count: 8) }
        let fix = (advice + [Self.command]).joined(separator: "; ")
        let lines = WebhooksCommand.fixLines(fix)
        let shown = Renderer(mode: .table).render(CommandResult(blocks: lines.map { .line(StyledText("  fix: " + $0)) })).out
        #expect(!shown.joined().contains("not shown"), "\(shown)")
        #expect(shown.contains { $0.hasSuffix(Self.command) }, "\(shown)")
        #expect(lines.joined(separator: "; ") == fix)
    }
}
