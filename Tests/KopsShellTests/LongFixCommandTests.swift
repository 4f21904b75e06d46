@testable import KopsShell
import Testing

/// fix48b's leftover of tester46 L2: a command to type longer than the terminal (`webhooks create --url … --events …`,
/// about 100 characters) was wrapped between its words, so a copied line ran without its flags. It now stays whole on a
/// line of its own and runs past the edge, where the terminal's soft wrap is copied as one line.
@Suite struct LongFixCommandTests {
    static let create = "webhooks create --url https://hooks.acme-support.example/kapso/whatsapp/inbound "
        + "--events whatsapp.message.received,whatsapp.message.sent --payload-version v2"

    /// A quoted command (a sentence's `run '…'`) is one piece, whatever its width; quoted prose still wraps.
    @Test(arguments: [60, 80, 100])
    func aQuotedCommandWiderThanTheTerminalIsKeptWhole(width: Int) {
        let line = "  fix: for each number that should send them (100200300400501 or 100200300400502) run 'use <its id>; "
            + Self.create + "'"
        let shown = ProseWrap.lines(line, width: width)
        #expect(shown.contains { $0.contains("'use <its id>; " + Self.create + "'") }, "\(shown)")
        #expect(shown.filter { !$0.contains("webhooks create") }.allSatisfy { $0.count <= width }, "\(shown)")
        let prose = "  note: the contact wrote 'please do not send me any more messages about my order, I have it already "
            + "and it works fine thank you' at 10:00"
        #expect(ProseWrap.lines(prose, width: width).allSatisfy { $0.count <= width })
    }

    /// closing-note-49: at 80 columns a quoted command too wide for the line started at column 2, left of its fix text;
    /// it runs past the edge either way, so it starts under the text (column 7), still whole.
    @Test func aQuotedCommandWiderThanTheLineStartsUnderItsFixText() {
        let command = "'deliveries --webhook 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --errors --period 7d'"
        let line = "  fix: 40 of 61 failures: the receiver's handler failed (500) on this event: check its logs; " + command + " lists them"
        let shown = ProseWrap.lines(line, width: 80)
        #expect(shown.contains("       " + command), "\(shown)")
        // One that fits at the margin but not under the text still starts at the margin, where it fits.
        let fits = "'deliveries --webhook 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92 --status failed'"
        #expect(ProseWrap.lines("  fix: check its logs at these times; " + fits + " lists them", width: 80).contains("  " + fits))
    }

    @Test func theDemosFailingWebhookFixKeepsItsCommandUnderTheText() async throws {
        let ran = try await runDemo(["webhooks check"], width: 80)[0]
        let lines = ran.out.split(separator: "\n").map(String.init)
        let quoted = lines.filter { $0.drop { $0 == " " }.hasPrefix("'deliveries --webhook") }
        #expect(!quoted.isEmpty, "\(ran.out)")
        #expect(quoted.allSatisfy { $0.hasPrefix("       '") }, "\(quoted)")
    }

    /// An unquoted command on a fix line of its own (`FixLayout.lines`) is a `.command` block: not wrapped.
    @Test func anUnquotedCommandOnItsOwnLineIsNotWrapped() {
        let fix = "the webhook sends every event of the project to one receiver; to receive only some events, replace it: "
            + Self.create + "; then webhooks delete 1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e (it lists no event a phone-number webhook gets)"
        let blocks = FixLayout.blocks(fix, width: 80)
        #expect(blocks.contains(.command("       " + Self.create + ";")), "\(blocks)")
        var renderer = Renderer(mode: .table)
        renderer.table.width = 80
        let shown = renderer.render(CommandResult(blocks: blocks)).out.joined(separator: "\n").split(separator: "\n")
        #expect(shown.contains { $0.hasSuffix(Self.create + ";") }, "\(shown)")
        // Without a terminal (pipes, transcripts) the fix is one line, as before.
        #expect(FixLayout.blocks(fix, width: nil) == [.line(StyledText("  fix: " + fix))])
    }
}
