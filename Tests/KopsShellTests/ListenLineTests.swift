@testable import KopsShell
import Testing

/// `listen` keeps one line per delivery at a terminal (probe2 F12).
@Suite struct ListenLineTests {
    static let id = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
    static let preview = String(repeating: "x", count: 200) + "…"
    static let line = "12:00:00Z whatsapp.message.received number 100200300400501 msg \(id) delivered; signature ok; "
        + "handler 500 in 3 ms (Kapso retries anything but 200): \(preview)"

    @Test func aLongLineKeepsTheIdsEndsAndCutsThePreviewToTheWidth() {
        let fitted = ListenCommand.fitted(Self.line, messageID: Self.id, preview: Self.preview, width: 200)
        #expect(fitted.count == 200)
        #expect(fitted.contains(" msg wamid.HBgLMT…RTkyMgA= delivered; "))
        #expect(fitted.hasSuffix("x…"))
    }

    @Test func aLineThatFitsOrNoTerminalIsUnchanged() {
        #expect(ListenCommand.fitted(Self.line, messageID: Self.id, preview: Self.preview, width: nil) == Self.line)
        #expect(ListenCommand.fitted("short", messageID: nil, preview: nil, width: 80) == "short")
    }
}
