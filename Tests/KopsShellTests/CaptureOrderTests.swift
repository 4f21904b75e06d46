import Foundation
import KopsShell
import Testing

/// probe43 P43-9: `capture W = id` was answered "expected 'as': capture W as id", a line `capture` then refused. Every
/// line `capture` suggests for words in another order is one it accepts.
@Suite struct CaptureOrderTests {
    /// The usage problem a script check finds in `line`, as printed; nil when it has none.
    private func problem(_ line: String) -> String? {
        let check = ScriptCheck(lines: ScriptLine.parse(line), registry: .standard, variables: [], environment: [:])
        return check.problem.map { ErrorReport($0.error).message }
    }

    @Test(arguments: [
        ("capture W = id", "capture: invalid order 'W = id'; expected PATH as NAME: capture .id as W"),
        ("capture W=id", "capture: invalid order 'W=id'; expected PATH as NAME: capture .id as W"),
        ("capture hook := .data[0].id", "capture: invalid order 'hook := .data[0].id'; expected PATH as NAME: capture .data[0].id as hook"),
        ("capture n = .data | length", "capture: invalid order 'n = .data | length'; expected PATH as NAME: capture .data | length as n"),
        ("capture hook .data[0].id", "capture: invalid order 'hook .data[0].id'; expected PATH as NAME: capture .data[0].id as hook"),
        ("capture hook as .id", "capture: invalid order 'hook as .id'; expected PATH as NAME: capture .id as hook"),
        ("capture id into W", "capture: invalid order 'id into W'; expected PATH as NAME: capture .id as W"),
        ("capture .data[0].id into h", "capture: invalid word between .data[0].id and h 'into'; expected 'as': capture .data[0].id as h"),
        ("capture .data[0].id hook",
         "capture: missing 'as' between the path and the name (capture .data[0].id as hook); usage: \(CaptureCommand.usage)"),
    ])
    func aSuggestedLineIsOneCaptureAccepts(line: String, message: String) throws {
        #expect(problem(line) == message)
        let range = try #require(message.range(of: #"capture \.[^;()]* as [A-Za-z0-9_.-]+"#, options: .regularExpression))
        let suggested = String(message[range])
        #expect(problem(suggested) == nil, "\(suggested)")
    }

    /// Words no reading makes a `capture` line of get the usage, not a made-up line (`capture as hook` suggested
    /// `capture as as hook`).
    @Test(arguments: ["capture as hook", "capture a b c", "capture = x"])
    func noLineIsSuggestedWhenNoneIsAccepted(line: String) {
        #expect(problem(line) == "capture: missing PATH as NAME; usage: \(CaptureCommand.usage)")
    }
}
