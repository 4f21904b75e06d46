import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// Session 61's work on the replay's per-command paths answers as the readings before it (docs/performance.md,
/// "Session 61"): the secrets' shared start compared once (`SecretPatterns`), a lone `.` passed over as no cut mark
/// (`ShortCutEchoes`), and a result's fields appended in place (`Renderer.render(_:into:)`).
@Suite struct Perf61ReplayTests {
    /// `SecretPatterns.occurs` before this session, spelled out: each secret compared from its second byte wherever its
    /// group's first byte occurs.
    static func referenceOccurs(_ secrets: [[UInt8]], in text: [UInt8]) -> Bool {
        if secrets.contains(where: \.isEmpty) { return true }
        for index in text.indices {
            for pattern in secrets where pattern[0] == text[index] && pattern.count <= text.count - index {
                var offset = 1
                while offset < pattern.count, text[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
        }
        return false
    }

    @Test func secretsSharingTheirStartAreFoundAsBefore() {
        // Secrets sharing starts of every length (`whsec_…`, one a start of another, one a single byte), in texts made
        // of their pieces and cut anywhere, so a text often ends inside the shared start.
        let pieces = ["whsec_", "wh", "w", "whsec_demo_123", "whsec_crm_321", "whatsapp", "_123", "_3", "b", "bench_key_01", "é", " "]
        var random = SplitMix(seed: 6101)
        var found = 0
        for _ in 0..<6_000 {
            let secrets = (0..<Int(1 + random.next() % 5)).map { _ in
                Array((0..<Int(1 + random.next() % 3)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined().utf8)
            }
            var text = Array((0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined().utf8)
            if !text.isEmpty, random.next() % 2 == 0 { text.removeLast(Int(random.next() % UInt64(text.count))) }
            let patterns = SecretPatterns(secrets.map { Secret(String(decoding: $0, as: UTF8.self)) })
            let kept = secrets.map { Array(String(decoding: $0, as: UTF8.self).utf8) }
            let expected = Self.referenceOccurs(kept, in: text)
            if expected { found += 1 }
            #expect(text.withUnsafeBufferPointer { patterns.occurs(in: $0) } == expected, "\(secrets) in \(text)")
        }
        #expect(found > 600 && found < 5_400)
    }

    /// `ShortCutEchoes` passes a `.` not followed by another over without `markLength`: no cut mark starts there.
    @Test func aLoneDotStartsNoCutMark() {
        let pieces = [".", "..", "...", "…", "⋯", "*", "a", "crm.acme-demo.test", "opens", " ", "\u{E2}"]
        var random = SplitMix(seed: 6102)
        var lone = 0
        for _ in 0..<5_000 {
            let text = Array((0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined().utf8)
            text.withUnsafeBufferPointer { buffer in
                for index in buffer.indices where buffer[index] == UInt8(ascii: ".") {
                    guard index + 1 == buffer.count || buffer[index + 1] != UInt8(ascii: ".") else { continue }
                    lone += 1
                    #expect(ShortCutEchoes.markLength(at: index, in: buffer) == nil, "\(text) at \(index)")
                }
            }
        }
        #expect(lone > 1_000)
    }

    /// A short secret's start before `..` after a host's dots, and a lone `.` after a start: masked as before.
    @Test func cutEchoesAroundDotsAreMaskedAsBefore() {
        let echoes = ShortCutEchoes([Secret("opensez")])
        #expect(echoes.masked("see crm.acme.test then opens.. ok.") == "see crm.acme.test then <redacted>.. ok.")
        #expect(echoes.masked("opens. and opense.") == "opens. and opense.")
        #expect(echoes.masked("a.b...ensez.") == "a.b...<redacted>.")
    }

    /// `render(fields)` before this session, spelled out: the widest escaped label's width, then each field's lines.
    static func referenceLines(_ fields: [Field], renderer: Renderer) -> [String] {
        let width = fields.map { TextWidth.displayWidth(VisibleText.escaped($0.label)) }.max() ?? 0
        return fields.flatMap { renderer.plainLine($0, labelWidth: width).map { [$0] } ?? renderer.lines($0, labelWidth: width) }
    }

    @Test func fieldsRenderAsTheReadingBefore() {
        var random = SplitMix(seed: 6103)
        var rendered = 0
        for round in 0..<3_000 {
            let width: Int? = round % 4 == 0 ? 30 + Int(random.next() % 60) : nil
            let renderer = Renderer(mode: .table, width: width, color: random.next() % 3 == 0)
            let fields = (0..<Int(random.next() % 6)).map { _ in
                Field(
                    FieldLinesTests.labels[Int(random.next() % UInt64(FieldLinesTests.labels.count))],
                    FieldLinesTests.values[Int(random.next() % UInt64(FieldLinesTests.values.count))])
            }
            let before = [StyledText("before")]
            let result = CommandResult(blocks: [.line(before[0]), .fields(fields), .fields(Array(fields.reversed()))])
            let expected = [renderer.render(CommandResult(blocks: [.line(before[0])])).out, Self.referenceLines(fields, renderer: renderer),
                Self.referenceLines(fields.reversed(), renderer: renderer)].flatMap { $0 }
            #expect(renderer.render(result).out == expected, "\(fields)")
            rendered += fields.count
        }
        #expect(rendered > 5_000)
    }
}
