@testable import KapsoDiagnostics
import KopsTestSupport
import Testing

/// `TranscriptMask.read` answers text with no byte of a mask from its bytes (`mayBeMask`: issue #16, session 42; a
/// webhook id read twice at every `webhooks get` cost about 22,000 instructions each in the `Character` reading).
@Suite struct TranscriptMaskByteTestTests {
    /// What kops reads most where a mask is refused: ids, numbers and URLs in ASCII, answered without the reading.
    @Test(arguments: [
        "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70", "100200300400501", "+1 415-555-0100", "'wamid.HBgL=='", "https://a.test/x>",
    ])
    func anASCIIIdWithNoBracketIsAnsweredFromItsBytes(text: String) {
        #expect(!TranscriptMask.mayBeMask(text))
        #expect(TranscriptMask.read(text) == nil && TranscriptMask.readByCharacter(text) == nil)
    }

    /// Random texts of placeholders whole and cut (`<message 1>`, `<ad click 3>`, `<phone-number-id>`), masked numbers
    /// (`1415•••0171`, `+44 207 ••• 0958`), quotes and blanks around them, lookalikes (`‹`, `＜`, `∙`, `·`), combining
    /// marks (on `<`, `>`, `•` and quotes), `\r\n`, no-break spaces and ASCII ids: `read` answers as `readByCharacter`
    /// does; each form found, none found and answers from the bytes all common.
    @Test func theByteTestAnswersAsTheCharacterReading() {
        let pieces = [
            "<", ">", "message 1", "ad click", "•", "•••", "1415", "'", "\"", "`", " ", "\u{A0}", "\u{301}", "\u{20E5}", "é",
            "\r\n", "\t", "‹", "＜", "∙", "·", "3d4e5f6a-7b8c", "100200300400501", "wamid.HBgL", "abc", "_", "(", ")", "-",
        ]
        let inners = [
            "message 1", "contact 2", "ad click 3", "user 1", "body 3", "group 1", "phone-number-id", "conversation 1", "US.1349",
        ]
        let numbers = ["1415•••0171", "+44 207 ••• 0958", "1415••0171", "(415) •••-0100", "•••", "1415•••01a1"]
        let ids = ["3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70", "100200300400501", "+1 415-555-0100", "wamid.HBgL==", "https://a.test/x"]
        let wrappers = ["", "", "", " ", "'", "\"", "`", "\u{A0}", "\r\n", "\u{301}", "\t"]
        var generator = SplitMix(seed: 4202)
        func pick(_ list: [String]) -> String { list[Int(generator.next() % UInt64(list.count))] }
        var (placeholders, masked, others, none, fromBytes) = (0, 0, 0, 0, 0)
        for _ in 0..<30_000 {
            var text: String
            switch generator.next() % 4 {
            case 0: text = "<" + pick(inners) + ">"
            case 1: text = pick(numbers)
            case 2: text = (0..<(generator.next() % 7)).map { _ in pick(pieces) }.joined()
            default: text = pick(ids)
            }
            if generator.next() % 3 == 0 {
                var characters = Array(text)
                characters.insert(contentsOf: pick(pieces), at: Int(generator.next() % UInt64(characters.count + 1)))
                text = String(characters)
            }
            text = pick(wrappers) + text + pick(wrappers)
            let expected = TranscriptMask.readByCharacter(text)
            switch expected?.form {
            case .placeholder?: placeholders += 1
            case .maskedNumber?: masked += 1
            case .otherPlaceholder?: others += 1
            case nil: none += 1
            }
            if !TranscriptMask.mayBeMask(text) { fromBytes += 1 }
            #expect(TranscriptMask.read(text) == expected, "\(text.debugDescription)")
        }
        #expect(
            placeholders > 500 && masked > 500 && others > 100 && none > 5_000 && fromBytes > 3_000,
            "\(placeholders) placeholders, \(masked) masked numbers, \(others) others, \(none) none, \(fromBytes) from bytes")
    }
}
