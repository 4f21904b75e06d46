import Testing

@testable import KopsShell

/// tester56b: `help explain` said nothing of the delivery-status reading session 56 added (the receiver's answer, both
/// readings as "could be 1/2", the `if not:` line). Its help says it, and its example runs (`HelpExamplesTests`).
@Suite struct HelpExplainDeliveryStatusTests {
    @Test func theHelpSaysTheDeliveryReading() {
        let run = OfflineShell.run("help", "explain")
        let said = run.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(said.contains("is read as your receiver's answer to Kapso"), "\(run.out)")
        #expect(said.contains("'if not:'"), "\(run.out)")
        #expect(said.contains("both readings are given (could be 1, could be 2)"), "\(run.out)")
        #expect(said.contains("explain 'webhook failed: 401 Unauthorized'"), "\(run.out)")
    }
}
