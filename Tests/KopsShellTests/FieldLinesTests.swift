@testable import KopsShell
import KopsTestSupport
import Testing

/// A field's line made without the general path's work (`Renderer.plainLine`) is the general path's one line, or nil.
@Suite struct FieldLinesTests {
    static let labels = ["id", "url", "secret", "events", "", "ünïcode", "tab\there", "esc\u{1B}[2J", "wide 中文", "a "]
    static let values = [
        "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70", "", " ", "trailing ", "  two", "whsec_…23", "caf\u{E9}", "line\nbreak",
        "cr\rhere", "tab\tin", "\u{1B}]0;x\u{07}", "中文", "e\u{301}", "project (message events never delivered)",
        String(repeating: "x", count: VisibleText.valueLimit), String(repeating: "y", count: VisibleText.valueLimit + 1),
        "https://crm.acme-demo.test/kapso/events", "~!@#$%^&*()_+{}|:\"<>?",
    ]

    @Test func aPlainLineIsTheGeneralPathsLine() {
        var generator = SplitMix(seed: 3607)
        let styles: [Style] = [.plain, .good, .bad, .warn, .dim, .bold]
        var plain = 0
        var general = 0
        for round in 0..<6_000 {
            let width: Int? = round % 5 == 0 ? 40 + Int(generator.next() % 60) : nil
            let renderer = Renderer(mode: .table, width: width, color: generator.next() % 2 == 0)
            let label = Self.labels[Int(generator.next() % UInt64(Self.labels.count))]
            let value = (0..<(generator.next() % 3)).map { _ in Self.values[Int(generator.next() % UInt64(Self.values.count))] }
                .joined()
            let field = Field(label, value, style: styles[Int(generator.next() % UInt64(styles.count))])
            let labelWidth = TextWidth.displayWidth(VisibleText.escaped(label)) + Int(generator.next() % 4)
            let lines = renderer.lines(field, labelWidth: labelWidth)
            if let line = renderer.plainLine(field, labelWidth: labelWidth) {
                #expect([line] == lines, "\(field) \(labelWidth)")
                #expect(width == nil)
                plain += 1
            } else {
                general += 1
            }
        }
        #expect(plain > 1_000 && general > 1_000)
    }

    /// Through `render`: the labels padded to the widest, each value's trailing space dropped, as before.
    @Test func fieldsRenderAsBefore() {
        let result = CommandResult(blocks: [.fields([Field("id", "a1 "), Field("secret", ""), Field("url", "https://x.test")])])
        #expect(Renderer(mode: .table).render(result).out == ["id:     a1", "secret:", "url:    https://x.test"])
    }
}
