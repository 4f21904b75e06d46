import KopsShell
import Testing

/// `LineReader.confirm`: the question `reply` asks at a terminal.
@Suite struct LineReaderConfirmTests {
    private final class Answers: LineReader {
        var inputs: [LineInput]
        var prompts: [String] = []
        init(_ inputs: [LineInput]) { self.inputs = inputs }
        func readLine(prompt: String) -> LineInput {
            prompts.append(prompt)
            return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
        }
        func remember(_ line: String) {}
    }

    @Test(arguments: [
        (LineInput.line("y"), true), (.line(" YES "), true), (.line(""), false), (.line("n"), false),
        (.line("yes please"), false), (.interrupted, false), (.endOfInput, false),
    ])
    func onlyYesSends(input: LineInput, expected: Bool) {
        let reader = Answers([input])
        #expect(reader.confirm("send? [y/N] ") == expected)
        #expect(reader.prompts == ["send? [y/N] "])
    }
}
