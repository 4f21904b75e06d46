import Foundation
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
        let lines = FixLayout.lines(fix)
        let shown = Renderer(mode: .table).render(CommandResult(blocks: lines.map { .line(StyledText("  fix: " + $0)) })).out
        #expect(!shown.joined().contains("not shown"), "\(shown)")
        #expect(shown.contains { $0.hasSuffix(Self.command) }, "\(shown)")
        #expect(lines.joined(separator: "; ") == fix)
    }

    /// tester46 L2: at 80 columns the fix of a paused webhook wrapped inside its command (`then webhooks update ID` /
    /// `--active true`): a copied line ran without its flag. On a terminal the command gets a line of its own, whole,
    /// with nothing after it; quoted commands stay whole too; the text is unchanged; without a width, one line.
    @Test(arguments: [80, 100, 120])
    func aCommandInAFixIsOneLineOfItsOwnOnANarrowTerminal(width: Int) {
        let id = "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"
        let command = "webhooks update \(id) --active true"
        let fix = "fix the receiver first (no HTTP response (connection failed or timed out): check that the URL is reachable "
            + "from the internet and that the handler answers 200 within Kapso's 10 s (answer first, work afterwards)), then "
            + command + "; events of the pause are never redelivered (Kapso documents no redelivery): read them with 'messages'; or "
            + "keep it paused: webhooks delete \(id) (it lists no event a phone-number webhook gets)"
        let lines = FixLayout.lines(fix, width: width)
        #expect(lines.joined(separator: " ") == fix)
        var renderer = Renderer(mode: .table)
        renderer.table.width = width
        let shown = renderer.render(CommandResult(blocks: lines.enumerated().map {
            .line(StyledText(($0.offset == 0 ? "  fix: " : "       ") + $0.element))
        })).out.joined(separator: "\n").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(shown.contains(command + ";"), "\(shown)")
        #expect(shown.contains("webhooks delete \(id)"), "\(shown)")
        #expect(shown.allSatisfy { $0.count <= width }, "\(shown)")
        #expect(FixLayout.lines(fix) == [fix])
    }
}
