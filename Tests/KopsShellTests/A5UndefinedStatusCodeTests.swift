import KapsoSimulator
import KopsTestSupport
import Testing

/// tester68 A5: `explain 471` read a number HTTP does not define as "HTTP 471 from Kapso: the request was refused"; 471 is
/// a WhatsApp error code of the older API (Twilio's table of WhatsApp codes lists 470–472). A defined status keeps its
/// reading.
@Suite struct A5UndefinedStatusCodeTests {
    @Test(arguments: ["471", "472", "480"])
    func anUndefinedNumberIsNoKapsoAnswer(_ code: String) async throws {
        let runs = try await runDemo(["explain \(code)"], number: nil, seed: .demo)
        let out = runs[0].out + runs[0].err
        #expect(!out.contains("HTTP \(code) from Kapso"), "\(out)")
        #expect(out.contains("\(code) is no status HTTP defines"), "\(out)")
        #expect(out.contains("WhatsApp error code"), "\(out)")
        #expect(!out.contains("HTTP status"), "\(out)")
    }

    @Test func aDefinedStatusKeepsItsReading() async throws {
        let runs = try await runDemo(["explain 404", "explain 418"], number: nil, seed: .demo)
        #expect(!(runs[0].out + runs[1].out).contains("is no status HTTP defines"), "\(runs[0].out)\(runs[1].out)")
        #expect(runs[0].out.contains("404"), "\(runs[0].out)")
    }
}
